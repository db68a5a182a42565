### Outgoing mail: the subject and the body of every message Tend sends.
### A body is paragraphs separated by blank lines; the plain-text part keeps them as
### they are and the HTML part makes each one a <p>. Values are escaped for HTML by the
### code, and an http(s) $link becomes a link, so write no markup here.

## Sign-offs

# The end of every mail to a customer.
mail-sign-customer = Atentamente, Atención al Cliente
# The end of every mail to staff.
mail-sign-staff = — Tend

# El último párrafo de cada correo a un cliente. Variables: $link
mail-withdraw = Para dejar de recibir contactos posteriores (ofertas, encuestas, novedades), use este enlace: { $link }

## Acknowledgement. To the customer: the complaint is registered; its reference and private status link.

# Variables: $name, $reference, $received (date and time, in the customer's zone, named), $link
mail-acknowledgement-subject = Hemos recibido su reclamación { $reference }
mail-acknowledgement-body =
    Estimado/a { $name }:

    Gracias por contactar con nosotros. Hemos registrado su reclamación, recibida el { $received }, con la referencia { $reference }.

    Puede seguir su evolución en cualquier momento en su página de estado privada: { $link }

    Este enlace es personal; por favor, no lo comparta.

    { mail-sign-customer }

## FollowUp. To the customer after resolution: a question, with a link to answer it.

# Variables: $name, $reference, $link
mail-follow-up-subject = Una pregunta sobre su reclamación { $reference }
mail-follow-up-body =
    Estimado/a { $name }:

    Su reclamación { $reference } ha sido resuelta. Nos gustaría saber si está satisfecho/a con el resultado.

    Responda a nuestra breve pregunta aquí: { $link }

    { mail-sign-customer }

## Retention. To the customer a month after a purchase.

# Variables: $name, $reference, $product, $link
mail-retention-subject = ¿Qué tal con su { $product }?
mail-retention-body =
    Estimado/a { $name }:

    Hace aproximadamente un mes compró { $product } (referencia { $reference }). Esperamos que lo esté disfrutando.

    Si podemos ayudarle en algo, díganoslo aquí: { $link }

    { mail-sign-customer }

## Assignment. To staff: a complaint was assigned to them.

# Variables: $name, $reference, $summary, $received (in the employee's zone, named), $link
mail-assignment-subject = Se le ha asignado la reclamación { $reference }
mail-assignment-body =
    Hola, { $name }:

    Se le ha asignado la reclamación { $reference }: { $summary }

    Recibida: { $received }

    Ábrala aquí: { $link }

    { mail-sign-staff }

## ResponseWarning. To staff: a complaint is close to its response-standard deadline.

# Variables: $name, $reference, $summary, $due, $link
mail-response-warning-subject = La reclamación { $reference } está cerca de su plazo de respuesta
mail-response-warning-body =
    Hola, { $name }:

    La reclamación { $reference } ({ $summary }) debe responderse antes de { $due }.

    Ábrala aquí: { $link }

    { mail-sign-staff }

## Breach. To staff: a complaint has missed its response-standard deadline.

# Variables: $name, $reference, $summary, $due, $link
mail-breach-subject = La reclamación { $reference } ha incumplido su estándar de respuesta
mail-breach-body =
    Hola, { $name }:

    La reclamación { $reference } ({ $summary }) vencía el { $due } y no se ha atendido a tiempo.

    Actúe ahora: { $link }

    { mail-sign-staff }

## Csat. Al cliente un día después de la resolución: la pregunta de satisfacción, con su enlace privado de un solo uso.

# Variables: $name, $reference, $link
mail-csat-subject = ¿Cómo gestionamos su reclamación { $reference }?
mail-csat-body =
    Estimado/a { $name }:

    Su reclamación { $reference } ha sido resuelta. ¿Cuán satisfecho/a está con cómo la gestionamos? Responda en una escala del 1 (muy insatisfecho/a) al 5 (muy satisfecho/a).

    Responda aquí (una sola respuesta, en un plazo de 14 días): { $link }

    Este enlace es personal; por favor, no lo comparta.

    { mail-sign-customer }

## CsatAlert. A la persona asignada al resolver: un cliente respondió a la pregunta de satisfacción con 1–3.

# Variables: $name, $reference, $summary, $link
mail-csat-alert-subject = Cliente insatisfecho en la reclamación { $reference }
mail-csat-alert-body =
    Hola, { $name }:

    El cliente de la reclamación { $reference } no está satisfecho con cómo se gestionó: { $summary }

    Su seguimiento vuelve a estar abierto. Ábrala aquí: { $link }

    { mail-sign-staff }

## PolicyReview. To the owner: a policy area is due for review.

# Variables: $name, $reference (the area's name), $due (the review date), $link
mail-policy-review-subject = El área de la política «{ $reference }» debe revisarse el { $due }
mail-policy-review-body =
    Hola, { $name }:

    El área de la política «{ $reference }» debe revisarse el { $due }. Ningún plan es perfecto: vuelva a leerla, cambie lo que ya no sirva y apruebe una nueva versión.

    Abra la política aquí: { $link }

    { mail-sign-staff }

# The method's policy areas, as the review reminder names them.
mail-policy-area-overview = Resumen de productos y servicios
mail-policy-area-speed = Rapidez
mail-policy-area-communication = Comunicación
mail-policy-area-follow-up = Seguimiento
mail-policy-area-complaints = Reclamaciones
mail-policy-area-retention = Retención
mail-policy-area-monitoring = Supervisión del personal
mail-policy-area-returns = Devoluciones
mail-policy-area-shipping = Envíos
mail-policy-area-payment = Pago
mail-policy-area-contact = Contacto
mail-policy-area-how-to-complain = Cómo reclamar
## Reply. Al cliente: la respuesta de un agente sobre su reclamación, tal como la escribió.

# Variables: $name, $reference, $body (las palabras del agente), $link
mail-reply-subject = Re: su reclamación { $reference }
mail-reply-body =
    Estimado/a { $name }:

    { $body }

    Puede seguir su reclamación { $reference } y respondernos en su página de estado privada: { $link }

    { mail-sign-customer }

## HelpReview. Al responsable: un artículo de ayuda debe revisarse.

# Variables: $name, $reference (el título del artículo), $due (la fecha de revisión), $link
mail-help-review-subject = El artículo de ayuda «{ $reference }» debía revisarse el { $due }
mail-help-review-body =
    Hola, { $name }:

    El artículo de ayuda «{ $reference }» debía revisarse el { $due }. Vuelva a leerlo, corrija lo que ya no sea cierto y fije su próxima fecha de revisión.

    Abra el artículo aquí: { $link }

    { mail-sign-staff }
## SurveyInvitation. Al cliente con consentimiento: una invitación a una encuesta, con un enlace privado de un solo uso.

# Variables: $name, $reference (el título de la encuesta), $link
mail-survey-invitation-subject = Su opinión, por favor: { $reference }
mail-survey-invitation-body =
    Estimado/a { $name }:

    Nos gustaría saber qué piensa, y por qué. ¿Respondería a nuestra breve encuesta «{ $reference }»?

    Responda aquí (una respuesta; puede parar y terminar más tarde con el mismo enlace): { $link }

    Este enlace es personal; por favor, no lo comparta.

    { mail-sign-customer }

## SurveyReminder. Al cliente invitado que aún no ha respondido: el único recordatorio.

# Variables: $name, $reference (el título de la encuesta), $link
mail-survey-reminder-subject = Un recordatorio: { $reference }
mail-survey-reminder-body =
    Estimado/a { $name }:

    Hace unos días le pedimos su opinión en nuestra encuesta «{ $reference }». Si tiene un momento, sus respuestas nos ayudan a mejorar. Este es el único recordatorio.

    Responda aquí: { $link }

    { mail-sign-customer }

## FigureStale. To a figure's owner: the figure has no value for its last complete period.

# Variables: $name, $reference (the figure's name), $period (the missed period, from
# mail-figure-period-*), $link
mail-figure-stale-subject = La cifra «{ $reference }» no tiene valor para { $period }
mail-figure-stale-body =
    Hola, { $name }:

    La cifra «{ $reference }» no tiene valor para { $period }, su último periodo completo: quien la envía aún no lo ha hecho. Pídasela o introdúzcala en la página de la cifra. Se le avisa una vez por cada periodo que falte.

    Abra la cifra aquí: { $link }

    { mail-sign-staff }

# The missed period, as the stale-figure mail writes it.
mail-figure-period-day = el { $date }
mail-figure-period-week = la semana del { $date }
mail-figure-period-month = { $month } de { $year }
mail-month-1 = enero
mail-month-2 = febrero
mail-month-3 = marzo
mail-month-4 = abril
mail-month-5 = mayo
mail-month-6 = junio
mail-month-7 = julio
mail-month-8 = agosto
mail-month-9 = septiembre
mail-month-10 = octubre
mail-month-11 = noviembre
mail-month-12 = diciembre
