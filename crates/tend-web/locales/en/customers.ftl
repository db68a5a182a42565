# Tend's pages in English: the customer list, profiles and their editing.
# Every message here must exist in es/customers.ftl and tr/customers.ftl too (a test checks).

## Fields
field-region = Region
field-birth-year = Birth year
field-notes = Notes
field-contact = Contact

## Customers
customers-title = Customers
customers-search = Name or e-mail begins with
customers-empty = No customers found.
customer-profile = Profile
customer-complaints = Their complaints
customer-edit = Edit the profile
customer-save = Save the profile
customer-new-complaint = New complaint for this customer
customer-export = Export their data (JSON)
customer-anonymise = Anonymise…
anonymise-title = Anonymise customer
anonymise-erased = Erased everywhere: the name, e-mail, phone, address, city, region, notes and external id, the text they wrote (descriptions, subjects, proposals, their messages), every mention of these in staff notes and the timeline, and the address in the mail log. Their consent to later contact ends.
anonymise-kept = Kept, so goals and rankings stay true: the complaints and their counts, categories, channels, statuses, dates, amounts, ratings and timeline, and the country, gender, education level, birth year and language.
anonymise-final = This cannot be undone.
anonymise-understood = I understand that this cannot be undone
anonymise-tick = Tick the box to confirm.
anonymise-submit = Anonymise for good
