# Tend sayfaları Türkçe: anketler — herkese açık bağlantıdan yanıtlama, personelin listesi ve sonuçlar.

## Yanıtlama
survey-progress = Sayfa { $page } / { $pages }
survey-required = zorunlu
survey-rating-hint = 1 = çok kötü, { $max } = mükemmel
survey-nps-hint = 0 = hiç olası değil, 10 = çok olası
survey-yes = Evet
survey-no = Hayır
survey-other = Diğer
survey-other-text = Diğer (lütfen belirtin)
survey-next = İleri
survey-send = Yanıtlarımı gönder
survey-thanks = Teşekkürler: yanıtlarınız kaydedildi.
survey-answered = Teşekkürler: yanıtlarınız kaydedildi. Bu anket herkesten bir yanıt alır.
survey-closed = Bu anket kapandı ve artık yanıt almıyor. Teşekkürler.

## Personel sayfaları
nav-surveys = Anketler
surveys-title = Anketler
surveys-build-hint = Anketler API ile (/api/v1/surveys) hazırlanıp yayımlanır; sonuçları burada, canlı.
surveys-empty = Henüz anket yok.
surveys-survey = Anket
surveys-status = Durum
survey-status-draft = Taslak
survey-status-open = Açık
survey-status-closed = Kapalı
surveys-public-link = Herkese açık bağlantı
surveys-complete = Tamamlanan yanıtlar
surveys-partial = Yarım kalan yanıtlar (aşağıda sayılmaz)
surveys-definitions = Bu rakamlar nasıl tanımlanır
surveys-def-counted = Yalnızca tamamlanan yanıtlar sayılır; n, soruyu yanıtlayanların sayısıdır (çoktan seçmeli bir soruda her yanıt bir kez sayılır; oranların toplamı %100'ü aşabilir).
surveys-def-mean = Ortalama: yanıtların toplamı bölü n.
surveys-def-median = Medyan: sıralanmış yanıtların ortadaki değeri; n çiftse ortadaki iki değerin ortalaması.
surveys-def-nps = NPS = % destekçiler (9–10) − % eleştirenler (0–6), sayımlardan, bir ondalıkla; pasifler 7–8'dir.
surveys-def-interval = %95 aralığı: her yanıt +1 (destekçi), 0 (pasif), −1 (eleştiren) puanlanarak NPS ± 1,96 × 100 × √((p + d − (p − d)²) / n); p ve d destekçi ve eleştiren oranları, −100…100 ile sınırlı; 30 yanıttan az olunca verilmez.
surveys-def-response-rate = Yanıt oranı = tamamlanan yanıtlar ÷ teslim edilen davetler (gönderilen eksi geri dönen); yalnızca herkese açık bağlantıyla yanıtlanan bir ankette yoktur.
surveys-mean = ortalama
surveys-median = medyan
surveys-interval = %95 aralığı
surveys-too-few = aralık için yanıt çok az
surveys-answer = Yanıt
surveys-count = Yanıtlar
surveys-share = n içindeki oran
surveys-open-answers = Açık uçlu yanıtlar
surveys-search = Açık uçlu yanıtlarda ara
surveys-apply = Ara
surveys-no-open = Açık uçlu yanıt yok.
