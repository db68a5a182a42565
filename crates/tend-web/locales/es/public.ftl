# Las páginas de Tend en español: el formulario público, la página de agradecimiento y la del estado del caso.
# Cada mensaje debe existir también en en/public.ftl y tr/public.ftl.

## Errores
error-closed = Esta queja está cerrada.
error-contact = Indique un correo electrónico o un teléfono para que podamos responderle.

## Páginas públicas
public-title = Cuéntenos qué pasó
public-intro = Leemos cada mensaje y respondemos lo antes posible. Recibirá una referencia y un enlace privado para seguir su caso.
public-kind = Esto es un/una
public-name = Su nombre
public-contact = ¿Cómo podemos contactarle? (correo o teléfono)
public-what-happened = ¿Qué pasó?
public-order = Referencia del pedido (si la tiene)
public-order-subject = Pedido { $order }
public-updates-note = Le enviaremos novedades sobre este caso: para ello no necesita aceptar nada.
public-later-contact = También pueden contactarme más adelante con ofertas, encuestas y novedades (opcional; puedo retirarlo cuando quiera)
consent-title = Contacto posterior
consent-given = Aceptó que le contactemos más adelante con ofertas, encuestas y novedades. Las novedades sobre este caso le llegarán en cualquier caso.
consent-none = Solo le escribiremos sobre este caso.
consent-withdraw = No quiero más contactos
consent-withdraw-question = ¿Dejar de recibir contactos posteriores (ofertas, encuestas, novedades)? Las novedades sobre sus casos abiertos seguirán llegando.
consent-withdrawn = Hecho: no le contactaremos más con ofertas, encuestas ni novedades.
public-submit = Enviar
public-status-received = Hemos recibido su mensaje y lo revisaremos en breve.
public-status-understood = Hemos entendido lo que pasó y estamos buscando la causa.
public-status-cause_identified = Hemos encontrado la causa y estamos preparando una solución.
public-status-solution_agreed = Hemos acordado una solución y la estamos llevando a cabo.
public-status-resolved = Hemos resuelto su caso.
public-status-closed = Su caso está cerrado.
thanks-title = Gracias
thanks-reference = Su referencia:
thanks-link = Siga su caso en este enlace privado:
thanks-keep = No comparta el enlace: quien lo tenga puede ver este caso.
thanks-received = Hemos recibido su mensaje.
track-title = Su caso
track-received = Recibido
track-where = Cómo va
track-waiting = Esperamos su respuesta:
track-solution = Solución acordada:
track-promised = Prometido para:
track-resolved = Resuelto:
track-satisfied-question = ¿Está satisfecho con cómo resolvimos esto?
track-satisfaction-given = Su respuesta sobre su satisfacción:
track-messages = Sus mensajes
track-add-message = Añadir un mensaje
track-send = Enviar

# La pregunta de satisfacción tras una resolución (/csat/{token}).
csat-title = ¿Cómo lo hicimos?
csat-question = ¿Qué tan satisfecho está con cómo gestionamos su queja?
csat-scale = 1 = muy insatisfecho, 5 = muy satisfecho.
csat-why-hint = Si eligió de 1 a 3, díganos por qué.
csat-reason = El motivo principal
csat-why = ¿Qué deberíamos haber hecho mejor?
csat-send = Enviar mi respuesta
csat-thanks = Gracias: su respuesta ha quedado registrada.
csat-answered = Esta pregunta ya fue respondida. Gracias.
csat-rating-required = Elija un número del 1 al 5.
error-gone = Esta queja ya no está disponible.
