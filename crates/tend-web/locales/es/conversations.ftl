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
# Correo recibido (página de ajustes para responsables).
mail-in-title = Correo recibido
mail-in-definition = Los últimos 200 mensajes recibidos por LMTP, del más reciente al más antiguo, y qué fue de cada uno. Las respuestas automáticas, las devoluciones, el correo del propio Tend y los mensajes de un remitente por encima de 5 reclamaciones nuevas por hora se guardan aquí y no crean nada.
mail-in-empty = Aún no se ha recibido correo.
mail-in-at = Recibido (UTC)
mail-in-from = De
mail-in-subject = Asunto
mail-in-outcome = Resultado
mail-in-complaint = Reclamación
mail-in-outcome-threaded = añadido a una conversación
mail-in-outcome-created = reclamación nueva
mail-in-outcome-automatic = automático (respuesta automática o devolución)
mail-in-outcome-own = del propio Tend
mail-in-outcome-rate_limited = por encima del límite del remitente
mail-in-outcome-duplicate = ya recibido
mail-in-outcome-unreadable = ilegible
# Archivos de la conversación.
conversation-files = Adjuntar archivos (como máximo 10; cada uno hasta 5 MiB, 10 MiB en total). El personal solo puede descargarlos.
conversation-opening-files = Archivos enviados con el correo que abrió esta reclamación:
field-files = Archivos
attachment-size = { $size } bytes
