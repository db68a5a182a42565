//! Tend's JSON API v1: one module per capability, mirroring the URL space under `/api/v1`, the
//! OpenAPI document, health checks, bearer-token auth and one error shape. It knows nothing of
//! the pages (`tend-web`); the binary puts the two side by side.

pub mod auth;
pub mod docs;
pub mod error;
pub mod extract;
pub mod openapi;
mod openapi_errors;
pub mod query;
pub mod views;

mod attachments;
mod audit;
mod catalog;
mod channels;
mod complaints;
mod conversations;
mod csat_reasons;
mod customer_data;
mod customers;
mod figures;
mod focus_groups;
mod goals;
mod health;
mod help;
mod help_links;
mod policy;
mod problems;
mod profile;
mod quotient;
mod reports;
mod segments;
mod staff;
mod survey_codes;
mod survey_export;
mod survey_invitations;
mod survey_schedule;
mod surveys;
mod training;
mod transactions;
mod vision;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{delete, get, post, put};
pub use tend_app::AppState;

use crate::error::ApiError;

pub use attachments::*;
pub use audit::*;
pub use catalog::*;
pub use channels::*;
pub use complaints::*;
pub use conversations::*;
pub use csat_reasons::*;
pub use customer_data::*;
pub use customers::*;
pub use figures::*;
pub use focus_groups::*;
pub use goals::*;
pub use health::*;
pub use help::*;
pub use help_links::*;
pub use policy::*;
pub use problems::*;
pub use profile::*;
pub use quotient::*;
pub use reports::*;
pub use segments::*;
pub use staff::*;
pub use survey_codes::*;
pub use survey_export::*;
pub use survey_invitations::*;
pub use survey_schedule::*;
pub use surveys::*;
pub use training::*;
pub use transactions::*;
pub use vision::*;

