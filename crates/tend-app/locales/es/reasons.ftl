# Why a value or a step was refused: one message per reason code of
# tend-domain/src/kernel/reason.rs, named reason-<code>, its parameters as variables.
# English is the domain's own text.

reason-required = es obligatorio
reason-empty = no puede estar vacío
reason-too_long = admite como máximo { $max } caracteres (tiene { $got })
reason-control_characters = no puede contener caracteres de control
reason-one_of = debe ser uno de { $allowed } (se recibió { $got })
reason-in_future = no puede estar en el futuro
reason-not_in_future = debe estar en el futuro
reason-positive_id = debe ser un identificador positivo
reason-whole_number = debe ser un número entero
reason-negative = no puede ser negativo
reason-empty_when_always_open = debe quedar vacío si el canal abre siempre
reason-email = debe ser una dirección de correo como nombre@ejemplo.com
reason-phone = debe ser un número de teléfono: de 5 a 20 dígitos, con + - . ( ) o espacios
reason-country = debe ser un código de país ISO 3166 de dos letras, como ES o TR
reason-language_tag = debe ser una etiqueta de idioma como en, es, tr o pt-BR
reason-tier = debe ser un nivel de soporte del 0 al 3 (se recibió { $got })
reason-birth_year = debe ser un año entre 1900 y { $max } (se recibió { $got })
reason-channel_code = debe ser un código de canal como phone, email o web (se recibió { $got })
reason-currency = debe ser un código de moneda ISO 4217 como EUR o USD (se recibió { $got })
reason-amount = debe ser un importe decimal como «10,00» con { $decimals } decimales como máximo para { $currency }
reason-amount_too_large = no puede superar { $max }
reason-date = debe ser una fecha AAAA-MM-DD (se recibió { $got })
reason-date_or_instant = debe ser una fecha (2026-03-06) o un instante (2026-03-06T15:30:00Z)
reason-customer_key_required = es obligatorio (o customer_email, o customer_ref)
reason-one_customer_key = indique solo uno de customer_id, customer_email, customer_ref
reason-required_with_amount = es obligatorio si hay un importe
reason-negative_purchase = no puede ser negativo (marque la devolución como devuelta)
reason-interval_start = el inicio debe ser una hora de 00:00 a 23:59 como HH:MM (se recibió { $got })
reason-interval_end = el final debe ser una hora de 00:00 a 24:00 como HH:MM (se recibió { $got })
reason-interval_empty = no puede estar vacío ({ $start }–{ $end }); escriba 00:00–24:00 para el día entero
reason-too_many_closures = admite como máximo { $max } fechas
reason-overlaps = se solapa con { $day } { $interval } ({ $other })
reason-too_many_intervals = admite como máximo { $max } franjas
reason-zone_required = es obligatoria: una zona horaria IANA como Europe/Madrid
reason-zone_unknown = debe ser una zona horaria IANA como Europe/Madrid (desconocida: { $got })
reason-percent = debe estar entre 1 y 99 (se recibió { $got })
reason-target_minutes = debe estar entre 1 y { $max } minutos (se recibió { $got })
reason-resolution_shorter = no puede ser más corto que el objetivo de primera respuesta
reason-before_received = no puede ser anterior a la recepción de la queja
reason-after_received = debe ser posterior a la recepción de la queja
reason-amount_with_currency = es obligatorio si se indica una moneda
reason-currency_with_amount = es obligatoria si se indica un importe
reason-promised_by_required = es obligatorio si la solución es una promesa
reason-empty_on_the_spot = debe quedar vacío si la solución se dio en el acto
reason-rating = debe estar entre 1 y 5 (se recibió { $got })
reason-close_never_resolved = es obligatorio para cerrar una queja que nunca se resolvió
reason-close_unsatisfied = es obligatorio para cerrar una queja cuyo cliente no quedó satisfecho
reason-tier_above = debe ser superior al nivel actual, { $tier }
reason-no_customer = no hay ningún cliente con el id { $id }
reason-no_channel = no existe el canal { $got }
reason-no_category = no hay ninguna categoría con el id { $id }
reason-no_product = no hay ningún producto con el id { $id }
reason-no_employee = no hay ningún empleado con el id { $id }
reason-unknown_channel = no existe ese canal
reason-unknown_customer_id = ningún cliente tiene este id
reason-unknown_customer_email = ningún cliente tiene esta dirección de correo
reason-unknown_customer_ref = ningún cliente tiene esta referencia
reason-duplicate_purchase = ya hay una compra guardada con este id
reason-duplicate_complaint = ya hay una queja de este origen con ese id
reason-duplicate_complaint_other = otra queja de este origen tiene ese id
reason-duplicate_category = ya existe una categoría con este nombre en este lugar del árbol
reason-duplicate_product = ya existe un producto con este nombre
reason-duplicate_employee = ya existe un empleado con este correo
reason-duplicate_customer_ref = otro cliente tiene esta referencia externa
reason-version_changed = la queja cambió desde la versión { $expected }; ahora está en la versión { $current }
reason-changed_meanwhile = la queja cambió mientras tanto; inténtelo de nuevo
reason-range = debe estar entre { $min } y { $max }
reason-search_words = debe contener al menos una letra o un dígito
reason-detail = { $detail }
reason-closed = la queja está cerrada: reábrala primero
reason-understood_already = los hechos ya se entendieron; la queja ha pasado ese paso
reason-understand_first = primero entienda la queja (paso «Comprender»)
reason-cause_identified_already = la causa ya se identificó; reabra la queja para revisarla
reason-identify_cause_first = primero identifique la causa (paso «Identificar la causa»)
reason-resolved_no_new_solution = la queja está resuelta; reábrala para acordar otra solución
reason-resolved_already = la queja ya está resuelta
reason-no_agreed_solution = no se puede resolver sin una solución acordada (paso «Proponer soluciones»)
reason-not_resolved_yet = no hay resultado del seguimiento antes de resolver la queja
reason-reopen_only_resolved = solo se puede reabrir una queja resuelta o cerrada
reason-resolved_follow_up = la queja está resuelta; haga el seguimiento
reason-waiting_already = la queja ya está esperando al cliente
reason-not_waiting = la queja no está esperando al cliente
# Endurecimiento: campos de una línea, fechas e instantes dentro de rango.
reason-single_line = debe ser una sola línea (sin saltos de línea ni tabuladores)
reason-out_of_range = debe estar entre { $min } y { $max } (recibido: { $got })

