### La conversación de una reclamación: respuestas al cliente, notas internas, mensajes del cliente.

conversation-title = Conversación
conversation-empty = Aún no hay mensajes.
conversation-kind-legend = Enviar como
conversation-kind-reply = Respuesta al cliente (por correo y en su página de estado)
conversation-kind-note = Nota interna (solo para el personal)
conversation-send = Enviar
field-body = Mensaje
# Qué es un mensaje, junto a su autor.
message-kind-reply = respuesta
message-kind-note = nota interna
message-via-staff = escrito aquí
message-via-status_page = en la página de estado
message-via-email = por correo electrónico
# En la página de estado del cliente: quién escribió un mensaje.
status-from-us = Nuestra respuesta
status-from-you = Usted
conversation-canned = Partir de una respuesta predefinida (en el idioma del cliente)
conversation-use-canned = Usarla
field-canned = Respuesta predefinida
# Los nombres en la cronología de lo que hizo la conversación.
action-message_added = Mensaje añadido
action-replied = Primera respuesta (una respuesta al cliente)