/// The API's routes: `/api/v1/…`, the OpenAPI document and its reference page, the health
/// checks.
pub fn routes() -> Router<AppState> {
    let api = Router::new()
        .route("/customers", post(create_customer).get(list_customers))
        .route("/customers/profile", get(customer_profile))
        .route("/segments", get(list_segments).post(create_segment))
        .route(
            "/segments/{id}",
            get(get_segment)
                .patch(patch_segment)
                .delete(archive_segment),
        )
        .route("/segments/{id}/history", get(segment_history))
        .route("/segments/{id}/profile", get(segment_profile))
        .route("/customers/{id}", get(get_customer).patch(patch_customer))
        .route("/customers/{id}/export", get(export_customer))
        .route("/customers/{id}/anonymise", post(anonymise_customer))
        .route("/complaints", post(create_complaint).get(list_complaints))
        .route(
            "/complaints/{id}",
            get(get_complaint)
                .patch(patch_complaint)
                .delete(delete_complaint),
        )
        .route("/complaints/{id}/merge", post(merge_complaint))
        .route("/complaints/{id}/actions", post(act_on_complaint))
        .route("/complaints/{id}/steps", post(add_step).get(list_steps))
        .route("/complaints/{id}/timeline", get(timeline))
        .route(
            "/complaints/{id}/messages",
            get(list_messages).post(post_message),
        )
        .route("/complaints/{id}/attachments", get(list_attachments))
        .route(
            "/complaints/{id}/attachments/{attachment}",
            get(download_attachment),
        )
        .route(
            "/complaints/{id}/canned-replies",
            get(complaint_canned_replies),
        )
        .route(
            "/canned-replies",
            get(list_canned_replies).post(create_canned_reply),
        )
        .route("/categories", get(list_categories).post(create_category))
        .route("/categories/{id}/follow-up", put(set_category_follow_up))
        .route("/products", get(list_products).post(create_product))
        .route("/channels", get(list_channels))
        .route(
            "/channels/{channel}/service-hours",
            get(get_service_hours).put(put_service_hours),
        )
        .route(
            "/channels/{channel}/response-standards",
            get(get_response_standards).put(put_response_standards),
        )
        .route("/audit", get(list_audit))
        .route("/employees", get(list_employees))
        .route("/employees/{id}/tokens/revoke", post(revoke_tokens))
        .route("/employees/{id}/active", put(set_active))
        .route("/articles", get(list_articles).post(create_article))
        .route("/articles/{id}", get(get_article).put(put_article))
        .route(
            "/articles/{id}/translations",
            get(list_translations).post(save_translation),
        )
        .route(
            "/complaints/{id}/articles",
            get(list_complaint_articles).post(link_complaint_article),
        )
        .route(
            "/complaints/{id}/articles/{article_id}",
            delete(unlink_complaint_article),
        )
        .route("/help/deflection", get(help_deflection))
        .route(
            "/transactions",
            post(create_transaction).get(list_transactions),
        )
        .route("/transactions/{id}", get(get_transaction))
        .route("/figures", get(list_figures).post(create_figure))
        .route("/figures/{id}", get(get_figure))
        .route("/problems", get(list_problems))
        .route(
            "/problems/weights",
            get(get_problem_weights).put(put_problem_weights),
        )
        .route(
            "/problems/focus",
            get(get_problem_focus).post(adopt_problem_focus),
        )
        .route("/problems/{category}/actionability", put(put_actionability))
        .route("/problems/{category}/voices", get(problem_voices))
        .route("/problems/links", get(get_problem_links))
        .route("/problems/links/codes", post(link_problem_code))
        .route("/problems/links/figures", post(link_problem_figure))
        .route("/figures/{id}/assignment", put(assign_figure))
        .route(
            "/figures/{id}/values",
            get(figure_values).post(push_figure_values),
        )
        .route("/figures/{id}/breakdown", get(figure_breakdown))
        .route("/surveys", post(create_survey).get(list_surveys))
        .route("/surveys/{id}", get(get_survey).put(put_survey))
        .route("/surveys/{id}/publish", post(publish_survey))
        .route("/surveys/{id}/close", post(close_survey))
        .route("/surveys/{id}/results", get(survey_results))
        .route("/surveys/{id}/answers.csv", get(survey_answers_csv))
        .route(
            "/surveys/{id}/invitations",
            get(list_invitations).post(create_invitations),
        )
        .route("/surveys/{id}/response-rate", get(survey_response_rate))
        .route(
            "/surveys/{id}/schedule",
            get(get_survey_schedule)
                .put(put_survey_schedule)
                .delete(delete_survey_schedule),
        )
        .route(
            "/survey-settings",
            get(get_survey_settings).put(put_survey_settings),
        )
        .route("/csat-reasons", get(get_csat_reasons).put(put_csat_reasons))
        .route(
            "/surveys/{id}/codes",
            get(list_survey_codes).post(create_survey_code),
        )
        .route(
            "/surveys/{id}/codes/{code}/answers",
            get(survey_code_answers),
        )
        .route(
            "/surveys/{id}/answers/{response}/{question}/codes",
            put(put_answer_codes),
        )
        .route(
            "/quotient/assessments",
            post(create_assessment).get(list_assessments),
        )
        .route("/quotient/rounds", get(list_rounds))
        .route("/vision", get(get_vision).post(post_vision))
        .route("/goals", get(list_goals).post(create_goal))
        .route("/goals/{id}", get(get_goal).patch(patch_goal))
        .route("/goals/{id}/history", get(goal_history))
        .route("/goals/{id}/records", get(goal_records))
        .route("/policy", get(list_policy).post(create_policy_version))
        .route("/policy/{id}", get(get_policy_version))
        .route("/policy/{id}/approve", post(approve_policy))
        .route("/policy/{id}/diff", get(policy_diff))
        .route("/policy/{id}/acknowledge", post(acknowledge_policy))
        .route(
            "/policy/{id}/acknowledgements",
            get(policy_acknowledgements),
        )
        .route(
            "/focus-groups",
            get(list_focus_groups).post(create_focus_group),
        )
        .route("/focus-groups/{id}", get(get_focus_group))
        .route("/focus-groups/{id}/notes", put(put_focus_group_notes))
        .route(
            "/focus-groups/{id}/findings",
            get(list_findings).post(create_finding),
        )
        .route("/trainings", get(list_trainings).post(create_training))
        .route("/trainings/employees/{id}", get(training_record))
        .route(
            "/recognitions",
            get(list_recognitions).post(create_recognition),
        )
        .route("/reports/operations", get(operations_report))
        .fallback(|| async { ApiError::not_found("route") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this route does not take that method",
            )
        });
    Router::new()
        .nest(
            "/api/v1",
            api.layer(axum::middleware::from_fn(extract::clean_uri)),
        )
        .route("/api/openapi.json", get(crate::openapi::document))
        .route("/api/docs", get(crate::docs::page))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
}
