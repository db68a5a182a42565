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
