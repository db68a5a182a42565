//! Canned replies for one complaint: the ones in its customer's language (Tend's languages;
//! English when theirs is another or unknown), with `{name}` and `{reference}` filled in.

use tend_domain::conversations::canned::fill;
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{CannedReply, StoreResult};

use crate::AppState;
use crate::complaints::messages::language;

/// The canned replies complaint `id`'s customer can be answered with, filled in for them;
/// and the language they are in.
pub async fn for_complaint(
    s: &AppState,
    id: ComplaintId,
) -> StoreResult<(Vec<CannedReply>, &'static str)> {
    let c = s.store.complaint(id).await?;
    let customer = s.store.customer(c.record.customer_id).await?;
    let lang = language(&customer).code();
    let name = customer.customer.name.to_string();
    let mut all = s.store.canned_replies(Some(lang)).await?;
    for r in &mut all {
        r.body = fill(&r.body, &name, &c.reference);
    }
    Ok((all, lang))
}
