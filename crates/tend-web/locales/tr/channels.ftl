# Tend sayfaları Türkçe: ayarlar: çalışanlar, kategoriler, ürünler ve her kanalın saatleri ile standartları.
# Her ileti en/channels.ftl ve es/channels.ftl dosyalarında da bulunmalıdır.

## Hatalar
error-opening-times = saatleri 09:00-13:00, 14:00-18:00 gibi yazın
error-closed-line = bir tarih yazın, isterseniz ardından "yearly"
error-minutes = iki hedefi de tam dakika olarak verin ya da hiçbirini
error-whole-number = tam sayı olmalı

## Alanlar
field-role = Rol
field-parent = Üst kategori
field-sku = Stok kodu

## Ayarlar
settings-title = Ayarlar
settings-employees = Çalışanlar
settings-invite = Çalışan davet et
settings-invite-button = Davet et
settings-invite-created = Bu tek kullanımlık bağlantıyı yeni çalışana gönderin. Yedi gün boyunca bir kez çalışır:
settings-categories = Kategoriler
settings-products = Ürünler
settings-channels = Kanallar
settings-channels-hint = Her kanalın hizmet saatleri ve yanıt standartları. Süreler, uyarılar ve mesajlar bunlara göre işler.
settings-service-hours = Hizmet saatleri
settings-response-standards = Yanıt standartları
settings-add = Ekle
settings-save = Kaydet
settings-time-zone = Saat dilimi (IANA, ör. Europe/Istanbul)
settings-always-open = Her zaman açık
settings-opening-hint = Gün başına açılış saatleri, ör. 09:00-13:00, 14:00-18:00. Kapalı günü boş bırakın; 22:00-06:00 gece yarısını geçer.
settings-closed = Kapalı günler
settings-closed-hint = Satır başına bir tarih, ör. 2026-12-25 yearly ya da bir kez için 2026-08-14.
settings-targets-hint = Önceliğe göre ilk yanıta ve çözüme kadar hizmet süresi dakikası. Hedef yoksa ikisini de boş bırakın.
settings-first-response-minutes = İlk yanıt (dakika)
settings-resolution-minutes = Çözüm (dakika)
settings-warn-at = Uyarı eşiği (hedefin %'si)
settings-escalate-on-breach = İhlalde bir seviye yukarı aktar
day-mon = Pazartesi
day-tue = Salı
day-wed = Çarşamba
day-thu = Perşembe
day-fri = Cuma
day-sat = Cumartesi
day-sun = Pazar
settings-inactive = Etkin değil: oturum açamaz, API belirteçlerini kullanamaz.
settings-deactivate = Devre dışı bırak
settings-reactivate = Yeniden etkinleştir
settings-revoke-tokens = API belirteçlerini iptal et
