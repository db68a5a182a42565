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
first-run-body = Aún no hay usuarios. Cree el primer administrador en la línea de comandos del servidor:
first-run-after = Mostrará una contraseña de un solo uso. Entre aquí con ese correo y esa contraseña.
invite-title = Elija su contraseña
invite-welcome = Bienvenido, { $name }.
invite-button = Guardar y entrar
field-new-password = Contraseña nueva (al menos 10 caracteres)
field-repeat-password = Repita la contraseña
field-password = Contraseña
