# Tend's pages in English: the inbox, a new complaint, and the complaint page with its method.
# Every message here must exist in es/complaints.ftl and tr/complaints.ftl too (a test checks).

## Errors
error-read-back = Read the facts back to the customer and tick this box when they confirm.

## Fields
field-customer = Customer
field-due = Due
field-received-by = Received by
field-kind = Kind
field-channel = Channel
field-category = Category
field-product = Product
field-priority = Priority
field-assignee = Assigned to
field-subject = Subject
field-description = What happened
field-order-reference = Order reference
field-follow-up-at = Follow up on
field-prevention = How to prevent this in future
field-facts = The facts, as the customer told them
field-read-back = I read the facts back and the customer confirmed them
field-root-cause = What caused the problem
field-responsible = Who was responsible
field-customer-proposal = What the customer proposed (ask them first)
field-agreed-solution = The solution you agreed
field-solution-mode = Done on the spot or promised?
field-promised-by = Promised by
field-corrective-action = Corrective action taken
field-apologised = We apologised to the customer
field-compensation = Compensation
field-compensation-kind = Kind
field-compensation-note = Note on the compensation
field-amount = Amount
field-currency = Currency
field-satisfied-now = Is the customer satisfied?
field-resolved-at = Resolved
field-rating = Satisfaction (1–5)
field-follow-up-note = Follow-up note
field-close-reason = Reason for closing
field-reopen-reason = Reason for reopening
field-step = A step you took
field-wait-reason = What you asked the customer for
field-reply-note = What the customer answered
field-escalate-to = Escalate to
field-escalate-reason = Why
field-when = When
field-who = Who
field-action = Action
field-change = Change

## Inbox
any = Any
inbox-title = Inbox
inbox-filters = Filters
inbox-search = Search
inbox-sort = Order
inbox-sort-newest = Newest first
inbox-sort-oldest = Oldest first
inbox-mine = Assigned to me
inbox-escalated = Escalated
inbox-overdue = Follow-up overdue
inbox-clear = Clear
inbox-first-page = First page
inbox-bad-filter = One of the filters has a value Tend does not know; it was ignored.
inbox-bad-search = Search for at least one letter or digit.
badge-escalated = Escalated
badge-waiting = Waiting on the customer

## Due times
due-first-response = First response
due-resolution = Resolution
due-met = met
due-breached = overdue
due-paused = paused
due-left = { $time } left
duration-hours = { $h } h
duration-minutes = { $m } min

## New complaint
new-title = New complaint
new-customer-heading = Who is it?
new-find-customer = Find a customer by name or e-mail
new-find-button = Find
new-customer-new = A new customer:
new-what-heading = What happened
new-submit = Log the complaint

## The complaint page and the method
complaint-what-happened = What the customer said
complaint-answers = So far
complaint-steps = Steps taken
complaint-no-steps = No steps yet.
complaint-details = Details
complaint-save-details = Save the details
complaint-timeline = Timeline
method-progress = The resolution method
method-understand = Understand
method-identify_cause = Identify the cause
method-agree_solution = Propose solutions
method-resolve = Resolve
method-follow_up = Follow up
hint-understand = Let the customer speak. Note the facts, then read them back to confirm you understood.
hint-identify-cause = What did the customer do, what should have happened? Isolate the problem, and accept it when the company is responsible.
hint-agree-solution = Ask the customer what would put it right first, then agree a plan that works for both.
hint-resolve = Take the corrective action, apologise, offer compensation if it is due, and ask whether the customer is satisfied.
hint-follow-up = At the follow-up time, ask the customer whether they are satisfied.
hint-close = The follow-up is done. Close the complaint, or reopen it if the problem is not solved.
hint-closed = This complaint is closed. Reopen it if the problem came back.
step-close = Close
step-reopen = Reopen
step-apologised = Apologised to the customer.
satisfied-later = Ask at the follow-up
compensation-none = None
tier-next = One tier up
submit-understand = Save the facts
submit-identify_cause = Save the cause
submit-agree_solution = Save the solution
submit-resolve = Mark resolved
submit-follow_up = Save the follow-up
submit-close = Close the complaint
submit-reopen = Reopen
submit-step = Add the step
submit-wait_for_customer = Wait for the customer
submit-customer_replied = The customer answered
submit-escalate = Escalate
actor-customer = the customer

## Timeline actions
action-created = Received
action-edited = Edited
action-step_added = Step taken
action-understand = Understood
action-identify_cause = Cause identified
action-agree_solution = Solution agreed
action-resolve = Resolved
action-follow_up = Followed up
action-csat_answer = Satisfaction answer (CSAT)
action-close = Close
action-reopen = Reopen
action-escalate = Escalate
action-wait_for_customer = Wait for the customer
action-customer_replied = The customer answered

## Values
party-company = Our company
party-customer = The customer
party-vendor = A vendor
party-shipping = Shipping
party-other = Someone else
mode-on_the_spot = Done on the spot
mode-promised = Promised for later
compensation-refund = Refund
compensation-credit = Credit
compensation-replacement = Replacement
compensation-coupon = Coupon
compensation-other = Other
complaint-merge = Merge into another complaint
field-merge-into = The complaint that stays (id or reference, same customer)
submit-merge = Merge
complaint-delete = Delete this complaint
field-delete-reason = Why (e.g. spam)
field-delete-confirm = Yes, delete it: its text is erased for good after { $days } days
submit-delete = Delete
complaint-delete-unconfirmed = Tick the box to confirm.
action-merged_into = Merged into
action-merged_from = Merged from
action-deleted = Deleted
action-purged = Text purged
complaint-merged-into = This complaint was merged into
complaint-merged-from = Merged into this one:
