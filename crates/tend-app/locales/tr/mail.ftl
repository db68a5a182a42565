### Outgoing mail: the subject and the body of every message Tend sends.
### A body is paragraphs separated by blank lines; the plain-text part keeps them as
### they are and the HTML part makes each one a <p>. Values are escaped for HTML by the
### code, and an http(s) $link becomes a link, so write no markup here.

## Sign-offs

# The end of every mail to a customer.
mail-sign-customer = Saygılarımızla, Müşteri Hizmetleri
# The end of every mail to staff.
mail-sign-staff = — Tend

# Bir müşteriye giden her iletinin son paragrafı. Değişkenler: $link
mail-withdraw = Sonraki iletişimlerimizi (teklifler, anketler, haberler) durdurmak için bu bağlantıyı kullanın: { $link }

## Acknowledgement. To the customer: the complaint is registered; its reference and private status link.

# Variables: $name, $reference, $received (date and time, in the customer's zone, named), $link
mail-acknowledgement-subject = Şikâyetinizi aldık: { $reference }
mail-acknowledgement-body =
    Sayın { $name },

    Bizimle iletişime geçtiğiniz için teşekkür ederiz. { $received } tarihinde aldığımız şikâyetiniz { $reference } referans numarasıyla kaydedildi.

    Şikâyetinizin durumunu size özel durum sayfasından istediğiniz zaman takip edebilirsiniz: { $link }

    Bu bağlantı size özeldir; lütfen kimseyle paylaşmayın.

    { mail-sign-customer }

## FollowUp. To the customer after resolution: a question, with a link to answer it.

# Variables: $name, $reference, $link
mail-follow-up-subject = Şikâyetiniz hakkında bir soru: { $reference }
mail-follow-up-body =
    Sayın { $name },

    { $reference } numaralı şikâyetiniz çözüldü. Sonuçtan memnun olup olmadığınızı öğrenmek isteriz.

    Kısa sorumuzu buradan yanıtlayabilirsiniz: { $link }

    { mail-sign-customer }

## Retention. To the customer a month after a purchase.

# Variables: $name, $reference, $product, $link
mail-retention-subject = { $product } ürününüzden memnun musunuz?
mail-retention-body =
    Sayın { $name },

    Yaklaşık bir ay önce { $product } satın aldınız (referans { $reference }). Ürününüzden memnun kaldığınızı umuyoruz.

    Sizin için yapabileceğimiz bir şey varsa buradan bize bildirin: { $link }

    { mail-sign-customer }

## Assignment. To staff: a complaint was assigned to them.

# Variables: $name, $reference, $summary, $received (in the employee's zone, named), $link
mail-assignment-subject = { $reference } numaralı şikâyet size atandı
mail-assignment-body =
    Merhaba { $name },

    { $reference } numaralı şikâyet size atandı: { $summary }

    Alındığı zaman: { $received }

    Buradan açabilirsiniz: { $link }

    { mail-sign-staff }

## ResponseWarning. To staff: a complaint is close to its response-standard deadline.

# Variables: $name, $reference, $summary, $due, $link
mail-response-warning-subject = { $reference } numaralı şikâyetin yanıt süresi dolmak üzere
mail-response-warning-body =
    Merhaba { $name },

    { $reference } numaralı şikâyet ({ $summary }) en geç { $due } tarihine kadar yanıtlanmalıdır.

    Buradan açabilirsiniz: { $link }

    { mail-sign-staff }

## Breach. To staff: a complaint has missed its response-standard deadline.

# Variables: $name, $reference, $summary, $due, $link
mail-breach-subject = { $reference } numaralı şikâyet yanıt standardını aştı
mail-breach-body =
    Merhaba { $name },

    { $reference } numaralı şikâyetin ({ $summary }) son tarihi { $due } idi ve zamanında ele alınmadı.

    Lütfen hemen ilgilenin: { $link }

    { mail-sign-staff }

## Csat. Çözümden bir gün sonra müşteriye: memnuniyet sorusu, kişiye özel tek kullanımlık bağlantısıyla.

# Variables: $name, $reference, $link
mail-csat-subject = { $reference } numaralı şikâyetinizi nasıl ele aldık?
mail-csat-body =
    Sayın { $name },

    { $reference } numaralı şikâyetiniz çözüldü. Şikâyetinizi ele alış biçimimizden ne kadar memnunsunuz? Lütfen 1 (hiç memnun değilim) ile 5 (çok memnunum) arasında yanıtlayın.

    Buradan yanıtlayın (tek yanıt, 14 gün içinde): { $link }

    Bu bağlantı size özeldir; lütfen paylaşmayın.

    { mail-sign-customer }

## CsatAlert. Çözüm anında atanmış kişiye: bir müşteri memnuniyet sorusunu 1–3 ile yanıtladı.

# Variables: $name, $reference, $summary, $link
mail-csat-alert-subject = { $reference } numaralı şikâyette memnun olmayan müşteri
mail-csat-alert-body =
    Merhaba { $name },

    { $reference } numaralı şikâyetin müşterisi, şikâyetin ele alınışından memnun değil: { $summary }

    Takip adımı yeniden açıldı. Buradan açın: { $link }

    { mail-sign-staff }

