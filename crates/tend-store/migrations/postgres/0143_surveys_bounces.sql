-- Bounces: a delivery status notification names the Message-ID of the message that came back;
-- Tend finds which of its own messages that was (and so which survey invitation bounced).
CREATE INDEX sent_mail_message_id ON sent_mail (message_id);
