# Las páginas de Tend en español: acceso e invitaciones.
# Cada mensaje debe existir también en en/staff.ftl y tr/staff.ftl.

## Errores
error-password-short = debe tener al menos { $min } caracteres
error-password-repeat = Las dos contraseñas no coinciden.

## Acceso e invitaciones
sign-in-title = Iniciar sesión
sign-in-button = Entrar
sign-in-failed = Ese correo y esa contraseña no corresponden a una cuenta activa.
first-run-title = Bienvenido a Tend
first-run-body = Aún no hay usuarios. Abra el enlace de configuración de un solo uso que Tend mostró en la salida del servidor al arrancar (empieza por /setup?token=) para crear el primer administrador en su navegador.
first-run-after = ¿No tiene el enlace? Reinicie el servidor para que muestre uno nuevo, o cree el administrador en la línea de comandos del servidor con tend user add.
invite-title = Elija su contraseña
invite-welcome = Bienvenido, { $name }.
invite-button = Guardar y entrar
field-new-password = Contraseña nueva (al menos 10 caracteres)
field-repeat-password = Repita la contraseña
field-password = Contraseña

## First run in the browser
setup-title = Configurar Tend
setup-intro = Cree el primer administrador e indique los datos de su empresa. Este enlace funciona una sola vez.
setup-company = Nombre de la empresa
setup-time-zone = Zona horaria de la empresa
setup-time-zone-hint = Un nombre de zona horaria IANA, como Europe/Madrid, Europe/Istanbul o America/New_York.
setup-language = Su idioma
setup-password-hint = Elija una contraseña larga y difícil de adivinar: varias palabras sin relación funcionan bien.
setup-repeat = Repita la contraseña
setup-submit = Crear el administrador
error-setup-token = Este enlace de configuración no es válido. Use el enlace de la salida del servidor.
error-time-zone = no es una zona horaria que Tend conozca (por ejemplo Europe/Madrid)
error-language = elija English, Español o Türkçe
error-password-weak = es demasiado fácil de adivinar: alárguela, con palabras o caracteres que no sigan ningún patrón

## Ajustes propios (/me) y de la empresa (/settings/company)
nav-me = Mis ajustes
nav-company = Empresa
field-time-zone = Zona horaria
field-company = Nombre de la empresa
me-title = Mis ajustes
me-now = Sus páginas y correos muestran las horas en su zona horaria; ahora son las { $now }.
me-time-zone-hint = Un nombre de zona horaria IANA como Europe/Madrid o America/Mexico_City. Déjelo vacío para usar la de la empresa ({ $company }).
me-save = Guardar
company-title = Empresa
company-intro = El nombre de la empresa y la zona horaria en la que los empleados que no han elegido la suya leen todas las horas de las páginas y los correos. Los plazos se siguen contando en el horario de servicio de cada canal.
company-save = Guardar

## El plazo de purga (/settings/company)
purge-title = Quejas eliminadas
purge-intro = Una queja eliminada se oculta al momento; pasados estos días su texto se borra para siempre (la fila queda, sin texto). Un cambio se aplica también a las quejas ya eliminadas.
field-purge-days = Días antes de purgar
purge-days-hint = Un número entero de días, de { $min } a { $max }.
purge-save = Guardar el plazo
