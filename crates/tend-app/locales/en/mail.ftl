### Outgoing mail: the subject and the body of every message Tend sends.
### A body is paragraphs separated by blank lines; the plain-text part keeps them as
### they are and the HTML part makes each one a <p>. Values are escaped for HTML by the
### code, and an http(s) $link becomes a link, so write no markup here.

## Sign-offs

# The end of every mail to a customer.
mail-sign-customer = Kind regards, Customer Service
# The end of every mail to staff.
mail-sign-staff = — Tend

# The last paragraph of every mail to a customer. Updates about their own case need no consent;
# this link withdraws consent to later contact. Variables: $link
mail-withdraw = To stop any later contact from us (offers, surveys, news), use this link: { $link }

## Acknowledgement. To the customer: the complaint is registered; its reference and private status link.

# Variables: $name, $reference, $received (date and time, in the customer's zone, named), $link
mail-acknowledgement-subject = We have received your complaint { $reference }
mail-acknowledgement-body =
    Dear { $name },

    Thank you for contacting us. We have registered your complaint, received { $received }, under reference { $reference }.

    You can follow its progress at any time on your private status page: { $link }

    This link is personal; please do not share it.

    { mail-sign-customer }

## FollowUp. To the customer after resolution: a question, with a link to answer it.

# Variables: $name, $reference, $link
mail-follow-up-subject = A question about your complaint { $reference }
mail-follow-up-body =
    Dear { $name },

    Your complaint { $reference } has been resolved. We would like to know whether you are satisfied with the outcome.

    Please answer our short question here: { $link }

    { mail-sign-customer }

## Retention. To the customer a month after a purchase.

# Variables: $name, $reference, $product, $link
mail-retention-subject = How are you getting on with your { $product }?
mail-retention-body =
    Dear { $name },

    About a month ago you purchased { $product } (reference { $reference }). We hope you are enjoying it.

    If there is anything we can do for you, let us know here: { $link }

    { mail-sign-customer }

## Assignment. To staff: a complaint was assigned to them.

# Variables: $name, $reference, $summary, $received (in the employee's zone, named), $link
mail-assignment-subject = Complaint { $reference } has been assigned to you
mail-assignment-body =
    Hello { $name },

    Complaint { $reference } has been assigned to you: { $summary }

    Received: { $received }

    Open it here: { $link }

    { mail-sign-staff }

## ResponseWarning. To staff: a complaint is close to its response-standard deadline.

# Variables: $name, $reference, $summary, $due, $link
mail-response-warning-subject = Complaint { $reference } is close to its response deadline
mail-response-warning-body =
    Hello { $name },

    Complaint { $reference } ({ $summary }) must be answered by { $due }.

    Open it here: { $link }

    { mail-sign-staff }

## Breach. To staff: a complaint has missed its response-standard deadline.

# Variables: $name, $reference, $summary, $due, $link
mail-breach-subject = Complaint { $reference } has breached its response standard
mail-breach-body =
    Hello { $name },

    Complaint { $reference } ({ $summary }) was due by { $due } and has not been handled in time.

    Please act on it now: { $link }

    { mail-sign-staff }

## Csat. To the customer a day after resolution: the satisfaction question, with its private single-use link.

# Variables: $name, $reference, $link
mail-csat-subject = How did we handle your complaint { $reference }?
mail-csat-body =
    Dear { $name },

    Your complaint { $reference } has been resolved. How satisfied are you with how we handled it? Please answer on a scale from 1 (very dissatisfied) to 5 (very satisfied).

    Answer here (one answer, within 14 days): { $link }

    This link is personal; please do not share it.

    { mail-sign-customer }

## CsatAlert. To the assignee at resolution: a customer answered the satisfaction question with 1–3.

# Variables: $name, $reference, $summary, $link
mail-csat-alert-subject = Dissatisfied customer on complaint { $reference }
mail-csat-alert-body =
    Hello { $name },

    The customer of complaint { $reference } is not satisfied with how it was handled: { $summary }

    Its follow-up is open again. Open it here: { $link }

    { mail-sign-staff }

