# Tend sayfaları Türkçe: gelen kutusu, yeni şikâyet ve yöntemiyle birlikte şikâyet sayfası.
# Her ileti en/complaints.ftl ve es/complaints.ftl dosyalarında da bulunmalıdır.

## Hatalar
error-read-back = Olguları müşteriye okuyun ve onayladığında bu kutuyu işaretleyin.

## Alanlar
field-customer = Müşteri
field-due = Süre
field-received-by = Alan kişi
field-kind = Tür
field-channel = Kanal
field-category = Kategori
field-product = Ürün
field-priority = Öncelik
field-assignee = Atanan kişi
field-subject = Konu
field-description = Ne oldu
field-order-reference = Sipariş numarası
field-follow-up-at = Takip tarihi
field-prevention = Gelecekte nasıl önlenir
field-facts = Müşterinin anlattığı olgular
field-read-back = Olguları müşteriye okudum ve onayladı
field-root-cause = Soruna ne yol açtı
field-responsible = Sorumlu kim
field-customer-proposal = Müşterinin önerisi (önce ona sorun)
field-agreed-solution = Üzerinde anlaşılan çözüm
field-solution-mode = Hemen mi yapıldı, söz mü verildi?
field-promised-by = Söz verilen tarih
field-corrective-action = Yapılan düzeltici işlem
field-apologised = Müşteriden özür diledik
field-compensation = Tazminat
field-compensation-kind = Tür
field-compensation-note = Tazminatla ilgili not
field-amount = Tutar
field-currency = Para birimi
field-satisfied-now = Müşteri memnun mu?
field-resolved-at = Çözüldü
field-rating = Memnuniyet (1–5)
field-follow-up-note = Takip notu
field-close-reason = Kapatma nedeni
field-reopen-reason = Yeniden açma nedeni
field-step = Atılan bir adım
field-wait-reason = Müşteriden ne istediniz
field-reply-note = Müşterinin yanıtı
field-escalate-to = Şuna aktar
field-escalate-reason = Neden
field-when = Ne zaman
field-who = Kim
field-action = İşlem
field-change = Değişiklik

## Gelen kutusu
any = Hepsi
inbox-title = Gelen kutusu
inbox-filters = Süzgeçler
inbox-search = Ara
inbox-sort = Sıra
inbox-sort-newest = Önce en yeniler
inbox-sort-oldest = Önce en eskiler
inbox-mine = Bana atananlar
inbox-escalated = Üst kademeye aktarılanlar
inbox-overdue = Takibi gecikenler
inbox-clear = Temizle
inbox-first-page = İlk sayfa
inbox-bad-filter = Süzgeçlerden birinin değeri Tend'in tanımadığı bir değer; yok sayıldı.
inbox-bad-search = En az bir harf ya da rakam arayın.
badge-escalated = Aktarıldı
badge-waiting = Müşteri bekleniyor

## Süreler
due-first-response = İlk yanıt
due-resolution = Çözüm
due-met = karşılandı
due-breached = gecikti
due-paused = duraklatıldı
due-left = { $time } kaldı
duration-hours = { $h } sa
duration-minutes = { $m } dk

## Yeni şikâyet
new-title = Yeni şikâyet
new-customer-heading = Kim?
new-find-customer = Adına ya da e-postasına göre müşteri bul
new-find-button = Bul
new-customer-new = Yeni bir müşteri:
new-what-heading = Ne oldu
new-submit = Şikâyeti kaydet

## Şikâyet sayfası ve yöntem
complaint-what-happened = Müşterinin söyledikleri
complaint-answers = Şimdiye kadar
complaint-steps = Atılan adımlar
complaint-no-steps = Henüz adım yok.
complaint-details = Ayrıntılar
complaint-save-details = Ayrıntıları kaydet
complaint-timeline = Geçmiş
method-progress = Çözüm yöntemi
method-understand = Anlamak
method-identify_cause = Nedeni belirlemek
method-agree_solution = Çözüm önermek
method-resolve = Çözmek
method-follow_up = Takip etmek
hint-understand = Müşteriyi dinleyin. Olguları not edin, sonra anladığınızı doğrulamak için ona geri okuyun.
hint-identify-cause = Müşteri ne yaptı, ne olmalıydı? Sorunu ayırın; şirket sorumluysa bunu kabul edin.
hint-agree-solution = Önce müşteriye neyin sorunu gidereceğini sorun, sonra iki taraf için de uygun bir plan üzerinde anlaşın.
hint-resolve = Düzeltici işlemi yapın, özür dileyin, gerekiyorsa tazminat önerin ve müşterinin memnun olup olmadığını sorun.
hint-follow-up = Takip zamanında müşteriye memnun olup olmadığını sorun.
hint-close = Takip yapıldı. Şikâyeti kapatın ya da sorun çözülmediyse yeniden açın.
hint-closed = Bu şikâyet kapatıldı. Sorun yeniden ortaya çıktıysa yeniden açın.
step-close = Kapat
step-reopen = Yeniden aç
step-apologised = Müşteriden özür dilendi.
satisfied-later = Takipte sor
compensation-none = Yok
tier-next = Bir üst kademe
submit-understand = Olguları kaydet
submit-identify_cause = Nedeni kaydet
submit-agree_solution = Çözümü kaydet
submit-resolve = Çözüldü olarak işaretle
submit-follow_up = Takibi kaydet
submit-close = Şikâyeti kapat
submit-reopen = Yeniden aç
submit-step = Adımı ekle
submit-wait_for_customer = Müşteriyi bekle
submit-customer_replied = Müşteri yanıt verdi
submit-escalate = Üst kademeye aktar
actor-customer = müşteri

## Geçmişteki işlemler
action-created = Alındı
action-edited = Düzenlendi
action-step_added = Adım atıldı
action-understand = Anlaşıldı
action-identify_cause = Neden belirlendi
action-agree_solution = Çözümde anlaşıldı
action-resolve = Çözüldü
action-follow_up = Takip edildi
action-csat_answer = Memnuniyet yanıtı (CSAT)
action-close = Kapat
action-reopen = Yeniden aç
action-escalate = Üst kademeye aktar
action-wait_for_customer = Müşteriyi bekle
action-customer_replied = Müşteri yanıt verdi

## Değerler
party-company = Şirketimiz
party-customer = Müşteri
party-vendor = Bir tedarikçi
party-shipping = Kargo
party-other = Başka biri
mode-on_the_spot = Hemen yapıldı
mode-promised = Sonrası için söz verildi
compensation-refund = İade
compensation-credit = Kredi
compensation-replacement = Değişim
compensation-coupon = Kupon
compensation-other = Diğer
complaint-merge = Başka bir şikâyetle birleştir
field-merge-into = Kalacak şikâyet (kimlik ya da referans, aynı müşteri)
submit-merge = Birleştir
complaint-delete = Bu şikâyeti sil
field-delete-reason = Neden (ör. spam)
field-delete-confirm = Evet, sil: metni { $days } gün sonra kalıcı olarak silinir
submit-delete = Sil
complaint-delete-unconfirmed = Onaylamak için kutuyu işaretleyin.
action-merged_into = Şununla birleştirildi
action-merged_from = Şundan birleştirildi
action-deleted = Silindi
action-purged = Metin silindi
complaint-merged-into = Bu şikâyet şununla birleştirildi:
complaint-merged-from = Bununla birleştirilenler:
