# Tend sayfaları Türkçe: herkese açık şikâyet formu, teşekkür sayfası ve kayıt durumu sayfası.
# Her ileti en/public.ftl ve es/public.ftl dosyalarında da bulunmalıdır.

## Hatalar
error-closed = Bu şikâyet kapatıldı.
error-contact = Size yanıt verebilmemiz için bir e-posta adresi ya da telefon numarası yazın.

## Herkese açık sayfalar
public-title = Bize ne olduğunu anlatın
public-intro = Her iletiyi okur ve en kısa sürede yanıtlarız. Bir referans numarası ve durumunuzu izlemek için özel bir bağlantı alacaksınız.
public-kind = Bu bir
public-name = Adınız
public-contact = Size nasıl ulaşabiliriz? (e-posta ya da telefon)
public-what-happened = Ne oldu?
public-order = Sipariş numarası (varsa)
public-order-subject = Sipariş { $order }
public-updates-note = Bu konuyla ilgili gelişmeleri size bildireceğiz: bunun için hiçbir şeyi onaylamanız gerekmez.
public-later-contact = Daha sonra teklifler, anketler ve haberler için de benimle iletişime geçebilirsiniz (isteğe bağlı; istediğim zaman geri alabilirim)
consent-title = Sonraki iletişim
consent-given = Daha sonra teklifler, anketler ve haberler için sizinle iletişime geçmemizi kabul ettiniz. Bu konuyla ilgili bildirimler her durumda gelir.
consent-none = Size yalnızca bu konuyla ilgili yazacağız.
consent-withdraw = Sonraki iletişimi durdur
consent-withdraw-question = Sonraki tüm iletişimlerimiz (teklifler, anketler, haberler) durdurulsun mu? Açık konularınızla ilgili bildirimler gelmeye devam eder.
consent-withdrawn = Tamam: size artık teklif, anket veya haber göndermeyeceğiz.
public-submit = Gönder
public-status-received = İletinizi aldık, kısa süre içinde inceleyeceğiz.
public-status-understood = Ne olduğunu anladık ve nedenini araştırıyoruz.
public-status-cause_identified = Nedeni bulduk ve bir çözüm üzerinde çalışıyoruz.
public-status-solution_agreed = Bir çözüm üzerinde anlaştık ve uyguluyoruz.
public-status-resolved = Sorununuzu çözdük.
public-status-closed = Kaydınız kapatıldı.
thanks-title = Teşekkürler
thanks-reference = Referans numaranız:
thanks-link = Kaydınızı bu özel bağlantıdan izleyin:
thanks-keep = Bağlantıyı kimseyle paylaşmayın: bağlantıya sahip olan herkes bu kaydı görebilir.
thanks-received = İletiniz alındı.
track-title = Kaydınız
track-received = Alındı
track-where = Son durum
track-waiting = Yanıtınızı bekliyoruz:
track-solution = Anlaşılan çözüm:
track-promised = Söz verilen tarih:
track-resolved = Çözüldü:
track-satisfied-question = Bu sorunu çözme biçimimizden memnun musunuz?
track-satisfaction-given = Memnuniyetinizle ilgili yanıtınız:
track-messages = İletileriniz
track-add-message = İleti ekle
track-send = Gönder

# Çözümden sonraki memnuniyet sorusu (/csat/{token}).
csat-title = Nasıl ilgilendik?
csat-question = Şikâyetinizle ilgilenme biçimimizden ne kadar memnunsunuz?
csat-scale = 1 = hiç memnun değilim, 5 = çok memnunum.
csat-why-hint = 1 ile 3 arasını seçtiyseniz lütfen nedenini yazın.
csat-reason = Başlıca neden
csat-why = Neyi daha iyi yapmalıydık?
csat-send = Yanıtımı gönder
csat-thanks = Teşekkürler: yanıtınız kaydedildi.
csat-answered = Bu soru zaten yanıtlandı. Teşekkürler.
csat-rating-required = 1 ile 5 arasında bir sayı seçin.
error-gone = Bu şikâyet artık mevcut değil.
