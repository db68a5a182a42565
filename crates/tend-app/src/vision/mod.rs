//! The vision's use cases: saving the worksheet as a new version (the public choice carried
//! over from the current version unless the owner sets it) and reading the current version.

use tend_domain::kernel::ids::EmployeeId;
use tend_domain::vision::VisionDraft;
use tend_store::{StoreResult, StoredVision};

use crate::AppState;

/// Validates `draft` and appends it as the new current version, saved by `author`. The public
/// choice is `draft.show_public` when given (the caller has checked the owner may set it),
/// otherwise the current version's (false at first). Returns the stored version.
pub async fn save(
    s: &AppState,
    draft: &VisionDraft,
    author: EmployeeId,
) -> StoreResult<StoredVision> {
    let v = draft.validate()?;
    let public = match draft.show_public {
        Some(p) => p,
        None => s
            .store
            .current_vision()
            .await?
            .is_some_and(|c| c.show_public),
    };
    let id = s
        .store
        .create_vision_version(&v, public, author, s.clock.now())
        .await?;
    let saved = s.store.vision_versions().await?;
    Ok(saved
        .into_iter()
        .find(|x| x.id == id)
        .expect("the version was just stored"))
}

/// The statement to show on the public pages: the current version's, if the owner chose so.
pub async fn public_statement(s: &AppState) -> StoreResult<Option<String>> {
    Ok(s.store
        .current_vision()
        .await?
        .filter(|c| c.show_public)
        .map(|c| c.statement))
}
