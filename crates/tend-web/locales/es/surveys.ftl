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

## Páginas del personal
nav-surveys = Encuestas
surveys-title = Encuestas
surveys-build-hint = Las encuestas se crean y publican con la API (/api/v1/surveys); aquí están sus resultados, en directo.
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
surveys-def-response-rate = Tasa de respuesta = respuestas completas ÷ invitaciones entregadas (enviadas menos rebotadas); una encuesta respondida solo por su enlace público no la tiene.
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
