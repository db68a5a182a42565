## Memnun olmayan müşterinin seçebileceği nedenler
csat-reasons-title = Memnuniyetsizlik nedenleri
csat-reasons-intro = Bir müşteri şikâyetini nasıl ele aldığımızı 1, 2 veya 3 (5 üzerinden) olarak puanladığında, bu nedenlerden birini seçip nedenini kendi sözleriyle yazabilir. En fazla 8 neden; her birinin bir kodu (her yanıtla saklanır) ve İngilizce, İspanyolca ve Türkçe metni vardır. Bir satırı dışarıda bırakmak için boş bırakın.
csat-reasons-row = Neden
csat-reasons-code = Kod (küçük harf, rakam, _)
csat-reasons-in-en = İngilizce
csat-reasons-in-es = İspanyolca
csat-reasons-in-tr = Türkçe
csat-reasons-save = Nedenleri kaydet
