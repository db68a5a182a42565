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
customer-export = Exportar sus datos (JSON)
customer-anonymise = Anonimizar…
anonymise-title = Anonimizar cliente
anonymise-erased = Se borra en todas partes: el nombre, el correo, el teléfono, la dirección, la ciudad, la región, las notas y el identificador externo, el texto que escribió (descripciones, asuntos, propuestas, sus mensajes), cualquier mención de estos datos en notas del personal y en el historial, y la dirección en el registro de correo. Su consentimiento para contactos posteriores termina.
anonymise-kept = Se conserva, para que objetivos y clasificaciones sigan siendo ciertos: las reclamaciones y sus recuentos, categorías, canales, estados, fechas, importes, valoraciones e historial, y el país, el género, el nivel de estudios, el año de nacimiento y el idioma.
anonymise-final = Esto no se puede deshacer.
anonymise-understood = Entiendo que esto no se puede deshacer
anonymise-tick = Marque la casilla para confirmar.
anonymise-submit = Anonimizar definitivamente
