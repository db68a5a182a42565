//! The facts at the head of the complaint page: kind, channel, when and by whom it was received,
//! priority, tier, assignee, category, product and order reference (empty ones left out).

use jiff::tz::TimeZone;
use tend_domain::catalog::Product;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::kernel::ids::CategoryId;

use crate::complaints::method::Answer;
use crate::kit::i18n::Tr;

/// The facts of `r`; `name` gives an employee's name, `paths` each category's path.
pub fn facts(
    t: &Tr,
    r: &ComplaintRecord,
    name: &dyn Fn(Option<i64>) -> String,
    paths: &[(CategoryId, String)],
    products: &[Product],
    tz: &TimeZone,
) -> Vec<Answer> {
    let mut facts = vec![
        Answer {
            label: t.get("field-kind"),
            value: t.label("kind", r.kind.as_str()),
        },
        Answer {
            label: t.get("field-channel"),
            value: t.label_or("channel", r.channel.as_str()),
        },
        Answer {
            label: t.get("field-received"),
            value: t.datetime(&r.received_at, tz),
        },
        Answer {
            label: t.get("field-received-by"),
            value: name(r.received_by.map(|e| e.0)),
        },
        Answer {
            label: t.get("field-priority"),
            value: t.label("priority", r.priority.as_str()),
        },
        Answer {
            label: t.get("field-tier"),
            value: t.label("tier", &r.tier.get().to_string()),
        },
        Answer {
            label: t.get("field-assignee"),
            value: name(r.assignee_id.map(|e| e.0)),
        },
    ];
    if let Some(cat) = r.category_id
        && let Some((_, p)) = paths.iter().find(|(id, _)| *id == cat)
    {
        facts.push(Answer {
            label: t.get("field-category"),
            value: p.clone(),
        });
    }
    if let Some(p) = r.product_id
        && let Some(p) = products.iter().find(|x| x.id == p)
    {
        facts.push(Answer {
            label: t.get("field-product"),
            value: p.name.clone(),
        });
    }
    if let Some(x) = &r.external_id {
        facts.push(Answer {
            label: t.get("field-order-reference"),
            value: x.clone(),
        });
    }
    facts.retain(|a| !a.value.is_empty());
    facts
}
