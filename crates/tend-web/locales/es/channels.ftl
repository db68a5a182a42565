# Las páginas de Tend en español: ajustes: empleados, categorías, productos y el horario y los estándares de cada canal.
# Cada mensaje debe existir también en en/channels.ftl y tr/channels.ftl.

## Errores
error-opening-times = escriba el horario como 09:00-13:00, 14:00-18:00
error-closed-line = escriba una fecha, seguida opcionalmente de "yearly"
error-minutes = indique ambos objetivos en minutos enteros, o ninguno
error-whole-number = debe ser un número entero

## Campos
field-role = Rol
field-parent = Dentro de
field-sku = SKU

## Ajustes
settings-title = Ajustes
settings-employees = Empleados
settings-invite = Invitar a un empleado
settings-invite-button = Invitar
settings-invite-created = Envíe este enlace de un solo uso al nuevo empleado. Funciona una vez, durante siete días:
settings-categories = Categorías
settings-products = Productos
settings-channels = Canales
settings-channels-hint = Horario de atención y estándares de respuesta de cada canal. Los plazos, avisos y mensajes los siguen.
settings-service-hours = Horario de atención
settings-response-standards = Estándares de respuesta
settings-add = Añadir
settings-save = Guardar
settings-time-zone = Zona horaria (IANA, p. ej. Europe/Madrid)
settings-always-open = Siempre abierto
settings-opening-hint = Horario de cada día, p. ej. 09:00-13:00, 14:00-18:00. Deje vacío un día cerrado; 22:00-06:00 pasa la medianoche.
settings-closed = Cerrado el
settings-closed-hint = Una fecha por línea, p. ej. 2026-12-25 yearly, o 2026-08-14 para una sola vez.
settings-targets-hint = Minutos de horario de atención hasta la primera respuesta y hasta la resolución, por prioridad. Deje ambos vacíos si no hay objetivo.
settings-first-response-minutes = Primera respuesta (minutos)
settings-resolution-minutes = Resolución (minutos)
settings-warn-at = Avisar al (% del objetivo)
settings-escalate-on-breach = Escalar un nivel al incumplirse
day-mon = Lunes
day-tue = Martes
day-wed = Miércoles
day-thu = Jueves
day-fri = Viernes
day-sat = Sábado
day-sun = Domingo
settings-inactive = Inactivo: no puede iniciar sesión ni usar tokens de la API.
settings-deactivate = Desactivar
settings-reactivate = Reactivar
settings-revoke-tokens = Revocar tokens de la API
