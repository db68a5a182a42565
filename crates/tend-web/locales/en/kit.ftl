# Tend's pages in English: the frame, navigation, errors, formats and the labels several capabilities share.
# Every message here must exist in es/kit.ftl and tr/kit.ftl too (a test checks).

## Formats (jiff strftime patterns and number separators)
format-decimal-separator = .
format-group-separator = ,

## Frame
skip-to-content = Skip to content
nav-label = Main
nav-inbox = Inbox
nav-new-complaint = New complaint
nav-customers = Customers
nav-audit = Audit log
nav-dead-jobs = Dead jobs
nav-settings = Settings
sign-out = Sign out
language = Language
language-apply = Change
yes = Yes
no = No

## Errors
error-title = Something went wrong
error-home = Back to the start
error-not-found = We could not find that page.
error-forbidden = Your role does not allow this.
error-csrf = This form has expired or did not come from Tend. Go back, reload the page and try again.
error-bad-request = The request could not be understood.
error-too-many = Too many attempts from your address. Please wait a minute and try again.
error-invalid = Some of what was sent is not valid.
error-conflict = Someone else changed this in the meantime. Reload the page and try again.
error-unavailable = Tend is restarting. Please try again in a moment.
error-internal = Something went wrong on our side. It has been logged.
error-required = is required
error-number = must be a whole number
error-datetime = must be a date and time
form-has-errors = Please correct the fields below.

## Fields
field-email = E-mail
field-phone = Phone
field-name = Name
field-address = Address
field-city = City
field-country = Country (two letters)
field-language = Preferred language
field-consent = Agrees to be contacted
field-reference = Reference
field-summary = Summary
field-status = Status
field-received = Received
field-tier = Support tier
field-outcome = Outcome

## Inbox
inbox-apply = Show
inbox-empty = No complaints match.
inbox-pages = Pages
inbox-next-page = Next page

## Values
status-received = Received
status-understood = Understood
status-cause_identified = Cause identified
status-solution_agreed = Solution agreed
status-resolved = Resolved
status-closed = Closed
kind-complaint = Complaint
kind-feedback = Feedback
kind-question = Question
kind-suggestion = Suggestion
kind-praise = Praise
priority-low = Low
priority-normal = Normal
priority-high = High
priority-urgent = Urgent
channel-phone = Phone
channel-email = E-mail
channel-web = Web form
channel-chat = Live chat
channel-social = Social media
channel-in_person = In person
channel-self_service = Self-service
outcome-satisfied = Satisfied
outcome-not_satisfied = Not satisfied
outcome-no_answer = No answer
tier-0 = 0 · Self-service
tier-1 = 1 · Front line
tier-2 = 2 · Specialists
tier-3 = 3 · Experts and management
role-viewer = Viewer
role-agent = Agent
role-manager = Manager
role-admin = Administrator
error-not-utf8 = The field “{ $field }” is not valid UTF-8 text.
error-nul = The field “{ $field }” contains a NUL character, which is not allowed.
footer-api-docs = API reference
error-too-large = The request is larger than the server accepts (files: at most 10 MiB together).
