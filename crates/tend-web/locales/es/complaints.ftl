# Las páginas de Tend en español: la bandeja, la nueva queja y la página de la queja con su método.
# Cada mensaje debe existir también en en/complaints.ftl y tr/complaints.ftl.

## Errores
error-read-back = Lea los hechos al cliente y marque esta casilla cuando los confirme.

## Campos
field-customer = Cliente
field-due = Plazo
field-received-by = Recibida por
field-kind = Tipo
field-channel = Canal
field-category = Categoría
field-product = Producto
field-priority = Prioridad
field-assignee = Asignada a
field-subject = Asunto
field-description = Qué pasó
field-order-reference = Referencia del pedido
field-follow-up-at = Seguimiento el
field-prevention = Cómo evitarlo en el futuro
field-facts = Los hechos, tal como los contó el cliente
field-read-back = Leí los hechos al cliente y los confirmó
field-root-cause = Qué causó el problema
field-responsible = Quién fue responsable
field-customer-proposal = Qué propuso el cliente (pregúntele primero)
field-agreed-solution = La solución acordada
field-solution-mode = ¿Resuelto en el momento o prometido?
field-promised-by = Prometido para
field-corrective-action = Acción correctiva realizada
field-apologised = Pedimos disculpas al cliente
field-compensation = Compensación
field-compensation-kind = Tipo
field-compensation-note = Nota sobre la compensación
field-amount = Importe
field-currency = Moneda
field-satisfied-now = ¿Está satisfecho el cliente?
field-resolved-at = Resuelta
field-rating = Satisfacción (1–5)
field-follow-up-note = Nota del seguimiento
field-close-reason = Motivo del cierre
field-reopen-reason = Motivo de la reapertura
field-step = Un paso realizado
field-wait-reason = Qué le pidió al cliente
field-reply-note = Qué respondió el cliente
field-escalate-to = Escalar a
field-escalate-reason = Por qué
field-when = Cuándo
field-who = Quién
field-action = Acción
field-change = Cambio

## Bandeja
any = Cualquiera
inbox-title = Bandeja
inbox-filters = Filtros
inbox-search = Buscar
inbox-sort = Orden
inbox-sort-newest = Más recientes primero
inbox-sort-oldest = Más antiguas primero
inbox-mine = Asignadas a mí
inbox-escalated = Escaladas
inbox-overdue = Seguimiento vencido
inbox-clear = Limpiar
inbox-first-page = Primera página
inbox-bad-filter = Un filtro tiene un valor que Tend no conoce; se ignoró.
inbox-bad-search = Busque al menos una letra o un dígito.
badge-escalated = Escalada
badge-waiting = Esperando al cliente

## Plazos
due-first-response = Primera respuesta
due-resolution = Resolución
due-met = cumplido
due-breached = vencido
due-paused = en pausa
due-left = quedan { $time }
duration-hours = { $h } h
duration-minutes = { $m } min

## Nueva queja
new-title = Nueva queja
new-customer-heading = ¿Quién es?
new-find-customer = Buscar un cliente por nombre o correo
new-find-button = Buscar
new-customer-new = Un cliente nuevo:
new-what-heading = Qué pasó
new-submit = Registrar la queja

## La queja y el método
complaint-what-happened = Lo que dijo el cliente
complaint-answers = Hasta ahora
complaint-steps = Pasos realizados
complaint-no-steps = Aún no hay pasos.
complaint-details = Detalles
complaint-save-details = Guardar los detalles
complaint-timeline = Historial
method-progress = El método de resolución
method-understand = Comprender
method-identify_cause = Identificar la causa
method-agree_solution = Proponer soluciones
method-resolve = Resolver
method-follow_up = Hacer seguimiento
hint-understand = Deje hablar al cliente. Anote los hechos y léaselos para confirmar que los entendió.
hint-identify-cause = ¿Qué hizo el cliente, qué debería haber pasado? Aísle el problema y acéptelo cuando la empresa sea responsable.
hint-agree-solution = Pregunte primero al cliente qué lo arreglaría y acuerden un plan que sirva a ambos.
hint-resolve = Realice la acción correctiva, pida disculpas, ofrezca compensación si corresponde y pregunte si el cliente está satisfecho.
hint-follow-up = En la fecha del seguimiento, pregunte al cliente si está satisfecho.
hint-close = El seguimiento está hecho. Cierre la queja, o reábrala si el problema no está resuelto.
hint-closed = Esta queja está cerrada. Reábrala si el problema volvió.
step-close = Cerrar
step-reopen = Reabrir
step-apologised = Se pidieron disculpas al cliente.
satisfied-later = Preguntar en el seguimiento
compensation-none = Ninguna
tier-next = Un nivel más arriba
submit-understand = Guardar los hechos
submit-identify_cause = Guardar la causa
submit-agree_solution = Guardar la solución
submit-resolve = Marcar como resuelta
submit-follow_up = Guardar el seguimiento
submit-close = Cerrar la queja
submit-reopen = Reabrir
submit-step = Añadir el paso
submit-wait_for_customer = Esperar al cliente
submit-customer_replied = El cliente respondió
submit-escalate = Escalar
actor-customer = el cliente

## Acciones del historial
action-created = Recibida
action-edited = Editada
action-step_added = Paso realizado
action-understand = Comprendida
action-identify_cause = Causa identificada
action-agree_solution = Solución acordada
action-resolve = Resuelta
action-follow_up = Seguimiento hecho
action-csat_answer = Respuesta de satisfacción (CSAT)
action-close = Cerrar
action-reopen = Reabrir
action-escalate = Escalar
action-wait_for_customer = Esperar al cliente
action-customer_replied = El cliente respondió

## Valores
party-company = Nuestra empresa
party-customer = El cliente
party-vendor = Un proveedor
party-shipping = El transporte
party-other = Otro
mode-on_the_spot = Resuelto en el momento
mode-promised = Prometido para más tarde
compensation-refund = Reembolso
compensation-credit = Crédito
compensation-replacement = Sustitución
compensation-coupon = Cupón
compensation-other = Otra
complaint-merge = Fusionar con otra queja
field-merge-into = La queja que se queda (id o referencia, mismo cliente)
submit-merge = Fusionar
complaint-delete = Eliminar esta queja
field-delete-reason = Motivo (p. ej., spam)
field-delete-confirm = Sí, eliminarla: su texto se borra definitivamente a los { $days } días
submit-delete = Eliminar
complaint-delete-unconfirmed = Marque la casilla para confirmar.
action-merged_into = Fusionada en
action-merged_from = Fusionada desde
action-deleted = Eliminada
action-purged = Texto borrado
complaint-merged-into = Esta queja se fusionó con
complaint-merged-from = Fusionadas con esta:
