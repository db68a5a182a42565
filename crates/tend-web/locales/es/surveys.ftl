# Las páginas de Tend en español: encuestas — responder en el enlace público, la lista y los resultados.

## Responder
survey-progress = Página { $page } de { $pages }
survey-required = obligatoria
survey-rating-hint = 1 = muy mal, { $max } = excelente
survey-nps-hint = 0 = nada probable, 10 = muy probable
survey-yes = Sí
survey-no = No
survey-other = Otro
survey-other-text = Otro (diga cuál)
survey-next = Siguiente
survey-send = Enviar mis respuestas
survey-thanks = Gracias: sus respuestas quedan registradas.
survey-answered = Gracias: sus respuestas quedan registradas. Esta encuesta admite una respuesta por persona.
survey-closed = Esta encuesta está cerrada y no admite más respuestas. Gracias.
survey-expired = Este enlace de invitación ha caducado y no admite más respuestas: los enlaces de invitación duran { $days } días. Gracias.

## Páginas del personal
nav-surveys = Encuestas
surveys-title = Encuestas
surveys-build-hint = Los responsables crean las encuestas aquí o con la API (/api/v1/surveys); aquí están sus resultados, en directo.
surveys-empty = Todavía no hay encuestas.
surveys-survey = Encuesta
surveys-status = Estado
survey-status-draft = Borrador
survey-status-open = Abierta
survey-status-closed = Cerrada
surveys-public-link = Enlace público
surveys-complete = Respuestas completas
surveys-partial = Respuestas parciales (no se cuentan abajo)
surveys-definitions = Cómo se definen estas cifras
surveys-def-counted = Solo se cuentan las respuestas completas; n es cuántas respondieron la pregunta (en una elección múltiple cada respuesta cuenta una vez; sus porcentajes pueden sumar más del 100 %).
surveys-def-mean = Media: la suma de las respuestas dividida por n.
surveys-def-median = Mediana: la respuesta central en orden, o la media de las dos centrales cuando n es par.
surveys-def-nps = NPS = % promotores (9–10) − % detractores (0–6), a partir de los recuentos, con un decimal; los pasivos son 7–8.
surveys-def-interval = Intervalo del 95 %: puntuando cada respuesta +1 (promotor), 0 (pasivo), −1 (detractor), NPS ± 1,96 × 100 × √((p + d − (p − d)²) / n), con p y d las proporciones de promotores y detractores, limitado a −100…100; con menos de 30 respuestas no se da.
surveys-def-response-rate = Tasa de respuesta = respuestas completas ÷ invitaciones entregadas (enviadas menos rebotadas: una invitación rebota cuando llega al correo entrante de Tend un informe de fallo de entrega de su mensaje o de su recordatorio); una encuesta respondida solo por su enlace público no la tiene.
surveys-mean = media
surveys-median = mediana
surveys-interval = intervalo del 95 %
surveys-too-few = demasiado pocas respuestas para un intervalo
surveys-answer = Respuesta
surveys-count = Respuestas
surveys-share = Porcentaje de n
surveys-open-answers = Respuestas abiertas
surveys-search = Buscar en las respuestas abiertas
surveys-apply = Buscar
surveys-no-open = No hay respuestas abiertas.

## The builder (managers)
survey-build-new = Nueva encuesta
survey-build-edit = Editar el borrador
survey-build-hint = Un borrador se puede cambiar hasta publicarlo; una vez publicada, sus preguntas quedan como estaban, así cada respuesta conserva el texto que respondió. Para publicar hace falta cada texto en cada idioma de la encuesta.
survey-build-missing = Falta todavía para poder publicarla:
survey-build-languages = Idiomas de la encuesta
survey-build-lang-en = Inglés
survey-build-lang-es = Español
survey-build-lang-tr = Turco
survey-build-question = Pregunta { $n }
survey-build-kind = Tipo
survey-build-kind-none = — (sin pregunta)
survey-build-kind-open = Texto abierto
survey-build-kind-rating = Escala de valoración
survey-build-kind-nps = Probabilidad de recomendar (NPS, 0–10)
survey-build-kind-single_choice = Opción única
survey-build-kind-multiple_choice = Opción múltiple
survey-build-kind-yes_no = Sí / no
survey-build-scale-hint = Solo para una escala de valoración.
survey-build-required = La respuesta es obligatoria
survey-build-other = Ofrecer «otro: …» (solo opción múltiple)
survey-build-options-hint = Opciones: una por línea, la misma línea en cada idioma (solo tipos de opción).
survey-build-remove = Quitar esta pregunta
survey-build-save = Guardar el borrador
survey-build-publish = Guardar y publicar
survey-build-close = Cerrar la encuesta (sus resultados se conservan)
survey-build-field-title = Título
survey-build-field-intro = Introducción
survey-build-field-text = Pregunta
survey-build-field-explanation = Explicación
survey-build-field-options = Opciones
survey-build-field-scale = Escala
survey-build-field-page = Página
survey-build-field-other = Otro
survey-build-field-languages = Idiomas
survey-build-field-questions = Preguntas
survey-build-field-status = Estado

