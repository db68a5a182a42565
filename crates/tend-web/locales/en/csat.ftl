## The business's reasons a dissatisfied customer may pick
csat-reasons-title = Satisfaction reasons
csat-reasons-intro = When a customer rates how we handled their complaint 1, 2 or 3 (of 5), they may pick one of these reasons and say why in their own words. Up to 8 reasons, each with a code (kept with every answer) and its text in English, Spanish and Turkish. Leave a row empty to leave it out.
csat-reasons-row = Reason
csat-reasons-code = Code (lowercase letters, digits, _)
csat-reasons-in-en = In English
csat-reasons-in-es = In Spanish
csat-reasons-in-tr = In Turkish
csat-reasons-save = Save the reasons
