# La página del plan: el plan completo a una fecha, imprimible.
nav-plan = Plan
plan-title = El plan
plan-heading = El plan a { $date }
plan-on = A fecha de
plan-show = Mostrar
plan-vision = Visión
plan-vision-version = Versión { $version }, guardada por { $author } el { $date }.
plan-vision-none = No se había guardado ninguna declaración de visión en esta fecha.
plan-problems = Problemas prioritarios
plan-problems-period = Quejas recibidas del { $from } al { $to }.
plan-problems-none = Ningún problema clasificado en este periodo.
plan-complaints = { $n } quejas
plan-problems-definition = Las categorías que un responsable adoptó como problemas prioritarios (la adopción vigente al final de esta fecha), cada una con sus quejas en los tres meses hasta esta fecha; antes de cualquier adopción, los tres primeros de la clasificación de problemas en esos meses: categorías de quejas puntuadas por frecuencia, coste y clientes perdidos, sin las categorías no accionables.
plan-focus-adopted = Adoptados por { $by } el { $date }.
plan-focus-ranked = Aún no adoptados: los tres primeros de la clasificación.
plan-problems-link = La clasificación completa y sus definiciones
plan-goals = Objetivos de servicio
plan-goal = Objetivo
plan-goal-not-yet = ningún periodo en esta fecha
plan-goals-definition = Para cada objetivo, el periodo que contiene esta fecha: un periodo cerrado tal como quedó fijado al terminar; si no, el periodo medido al final de esta fecha (hoy: en directo), contando solo lo ocurrido hasta entonces, con la versión del objetivo vigente en ese momento. Estado: cumplido o no cumplido para un periodo cerrado, en camino o en riesgo para uno abierto, sin datos cuando n = 0.
plan-policy = Política
plan-policy-from = vigente desde el { $date }
plan-policy-none = Ninguna versión de la política estaba vigente en esta fecha.
plan-training = Formación
plan-training-definition = La introducción obligatoria del plan: personal activo (sin las cuentas de proveedores) que asistió a una sesión de introducción celebrada en esta fecha o antes.
plan-quotient = Cociente de servicio al cliente
plan-quotient-round = Última ronda hasta esta fecha: { $round } (n = { $n } participantes).
plan-quotient-none = No se había hecho ninguna evaluación del cociente en esta fecha.
