# The plan page: the whole plan as of a date, printable.
nav-plan = Plan
plan-title = The plan
plan-heading = The plan as of { $date }
plan-on = As of
plan-show = Show
plan-vision = Vision
plan-vision-version = Version { $version }, saved by { $author } on { $date }.
plan-vision-none = No vision statement had been saved by this date.
plan-problems = Focus problems
plan-problems-period = Complaints received from { $from } to { $to }.
plan-problems-none = No ranked problem in this period.
plan-complaints = { $n } complaints
plan-problems-definition = The categories a manager adopted as focus problems (the adoption in force at the end of this date), each with its complaints in the three months up to this date; before any adoption, the top three of the problems ranking over those months: complaint categories scored by frequency, cost and customers lost, non-actionable categories left out.
plan-focus-adopted = Adopted by { $by } on { $date }.
plan-focus-ranked = Not adopted yet: the ranking's top three.
plan-problems-link = The whole ranking and its definitions
plan-goals = Service goals
plan-goal = Goal
plan-goal-not-yet = no period on this date
plan-goals-definition = For each goal, the period holding this date: a closed period as it was frozen when it ended; otherwise the period measured as of the end of this date (today: live), counting only what had happened by then, under the goal's version then in force. Status: met or missed for a closed period, on track or at risk for an open one, no data when n = 0.
plan-policy = Policy
plan-policy-from = effective from { $date }
plan-policy-none = No policy version was in effect on this date.
plan-training = Training
plan-training-definition = The mandatory introduction of the plan: active staff (vendors' accounts excluded) who attended an introduction session held on or before this date.
plan-quotient = Customer service quotient
plan-quotient-round = Last round by this date: { $round } (n = { $n } respondents).
plan-quotient-none = No quotient assessment had been made by this date.
