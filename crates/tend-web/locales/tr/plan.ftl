# Plan sayfası: bir tarihteki planın tamamı, yazdırılabilir.
nav-plan = Plan
plan-title = Plan
plan-heading = { $date } itibarıyla plan
plan-on = Tarih
plan-show = Göster
plan-vision = Vizyon
plan-vision-version = Sürüm { $version }, { $author } tarafından { $date } tarihinde kaydedildi.
plan-vision-none = Bu tarihe kadar bir vizyon ifadesi kaydedilmemişti.
plan-problems = Odak sorunlar
plan-problems-period = { $from } ile { $to } arasında alınan şikâyetler.
plan-problems-none = Bu dönemde sıralanan sorun yok.
plan-complaints = { $n } şikâyet
plan-problems-definition = Bir yöneticinin odak sorun olarak benimsediği kategoriler (bu tarihin sonunda geçerli olan benimseme), her biri bu tarihe kadarki üç aydaki şikâyetleriyle; henüz benimseme yoksa, bu aylardaki sorun sıralamasının ilk üçü: sıklık, maliyet ve kaybedilen müşterilere göre puanlanan şikâyet kategorileri; üzerinde işlem yapılamayan kategoriler hariç.
plan-focus-adopted = { $by } tarafından { $date } tarihinde benimsendi.
plan-focus-ranked = Henüz benimsenmedi: sıralamanın ilk üçü.
plan-problems-link = Sıralamanın tamamı ve tanımları
plan-goals = Hizmet hedefleri
plan-goal = Hedef
plan-goal-not-yet = bu tarihte dönem yok
plan-goals-definition = Her hedef için bu tarihi içeren dönem: kapanmış bir dönem bittiğinde dondurulduğu gibi gösterilir; değilse dönem bu tarihin sonu itibarıyla (bugün için canlı), yalnızca o ana kadar olanlar sayılarak ve hedefin o sırada geçerli sürümüyle ölçülür. Durum: kapanmış dönem için tuttu ya da tutmadı, açık dönem için yolunda ya da risk altında, n = 0 ise veri yok.
plan-policy = Politika
plan-policy-from = { $date } tarihinden itibaren geçerli
plan-policy-none = Bu tarihte geçerli bir politika sürümü yoktu.
plan-training = Eğitim
plan-training-definition = Planın zorunlu tanıtımı: bu tarihte ya da daha önce yapılan bir tanıtım oturumuna katılan aktif personel (tedarikçi hesapları hariç).
plan-quotient = Müşteri hizmetleri katsayısı
plan-quotient-round = Bu tarihe kadarki son tur: { $round } (n = { $n } katılımcı).
plan-quotient-none = Bu tarihe kadar katsayı değerlendirmesi yapılmamıştı.
