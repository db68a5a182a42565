# Why a value or a step was refused: one message per reason code of
# tend-domain/src/kernel/reason.rs, named reason-<code>, its parameters as variables.
# English is the domain's own text.

reason-required = zorunludur
reason-empty = boş olamaz
reason-too_long = en fazla { $max } karakter olabilir ({ $got } karakter girildi)
reason-control_characters = denetim karakteri içeremez
reason-one_of = şunlardan biri olmalıdır: { $allowed } (girilen: { $got })
reason-in_future = gelecekte olamaz
reason-not_in_future = gelecekte olmalıdır
reason-positive_id = pozitif bir kimlik olmalıdır
reason-whole_number = tam sayı olmalıdır
reason-negative = negatif olamaz
reason-empty_when_always_open = kanal her zaman açıksa boş kalmalıdır
reason-email = ad@ornek.com gibi bir e-posta adresi olmalıdır
reason-phone = bir telefon numarası olmalıdır: 5 ile 20 arası rakam; + - . ( ) veya boşluk kullanılabilir
reason-country = ES veya TR gibi iki harfli bir ISO 3166 ülke kodu olmalıdır
reason-language_tag = en, es, tr veya pt-BR gibi bir dil etiketi olmalıdır
reason-tier = 0 ile 3 arasında bir destek kademesi olmalıdır (girilen: { $got })
reason-birth_year = 1900 ile { $max } arasında bir yıl olmalıdır (girilen: { $got })
reason-channel_code = phone, email veya web gibi bir kanal kodu olmalıdır (girilen: { $got })
reason-currency = EUR veya USD gibi bir ISO 4217 para birimi kodu olmalıdır (girilen: { $got })
reason-amount = { $currency } için en fazla { $decimals } ondalık basamaklı, "10,00" gibi bir tutar olmalıdır
reason-amount_too_large = en fazla { $max } olabilir
reason-date = YYYY-AA-GG biçiminde bir tarih olmalıdır (girilen: { $got })
reason-date_or_instant = bir tarih (2026-03-06) veya bir an (2026-03-06T15:30:00Z) olmalıdır
reason-customer_key_required = zorunludur (ya da customer_email veya customer_ref)
reason-one_customer_key = customer_id, customer_email, customer_ref alanlarından yalnızca birini verin
reason-required_with_amount = tutar girildiğinde zorunludur
reason-negative_purchase = negatif olamaz (iadeyi iade edildi olarak işaretleyin)
reason-interval_start = başlangıç SS:DD biçiminde 00:00 ile 23:59 arasında bir saat olmalıdır (girilen: { $got })
reason-interval_end = bitiş SS:DD biçiminde 00:00 ile 24:00 arasında bir saat olmalıdır (girilen: { $got })
reason-interval_empty = boş olamaz ({ $start }–{ $end }); bütün gün için 00:00–24:00 yazın
reason-too_many_closures = en fazla { $max } tarih içerebilir
reason-overlaps = { $day } { $interval } ile çakışıyor ({ $other })
reason-too_many_intervals = en fazla { $max } zaman aralığı içerebilir
reason-zone_required = zorunludur: Europe/Istanbul gibi bir IANA saat dilimi adı
reason-zone_unknown = Europe/Istanbul gibi bir IANA saat dilimi adı olmalıdır (bilinmeyen: { $got })
reason-percent = 1 ile 99 arasında olmalıdır (girilen: { $got })
reason-target_minutes = 1 ile { $max } dakika arasında olmalıdır (girilen: { $got })
reason-resolution_shorter = ilk yanıt hedefinden kısa olamaz
reason-before_received = şikâyetin alındığı andan önce olamaz
reason-after_received = şikâyetin alındığı andan sonra olmalıdır
reason-amount_with_currency = para birimi girildiğinde zorunludur
reason-currency_with_amount = tutar girildiğinde zorunludur
reason-promised_by_required = çözüm bir söz ise zorunludur
reason-empty_on_the_spot = çözüm yerinde verildiyse boş kalmalıdır
reason-rating = 1 ile 5 arasında olmalıdır (girilen: { $got })
reason-close_never_resolved = hiç çözülmemiş bir şikâyeti kapatmak için zorunludur
reason-close_unsatisfied = müşterisi memnun kalmamış bir şikâyeti kapatmak için zorunludur
reason-tier_above = mevcut kademe olan { $tier } değerinin üstünde olmalıdır
reason-no_customer = { $id } kimlikli müşteri yok
reason-no_channel = { $got } kanalı yok
reason-no_category = { $id } kimlikli kategori yok
reason-no_product = { $id } kimlikli ürün yok
reason-no_employee = { $id } kimlikli çalışan yok
reason-unknown_channel = böyle bir kanal yok
reason-unknown_customer_id = bu kimliğe sahip müşteri yok
reason-unknown_customer_email = bu e-posta adresine sahip müşteri yok
reason-unknown_customer_ref = bu referansa sahip müşteri yok
reason-duplicate_purchase = bu kimlikle kayıtlı bir satın alma zaten var
reason-duplicate_complaint = bu kaynaktan bu kimliğe sahip bir şikâyet zaten var
reason-duplicate_complaint_other = bu kaynaktan başka bir şikâyet bu kimliğe sahip
reason-duplicate_category = ağacın bu yerinde bu adda bir kategori zaten var
reason-duplicate_product = bu adda bir ürün zaten var
reason-duplicate_employee = bu e-posta adresine sahip bir çalışan zaten var
reason-duplicate_customer_ref = başka bir müşteri bu dış referansa sahip
reason-version_changed = şikâyet { $expected } sürümünden bu yana değişti; şu an { $current } sürümünde
reason-changed_meanwhile = şikâyet bu arada değişti; yeniden deneyin
reason-range = { $min } ile { $max } arasında olmalıdır
reason-search_words = en az bir harf veya rakam içermelidir
reason-detail = { $detail }
reason-closed = şikâyet kapalı: önce yeniden açın
reason-understood_already = olaylar zaten anlaşıldı; şikâyet bu adımı geçti
reason-understand_first = önce şikâyeti anlayın ("Anlamak" adımı)
reason-cause_identified_already = neden zaten belirlendi; gözden geçirmek için şikâyeti yeniden açın
reason-identify_cause_first = önce nedeni belirleyin ("Nedeni belirlemek" adımı)
reason-resolved_no_new_solution = şikâyet çözüldü; başka bir çözümde anlaşmak için yeniden açın
reason-resolved_already = şikâyet zaten çözüldü
reason-no_agreed_solution = üzerinde anlaşılmış bir çözüm olmadan çözülemez ("Çözüm önermek" adımı)
reason-not_resolved_yet = şikâyet çözülmeden takip sonucu girilemez
reason-reopen_only_resolved = yalnızca çözülmüş veya kapatılmış bir şikâyet yeniden açılabilir
reason-resolved_follow_up = şikâyet çözüldü; bunun yerine takip edin
reason-waiting_already = şikâyet zaten müşteriyi bekliyor
reason-not_waiting = şikâyet müşteriyi beklemiyor
# Sağlamlaştırma: tek satırlık alanlar, aralık içindeki tarihler ve anlar.
reason-single_line = tek bir satır olmalı (satır sonu veya sekme olmadan)
reason-out_of_range = { $min } ile { $max } arasında olmalı (verilen: { $got })

# Figures
reason-period_start = { $grain ->
        [day] bir günün
        [week] bir haftanın
        [month] bir ayın
       *[other] bir { $grain } döneminin
    } ilk günü olmalıdır (gelen { $got })
reason-denominator_required = zorunludur: bu rakam bir orandır (pay ÷ payda)
reason-denominator_not_ratio = boş olmalıdır: bu rakam bir oran değildir
reason-denominator_positive = sıfırdan büyük olmalıdır
reason-dimension_unknown = bu rakamın { $got } boyutu yok (kabul ettikleri: { $allowed })
reason-figure_computed = bu rakamı Tend hesaplar; değer kabul etmez
reason-percent_is_ratio = yüzde cinsinden bir rakam için doğru olmalıdır
reason-vendor_name_required = kaynak bir tedarikçi olduğunda zorunludur
reason-figure_code = harfle başlayan, 2 ile 40 arası küçük harf, rakam veya _ olmalıdır (gelen { $got })
reason-duplicate_figure = bu kodla bir rakam zaten var
reason-no_figure = { $got } adlı rakam yok
reason-duplicate_value = aynı rakam, dönem ve boyutlar iki kez geçiyor (ayrıca { $line }. satır)

# Dinleme: anketler.
reason-survey_language = Tend'in konuştuğu bir dil olmalı: en, es veya tr ({ $got } verildi)
reason-missing_translation = { $lang } dilinde metni yok
reason-survey_not_draft = anket artık taslak değil: yalnızca taslak değiştirilebilir veya yayımlanabilir
reason-survey_not_open = anket açık değil: yalnızca açık bir anket yanıtlanabilir veya kapatılabilir
reason-rating_scale = 5 veya 10 puanlık bir ölçek olmalı ({ $got } verildi)
reason-choice_options = 2 ile { $max } arasında seçenek gerekir ({ $got } var)
reason-no_questions = 1 ile { $max } arasında soru gerekir ({ $got } var)
reason-survey_answered = bu anket buradan zaten yanıtlandı
reason-not_for_kind = bu soru türü için geçerli değil
# Plan: müşteri hizmetleri katsayısı.
reason-quotient_area_missing = zorunludur: 1 ile 5 arasında { $count } puan
reason-quotient_too_many = { $count } ifadeden oluşur (girilen puan sayısı: { $got })
reason-quotient_rating = { $statement }. ifade 1 ile 5 arasında puanlanmalıdır (girilen: { $got })
reason-quotient_unrated = { $count } ifadeden { $statements } numaralı olanlar puanlanmadı
reason-amount_written = { $example } biçiminde yazılmış bir tutar olmalı: üçer basamaklı gruplar, { $currency } için en çok { $decimals } ondalık
reason-period_order = from tarihinden sonra olmalıdır ({ $from })

# Dinleme: çözüm sonrası memnuniyet (CSAT).
reason-csat_answered = bu memnuniyet sorusu zaten yanıtlandı
reason-csat_expired = bu memnuniyet sorusunun süresi gönderildikten { $hours } saat sonra doldu
reason-csat_reason = listedeki nedenlerden biri olmalı ({ $got } alındı)
reason-no_article = { $id } kimlikli makale yok
reason-source_first = önce kaynak dili ({ $lang }) yazın
# Plan: vizyon.
reason-vision_too_many = en fazla { $max } madde içermelidir (girilen: { $got })
# Plan: hizmet hedefleri.
reason-goal_target = { $min } ile { $max } arasında, en fazla 2 ondalıklı bir sayı olmalıdır (girilen: { $got })
reason-goal_not_for_measure = { $measure } ölçüsüne uygulanmaz
reason-goal_figure_ratio = oran rakamı (pay ÷ payda) olmalıdır, örneğin N dakika içinde yanıtlanan aramalar ÷ aramalar (girilen: { $got })
reason-goal_changed_meanwhile = hedef bu arada değişti; yeniden deneyin
reason-goal_period_start = hedefin dönemlerinden birinin ilk günü olmalıdır (girilen: { $got })
# Plan: politika, eğitim ve takdir.
reason-policy_area = yöntemin alanlarından biri ya da 2 ile 40 arası küçük harf, rakam veya _ içeren özel bir kod olmalıdır (girilen: { $got })
reason-policy_duplicate_area = { $area } alanı iki kez yer alıyor
reason-policy_no_text = en az bir dilde metin içermelidir
reason-policy_effective_past = bugünden ({ $today }) önce olmamalıdır
reason-policy_not_draft = bu sürüm zaten onaylandı: yalnızca taslak onaylanabilir
reason-policy_not_effective = yalnızca yürürlükteki sürümün okunduğu onaylanabilir
reason-no_policy_version = { $id } numaralı politika sürümü yok
reason-training_attendee_twice = bir çalışanı iki kez içeriyor
reason-recognition_complaint = takdir bir müşteriden geliyorsa zorunludur
reason-recognition_not_satisfied = şikâyetin takibinde müşteri memnun bulunmadı
reason-recognition_no_complaint = { $id } numaralı şikâyet yok
# Yazışmalar.
reason-duplicate_message = bu ileti zaten kayıtlı
reason-no_canned_reply = { $id } kimlikli hazır yanıt yok
reason-duplicate_canned_reply = bu dilde bu başlıkla bir hazır yanıt zaten var
# Şikâyetleri birleştirme ve silme.
reason-merge_self = bir şikâyet kendisiyle birleştirilemez
reason-merge_target_gone = { $id } numaralı şikâyet birleştirilmiş ya da silinmiş
reason-merge_other_customer = { $id } numaralı şikâyet başka bir müşteriye ait
reason-complaint_gone = bu şikâyet birleştirilmiş ya da silinmiş
# Yardım merkezinin personel sayfaları.
reason-help_publish_role = yalnızca bir yönetici veya sistem yöneticisi yayımlayabilir
reason-help_review_date = 2026-03-31 gibi bir tarih olmalıdır (girilen: { $got })

# Ekler.
reason-attachment_too_large = { $name } dosyası { $max } bayttan büyük
reason-attachments_too_many = bir iletiye en fazla { $max } dosya eklenebilir
reason-attachments_too_large = dosyaların toplamı { $max } bayttan büyük
reason-reviewed_already = bu ileti zaten serbest bırakıldı ya da silindi
reason-undeliverable = bu ileti teslim edilemiyor: { $why }
reason-report_periods = aralık bu uzunlukta { $got } dönem içeriyor; en fazla { $max }
reason-duplicate_survey_code = bu ankette bu adla bir kod zaten var
reason-not_survey_code = bu anketin kodlarından biri değil
reason-not_open_answer = bu anketin tamamlanmış bir açık yanıtı değil
reason-segment_age_order = en az min_age ({ $min }) olmalı
reason-segment_needs = yalnızca { $field } ile birlikte geçerlidir
reason-segment_spent = 0'dan büyük olmalı
reason-no_segment = { $id } numaralı segment yok
reason-segment_changed_meanwhile = segment bu arada değişti; yeniden deneyin
reason-focus_count = 1 ile { $max } arasında kategori belirtmelidir ({ $got } verildi)
reason-focus_twice = { $id } numaralı kategoriyi iki kez belirtiyor
reason-survey_no_nps = ankette NPS sorusu yok: ilişki takvimi bir NPS sorusu sorar
reason-no_survey_code = { $id } numaralı bir anket kodu yok
reason-csat_reasons_count = en fazla { $max } neden içermelidir ({ $got } verildi)
reason-csat_reason_code = 1 ile { $max } arasında küçük harf, rakam veya alt çizgi olmalıdır
reason-csat_reason_twice = { $code } nedenini iki kez belirtiyor
