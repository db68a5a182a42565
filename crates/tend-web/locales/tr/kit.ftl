# Tend sayfaları Türkçe: çerçeve, gezinme, hatalar, biçimler ve birden çok bölümün paylaştığı etiketler.
# Her ileti en/kit.ftl ve es/kit.ftl dosyalarında da bulunmalıdır.

## Biçimler
format-decimal-separator = ,
format-group-separator = .

## Çerçeve
skip-to-content = İçeriğe geç
nav-label = Ana menü
nav-inbox = Gelen kutusu
nav-new-complaint = Yeni şikâyet
nav-customers = Müşteriler
nav-audit = Denetim kaydı
nav-dead-jobs = Başarısız işler
nav-settings = Ayarlar
sign-out = Çıkış yap
language = Dil
language-apply = Değiştir
yes = Evet
no = Hayır

## Hatalar
error-title = Bir sorun oluştu
error-home = Başa dön
error-not-found = Bu sayfayı bulamadık.
error-forbidden = Rolünüz buna izin vermiyor.
error-csrf = Bu formun süresi dolmuş ya da form Tend'den gelmiyor. Geri dönün, sayfayı yenileyin ve yeniden deneyin.
error-bad-request = İstek anlaşılamadı.
error-too-many = Adresinizden çok fazla deneme yapıldı. Bir dakika bekleyip yeniden deneyin.
error-invalid = Gönderilenlerin bir kısmı geçerli değil.
error-conflict = Bu arada başka biri değiştirdi. Sayfayı yenileyip yeniden deneyin.
error-unavailable = Tend yeniden başlıyor. Birazdan yeniden deneyin.
error-internal = Bizim tarafımızda bir sorun oluştu. Kayda geçirildi.
error-required = zorunludur
error-number = tam sayı olmalıdır
error-datetime = tarih ve saat olmalıdır
form-has-errors = Lütfen aşağıdaki alanları düzeltin.

## Alanlar
field-email = E-posta
field-phone = Telefon
field-name = Ad
field-address = Adres
field-city = Şehir
field-country = Ülke (iki harf)
field-language = Tercih edilen dil
field-consent = İletişime geçilmesini kabul ediyor
field-reference = Referans
field-summary = Özet
field-status = Durum
field-received = Alındı
field-tier = Destek kademesi
field-outcome = Sonuç

## Gelen kutusu
inbox-apply = Göster
inbox-empty = Eşleşen şikâyet yok.
inbox-pages = Sayfalar
inbox-next-page = Sonraki sayfa

## Değerler
status-received = Alındı
status-understood = Anlaşıldı
status-cause_identified = Neden belirlendi
status-solution_agreed = Çözümde anlaşıldı
status-resolved = Çözüldü
status-closed = Kapatıldı
kind-complaint = Şikâyet
kind-feedback = Geri bildirim
kind-question = Soru
kind-suggestion = Öneri
kind-praise = Övgü
priority-low = Düşük
priority-normal = Normal
priority-high = Yüksek
priority-urgent = Acil
channel-phone = Telefon
channel-email = E-posta
channel-web = Web formu
channel-chat = Canlı sohbet
channel-social = Sosyal medya
channel-in_person = Yüz yüze
channel-self_service = Self servis
outcome-satisfied = Memnun
outcome-not_satisfied = Memnun değil
outcome-no_answer = Yanıt yok
tier-0 = 0 · Self servis
tier-1 = 1 · Ön hat
tier-2 = 2 · Uzmanlar
tier-3 = 3 · Kıdemli uzmanlar ve yönetim
role-viewer = İzleyici
role-agent = Temsilci
role-manager = Yönetici
role-admin = Sistem yöneticisi
error-not-utf8 = “{ $field }” alanı geçerli bir UTF-8 metni değil.
error-nul = “{ $field }” alanı izin verilmeyen bir NUL karakteri içeriyor.
footer-api-docs = API başvuru kılavuzu
error-too-large = İstek sunucunun kabul ettiğinden büyük (dosyalar: toplam en fazla 10 MiB).
