# Tend's pages in English: settings: employees, categories, products, and each channel's hours and standards.
# Every message here must exist in es/channels.ftl and tr/channels.ftl too (a test checks).

## Errors
error-opening-times = write opening times like 09:00-13:00, 14:00-18:00
error-closed-line = write a date, optionally followed by "yearly"
error-minutes = give both targets as whole minutes, or neither
error-whole-number = must be a whole number

## Fields
field-role = Role
field-parent = Under
field-sku = SKU

## Settings
settings-title = Settings
settings-employees = Employees
settings-invite = Invite an employee
settings-invite-button = Invite
settings-invite-created = Send this one-time link to the new employee. It works once, for seven days:
settings-categories = Categories
settings-products = Products
settings-channels = Channels
settings-channels-hint = Each channel's service hours and response standards. Due times, alerts and messages follow them.
settings-service-hours = Service hours
settings-response-standards = Response standards
settings-add = Add
settings-save = Save
settings-time-zone = Time zone (IANA, e.g. Europe/Madrid)
settings-always-open = Always open
settings-opening-hint = Opening times per day, e.g. 09:00-13:00, 14:00-18:00. Leave a day empty when closed; 22:00-06:00 runs past midnight.
settings-closed = Closed on
settings-closed-hint = One date per line, e.g. 2026-12-25 yearly, or 2026-08-14 for once.
settings-targets-hint = Minutes of service time to the first response and to resolution, per priority. Leave both empty for no target.
settings-first-response-minutes = First response (minutes)
settings-resolution-minutes = Resolution (minutes)
settings-warn-at = Warn at (% of the target)
settings-escalate-on-breach = Escalate one tier up on a breach
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday
settings-inactive = Inactive: cannot sign in or use API tokens.
settings-deactivate = Deactivate
settings-reactivate = Reactivate
settings-revoke-tokens = Revoke API tokens
