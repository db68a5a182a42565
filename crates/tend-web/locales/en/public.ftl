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
public-updates = Keep me informed about this case
public-submit = Send
public-answered-note = Answered by the customer on the status page.
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
track-messages = Your messages
track-add-message = Add a message
track-send = Send
