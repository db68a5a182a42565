# Tend sayfaları Türkçe: giriş ve davetler.
# Her ileti en/staff.ftl ve es/staff.ftl dosyalarında da bulunmalıdır.

## Hatalar
error-password-short = en az { $min } karakter olmalıdır
error-password-repeat = İki parola birbirinden farklı.

## Giriş ve davetler
sign-in-title = Giriş yap
sign-in-button = Giriş yap
sign-in-failed = Bu e-posta ve parola etkin bir hesapla eşleşmiyor.
first-run-title = Tend'e hoş geldiniz
first-run-body = Henüz kullanıcı yok. İlk yöneticiyi tarayıcınızda oluşturmak için Tend'in başlarken sunucu çıktısına yazdırdığı tek kullanımlık kurulum bağlantısını (/setup?token= ile başlar) açın.
first-run-after = Bağlantı elinizde değil mi? Yenisini yazdırması için sunucuyu yeniden başlatın ya da yöneticiyi sunucunun komut satırında tend user add ile oluşturun.
invite-title = Parolanızı seçin
invite-welcome = Hoş geldiniz, { $name }.
invite-button = Kaydet ve giriş yap
field-new-password = Yeni parola (en az 10 karakter)
field-repeat-password = Parolayı yineleyin
field-password = Parola

## First run in the browser
setup-title = Tend kurulumu
setup-intro = İlk yöneticiyi oluşturun ve şirketinizi tanıtın. Bu bağlantı yalnızca bir kez çalışır.
setup-company = Şirket adı
setup-time-zone = Şirketin saat dilimi
setup-time-zone-hint = Europe/Madrid, Europe/Istanbul veya America/New_York gibi bir IANA saat dilimi adı.
setup-language = Diliniz
setup-password-hint = Tahmin edilmesi zor, uzun bir parola seçin: birbiriyle ilgisiz birkaç kelime iyi çalışır.
setup-repeat = Parola tekrar
setup-submit = Yöneticiyi oluştur
error-setup-token = Bu kurulum bağlantısı geçerli değil. Sunucu çıktısındaki bağlantıyı kullanın.
error-time-zone = Tend'in bildiği bir saat dilimi değil (örneğin Europe/Madrid)
error-language = English, Español veya Türkçe seçin
error-password-weak = tahmin edilmesi çok kolay: daha uzun yapın, bir düzene uymayan kelimeler veya karakterler kullanın

## Kişisel ayarlar (/me) ve şirket ayarları (/settings/company)
nav-me = Ayarlarım
nav-company = Şirket
field-time-zone = Saat dilimi
field-company = Şirket adı
me-title = Ayarlarım
me-now = Sayfalarınız ve e-postalarınız saatleri sizin saat diliminizde gösterir; şu an { $now }.
me-time-zone-hint = Europe/Istanbul veya America/Mexico_City gibi bir IANA saat dilimi adı. Şirketinkini ({ $company }) kullanmak için boş bırakın.
me-save = Kaydet
company-title = Şirket
company-intro = Şirketin adı ve kendi saat dilimini seçmemiş çalışanların sayfalardaki ve e-postalardaki tüm saatleri okuduğu saat dilimi. Süreler yine her kanalın hizmet saatlerine göre hesaplanır.
company-save = Kaydet

## Temizleme süresi (/settings/company)
purge-title = Silinen şikâyetler
purge-intro = Silinen bir şikâyet hemen gizlenir; bu kadar gün sonra metni kalıcı olarak silinir (satır metinsiz kalır). Bir değişiklik önceden silinmiş şikâyetlere de uygulanır.
field-purge-days = Temizlemeden önceki gün sayısı
purge-days-hint = { $min } ile { $max } arasında tam bir gün sayısı.
purge-save = Süreyi kaydet
