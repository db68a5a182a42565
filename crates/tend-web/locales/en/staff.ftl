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
first-run-body = There are no users yet. Create the first administrator on the server's command line:
first-run-after = It prints a one-time password. Sign in here with that e-mail address and password.
invite-title = Choose your password
invite-welcome = Welcome, { $name }.
invite-button = Save and sign in
field-new-password = New password (at least 10 characters)
field-repeat-password = Repeat the password
field-password = Password
