//! The words of every template, per kind and language. The match is exhaustive, so a kind or
//! language without text does not compile. Placeholders: `{name}`, `{reference}`, `{link}`,
//! `{product}`, `{summary}`, `{due}` — see `Template` for which kind has which.

use super::templates::MailKind;
use crate::i18n::Language;

/// A subject and the paragraphs of the body.
#[derive(Debug, Clone, Copy)]
pub(super) struct Text {
    pub subject: &'static str,
    pub paragraphs: &'static [&'static str],
}

const fn t(subject: &'static str, paragraphs: &'static [&'static str]) -> Text {
    Text {
        subject,
        paragraphs,
    }
}

const SIGN_EN: &str = "Kind regards, Customer Service";
const SIGN_ES: &str = "Atentamente, Atención al Cliente";
const SIGN_TR: &str = "Saygılarımızla, Müşteri Hizmetleri";
const SIGN_STAFF: &str = "— Tend";

pub(super) fn text(kind: MailKind, language: Language) -> Text {
    use Language::{En, Es, Tr};
    use MailKind::*;
    match (kind, language) {
        (Acknowledgement, En) => t(
            "We have received your complaint {reference}",
            &[
                "Dear {name},",
                "Thank you for contacting us. We have registered your complaint under reference {reference}.",
                "You can follow its progress at any time on your private status page: {link}",
                "This link is personal; please do not share it.",
                SIGN_EN,
            ],
        ),
        (Acknowledgement, Es) => t(
            "Hemos recibido su reclamación {reference}",
            &[
                "Estimado/a {name}:",
                "Gracias por contactar con nosotros. Hemos registrado su reclamación con la referencia {reference}.",
                "Puede seguir su evolución en cualquier momento en su página de estado privada: {link}",
                "Este enlace es personal; por favor, no lo comparta.",
                SIGN_ES,
            ],
        ),
        (Acknowledgement, Tr) => t(
            "Şikâyetinizi aldık: {reference}",
            &[
                "Sayın {name},",
                "Bizimle iletişime geçtiğiniz için teşekkür ederiz. Şikâyetiniz {reference} referans numarasıyla kaydedildi.",
                "Şikâyetinizin durumunu size özel durum sayfasından istediğiniz zaman takip edebilirsiniz: {link}",
                "Bu bağlantı size özeldir; lütfen kimseyle paylaşmayın.",
                SIGN_TR,
            ],
        ),
        (FollowUp, En) => t(
            "A question about your complaint {reference}",
            &[
                "Dear {name},",
                "Your complaint {reference} has been resolved. We would like to know whether you are satisfied with the outcome.",
                "Please answer our short question here: {link}",
                SIGN_EN,
            ],
        ),
        (FollowUp, Es) => t(
            "Una pregunta sobre su reclamación {reference}",
            &[
                "Estimado/a {name}:",
                "Su reclamación {reference} ha sido resuelta. Nos gustaría saber si está satisfecho/a con el resultado.",
                "Responda a nuestra breve pregunta aquí: {link}",
                SIGN_ES,
            ],
        ),
        (FollowUp, Tr) => t(
            "Şikâyetiniz hakkında bir soru: {reference}",
            &[
                "Sayın {name},",
                "{reference} numaralı şikâyetiniz çözüldü. Sonuçtan memnun olup olmadığınızı öğrenmek isteriz.",
                "Kısa sorumuzu buradan yanıtlayabilirsiniz: {link}",
                SIGN_TR,
            ],
        ),
        (Retention, En) => t(
            "How are you getting on with your {product}?",
            &[
                "Dear {name},",
                "About a month ago you purchased {product} (reference {reference}). We hope you are enjoying it.",
                "If there is anything we can do for you, let us know here: {link}",
                SIGN_EN,
            ],
        ),
        (Retention, Es) => t(
            "¿Qué tal con su {product}?",
            &[
                "Estimado/a {name}:",
                "Hace aproximadamente un mes compró {product} (referencia {reference}). Esperamos que lo esté disfrutando.",
                "Si podemos ayudarle en algo, díganoslo aquí: {link}",
                SIGN_ES,
            ],
        ),
        (Retention, Tr) => t(
            "{product} ürününüzden memnun musunuz?",
            &[
                "Sayın {name},",
                "Yaklaşık bir ay önce {product} satın aldınız (referans {reference}). Ürününüzden memnun kaldığınızı umuyoruz.",
                "Sizin için yapabileceğimiz bir şey varsa buradan bize bildirin: {link}",
                SIGN_TR,
            ],
        ),
        (Assignment, En) => t(
            "Complaint {reference} has been assigned to you",
            &[
                "Hello {name},",
                "Complaint {reference} has been assigned to you: {summary}",
                "Open it here: {link}",
                SIGN_STAFF,
            ],
        ),
        (Assignment, Es) => t(
            "Se le ha asignado la reclamación {reference}",
            &[
                "Hola, {name}:",
                "Se le ha asignado la reclamación {reference}: {summary}",
                "Ábrala aquí: {link}",
                SIGN_STAFF,
            ],
        ),
        (Assignment, Tr) => t(
            "{reference} numaralı şikâyet size atandı",
            &[
                "Merhaba {name},",
                "{reference} numaralı şikâyet size atandı: {summary}",
                "Buradan açabilirsiniz: {link}",
                SIGN_STAFF,
            ],
        ),
        (ResponseWarning, En) => t(
            "Complaint {reference} is close to its response deadline",
            &[
                "Hello {name},",
                "Complaint {reference} ({summary}) must be answered by {due}.",
                "Open it here: {link}",
                SIGN_STAFF,
            ],
        ),
        (ResponseWarning, Es) => t(
            "La reclamación {reference} está cerca de su plazo de respuesta",
            &[
                "Hola, {name}:",
                "La reclamación {reference} ({summary}) debe responderse antes de {due}.",
                "Ábrala aquí: {link}",
                SIGN_STAFF,
            ],
        ),
        (ResponseWarning, Tr) => t(
            "{reference} numaralı şikâyetin yanıt süresi dolmak üzere",
            &[
                "Merhaba {name},",
                "{reference} numaralı şikâyet ({summary}) en geç {due} tarihine kadar yanıtlanmalıdır.",
                "Buradan açabilirsiniz: {link}",
                SIGN_STAFF,
            ],
        ),
        (Breach, En) => t(
            "Complaint {reference} has breached its response standard",
            &[
                "Hello {name},",
                "Complaint {reference} ({summary}) was due by {due} and has not been handled in time.",
                "Please act on it now: {link}",
                SIGN_STAFF,
            ],
        ),
        (Breach, Es) => t(
            "La reclamación {reference} ha incumplido su estándar de respuesta",
            &[
                "Hola, {name}:",
                "La reclamación {reference} ({summary}) vencía el {due} y no se ha atendido a tiempo.",
                "Actúe ahora: {link}",
                SIGN_STAFF,
            ],
        ),
        (Breach, Tr) => t(
            "{reference} numaralı şikâyet yanıt standardını aştı",
            &[
                "Merhaba {name},",
                "{reference} numaralı şikâyetin ({summary}) son tarihi {due} idi ve zamanında ele alınmadı.",
                "Lütfen hemen ilgilenin: {link}",
                SIGN_STAFF,
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::templates::Template;
    use super::*;

    #[test]
    fn every_placeholder_is_filled_and_escaped() {
        for kind in MailKind::ALL {
            for language in Language::ALL {
                let r = Template::example(kind, "Ana <b>", "C-42", "https://t/x?a=1&b=2")
                    .render(language);
                let all = format!("{}{}{}", r.subject, r.text, r.html);
                assert!(
                    !all.contains('{') && !all.contains('}'),
                    "{kind:?}/{language:?}: {all}"
                );
                assert!(
                    r.text.contains("Ana <b>") && r.text.contains("C-42"),
                    "{kind:?}/{language:?}"
                );
                assert!(r.html.contains("Ana &lt;b&gt;") && !r.html.contains("<b>"));
                assert!(r.html.contains("<a href=\"https://t/x?a=1&amp;b=2\">"));
            }
        }
    }
}
