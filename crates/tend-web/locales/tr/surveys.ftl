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
survey-expired = Bu davet bağlantısının süresi doldu ve artık yanıt almıyor: davet bağlantıları { $days } gün geçerlidir. Teşekkürler.

## Personel sayfaları
nav-surveys = Anketler
surveys-title = Anketler
surveys-build-hint = Yöneticiler anketleri burada ya da API ile (/api/v1/surveys) hazırlar; sonuçları burada, canlı.
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
surveys-def-response-rate = Yanıt oranı = tamamlanan yanıtlar ÷ teslim edilen davetler (gönderilen eksi geri dönen: davetin ya da hatırlatmasının iletilemediğini bildiren bir rapor Tend'in gelen postasına ulaştığında davet geri dönmüş sayılır); yalnızca herkese açık bağlantıyla yanıtlanan bir ankette yoktur.
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

## The builder (managers)
survey-build-new = Yeni anket
survey-build-edit = Taslağı düzenle
survey-build-hint = Taslak yayımlanana kadar değiştirilebilir; yayımlandıktan sonra soruları olduğu gibi kalır, böylece her yanıt yanıtladığı metni korur. Yayımlamak için her metnin anketin her dilinde olması gerekir.
survey-build-missing = Yayımlanabilmesi için hâlâ eksik olanlar:
survey-build-languages = Anketin dilleri
survey-build-lang-en = İngilizce
survey-build-lang-es = İspanyolca
survey-build-lang-tr = Türkçe
survey-build-question = Soru { $n }
survey-build-kind = Tür
survey-build-kind-none = — (soru yok)
survey-build-kind-open = Açık metin
survey-build-kind-rating = Puanlama ölçeği
survey-build-kind-nps = Tavsiye etme olasılığı (NPS, 0–10)
survey-build-kind-single_choice = Tek seçim
survey-build-kind-multiple_choice = Çoklu seçim
survey-build-kind-yes_no = Evet / hayır
survey-build-scale-hint = Yalnızca puanlama ölçeği için.
survey-build-required = Yanıt zorunlu
survey-build-other = "Diğer: …" seçeneği sun (yalnızca çoklu seçim)
survey-build-options-hint = Seçenekler: her satıra bir tane, her dilde aynı satırda (yalnızca seçim türleri).
survey-build-remove = Bu soruyu kaldır
survey-build-save = Taslağı kaydet
survey-build-publish = Kaydet ve yayımla
survey-build-close = Anketi kapat (sonuçları kalır)
survey-build-field-title = Başlık
survey-build-field-intro = Giriş
survey-build-field-text = Soru
survey-build-field-explanation = Açıklama
survey-build-field-options = Seçenekler
survey-build-field-scale = Ölçek
survey-build-field-page = Sayfa
survey-build-field-other = Diğer
survey-build-field-languages = Diller
survey-build-field-questions = Sorular
survey-build-field-status = Durum

## Invitations and the response rate
survey-invite-title = Davetler
survey-invite-hint = Seçilen her müşteri bir kez, kendi dilinde, e-posta kanalının çalışma saatleri içinde, tek yanıt alan özel bir bağlantıyla davet edilir; hâlâ yanıtlamamışsa 7 gün sonra bir hatırlatma gider. Yalnızca adresi olan ve iletişime izin veren müşteriler davet edilir; iznini geri çeken müşteriye başka bir şey gitmez. Bir bağlantının süresi, davetten sonra anket ayarlarında belirtilen gün sayısı kadardır (değiştirilmedikçe 30) ve sonra hiçbir şey kaydetmez.
survey-invite-audience = Kimler davet edilsin
survey-invite-all = İletişime izin veren tüm müşteriler
survey-invite-segment = Bir segment: ülkeye ve/veya tercih edilen dile göre
survey-invite-saved-segment = Kayıtlı bir müşteri segmenti (şu anki üyeleri)
survey-invite-segment-id = Kayıtlı segment
survey-invite-bad-segment = “{ $field }” alanı kayıtlı bir segment alır.
survey-invite-list = Müşteri numaralarından bir liste
survey-invite-country = Ülke (ISO kodu, ör. ES)
survey-invite-language = Tercih edilen dil (en, es, tr)
survey-invite-customers = Boşluk ya da virgülle ayrılmış müşteri numaraları
survey-invite-send = Davet et
survey-invite-done = Davet edilen: { $invited } · dışarıda kalan (izin ya da adres yok): { $left_out } · daha önce davet edilen: { $already }
survey-invite-bad-customers = “{ $field }” alanı boşluk ya da virgülle ayrılmış müşteri numaraları alır.
survey-invite-not-open = Yalnızca açık bir anket davet alır (“{ $field }”).
survey-invite-invited = Davet edilen
survey-invite-sent = Gönderilen
survey-invite-bounced = Geri dönen
survey-invite-delivered = Teslim edilen
survey-invite-answered = Davetle gelen tam yanıtlar
survey-invite-rate = Yanıt oranı
survey-invite-no-rate = henüz yok (teslim edilen yok)

## Coding open answers
survey-codes-title = Açık yanıtların kodları
survey-codes-def = Tamamlanmış bir yanıttaki her açık yanıt, bu anketin listesinden birden çok kod taşıyabilir. Bir kodun sayısı, onu taşıyan açık yanıtların sayısıdır; payı bu sayı ÷ n'dir, n tüm tamamlanmış açık yanıtlardır (birden çok kodlu bir yanıt her birinde sayılır, bu yüzden paylar toplamı %100'ü geçebilir). Her sayı, saydığı yanıtlara bağlanır.
survey-codes-coded = en az bir kodu olan yanıtlar
survey-codes-code = Kod
survey-codes-new = Yeni kod
survey-codes-add = Kodu ekle
survey-codes-all = Tüm açık yanıtlar
survey-codes-of-answer = Bu yanıtın kodları
survey-codes-save = Kodları kaydet
survey-code-bad = “{ $field }” alanı 1 ile 100 karakter arası bir ad ister.
survey-code-taken = Bu ankette bu adla bir kod zaten var (“{ $field }”).
survey-code-unknown = Bu anketin kodlarından biri değil ya da tamamlanmış bir açık yanıt değil (“{ $field }”).

