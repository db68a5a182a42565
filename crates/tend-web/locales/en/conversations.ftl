### The conversation on a complaint: replies to the customer, internal notes, the customer's messages.

conversation-title = Conversation
conversation-empty = No messages yet.
conversation-kind-legend = Send as
conversation-kind-reply = Reply to the customer (mailed and shown on their status page)
conversation-kind-note = Internal note (staff only)
conversation-send = Send
field-body = Message
# What a message is, shown next to its author.
message-kind-reply = reply
message-kind-note = internal note
message-via-staff = written here
message-via-status_page = on the status page
message-via-email = by e-mail
# On the customer's status page: who wrote a message.
status-from-us = Our reply
status-from-you = You
conversation-canned = Start from a canned reply (in the customer's language)
conversation-use-canned = Use it
field-canned = Canned reply
# The timeline's names for what the conversation did.
action-message_added = Message added
action-replied = First response (a reply)
# Mail received (settings page for managers).
mail-in-title = Mail received
mail-in-definition = The latest 200 messages taken in over LMTP, newest first, and what became of each. Auto-replies, bounces, Tend's own mail and a sender's messages over 5 new complaints an hour are kept here and create nothing.
mail-in-empty = No mail received yet.
mail-in-at = Received (UTC)
mail-in-from = From
mail-in-subject = Subject
mail-in-outcome = Outcome
mail-in-complaint = Complaint
mail-in-outcome-threaded = added to a conversation
mail-in-outcome-created = new complaint
mail-in-outcome-automatic = automatic (auto-reply or bounce)
mail-in-outcome-own = from Tend itself
mail-in-outcome-rate_limited = over the sender's limit
mail-in-outcome-duplicate = received before
mail-in-outcome-unreadable = unreadable
# Files in the conversation.
conversation-files = Attach files (at most 10; each at most 5 MiB, 10 MiB together). They are offered to staff as downloads only.
conversation-opening-files = Files sent with the mail that opened this complaint:
field-files = Files
attachment-size = { $size } bytes
# The quarantine (managers).
quarantine-title = Held mail
quarantine-definition = Messages set aside by the loop rules (auto-replies, bounces), the sender limits and DMARC (mail that fails it from a domain asking to reject or quarantine such mail), not yet released or deleted, newest first (at most 200). Release delivers a message into its conversation as if it had just arrived; delete erases what it said. Both are written to the audit log.
quarantine-count = Held: { $n }
quarantine-empty = No mail is held.
quarantine-held = Held because
quarantine-size = Size
quarantine-actions = Decide
quarantine-release = Release
quarantine-delete = Delete
mail-in-quarantine-link = Held mail (quarantine)
field-per_sender_per_hour = Messages per hour from one sender
mail-in-limit-definition = How many messages one sender address may send in an hour (counted over the last 60 minutes, every message it sent) before its next ones are held in the quarantine; 1 to 10000.
mail-in-limit-save = Save the limit
mail-in-outcome-dmarc_failed = failed DMARC (its domain asks to reject or quarantine such mail)
mail-auth-checks = Sender checks
mail-auth-summary = SPF { $spf } · DKIM { $dkim } · DMARC { $dmarc }
mail-auth-policy = (domain policy: { $policy })
mail-auth-unchecked = not checked
mail-auth-result-pass = pass
mail-auth-result-fail = fail
mail-auth-result-softfail = soft fail
mail-auth-result-neutral = neutral
mail-auth-result-none = none
mail-auth-result-temperror = temporary error
mail-auth-result-permerror = permanent error
mail-auth-policy-none = none
mail-auth-policy-quarantine = quarantine
mail-auth-policy-reject = reject
mail-auth-opening = Sender checks of the mail that opened this complaint:
