//! The new-complaint page: the form with its choices (kinds, channels, priorities, staff,
//! categories, products) and the customers a search found, drawn again with what was typed.

use askama::Template;
use axum::response::Response;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{Kind, Priority};
use tend_domain::kernel::ids::CustomerId;

use crate::WebState;
use crate::complaints::inbox::{Choice, category_paths, channel_choices};
use crate::complaints::new_complaint::NewComplaint;
use crate::kit::error::PageResult;
use crate::kit::fields::{Errors, opt};
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, render_form};

/// A customer the search found.
struct Match {
    id: String,
    name: String,
    contact: String,
}

#[derive(Template)]
#[template(path = "complaints/new_complaint.html")]
struct NewComplaintPage {
    t: Tr,
    chrome: Chrome,
    v: NewComplaint,
    find: String,
    matches: Vec<Match>,
    kinds: Vec<Choice>,
    channels: Vec<Choice>,
    priorities: Vec<Choice>,
    employees: Vec<Choice>,
    assignees: Vec<Choice>,
    categories: Vec<Choice>,
    products: Vec<Choice>,
    zone: String,
    errors: Errors,
}

/// A select with no empty choice (`v` keeps what was typed).
fn choices(items: impl IntoIterator<Item = (String, String)>, chosen: &str) -> Vec<Choice> {
    crate::kit::select::choices(chosen, None, items.into_iter().collect())
}

pub(crate) async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    v: NewComplaint,
    find: String,
    errors: Errors,
) -> PageResult<Response> {
    let mut matches = vec![];
    if let Some(q) = opt(&find) {
        let page = s.store.list_customers(Some(&q), None, 10).await?;
        matches.extend(page.items.iter().map(|c| {
            Match {
                id: c.id.to_string(),
                name: c.customer.name.to_string(),
                contact: [
                    c.customer.email.as_ref().map(|e| e.to_string()),
                    c.customer.phone.as_ref().map(|p| p.to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            }
        }));
    }
    if let Ok(id) = v.customer_id.parse::<i64>()
        && !matches.iter().any(|m| m.id == v.customer_id)
    {
        let c = s.store.customer(CustomerId(id)).await?;
        matches.insert(
            0,
            Match {
                id: v.customer_id.clone(),
                name: c.customer.name.to_string(),
                contact: c.customer.email.map(|e| e.to_string()).unwrap_or_default(),
            },
        );
    }
    let channel = ChannelCode::parse(&v.channel).unwrap_or_else(|_| phone());
    let tz = staff.tz();
    let employees = s.store.employees().await?;
    let people = || {
        employees
            .iter()
            .filter(|e| e.active)
            .map(|e| (e.id.to_string(), e.name.clone()))
    };
    let failed = !errors.is_empty();
    let page = NewComplaintPage {
        kinds: choices(
            Kind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), t.label("kind", k.as_str()))),
            &v.kind,
        ),
        channels: channel_choices(&t, &s.store.channels().await?, channel.as_str()),
        priorities: choices(
            Priority::ALL
                .iter()
                .map(|p| (p.as_str().to_owned(), t.label("priority", p.as_str()))),
            &v.priority,
        ),
        employees: choices(people(), &v.received_by),
        assignees: choices(people(), &v.assignee),
        categories: choices(
            category_paths(&s.store.categories().await?)
                .into_iter()
                .map(|(id, p)| (id.to_string(), p)),
            &v.category,
        ),
        products: choices(
            s.store
                .products()
                .await?
                .into_iter()
                .map(|p| (p.id.to_string(), p.name)),
            &v.product,
        ),
        zone: tz.iana_name().unwrap_or("UTC").to_owned(),
        chrome: Chrome::staff(staff, "/complaints/new"),
        t,
        v,
        find,
        matches,
        errors,
    };
    let res = render_form(&page, failed)?;
    Ok(res)
}

fn phone() -> ChannelCode {
    ChannelCode::parse("phone").expect("phone is a channel code")
}
