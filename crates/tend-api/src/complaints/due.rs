//! Complaint views with their due times (computed by `tend_app::complaints::due`).

use tend_app::AppState;
use tend_app::complaints::due::due_times;
use tend_store::Complaint;

use crate::error::ApiResult;
use crate::views::ComplaintView;

/// Views of `complaints`, each with its first-response and resolution due times.
pub async fn views(s: &AppState, complaints: &[Complaint]) -> ApiResult<Vec<ComplaintView>> {
    let due = due_times(s, complaints).await?;
    Ok(complaints
        .iter()
        .zip(due)
        .map(|(c, d)| {
            let mut view = ComplaintView::from(c);
            view.first_response = d.first_response;
            view.resolution = d.resolution;
            view
        })
        .collect())
}

/// One complaint's view with its due times.
pub async fn view(s: &AppState, c: &Complaint) -> ApiResult<ComplaintView> {
    Ok(views(s, std::slice::from_ref(c))
        .await?
        .pop()
        .expect("one view"))
}
