# The help centre (public) and its gaps page (managers).
help-title = Help centre
help-search = Search the help centre
help-search-go = Search
help-results = Search results
help-no-results = No article matches your search.
help-results-other-language = Nothing matched in your language; these articles are in another language.
help-no-articles = There are no articles yet.
help-other = Other
help-contact = Still need help? Write to us
help-shown-in = This article is not available in your language yet; it is shown in { $lang }.
help-did-it-help = Did this help?
help-yes = Yes, it helped
help-no = I still need help
help-thanks = Thank you for telling us.
help-sorry = Sorry it did not help.
help-lang-en = English
help-lang-es = Spanish
help-lang-tr = Turkish
gaps-title = Help centre gaps
gaps-empty-searches = Searches that found nothing
gaps-empty-searches-def = Public searches, counted by their words (case and accents folded) and language, that found no public article; n = number of such searches.
gaps-words = Words searched
gaps-last = Last searched
gaps-none = Nothing to show yet.
gaps-articles = Articles people still needed help after
gaps-categories = Categories people still needed help in
gaps-outcomes-def = n = answers to "Did this help?"; "I still need help" answers and their share of n (%), ranked by that number.
gaps-name = Name
gaps-still-need-help = I still need help

# The staff's article pages.
nav-help = Help articles
field-title = Title
field-visibility = Visibility
field-source-lang = Source language
help-f-category = Category
help-f-owner = Owner
help-f-review = Next review
help-f-body = Text (Markdown)
help-f-status = Status
help-visibility-draft = Draft
help-visibility-internal = Internal (staff)
help-visibility-public = Public
help-visibility-archived = Archived
help-status-missing = Missing
help-status-draft = Draft
help-status-published = Published
help-source-changed = The source changed since this translation
help-linked-by-customer = The customer (read it before sending)
articles-title = Help articles
articles-new = New article
articles-edit = Article
articles-all = All articles
articles-save = Save
articles-save-text = Save this language
articles-preview = Preview
articles-markdown = Markdown: # headings, **bold**, lists, [links](https://…). Scripts and unsafe links are removed.
articles-publish-note = You can write drafts; a manager or an administrator publishes.
articles-history = History
articles-saved-by = Saved by
articles-when = When
articles-linked = Complaints this article was linked to
articles-complaint = Complaint
articles-linked-by = Linked by
articles-links = Linked complaints
articles-links-def = Linked complaints: n = complaints an agent linked the article to, or whose customer was shown it before sending.
articles-deflection = Deflection by the complaint form
articles-deflected = solved by an article
articles-sent = sent anyway
articles-deflection-def = Deflection rate = visits of the complaint form shown at least one article where the customer said "this solved it" and sent nothing ÷ (those + visits shown an article that still sent the complaint); n = that sum. Visits that left without answering count in neither.
articles-gaps = Categories without an article
articles-gaps-def = Categories that received complaints in the last 90 days (merged and deleted ones left out) and have no public article published in any language; n = those complaints.
help-suggest-title = Before you send: these articles may answer your question
help-suggest-solved = This solved it
help-suggest-send = This didn't help, send my complaint
help-suggest-next = Continue
help-solved-title = We're glad it helped
help-solved-text = Nothing was sent. If you still need help, you can write to us at any time.
help-feed-title = Help centre
link-article = Link a help article
link-article-go = Link
link-article-none = No article linked yet.
link-article-public = Public link
articles-shown = shown
articles-rate = Deflection
article-deflection-def = For this article: of the visits of the complaint form it was shown to, deflected = those where the customer said it solved their problem and sent nothing; sent anyway = those that still sent the complaint. Rate = deflected ÷ (deflected + sent anyway); n = that sum. Visits that left without answering count in neither; a visit shown several articles counts for each.
