### Bir şikâyetteki yazışma: müşteriye yanıtlar, iç notlar, müşterinin iletileri.

conversation-title = Yazışma
conversation-empty = Henüz ileti yok.
conversation-kind-legend = Şu olarak gönder
conversation-kind-reply = Müşteriye yanıt (e-postayla gider ve durum sayfasında görünür)
conversation-kind-note = İç not (yalnızca personel)
conversation-send = Gönder
field-body = İleti
# Bir iletinin türü, yazarının yanında.
message-kind-reply = yanıt
message-kind-note = iç not
message-via-staff = burada yazıldı
message-via-status_page = durum sayfasında
message-via-email = e-postayla
# Müşterinin durum sayfasında: iletiyi kimin yazdığı.
status-from-us = Yanıtımız
status-from-you = Siz
conversation-canned = Hazır bir yanıtla başla (müşterinin dilinde)
conversation-use-canned = Kullan
field-canned = Hazır yanıt
# Zaman çizelgesinde yazışmanın yaptıklarının adları.
action-message_added = İleti eklendi
action-replied = İlk yanıt (müşteriye yanıt)
# Gelen e-posta (yöneticiler için ayarlar sayfası).
mail-in-title = Gelen e-posta
mail-in-definition = LMTP ile alınan son 200 ileti, en yeniden en eskiye, ve her birinin akıbeti. Otomatik yanıtlar, geri dönen iletiler, Tend'in kendi e-postası ve bir göndericinin saatte 5 yeni şikâyeti aşan iletileri burada tutulur ve hiçbir şey oluşturmaz.
mail-in-empty = Henüz e-posta alınmadı.
mail-in-at = Alındı (UTC)
mail-in-from = Gönderen
mail-in-subject = Konu
mail-in-outcome = Sonuç
mail-in-complaint = Şikâyet
mail-in-outcome-threaded = bir yazışmaya eklendi
mail-in-outcome-created = yeni şikâyet
mail-in-outcome-automatic = otomatik (otomatik yanıt ya da geri dönen ileti)
mail-in-outcome-own = Tend'in kendisinden
mail-in-outcome-rate_limited = göndericinin sınırının üstünde
mail-in-outcome-duplicate = daha önce alındı
mail-in-outcome-unreadable = okunamadı
# Konuşmadaki dosyalar.
conversation-files = Dosya ekleyin (en fazla 10; her biri en fazla 5 MiB, toplam 10 MiB). Personele yalnızca indirme olarak sunulur.
conversation-opening-files = Bu şikâyeti açan e-postayla gönderilen dosyalar:
field-files = Dosyalar
attachment-size = { $size } bayt
# Karantina (yöneticiler).
quarantine-title = Bekletilen e-postalar
quarantine-definition = Döngü kurallarının (otomatik yanıtlar, geri dönen iletiler), gönderen sınırlarının ve DMARC denetiminin (reddedilmesini ya da karantinaya alınmasını isteyen bir alan adından gelip denetimi geçemeyen posta) ayırdığı, henüz serbest bırakılmamış ya da silinmemiş iletiler, en yenisi önce (en fazla 200). Serbest bırakmak iletiyi yeni gelmiş gibi konuşmasına ekler; silmek içeriğini siler. İkisi de denetim kaydına yazılır.
quarantine-count = Bekleyen: { $n }
quarantine-empty = Bekletilen e-posta yok.
quarantine-held = Bekletilme nedeni
quarantine-size = Boyut
quarantine-actions = Karar
quarantine-release = Serbest bırak
quarantine-delete = Sil
mail-in-quarantine-link = Bekletilen e-postalar (karantina)
field-per_sender_per_hour = Bir göndericiden saatte ileti
mail-in-limit-definition = Bir gönderici adresinin bir saatte (son 60 dakikada gönderdiği tüm iletiler sayılır) kaç ileti gönderebileceği; sonrakiler karantinada bekletilir; 1 ile 10000 arası.
mail-in-limit-save = Sınırı kaydet
mail-in-outcome-dmarc_failed = DMARC denetiminden geçemedi (alan adı bu postanın reddedilmesini ya da karantinaya alınmasını istiyor)
mail-auth-checks = Gönderen denetimleri
mail-auth-summary = SPF { $spf } · DKIM { $dkim } · DMARC { $dmarc }
mail-auth-policy = (alan adı politikası: { $policy })
mail-auth-unchecked = denetlenmedi
mail-auth-result-pass = geçti
mail-auth-result-fail = geçemedi
mail-auth-result-softfail = hafif başarısız
mail-auth-result-neutral = nötr
mail-auth-result-none = yok
mail-auth-result-temperror = geçici hata
mail-auth-result-permerror = kalıcı hata
mail-auth-policy-none = yok
mail-auth-policy-quarantine = karantina
mail-auth-policy-reject = reddet
mail-auth-opening = Bu şikâyeti açan postanın gönderen denetimleri:
