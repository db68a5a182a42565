# Las páginas de Tend en español: el marco, la navegación, los errores, los formatos y las etiquetas que comparten varias capacidades.
# Cada mensaje debe existir también en en/kit.ftl y tr/kit.ftl.

## Formatos
format-decimal-separator = ,
format-group-separator = .

## Marco
skip-to-content = Ir al contenido
nav-label = Principal
nav-inbox = Bandeja
nav-new-complaint = Nueva queja
nav-customers = Clientes
nav-audit = Auditoría
nav-dead-jobs = Tareas fallidas
nav-settings = Ajustes
sign-out = Cerrar sesión
language = Idioma
language-apply = Cambiar
yes = Sí
no = No

## Errores
error-title = Algo salió mal
error-home = Volver al inicio
error-not-found = No encontramos esa página.
error-forbidden = Su rol no permite esto.
error-csrf = Este formulario ha caducado o no viene de Tend. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-bad-request = No se pudo entender la petición.
error-too-many = Demasiados intentos desde su dirección. Espere un minuto e inténtelo de nuevo.
error-invalid = Parte de lo enviado no es válido.
error-conflict = Otra persona lo cambió mientras tanto. Recargue la página e inténtelo de nuevo.
error-unavailable = Tend se está reiniciando. Inténtelo de nuevo en un momento.
error-internal = Algo falló de nuestro lado. Ha quedado registrado.
error-required = es obligatorio
error-number = debe ser un número entero
error-datetime = debe ser una fecha y hora
form-has-errors = Corrija los campos indicados abajo.

## Campos
field-email = Correo electrónico
field-phone = Teléfono
field-name = Nombre
field-address = Dirección
field-city = Ciudad
field-country = País (dos letras)
field-language = Idioma preferido
field-consent = Acepta que le contactemos
field-reference = Referencia
field-summary = Resumen
field-status = Estado
field-received = Recibida
field-tier = Nivel de soporte
field-outcome = Resultado

## Bandeja
inbox-apply = Mostrar
inbox-empty = Ninguna queja coincide.
inbox-pages = Páginas
inbox-next-page = Página siguiente

## Valores
status-received = Recibida
status-understood = Comprendida
status-cause_identified = Causa identificada
status-solution_agreed = Solución acordada
status-resolved = Resuelta
status-closed = Cerrada
kind-complaint = Queja
kind-feedback = Comentario
kind-question = Pregunta
kind-suggestion = Sugerencia
kind-praise = Elogio
priority-low = Baja
priority-normal = Normal
priority-high = Alta
priority-urgent = Urgente
channel-phone = Teléfono
channel-email = Correo electrónico
channel-web = Formulario web
channel-chat = Chat en vivo
channel-social = Redes sociales
channel-in_person = En persona
channel-self_service = Autoservicio
outcome-satisfied = Satisfecho
outcome-not_satisfied = No satisfecho
outcome-no_answer = Sin respuesta
tier-0 = 0 · Autoservicio
tier-1 = 1 · Primera línea
tier-2 = 2 · Especialistas
tier-3 = 3 · Expertos y dirección
role-viewer = Lector
role-agent = Agente
role-manager = Responsable
role-admin = Administrador
error-not-utf8 = El campo «{ $field }» no es texto UTF-8 válido.
error-nul = El campo «{ $field }» contiene un carácter NUL, que no está permitido.
footer-api-docs = Referencia de la API
error-too-large = La solicitud supera lo que acepta el servidor (archivos: como máximo 10 MiB en total).
