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
first-run-body = Henüz kullanıcı yok. İlk yöneticiyi sunucunun komut satırında oluşturun:
first-run-after = Tek kullanımlık bir parola yazdırır. Bu e-posta ve parolayla buradan giriş yapın.
invite-title = Parolanızı seçin
invite-welcome = Hoş geldiniz, { $name }.
invite-button = Kaydet ve giriş yap
field-new-password = Yeni parola (en az 10 karakter)
field-repeat-password = Parolayı yineleyin
field-password = Parola
