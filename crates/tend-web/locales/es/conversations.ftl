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
# La cuarentena (responsables).
quarantine-title = Correo retenido
quarantine-definition = Mensajes apartados por las reglas contra bucles (respuestas automáticas, rebotes), los límites por remitente y DMARC (correo que no lo supera de un dominio que pide rechazarlo o ponerlo en cuarentena), aún sin liberar ni eliminar, del más reciente al más antiguo (como máximo 200). Liberar entrega el mensaje en su conversación como si acabara de llegar; eliminar borra lo que decía. Ambas acciones quedan en el registro de auditoría.
quarantine-count = Retenidos: { $n }
quarantine-empty = No hay correo retenido.
quarantine-held = Retenido porque
quarantine-size = Tamaño
quarantine-actions = Decidir
quarantine-release = Liberar
quarantine-delete = Eliminar
mail-in-quarantine-link = Correo retenido (cuarentena)
field-per_sender_per_hour = Mensajes por hora de un mismo remitente
mail-in-limit-definition = Cuántos mensajes puede enviar una dirección en una hora (contados en los últimos 60 minutos, todos los que envió) antes de que los siguientes queden retenidos en la cuarentena; de 1 a 10000.
mail-in-limit-save = Guardar el límite
mail-in-outcome-dmarc_failed = no superó DMARC (su dominio pide rechazar o poner en cuarentena ese correo)
mail-auth-checks = Comprobaciones del remitente
mail-auth-summary = SPF { $spf } · DKIM { $dkim } · DMARC { $dmarc }
mail-auth-policy = (política del dominio: { $policy })
mail-auth-unchecked = sin comprobar
mail-auth-result-pass = correcto
mail-auth-result-fail = fallido
mail-auth-result-softfail = fallo leve
mail-auth-result-neutral = neutro
mail-auth-result-none = ninguno
mail-auth-result-temperror = error temporal
mail-auth-result-permerror = error permanente
mail-auth-policy-none = ninguna
mail-auth-policy-quarantine = cuarentena
mail-auth-policy-reject = rechazar
mail-auth-opening = Comprobaciones del remitente del correo que abrió esta reclamación:
