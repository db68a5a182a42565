# El centro de ayuda (público) y su página de carencias (responsables).
help-title = Centro de ayuda
help-search = Buscar en el centro de ayuda
help-search-go = Buscar
help-results = Resultados de la búsqueda
help-no-results = Ningún artículo coincide con su búsqueda.
help-results-other-language = No hubo coincidencias en su idioma; estos artículos están en otro idioma.
help-no-articles = Todavía no hay artículos.
help-other = Otros
help-contact = ¿Aún necesita ayuda? Escríbanos
help-shown-in = Este artículo aún no está disponible en su idioma; se muestra en { $lang }.
help-did-it-help = ¿Le ha servido?
help-yes = Sí, me ha servido
help-no = Aún necesito ayuda
help-thanks = Gracias por decírnoslo.
help-sorry = Sentimos que no le haya servido.
help-lang-en = inglés
help-lang-es = español
help-lang-tr = turco
gaps-title = Carencias del centro de ayuda
gaps-empty-searches = Búsquedas sin resultados
gaps-empty-searches-def = Búsquedas públicas, agrupadas por sus palabras (sin mayúsculas ni acentos) e idioma, que no encontraron ningún artículo público; n = número de esas búsquedas.
gaps-words = Palabras buscadas
gaps-last = Última búsqueda
gaps-none = Aún no hay nada que mostrar.
gaps-articles = Artículos tras los que aún se necesitó ayuda
gaps-categories = Categorías en las que aún se necesitó ayuda
gaps-outcomes-def = n = respuestas a «¿Le ha servido?»; respuestas «Aún necesito ayuda» y su parte de n (%), ordenadas por ese número.
gaps-name = Nombre
gaps-still-need-help = Aún necesito ayuda

# Las páginas de artículos del personal.
nav-help = Artículos de ayuda
field-title = Título
field-visibility = Visibilidad
field-source-lang = Idioma de origen
help-f-category = Categoría
help-f-owner = Responsable
help-f-review = Próxima revisión
help-f-body = Texto (Markdown)
help-f-status = Estado
help-visibility-draft = Borrador
help-visibility-internal = Interno (personal)
help-visibility-public = Público
help-visibility-archived = Archivado
help-status-missing = Falta
help-status-draft = Borrador
help-status-published = Publicado
help-source-changed = El original cambió desde esta traducción
help-linked-by-customer = El cliente (lo leyó antes de enviar)
articles-title = Artículos de ayuda
articles-new = Nuevo artículo
articles-edit = Artículo
articles-all = Todos los artículos
articles-save = Guardar
articles-save-text = Guardar este idioma
articles-preview = Vista previa
articles-markdown = Markdown: # títulos, **negrita**, listas, [enlaces](https://…). Se quitan los scripts y los enlaces inseguros.
articles-publish-note = Puede escribir borradores; publica un gerente o un administrador.
articles-history = Historial
articles-saved-by = Guardado por
articles-when = Cuándo
articles-linked = Reclamaciones a las que se vinculó este artículo
articles-complaint = Reclamación
articles-linked-by = Vinculado por
articles-links = Reclamaciones vinculadas
articles-links-def = Reclamaciones vinculadas: n = reclamaciones a las que un agente vinculó el artículo, o cuyo cliente lo vio antes de enviar.
articles-deflection = Desvío desde el formulario de reclamación
articles-deflected = resueltas por un artículo
articles-sent = enviadas igualmente
articles-deflection-def = Tasa de desvío = visitas del formulario a las que se mostró al menos un artículo y cuyo cliente dijo «esto lo resolvió» sin enviar nada ÷ (esas + visitas a las que se mostró un artículo y que enviaron la reclamación igualmente); n = esa suma. Las visitas que se fueron sin responder no cuentan en ninguna.
articles-gaps = Categorías sin artículo
articles-gaps-def = Categorías que recibieron reclamaciones en los últimos 90 días (sin contar las fusionadas ni las eliminadas) y no tienen ningún artículo público publicado en ningún idioma; n = esas reclamaciones.
help-suggest-title = Antes de enviar: estos artículos pueden responder a su pregunta
help-suggest-solved = Esto lo resolvió
help-suggest-send = No me ayudó, enviar mi reclamación
help-suggest-next = Continuar
help-solved-title = Nos alegra que le haya ayudado
help-solved-text = No se envió nada. Si todavía necesita ayuda, puede escribirnos cuando quiera.
help-feed-title = Centro de ayuda
link-article = Vincular un artículo de ayuda
link-article-go = Vincular
link-article-none = Todavía no hay ningún artículo vinculado.
link-article-public = Enlace público
articles-shown = mostrado
articles-rate = Desvío
article-deflection-def = Para este artículo: de las visitas del formulario de reclamación a las que se mostró, desviadas = aquellas cuyo cliente dijo que resolvió su problema sin enviar nada; enviadas igualmente = las que enviaron la reclamación. Tasa = desviadas ÷ (desviadas + enviadas igualmente); n = esa suma. Las visitas que se fueron sin responder no cuentan en ninguna; una visita a la que se mostraron varios artículos cuenta para cada uno.
