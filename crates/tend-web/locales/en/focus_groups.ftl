# Tend's pages in English: focus groups — sessions, their notes and findings by problem category.
# Every message here must exist in es/focus_groups.ftl and tr/focus_groups.ftl too (a test checks).

focus-title = Focus groups
focus-hint = Sessions with customers or employees about frequent problems: planned with their topic, time (in the company's zone), participants and questions; their notes kept; their findings tied to the problem category they concern.
focus-empty = No sessions yet.
focus-topic = Topic
focus-when = When
focus-audience = With
focus-audience-customers = Customers
focus-audience-employees = Employees
focus-participants = Participants
focus-participants-numbers = Participants: customer numbers, separated by spaces or commas
focus-no-participants = No participants listed.
focus-questions = Questions (one a line)
focus-notes = Notes
focus-notes-save = Save the notes
focus-findings = Findings
focus-findings-by-category = Findings by problem category
focus-no-findings = No findings yet.
focus-no-category = No category
focus-statement = Finding
focus-category = Problem category
focus-quote = A quote
focus-raised-by = Participants who raised it
focus-severity = Severity
focus-severity-low = Low
focus-severity-medium = Medium
focus-severity-high = High
focus-finding-add = Add the finding
focus-plan = Plan a session
focus-plan-save = Plan the session
