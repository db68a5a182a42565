//! What the complaint page says of merges: on a complaint merged away, a banner linking to the
//! complaint it was merged into; on a survivor, the list of complaints merged into it.

use tend_domain::kernel::ids::ComplaintId;
use tend_store::Fate;

use crate::WebState;
use crate::kit::error::PageResult;

/// A complaint named on the page: its id (for the link) and reference.
pub struct Link {
    pub id: i64,
    pub reference: String,
}

/// The merges of one complaint.
pub struct Merges {
    /// The complaint it was merged into (`None`: not merged away).
    pub into: Option<Link>,
    /// The complaints merged into it, oldest merge first.
    pub from: Vec<Link>,
}

/// The merges of complaint `id`.
pub async fn merges(s: &WebState, id: ComplaintId) -> PageResult<Merges> {
    let into = match s.store.complaint_fate(id).await? {
        Fate::Merged(into) => Some(Link {
            id: into.0,
            reference: s.store.complaint(into).await?.reference,
        }),
        _ => None,
    };
    let from = s
        .store
        .merged_from(id)
        .await?
        .into_iter()
        .map(|(id, reference)| Link {
            id: id.0,
            reference,
        })
        .collect();
    Ok(Merges { into, from })
}
