//! What a survey link answers: the public link (`/s/{token}`, the respondent known by a
//! browser cookie) or an invitation's private link (`/s/i/{token}`, the respondent known by
//! the invitation: one response each), and the language it is answered in.

use axum::http::HeaderMap;
use tend_domain::surveys::{Status, link_expires_at};
use tend_store::{StoreError, StoredSurvey};

use crate::WebState;
use crate::kit::cookies::cookie;
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::{Language, Tr};

/// The respondent's cookie for one survey; a year long.
pub(super) fn cookie_name(s: &StoredSurvey) -> String {
    format!("tend_survey_{}", s.id)
}
/// What a link answers: the survey, the link's path (`/s/{token}` or `/s/i/{token}`), and for
/// an invitation its id (its token is then the respondent's key: one response per invitation).
pub(super) struct Link {
    pub survey: StoredSurvey,
    pub path: String,
    pub invitation: Option<(i64, String)>,
    /// An invitation's link: the instant it stops taking answers, and the days links last.
    pub expires: Option<(jiff::Timestamp, u16)>,
}

/// `lang` if the survey is written in it, else the survey's first language.
fn in_survey(survey: &StoredSurvey, t: Tr, lang: Option<Language>) -> Tr {
    let langs = &survey.survey.draft.languages;
    let wanted = lang.unwrap_or(t.lang);
    if langs.iter().any(|l| l == wanted.code()) {
        return Tr::new(wanted);
    }
    Tr::new(
        langs
            .first()
            .and_then(|l| Language::parse(l))
            .unwrap_or(t.lang),
    )
}

/// The open survey of `token` (a draft is not found) and the language it is answered in:
/// the reader's when the survey has it, else the survey's first.
pub(super) async fn load(s: &WebState, token: &str, t: Tr) -> PageResult<(Link, Tr)> {
    let survey = match s.store.survey_by_token(token).await {
        Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
        other => other?,
    };
    if survey.status == Status::Draft {
        return Err(PageError::not_found());
    }
    let t = in_survey(&survey, t, None);
    let path = format!("/s/{}", survey.public_token);
    Ok((
        Link {
            survey,
            path,
            invitation: None,
            expires: None,
        },
        t,
    ))
}

/// The survey an invitation's token names (forged or unknown: not found), answered in the
/// language the customer was invited in, with the instant its link expires (the surveys'
/// link days in force after the invitation, see `link_expires_at`).
pub(super) async fn load_invitation(s: &WebState, token: &str, t: Tr) -> PageResult<(Link, Tr)> {
    let Some(inv) = s.store.survey_invitation_for_token(token).await? else {
        return Err(PageError::not_found());
    };
    let survey = s.store.survey(inv.survey_id).await?;
    let t = in_survey(&survey, t, Language::parse(&inv.language));
    let settings = s.store.survey_settings().await?;
    let expires = link_expires_at(inv.invited_at, settings.link_valid());
    Ok((
        Link {
            survey,
            path: format!("/s/i/{token}"),
            invitation: Some((inv.id, token.to_owned())),
            expires: Some((expires, settings.link_days)),
        },
        t,
    ))
}

/// The respondent's key: the invitation's token, else the browser's cookie (if it has one).
pub(super) fn key_of(link: &Link, headers: &HeaderMap) -> Option<String> {
    match &link.invitation {
        Some((_, token)) => Some(token.clone()),
        None => cookie(headers, &cookie_name(&link.survey)),
    }
}

/// Whether the link has expired at `now` (the public link never does).
pub(super) fn expired(link: &Link, now: jiff::Timestamp) -> bool {
    link.expires.is_some_and(|(at, _)| now >= at)
}
