# Tend's pages in English: the public complaint form, the thanks page and the case status page.
# Every message here must exist in es/public.ftl and tr/public.ftl too (a test checks).

## Errors
error-closed = This complaint is closed.
error-contact = Give an e-mail address or a phone number so we can answer you.

## Public pages
public-title = Tell us what happened
public-intro = We read every message and answer as soon as we can. You will get a reference and a private link to follow your case.
public-kind = This is a
public-name = Your name
public-contact = How can we reach you? (e-mail or phone)
public-what-happened = What happened?
public-order = Order reference (if you have one)
public-order-subject = Order { $order }
public-updates-note = We will send you updates about this case: you need not agree to anything for that.
public-later-contact = You may also contact me later with offers, surveys and news (optional; I can withdraw this at any time)
consent-title = Later contact
consent-given = You agreed that we may contact you later with offers, surveys and news. Updates about this case come either way.
consent-none = We will only write to you about this case.
consent-withdraw = Stop later contact
consent-withdraw-question = Stop all later contact from us (offers, surveys, news)? Updates about your open cases still come.
consent-withdrawn = Done: we will not contact you later with offers, surveys or news.
public-submit = Send
public-status-received = We have received your message and will look at it shortly.
public-status-understood = We have understood what happened and are looking for the cause.
public-status-cause_identified = We have found the cause and are working out a solution.
public-status-solution_agreed = We have agreed a solution and are carrying it out.
public-status-resolved = We have resolved your case.
public-status-closed = Your case is closed.
thanks-title = Thank you
thanks-reference = Your reference:
thanks-link = Follow your case at this private link:
thanks-keep = Keep the link to yourself: anyone who has it can see this case.
thanks-received = Your message has been received.
track-title = Your case
track-received = Received
track-where = Where it stands
track-waiting = We are waiting for your answer:
track-solution = Agreed solution:
track-promised = Promised by:
track-resolved = Resolved:
track-satisfied-question = Are you satisfied with how we resolved this?
track-satisfaction-given = Your answer to how satisfied you are:
track-messages = Your messages
track-add-message = Add a message
track-send = Send

# The satisfaction question after a resolution (/csat/{token}).
csat-title = How did we handle it?
csat-question = How satisfied are you with how we handled your complaint?
csat-scale = 1 = very dissatisfied, 5 = very satisfied.
csat-why-hint = If you chose 1 to 3, please tell us why.
csat-reason = The main reason
csat-why = What should we have done better?
csat-send = Send my answer
csat-thanks = Thank you: your answer is recorded.
csat-answered = This question has been answered already. Thank you.
csat-rating-required = Choose a number from 1 to 5.
error-gone = This complaint is no longer available.
