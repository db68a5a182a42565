//! The OpenAPI 3 document, generated from the handlers' annotations and served at
//! `/api/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate as routes;
use crate::openapi_errors::ErrorAnswers;

#[derive(OpenApi)]
#[openapi(
    info(title = "Tend API", description = "Tend's customer service plan: complaints, customers and the resolution method."),
    paths(
        routes::healthz, routes::readyz,
        routes::create_customer, routes::list_customers, routes::get_customer, routes::patch_customer,
        routes::export_customer, routes::anonymise_customer,
        routes::create_complaint, routes::list_complaints, routes::get_complaint, routes::patch_complaint,
        routes::act_on_complaint, routes::add_step, routes::list_steps, routes::timeline,
        routes::list_categories, routes::create_category, routes::list_products, routes::create_product,
        routes::list_channels, routes::list_employees, routes::revoke_tokens, routes::set_active, routes::list_audit, routes::set_category_follow_up,
        routes::create_transaction, routes::list_transactions, routes::get_transaction,
        routes::get_service_hours, routes::put_service_hours, routes::get_response_standards, routes::put_response_standards,
        routes::list_figures, routes::create_figure, routes::get_figure, routes::assign_figure, routes::figure_values, routes::figure_breakdown, routes::push_figure_values,
        routes::create_survey, routes::list_surveys, routes::get_survey, routes::put_survey,
        routes::publish_survey, routes::close_survey, routes::survey_results, routes::survey_answers_csv,
        routes::list_survey_codes, routes::create_survey_code, routes::survey_code_answers, routes::put_answer_codes,
        routes::list_invitations, routes::create_invitations, routes::survey_response_rate,
        routes::get_survey_settings, routes::put_survey_settings, routes::get_csat_reasons, routes::put_csat_reasons,
        routes::get_survey_schedule, routes::put_survey_schedule, routes::delete_survey_schedule,
        routes::create_assessment, routes::list_assessments, routes::list_rounds,
        routes::list_problems, routes::get_problem_weights, routes::put_problem_weights, routes::put_actionability, routes::get_problem_focus, routes::adopt_problem_focus, routes::get_problem_links, routes::link_problem_code, routes::link_problem_figure, routes::problem_voices, routes::customer_profile,
        routes::list_segments, routes::create_segment, routes::get_segment, routes::patch_segment,
        routes::archive_segment, routes::segment_history, routes::segment_profile,
        routes::list_articles, routes::create_article, routes::get_article, routes::put_article,
        routes::list_translations, routes::save_translation,
        routes::list_complaint_articles, routes::link_complaint_article, routes::unlink_complaint_article,
        routes::help_deflection,
        routes::get_vision, routes::post_vision,
        routes::list_goals, routes::create_goal, routes::get_goal, routes::patch_goal, routes::goal_history, routes::goal_records,
        routes::list_policy, routes::create_policy_version, routes::get_policy_version, routes::approve_policy,
        routes::policy_diff, routes::acknowledge_policy, routes::policy_acknowledgements,
        routes::list_trainings, routes::create_training, routes::training_record,
        routes::list_focus_groups, routes::create_focus_group, routes::get_focus_group,
        routes::put_focus_group_notes, routes::create_finding, routes::list_findings,
        routes::list_recognitions, routes::create_recognition,
        routes::list_messages, routes::post_message, routes::list_attachments, routes::download_attachment,
        routes::list_canned_replies, routes::create_canned_reply, routes::complaint_canned_replies,
        routes::merge_complaint, routes::delete_complaint,
        routes::operations_report,
    ),
    modifiers(&BearerAuth, &ErrorAnswers),
    tags((name = "complaints"), (name = "customers"), (name = "catalog"), (name = "channels"), (name = "transactions"), (name = "staff"), (name = "figures"), (name = "surveys"), (name = "plan"), (name = "problems"), (name = "help"), (name = "health")),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
