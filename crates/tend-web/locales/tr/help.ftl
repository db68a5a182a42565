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

# Personelin makale sayfaları.
nav-help = Yardım makaleleri
field-title = Başlık
field-visibility = Görünürlük
field-source-lang = Kaynak dil
help-f-category = Kategori
help-f-owner = Sorumlu
help-f-review = Sonraki gözden geçirme
help-f-body = Metin (Markdown)
help-f-status = Durum
help-visibility-draft = Taslak
help-visibility-internal = Dahili (personel)
help-visibility-public = Herkese açık
help-visibility-archived = Arşivlendi
help-status-missing = Eksik
help-status-draft = Taslak
help-status-published = Yayımlandı
help-source-changed = Bu çeviriden sonra kaynak metin değişti
help-linked-by-customer = Müşteri (göndermeden önce okudu)
articles-title = Yardım makaleleri
articles-new = Yeni makale
articles-edit = Makale
articles-all = Tüm makaleler
articles-save = Kaydet
articles-save-text = Bu dili kaydet
articles-preview = Önizleme
articles-markdown = Markdown: # başlıklar, **kalın**, listeler, [bağlantılar](https://…). Betikler ve güvenli olmayan bağlantılar kaldırılır.
articles-publish-note = Taslak yazabilirsiniz; yayımlamayı bir yönetici veya sistem yöneticisi yapar.
articles-history = Geçmiş
articles-saved-by = Kaydeden
articles-when = Ne zaman
articles-linked = Bu makalenin bağlandığı şikâyetler
articles-complaint = Şikâyet
articles-linked-by = Bağlayan
articles-links = Bağlı şikâyetler
articles-links-def = Bağlı şikâyetler: n = bir temsilcinin makaleyi bağladığı ya da müşterisine göndermeden önce makalenin gösterildiği şikâyetler.
articles-deflection = Şikâyet formunda yönlendirme
articles-deflected = bir makaleyle çözülen
articles-sent = yine de gönderilen
articles-deflection-def = Yönlendirme oranı = en az bir makale gösterilen ve müşterinin "sorunumu çözdü" deyip hiçbir şey göndermediği form ziyaretleri ÷ (bunlar + makale gösterildiği hâlde şikâyeti gönderen ziyaretler); n = bu toplam. Yanıt vermeden ayrılan ziyaretler ikisinde de sayılmaz.
articles-gaps = Makalesi olmayan kategoriler
articles-gaps-def = Son 90 günde şikâyet alan (birleştirilen ve silinenler hariç) ve hiçbir dilde yayımlanmış herkese açık makalesi olmayan kategoriler; n = bu şikâyetler.
help-suggest-title = Göndermeden önce: bu makaleler sorunuzu yanıtlayabilir
help-suggest-solved = Sorunumu çözdü
help-suggest-send = İşe yaramadı, şikâyetimi gönder
help-suggest-next = Devam
help-solved-title = Yardımcı olabildiğimize sevindik
help-solved-text = Hiçbir şey gönderilmedi. Hâlâ yardıma ihtiyacınız olursa bize istediğiniz zaman yazabilirsiniz.
help-feed-title = Yardım merkezi
link-article = Bir yardım makalesi bağla
link-article-go = Bağla
link-article-none = Henüz bağlı makale yok.
link-article-public = Herkese açık bağlantı
articles-shown = gösterilen
articles-rate = Yönlendirme
article-deflection-def = Bu makale için: makalenin gösterildiği şikâyet formu ziyaretlerinden, yönlendirilen = müşterinin sorununu çözdüğünü söyleyip hiçbir şey göndermediği ziyaretler; yine de gönderilen = şikâyeti gönderen ziyaretler. Oran = yönlendirilen ÷ (yönlendirilen + yine de gönderilen); n = bu toplam. Yanıt vermeden ayrılan ziyaretler ikisinde de sayılmaz; birkaç makale gösterilen bir ziyaret her biri için sayılır.