## Ayarlar ve ilişki takvimi (NPS)
survey-settings-title = Anket ayarları
survey-settings-intro = Bir davetin özel bağlantısının ne kadar süre yanıt kabul ettiği ve herhangi bir ankette ya da memnuniyet sorusunda sorulan bir müşterinin ilişki takvimi tarafından ne kadar süre rahat bırakıldığı.
survey-settings-link-hint = Davetten bağlantının süresinin dolmasına kadar geçen gün sayısı; o andan itibaren bağlantı hiçbir şey kaydetmez.
survey-settings-cooldown-hint = Herhangi bir ankete davet edilen ya da bir çözümden sonra memnuniyet sorusu gönderilen müşterinin bir takvim tarafından yeniden davet edilmediği gün sayısı (0: bekleme yok).
survey-settings-range = { $min } ile { $max } arasında bir tam sayı.
survey-settings-save = Ayarları kaydet
field-invitation-link-days = Bağlantının yanıt kabul ettiği gün
field-cooldown-days = Bekleme süresi (gün)
survey-schedule-title = İlişki takvimi (NPS)
survey-schedule-link = İlişki takvimi
survey-schedule-intro = Her tur, bekleme süresi içinde sorulmamış, e-posta adresi ve izni olan her müşteriyi, e-posta kanalının hizmet saatleri içinde (kapalıysa bir sonraki açılışında), müşterinin dilinde ve bir hatırlatmayla davet eder. Yalnızca NPS sorusu olan açık bir anket takvime bağlanabilir.
survey-schedule-every = Her (gün)
survey-schedule-next = Sonraki tur
survey-schedule-set-at = Ayarlandığı zaman
survey-schedule-none = Bu anketin takvimi yok.
survey-schedule-stop = Takvimi durdur
survey-schedule-needs = Yalnızca NPS sorusu olan açık bir anket takvime bağlanabilir.
survey-schedule-every-hint = Turlar arasındaki gün sayısı, { $min } ile { $max } arasında bir tam sayı (91 yaklaşık bir çeyrektir).
survey-schedule-starts-hint = Boş: ilk tur şimdi.
survey-schedule-save = Takvimi kaydet
field-every-days = Turlar arasındaki gün
field-starts-at = İlk tur
field-questions = Sorular
