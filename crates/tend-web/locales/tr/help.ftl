# Yardım merkezi (herkese açık) ve eksikler sayfası (yöneticiler).
help-title = Yardım merkezi
help-search = Yardım merkezinde ara
help-search-go = Ara
help-results = Arama sonuçları
help-no-results = Aramanızla eşleşen makale yok.
help-results-other-language = Dilinizde eşleşme bulunamadı; bu makaleler başka bir dilde.
help-no-articles = Henüz makale yok.
help-other = Diğer
help-contact = Hâlâ yardıma mı ihtiyacınız var? Bize yazın
help-shown-in = Bu makale henüz dilinizde yok; { $lang } olarak gösteriliyor.
help-did-it-help = Bu yardımcı oldu mu?
help-yes = Evet, yardımcı oldu
help-no = Hâlâ yardıma ihtiyacım var
help-thanks = Bildirdiğiniz için teşekkürler.
help-sorry = Yardımcı olamadığımız için üzgünüz.
help-lang-en = İngilizce
help-lang-es = İspanyolca
help-lang-tr = Türkçe
gaps-title = Yardım merkezindeki eksikler
gaps-empty-searches = Sonuç bulamayan aramalar
gaps-empty-searches-def = Kelimelerine (büyük/küçük harf ve aksanlar yok sayılarak) ve diline göre sayılan, hiçbir herkese açık makale bulamayan aramalar; n = bu aramaların sayısı.
gaps-words = Aranan kelimeler
gaps-last = Son arama
gaps-none = Henüz gösterilecek bir şey yok.
gaps-articles = Sonrasında hâlâ yardım gereken makaleler
gaps-categories = Hâlâ yardım gereken kategoriler
gaps-outcomes-def = n = "Bu yardımcı oldu mu?" sorusuna verilen yanıtlar; "Hâlâ yardıma ihtiyacım var" yanıtları ve n içindeki payı (%), bu sayıya göre sıralı.
gaps-name = Ad
gaps-still-need-help = Hâlâ yardıma ihtiyacım var