## PolicyReview. To the owner: a policy area is due for review.

# Variables: $name, $reference (the area's name), $due (the review date), $link
mail-policy-review-subject = "{ $reference }" politika alanının { $due } tarihinde gözden geçirilmesi gerekiyor
mail-policy-review-body =
    Merhaba { $name },

    "{ $reference }" politika alanının { $due } tarihinde gözden geçirilmesi gerekiyor. Hiçbir plan kusursuz değildir: yeniden okuyun, artık geçerli olmayanı değiştirin ve yeni bir sürümü onaylayın.

    Politikayı buradan açabilirsiniz: { $link }

    { mail-sign-staff }

# The method's policy areas, as the review reminder names them.
mail-policy-area-overview = Ürün ve hizmetlere genel bakış
mail-policy-area-speed = Hız
mail-policy-area-communication = İletişim
mail-policy-area-follow-up = Takip
mail-policy-area-complaints = Şikâyetler
mail-policy-area-retention = Müşteriyi elde tutma
mail-policy-area-monitoring = Çalışanların izlenmesi
mail-policy-area-returns = İadeler
mail-policy-area-shipping = Kargo
mail-policy-area-payment = Ödeme
mail-policy-area-contact = İletişim bilgileri
mail-policy-area-how-to-complain = Nasıl şikâyet edilir
## Reply. Müşteriye: bir temsilcinin şikâyetine yazdığı yanıt, yazıldığı gibi.

# Variables: $name, $reference, $body (temsilcinin sözleri), $link
mail-reply-subject = Ynt: { $reference } numaralı şikâyetiniz
mail-reply-body =
    Sayın { $name },

    { $body }

    { $reference } numaralı şikâyetinizi özel durum sayfanızdan izleyebilir ve bize yanıt verebilirsiniz: { $link }

    { mail-sign-customer }

## HelpReview. Sorumluya: bir yardım makalesinin gözden geçirilmesi gerekiyor.

# Değişkenler: $name, $reference (makalenin başlığı), $due (gözden geçirme tarihi), $link
mail-help-review-subject = "{ $reference }" yardım makalesinin { $due } tarihinde gözden geçirilmesi gerekiyordu
mail-help-review-body =
    Merhaba { $name },

    "{ $reference }" yardım makalesinin { $due } tarihinde gözden geçirilmesi gerekiyordu. Yeniden okuyun, artık doğru olmayanı düzeltin ve bir sonraki gözden geçirme tarihini belirleyin.

    Makaleyi buradan açabilirsiniz: { $link }

    { mail-sign-staff }
## SurveyInvitation. İzin vermiş müşteriye: tek kullanımlık özel bağlantıyla bir anket daveti.

# Variables: $name, $reference (anketin başlığı), $link
mail-survey-invitation-subject = Görüşünüzü rica ediyoruz: { $reference }
mail-survey-invitation-body =
    Sayın { $name },

    Ne düşündüğünüzü ve nedenini öğrenmek isteriz. "{ $reference }" adlı kısa anketimizi yanıtlar mısınız?

    Buradan yanıtlayın (bir yanıt; aynı bağlantıdan ara verip sonra bitirebilirsiniz): { $link }

    Bu bağlantı size özeldir; lütfen paylaşmayın.

    { mail-sign-customer }

## SurveyReminder. Davet edilip henüz yanıtlamamış müşteriye: tek hatırlatma.

# Variables: $name, $reference (anketin başlığı), $link
mail-survey-reminder-subject = Hatırlatma: { $reference }
mail-survey-reminder-body =
    Sayın { $name },

    Birkaç gün önce "{ $reference }" anketimizde görüşünüzü sormuştuk. Vaktiniz varsa yanıtlarınız gelişmemize yardımcı olur. Bu tek hatırlatmadır.

    Buradan yanıtlayın: { $link }

    { mail-sign-customer }

## FigureStale. To a figure's owner: the figure has no value for its last complete period.

# Variables: $name, $reference (the figure's name), $period (the missed period, from
# mail-figure-period-*), $link
mail-figure-stale-subject = "{ $reference }" rakamının { $period } için değeri yok
mail-figure-stale-body =
    Merhaba { $name },

    "{ $reference }" rakamının son tamamlanan dönemi olan { $period } için değeri yok: onu gönderen henüz göndermedi. Kendisinden isteyin ya da rakamın sayfasından girin. Eksik her dönem için bir kez haber verilir.

    Rakamı buradan açabilirsiniz: { $link }

    { mail-sign-staff }

# The missed period, as the stale-figure mail writes it.
mail-figure-period-day = { $date }
mail-figure-period-week = { $date } haftası
mail-figure-period-month = { $month } { $year }
mail-month-1 = Ocak
mail-month-2 = Şubat
mail-month-3 = Mart
mail-month-4 = Nisan
mail-month-5 = Mayıs
mail-month-6 = Haziran
mail-month-7 = Temmuz
mail-month-8 = Ağustos
mail-month-9 = Eylül
mail-month-10 = Ekim
mail-month-11 = Kasım
mail-month-12 = Aralık
