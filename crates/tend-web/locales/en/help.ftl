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
