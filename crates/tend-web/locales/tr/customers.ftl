# Tend sayfaları Türkçe: müşteri listesi, profiller ve düzenlenmeleri.
# Her ileti en/customers.ftl ve es/customers.ftl dosyalarında da bulunmalıdır.

## Alanlar
field-region = Bölge
field-birth-year = Doğum yılı
field-notes = Notlar
field-contact = İletişim

## Müşteriler
customers-title = Müşteriler
customers-search = Adı ya da e-postası şununla başlar
customers-empty = Müşteri bulunamadı.
customer-profile = Profil
customer-complaints = Şikâyetleri
customer-edit = Profili düzenle
customer-save = Profili kaydet
customer-new-complaint = Bu müşteri için yeni şikâyet