# Figures
reason-period_start = debe ser el primer día { $grain ->
        [day] de un día
        [week] de una semana
        [month] de un mes
       *[other] de un periodo { $grain }
    } (recibido { $got })
reason-denominator_required = es obligatorio: esta cifra es una razón (numerador ÷ denominador)
reason-denominator_not_ratio = debe quedar vacío: esta cifra no es una razón
reason-denominator_positive = debe ser mayor que cero
reason-dimension_unknown = esta cifra no tiene la dimensión { $got } (admite: { $allowed })
reason-figure_computed = Tend calcula esta cifra y no admite valores
reason-percent_is_ratio = debe ser verdadero para una cifra en porcentaje
reason-vendor_name_required = es obligatorio cuando la fuente es un proveedor
reason-figure_code = debe tener de 2 a 40 minúsculas, dígitos o _, empezando por una letra (recibido { $got })
reason-duplicate_figure = ya existe una cifra con este código
reason-no_figure = no existe la cifra { $got }
reason-duplicate_value = la misma cifra, periodo y dimensiones aparecen dos veces (también la línea { $line })

# Escucha: encuestas.
reason-survey_language = debe ser un idioma que Tend habla: en, es o tr (se recibió { $got })
reason-missing_translation = no tiene texto en { $lang }
reason-survey_not_draft = la encuesta ya no es un borrador: solo un borrador se puede cambiar o publicar
reason-survey_not_open = la encuesta no está abierta: solo una encuesta abierta se puede responder o cerrar
reason-rating_scale = debe ser una escala de valoración de 5 o 10 (se recibió { $got })
reason-choice_options = necesita de 2 a { $max } opciones (tiene { $got })
reason-no_questions = necesita de 1 a { $max } preguntas (tiene { $got })
reason-survey_answered = esta encuesta ya se respondió desde aquí
reason-not_for_kind = no se aplica a este tipo de pregunta
# El plan: el cociente de servicio al cliente.
reason-quotient_area_missing = es obligatorio: { $count } valoraciones de 1 a 5
reason-quotient_too_many = tiene { $count } afirmaciones (se recibieron { $got } valoraciones)
reason-quotient_rating = la afirmación { $statement } debe valorarse de 1 a 5 (se recibió { $got })
reason-quotient_unrated = las afirmaciones { $statements } de { $count } no están valoradas
reason-amount_written = debe ser un importe escrito como { $example }: grupos de tres cifras, { $decimals } decimales como máximo para { $currency }
reason-period_order = debe ser posterior a from ({ $from })

# Escucha: satisfacción tras la resolución (CSAT).
reason-csat_answered = esta pregunta de satisfacción ya se respondió
reason-csat_expired = esta pregunta de satisfacción caducó { $hours } horas después de enviarse
reason-csat_reason = debe ser uno de los motivos de la lista (se recibió { $got })
reason-no_article = no hay ningún artículo con id { $id }
reason-source_first = escriba primero el idioma de origen ({ $lang })
# El plan: visión.
reason-vision_too_many = debe tener como máximo { $max } elementos (se recibieron { $got })
# El plan: objetivos de servicio.
reason-goal_target = debe ser un número de { $min } a { $max } con 2 decimales como máximo (se recibió { $got })
reason-goal_not_for_measure = no se aplica a la medida { $measure }
reason-goal_figure_ratio = debe ser una cifra de cociente (numerador ÷ denominador), como llamadas atendidas en N minutos ÷ llamadas (se recibió { $got })
reason-goal_changed_meanwhile = el objetivo cambió mientras tanto; inténtelo de nuevo
reason-goal_period_start = debe ser el primer día de uno de los periodos del objetivo (se recibió { $got })
# El plan: política, formación y reconocimiento.
reason-policy_area = debe ser una de las áreas del método o un código propio de 2 a 40 letras minúsculas, dígitos o _ (se recibió { $got })
reason-policy_duplicate_area = el área { $area } aparece dos veces
reason-policy_no_text = necesita su texto en al menos un idioma
reason-policy_effective_past = no debe ser anterior a hoy ({ $today })
reason-policy_not_draft = esta versión ya está aprobada: solo se puede aprobar un borrador
reason-policy_not_effective = solo se puede confirmar la lectura de la versión vigente
reason-no_policy_version = no hay ninguna versión de la política con id { $id }
reason-training_attendee_twice = incluye a un empleado dos veces
reason-recognition_complaint = es obligatorio cuando el reconocimiento viene de un cliente
reason-recognition_not_satisfied = el seguimiento de la reclamación no encontró al cliente satisfecho
reason-recognition_no_complaint = no hay ninguna reclamación con id { $id }
# Conversaciones.
reason-duplicate_message = este mensaje ya está guardado
reason-no_canned_reply = no hay ninguna respuesta predefinida con id { $id }
reason-duplicate_canned_reply = ya existe una respuesta predefinida con este título en este idioma
# Fusionar y eliminar reclamaciones.
reason-merge_self = una reclamación no se puede fusionar consigo misma
reason-merge_target_gone = la reclamación { $id } está fusionada o eliminada
reason-merge_other_customer = la reclamación { $id } es de otro cliente
reason-complaint_gone = esta reclamación está fusionada o eliminada
# Las páginas del centro de ayuda para el personal.
reason-help_publish_role = solo un gerente o un administrador puede publicar
reason-help_review_date = debe ser una fecha como 2026-03-31 (se recibió { $got })

# Adjuntos.
reason-attachment_too_large = el archivo { $name } supera los { $max } bytes
reason-attachments_too_many = un mensaje puede llevar como máximo { $max } archivos
reason-attachments_too_large = los archivos juntos superan los { $max } bytes
reason-reviewed_already = este mensaje ya se liberó o se eliminó
reason-undeliverable = este mensaje no se puede entregar: { $why }
reason-report_periods = el intervalo abarca { $got } periodos de esta duración; como máximo { $max }
reason-duplicate_survey_code = esta encuesta ya tiene un código con este nombre
reason-not_survey_code = no es uno de los códigos de esta encuesta
reason-not_open_answer = no es una respuesta abierta completa de esta encuesta
reason-segment_age_order = debe ser al menos min_age ({ $min })
reason-segment_needs = solo se aplica junto con { $field }
reason-segment_spent = debe ser mayor que 0
reason-no_segment = no hay ningún segmento con id { $id }
reason-segment_changed_meanwhile = el segmento cambió mientras tanto; inténtelo de nuevo
reason-focus_count = debe nombrar de 1 a { $max } categorías (se dieron { $got })
reason-focus_twice = nombra la categoría { $id } dos veces
reason-survey_no_nps = la encuesta no tiene ninguna pregunta NPS: un calendario de relación hace una
reason-no_survey_code = no hay ningún código de encuesta con el id { $id }
reason-csat_reasons_count = debe tener como máximo { $max } motivos (se dieron { $got })
reason-csat_reason_code = debe tener de 1 a { $max } letras minúsculas, cifras o guiones bajos
reason-csat_reason_twice = nombra el motivo { $code } dos veces
