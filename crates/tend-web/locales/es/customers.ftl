# Las páginas de Tend en español: la lista de clientes, sus fichas y su edición.
# Cada mensaje debe existir también en en/customers.ftl y tr/customers.ftl.

## Campos
field-region = Región
field-birth-year = Año de nacimiento
field-notes = Notas
field-contact = Contacto

## Clientes
customers-title = Clientes
customers-search = El nombre o el correo empieza por
customers-empty = No se encontraron clientes.
customer-profile = Perfil
customer-complaints = Sus quejas
customer-edit = Editar el perfil
customer-save = Guardar el perfil
customer-new-complaint = Nueva queja de este cliente
