# Tend's pages in English: surveys — answering at the public link, the staff's list and results.
# Every message here must exist in es/surveys.ftl and tr/surveys.ftl too (a test checks).

## Answering
survey-progress = Page { $page } of { $pages }
survey-required = required
survey-rating-hint = 1 = very poor, { $max } = excellent
survey-nps-hint = 0 = not at all likely, 10 = extremely likely
survey-yes = Yes
survey-no = No
survey-other = Other
survey-other-text = Other (please say what)
survey-next = Next
survey-send = Send my answers
survey-thanks = Thank you: your answers are recorded.
survey-answered = Thank you: your answers are recorded. This survey takes one answer from each person.
survey-closed = This survey is closed and takes no more answers. Thank you.
survey-expired = This invitation link has expired and takes no more answers: invitation links last { $days } days. Thank you.

## Staff pages
nav-surveys = Surveys
surveys-title = Surveys
surveys-build-hint = Managers build surveys here or through the API (/api/v1/surveys); their results are here, live.
surveys-empty = No surveys yet.
surveys-survey = Survey
surveys-status = Status
survey-status-draft = Draft
survey-status-open = Open
survey-status-closed = Closed
surveys-public-link = Public link
surveys-complete = Complete responses
surveys-partial = Partial responses (not counted below)
surveys-definitions = How these figures are defined
surveys-def-counted = Only complete responses are counted; n is how many of them answered the question (a multiple choice counts each response once; its shares can add up to more than 100 %).
surveys-def-mean = Mean: the sum of the answers divided by n.
surveys-def-median = Median: the middle answer in order, or the mean of the two middle answers when n is even.
surveys-def-nps = NPS = % promoters (9–10) − % detractors (0–6), from the counts, to one decimal; passives are 7–8.
surveys-def-interval = 95 % interval: scoring each answer +1 (promoter), 0 (passive), −1 (detractor), NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n), with p and d the shares of promoters and detractors, clamped to −100…100; below 30 answers none is given.
surveys-def-response-rate = Response rate = complete answers ÷ invitations delivered (sent minus bounced: an invitation bounced when a delivery failure report about its message or its reminder came back to Tend's mail-in); a survey answered only through its public link has none.
surveys-mean = mean
surveys-median = median
surveys-interval = 95 % interval
surveys-too-few = too few answers for an interval
surveys-answer = Answer
surveys-count = Answers
surveys-share = Share of n
surveys-open-answers = Open answers
surveys-search = Search the open answers
surveys-apply = Search
surveys-no-open = No open answers.

## The builder (managers)
survey-build-new = New survey
survey-build-edit = Edit the draft
survey-build-hint = A draft can be changed until it is published; once published its questions stay as they were, so every answer keeps the text it answered. Publishing needs every text in each of the survey's languages.
survey-build-missing = Still missing before it can be published:
survey-build-languages = Languages of the survey
survey-build-lang-en = English
survey-build-lang-es = Spanish
survey-build-lang-tr = Turkish
survey-build-question = Question { $n }
survey-build-kind = Kind
survey-build-kind-none = — (no question)
survey-build-kind-open = Open text
survey-build-kind-rating = Rating scale
survey-build-kind-nps = How likely to recommend (NPS, 0–10)
survey-build-kind-single_choice = Single choice
survey-build-kind-multiple_choice = Multiple choice
survey-build-kind-yes_no = Yes / no
survey-build-scale-hint = For a rating scale only.
survey-build-required = An answer is required
survey-build-other = Offer "other: …" (multiple choice only)
survey-build-options-hint = Choices: one a line, the same line in every language (choice kinds only).
survey-build-remove = Remove this question
survey-build-save = Save the draft
survey-build-publish = Save and publish
survey-build-close = Close the survey (its results stay)
survey-build-field-title = Title
survey-build-field-intro = Introduction
survey-build-field-text = Question
survey-build-field-explanation = Explanation
survey-build-field-options = Choices
survey-build-field-scale = Scale
survey-build-field-page = Page
survey-build-field-other = Other
survey-build-field-languages = Languages
survey-build-field-questions = Questions
survey-build-field-status = Status

## Invitations and the response rate
survey-invite-title = Invitations
survey-invite-hint = Each customer chosen is invited once, by e-mail in their language, inside the e-mail channel's hours, with a private link that takes one answer, and one reminder 7 days later if still unanswered. Only customers with an address who agreed to be contacted are invited; a customer who withdraws consent gets nothing more. A link expires the days set in the survey settings after the invitation (30 unless changed) and then stores nothing.
survey-invite-audience = Whom to invite
survey-invite-all = Every customer who agreed to be contacted
survey-invite-segment = A segment: by country and/or preferred language
survey-invite-saved-segment = A saved customer segment (its members now)
survey-invite-segment-id = Saved segment
survey-invite-bad-segment = The field “{ $field }” takes a saved segment.
survey-invite-list = A list of customer numbers
survey-invite-country = Country (ISO code, e.g. ES)
survey-invite-language = Preferred language (en, es, tr)
survey-invite-customers = Customer numbers, separated by spaces or commas
survey-invite-send = Invite
survey-invite-done = Invited: { $invited } · left out (no consent or no address): { $left_out } · invited before: { $already }
survey-invite-bad-customers = The field “{ $field }” takes customer numbers separated by spaces or commas.
survey-invite-not-open = Only an open survey takes invitations (“{ $field }”).
survey-invite-invited = Invited
survey-invite-sent = Sent
survey-invite-bounced = Bounced
survey-invite-delivered = Delivered
survey-invite-answered = Complete answers through an invitation
survey-invite-rate = Response rate
survey-invite-no-rate = none yet (nothing delivered)

## Coding open answers
survey-codes-title = Codes of the open answers
survey-codes-def = Each open answer of a complete response can carry several codes from this survey's list. A code's count is how many open answers carry it; its share is that count ÷ n, n being every complete open answer (an answer with several codes counts under each, so shares can add up to more than 100 %). Each count links to the answers it counts.
survey-codes-coded = answers with at least one code
survey-codes-code = Code
survey-codes-new = New code
survey-codes-add = Add the code
survey-codes-all = All open answers
survey-codes-of-answer = Codes of this answer
survey-codes-save = Save the codes
survey-code-bad = The field “{ $field }” needs a name of 1 to 100 characters.
survey-code-taken = This survey has a code with this name already (“{ $field }”).
survey-code-unknown = Not one of this survey's codes, or not a complete open answer (“{ $field }”).

## Settings and the relationship (NPS) schedule
survey-settings-title = Survey settings
survey-settings-intro = How long an invitation's private link takes answers, and how long a customer asked by any survey or satisfaction question is left alone by the relationship schedule.
survey-settings-link-hint = Days from an invitation to its link's expiry; from that instant the link stores nothing.
survey-settings-cooldown-hint = Days within which a customer invited to any survey, or sent a satisfaction question after a resolution, is not invited again by a schedule (0: no cooldown).
survey-settings-range = A whole number from { $min } to { $max }.
survey-settings-save = Save the settings
field-invitation-link-days = Days a link takes answers
field-cooldown-days = Cooldown (days)
survey-schedule-title = Relationship schedule (NPS)
survey-schedule-link = Relationship schedule
survey-schedule-intro = Each round invites every customer with an e-mail address and consent who was not asked within the cooldown, inside the e-mail channel's service hours (at its next opening when it is closed), in the customer's language, with one reminder. Only an open survey with an NPS question can be scheduled.
survey-schedule-every = Every (days)
survey-schedule-next = Next round
survey-schedule-set-at = Set on
survey-schedule-none = This survey has no schedule.
survey-schedule-stop = Stop the schedule
survey-schedule-needs = Only an open survey with an NPS question can be scheduled.
survey-schedule-every-hint = Days between rounds, a whole number from { $min } to { $max } (91 is about a quarter).
survey-schedule-starts-hint = Empty: the first round is now.
survey-schedule-save = Save the schedule
field-every-days = Days between rounds
field-starts-at = First round
field-questions = Questions
