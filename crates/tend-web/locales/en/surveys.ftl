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

## Staff pages
nav-surveys = Surveys
surveys-title = Surveys
surveys-build-hint = Surveys are built and published through the API (/api/v1/surveys); their results are here, live.
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
surveys-def-response-rate = Response rate = complete answers ÷ invitations delivered (sent minus bounced); a survey answered only through its public link has none.
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