## Invitations and the response rate
survey-invite-title = Invitaciones
survey-invite-hint = Cada cliente elegido se invita una vez, por correo en su idioma, dentro del horario del canal de correo, con un enlace privado que admite una respuesta, y un recordatorio 7 días después si aún no ha respondido. Solo se invita a clientes con dirección que aceptaron ser contactados; quien retira su consentimiento no recibe nada más. Un enlace caduca a los días fijados en los ajustes de encuestas tras la invitación (30 salvo cambio) y después no guarda nada.
survey-invite-audience = A quién invitar
survey-invite-all = Todos los clientes que aceptaron ser contactados
survey-invite-segment = Un segmento: por país y/o idioma preferido
survey-invite-saved-segment = Un segmento de clientes guardado (sus miembros ahora)
survey-invite-segment-id = Segmento guardado
survey-invite-bad-segment = El campo «{ $field }» admite un segmento guardado.
survey-invite-list = Una lista de números de cliente
survey-invite-country = País (código ISO, p. ej. ES)
survey-invite-language = Idioma preferido (en, es, tr)
survey-invite-customers = Números de cliente, separados por espacios o comas
survey-invite-send = Invitar
survey-invite-done = Invitados: { $invited } · excluidos (sin consentimiento o sin dirección): { $left_out } · ya invitados: { $already }
survey-invite-bad-customers = El campo «{ $field }» admite números de cliente separados por espacios o comas.
survey-invite-not-open = Solo una encuesta abierta admite invitaciones («{ $field }»).
survey-invite-invited = Invitados
survey-invite-sent = Enviadas
survey-invite-bounced = Devueltas
survey-invite-delivered = Entregadas
survey-invite-answered = Respuestas completas por invitación
survey-invite-rate = Tasa de respuesta
survey-invite-no-rate = ninguna aún (nada entregado)

## Coding open answers
survey-codes-title = Códigos de las respuestas abiertas
survey-codes-def = Cada respuesta abierta de una respuesta completa puede llevar varios códigos de la lista de esta encuesta. El recuento de un código es cuántas respuestas abiertas lo llevan; su proporción es ese recuento ÷ n, siendo n todas las respuestas abiertas completas (una respuesta con varios códigos cuenta en cada uno, así que las proporciones pueden sumar más del 100 %). Cada recuento enlaza con las respuestas que cuenta.
survey-codes-coded = respuestas con al menos un código
survey-codes-code = Código
survey-codes-new = Nuevo código
survey-codes-add = Añadir el código
survey-codes-all = Todas las respuestas abiertas
survey-codes-of-answer = Códigos de esta respuesta
survey-codes-save = Guardar los códigos
survey-code-bad = El campo «{ $field }» necesita un nombre de 1 a 100 caracteres.
survey-code-taken = Esta encuesta ya tiene un código con este nombre («{ $field }»).
survey-code-unknown = No es uno de los códigos de esta encuesta, o no es una respuesta abierta completa («{ $field }»).

## Ajustes y calendario de relación (NPS)
survey-settings-title = Ajustes de las encuestas
survey-settings-intro = Cuánto tiempo acepta respuestas el enlace privado de una invitación, y cuánto tiempo el calendario de relación deja tranquilo a un cliente al que ya se preguntó en cualquier encuesta o pregunta de satisfacción.
survey-settings-link-hint = Días desde la invitación hasta que caduca su enlace; desde ese instante el enlace no guarda nada.
survey-settings-cooldown-hint = Días en los que un cliente invitado a cualquier encuesta, o al que se envió la pregunta de satisfacción tras una resolución, no vuelve a ser invitado por un calendario (0: sin pausa).
survey-settings-range = Un número entero de { $min } a { $max }.
survey-settings-save = Guardar los ajustes
field-invitation-link-days = Días que un enlace acepta respuestas
field-cooldown-days = Pausa entre preguntas (días)
survey-schedule-title = Calendario de relación (NPS)
survey-schedule-link = Calendario de relación
survey-schedule-intro = Cada ronda invita a todos los clientes con correo electrónico y consentimiento a los que no se preguntó dentro de la pausa, en el horario del canal de correo (en su próxima apertura si está cerrado), en el idioma del cliente, con un recordatorio. Solo se puede programar una encuesta abierta con una pregunta NPS.
survey-schedule-every = Cada (días)
survey-schedule-next = Próxima ronda
survey-schedule-set-at = Programado el
survey-schedule-none = Esta encuesta no tiene calendario.
survey-schedule-stop = Detener el calendario
survey-schedule-needs = Solo se puede programar una encuesta abierta con una pregunta NPS.
survey-schedule-every-hint = Días entre rondas, un número entero de { $min } a { $max } (91 es aproximadamente un trimestre).
survey-schedule-starts-hint = Vacío: la primera ronda es ahora.
survey-schedule-save = Guardar el calendario
field-every-days = Días entre rondas
field-starts-at = Primera ronda
field-questions = Preguntas
