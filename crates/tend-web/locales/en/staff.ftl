# Tend's pages in English: sign-in and invitations.
# Every message here must exist in es/staff.ftl and tr/staff.ftl too (a test checks).

## Errors
error-password-short = must have at least { $min } characters
error-password-repeat = The two passwords differ.

## Sign-in and invitations
sign-in-title = Sign in
sign-in-button = Sign in
sign-in-failed = That e-mail and password do not match an active account.
first-run-title = Welcome to Tend
first-run-body = There are no users yet. Open the one-time setup link that Tend printed in the server's output when it started (it begins with /setup?token=) to create the first administrator in your browser.
first-run-after = No link at hand? Restart the server to print a new one, or create the administrator on the server's command line with tend user add.
invite-title = Choose your password
invite-welcome = Welcome, { $name }.
invite-button = Save and sign in
field-new-password = New password (at least 10 characters)
field-repeat-password = Repeat the password
field-password = Password

## First run in the browser
setup-title = Set up Tend
setup-intro = Create the first administrator and tell Tend about your company. This link works once.
setup-company = Company name
setup-time-zone = Company time zone
setup-time-zone-hint = An IANA time zone name, such as Europe/Madrid, Europe/Istanbul or America/New_York.
setup-language = Your language
setup-password-hint = Choose a long password that is hard to guess: several unrelated words work well.
setup-repeat = The password again
setup-submit = Create the administrator
error-setup-token = This setup link is not valid. Use the link from the server's output.
error-time-zone = is not a time zone Tend knows (for example Europe/Madrid)
error-language = choose English, Español or Türkçe
error-password-weak = is too easy to guess: make it longer, with words or characters that follow no pattern

## Own settings (/me) and the company's settings (/settings/company)
nav-me = My settings
nav-company = Company
field-time-zone = Time zone
field-company = Company name
me-title = My settings
me-now = Your pages and mail show times in your time zone; it is now { $now }.
me-time-zone-hint = An IANA time zone name such as Europe/Istanbul or America/Mexico_City. Leave it empty to use the company's ({ $company }).
me-save = Save
company-title = Company
company-intro = The company's name, and the time zone in which employees who have not chosen their own read every time on the pages and in mail. Due times are still counted in each channel's service hours.
company-save = Save

## The purge period (/settings/company)
purge-title = Deleted complaints
purge-intro = A deleted complaint is hidden at once; after this many days its text is erased for good (the row stays, without text). A change applies to complaints already deleted too.
field-purge-days = Days before purging
purge-days-hint = A whole number of days, from { $min } to { $max }.
purge-save = Save the period
