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