## PolicyReview. To the owner: a policy area is due for review.

# Variables: $name, $reference (the area's name), $due (the review date), $link
mail-policy-review-subject = The policy area "{ $reference }" is due for review on { $due }
mail-policy-review-body =
    Hello { $name },

    The policy area "{ $reference }" is due for review on { $due }. No plan is perfect: read it again, change what no longer holds, and approve a new version.

    Open the policy here: { $link }

    { mail-sign-staff }

# The method's policy areas, as the review reminder names them.
mail-policy-area-overview = Overview of products and services
mail-policy-area-speed = Speed
mail-policy-area-communication = Communication
mail-policy-area-follow-up = Follow-up
mail-policy-area-complaints = Complaints
mail-policy-area-retention = Retention
mail-policy-area-monitoring = Employee monitoring
mail-policy-area-returns = Returns
mail-policy-area-shipping = Shipping
mail-policy-area-payment = Payment
mail-policy-area-contact = Contact
mail-policy-area-how-to-complain = How to complain
## Reply. To the customer: an agent's reply on their complaint, as the agent wrote it.

# Variables: $name, $reference, $body (the agent's words), $link
mail-reply-subject = Re: your complaint { $reference }
mail-reply-body =
    Dear { $name },

    { $body }

    You can follow your complaint { $reference } and answer us on your private status page: { $link }

    { mail-sign-customer }

## HelpReview. To the owner: a help article is due for review.

# Variables: $name, $reference (the article's title), $due (the review date), $link
mail-help-review-subject = The help article "{ $reference }" was due for review on { $due }
mail-help-review-body =
    Hello { $name },

    The help article "{ $reference }" was due for review on { $due }. Read it again, correct what no longer holds, and set its next review date.

    Open the article here: { $link }

    { mail-sign-staff }
## SurveyInvitation. To a customer with consent: an invitation to a survey, with a private single-use link.

# Variables: $name, $reference (the survey's title), $link
mail-survey-invitation-subject = Your opinion, please: { $reference }
mail-survey-invitation-body =
    Dear { $name },

    We would like to hear what you think, and why. Would you answer our short survey "{ $reference }"?

    Answer here (one answer; you can stop and finish later from the same link): { $link }

    This link is personal; please do not share it.

    { mail-sign-customer }

## SurveyReminder. To a customer invited who has not answered yet: the one reminder.

# Variables: $name, $reference (the survey's title), $link
mail-survey-reminder-subject = A reminder: { $reference }
mail-survey-reminder-body =
    Dear { $name },

    A few days ago we asked for your opinion in our survey "{ $reference }". If you have a moment, your answers help us improve. This is the only reminder.

    Answer here: { $link }

    { mail-sign-customer }

## FigureStale. To a figure's owner: the figure has no value for its last complete period.

# Variables: $name, $reference (the figure's name), $period (the missed period, from
# mail-figure-period-*), $link
mail-figure-stale-subject = The figure "{ $reference }" has no value for { $period }
mail-figure-stale-body =
    Hello { $name },

    The figure "{ $reference }" has no value for { $period }, its last complete period: whoever pushes it has not sent it yet. Ask them for it, or enter it on the figure's page. You are told once for each period missed.

    Open the figure here: { $link }

    { mail-sign-staff }

# The missed period, as the stale-figure mail writes it. $date is a date the reader's way,
# $month a month's name (mail-month-1 … mail-month-12), $year the year.
mail-figure-period-day = { $date }
mail-figure-period-week = the week of { $date }
mail-figure-period-month = { $month } { $year }
mail-month-1 = January
mail-month-2 = February
mail-month-3 = March
mail-month-4 = April
mail-month-5 = May
mail-month-6 = June
mail-month-7 = July
mail-month-8 = August
mail-month-9 = September
mail-month-10 = October
mail-month-11 = November
mail-month-12 = December
