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
customer-export = Verilerini dışa aktar (JSON)
customer-anonymise = Anonimleştir…
anonymise-title = Müşteriyi anonimleştir
anonymise-erased = Her yerden silinir: ad, e-posta, telefon, adres, şehir, bölge, notlar ve dış kimlik, müşterinin yazdığı metinler (açıklamalar, konular, öneriler, iletileri), bunların personel notlarında ve geçmişte geçtiği her yer ve posta kaydındaki adres. Sonraki iletişim için verdiği izin sona erer.
anonymise-kept = Hedefler ve sıralamalar doğru kalsın diye korunur: şikâyetler ve sayıları, kategoriler, kanallar, durumlar, tarihler, tutarlar, puanlar ve geçmiş; ülke, cinsiyet, eğitim düzeyi, doğum yılı ve dil.
anonymise-final = Bu işlem geri alınamaz.
anonymise-understood = Bunun geri alınamayacağını anlıyorum
anonymise-tick = Onaylamak için kutuyu işaretleyin.
anonymise-submit = Kalıcı olarak anonimleştir
