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
