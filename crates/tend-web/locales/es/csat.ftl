## Los motivos que puede elegir un cliente insatisfecho
csat-reasons-title = Motivos de insatisfacción
csat-reasons-intro = Cuando un cliente valora con 1, 2 o 3 (de 5) cómo tratamos su reclamación, puede elegir uno de estos motivos y explicar por qué con sus palabras. Hasta 8 motivos, cada uno con un código (que se guarda con cada respuesta) y su texto en inglés, español y turco. Deje una fila vacía para omitirla.
csat-reasons-row = Motivo
csat-reasons-code = Código (minúsculas, cifras, _)
csat-reasons-in-en = En inglés
csat-reasons-in-es = En español
csat-reasons-in-tr = En turco
csat-reasons-save = Guardar los motivos
