//! The test harness: spawns the real server on 127.0.0.1:0 over a fresh database, with one
//! employee and token per role, and small helpers to drive it over HTTP; and [`smtp`], a real
//! SMTP server for the mail tests. Dev only: the API's, the pages' and the jobs' tests share it.

pub mod dkim;
pub mod dovecot;
pub mod lmtp;
pub mod logs;
pub mod smtp;

use std::sync::{Arc, LazyLock};

use jiff::{SignedDuration, Timestamp};
use reqwest::header::HeaderMap;
use reqwest::{RequestBuilder, StatusCode};
use serde_json::{Value, json};
use tend_app::AppState;
use tend_domain::kernel::clock::{Clock, ManualClock};
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::Role;
use tend_store::testing::fresh_database_url;
use tend_store::{Store, StoreOptions};
use tend_web::WebConfig;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// The server's clock stands still at this instant unless a test moves it.
pub const NOW: &str = "2026-03-06T15:30:00Z";

/// `NOW` moved by `hours` (negative: earlier), as the RFC 3339 text the API takes.
pub fn at(hours: i64) -> String {
    (now() + SignedDuration::from_hours(hours)).to_string()
}

pub fn now() -> Timestamp {
    NOW.parse().expect("NOW parses")
}

/// One Argon2 hash for every test employee: hashing is slow and nobody logs in by password here.
static PASSWORD_HASH: LazyLock<String> = LazyLock::new(|| tend_store::new_password().1);

/// An employee of the test company and their API token.
#[derive(Debug, Clone)]
pub struct Staff {
    pub id: i64,
    pub name: String,
    pub token: String,
}

pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub client: reqwest::Client,
    pub store: Store,
    pub clock: Arc<ManualClock>,
    /// The server's state, for starting background workers beside it.
    #[allow(dead_code)]
    pub state: AppState,
    /// The test's database, for opening a second handle on it.
    #[allow(dead_code)]
    pub database_url: String,
    pub admin_token: String,
    pub admin: Staff,
    pub manager: Staff,
    pub agent: Staff,
    pub viewer: Staff,
    /// Dropping it (with the app) stops the server.
    _shutdown: oneshot::Sender<()>,
}

/// A response, read whole: status, headers, raw text and the text as JSON (`Null` if it is not).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
    pub body: Value,
}

impl Reply {
    pub async fn send(req: RequestBuilder) -> Reply {
        let res = req.send().await.expect("the request reaches the server");
        let status = res.status();
        let headers = res.headers().clone();
        let text = res.text().await.expect("the body is readable");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            text,
            body,
        }
    }

    /// Asserts the status and returns the JSON body.
    #[track_caller]
    pub fn expect(self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text);
        self.body
    }

    /// Asserts an error reply in the API's shape: status, `error.code`, and `field` named.
    #[track_caller]
    pub fn expect_error(&self, status: u16, code: &str, field: Option<&str>) {
        let (err, text) = (&self.body["error"], &self.text);
        assert_eq!(self.status.as_u16(), status, "body: {text}");
        assert_eq!(err["code"], code, "body: {text}");
        let message = err["message"].as_str();
        assert!(message.is_some_and(|m| !m.is_empty()), "no message: {text}");
        assert!(err["fields"].is_object(), "fields is not an object: {text}");
        if let Some(f) = field {
            let reason = err["fields"][f].as_str();
            assert!(
                reason.is_some_and(|r| !r.is_empty()),
                "{f:?} not named: {text}"
            );
        }
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// The token of the test employee with `role`.
    pub fn token(&self, role: Role) -> &str {
        let staff = match role {
            Role::Admin => &self.admin,
            Role::Manager => &self.manager,
            Role::Agent => &self.agent,
            Role::Viewer => &self.viewer,
            Role::Vendor => panic!("the test company has no vendor: create one with the store"),
        };
        &staff.token
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        Reply::send(self.client.get(self.url(path)).bearer_auth(token)).await
    }

    pub async fn post_json(&self, path: &str, token: &str, body: &Value) -> Reply {
        let req = self.client.post(self.url(path)).bearer_auth(token);
        Reply::send(req.json(body)).await
    }

    pub async fn put_json(&self, path: &str, token: &str, body: &Value) -> Reply {
        let req = self.client.put(self.url(path)).bearer_auth(token);
        Reply::send(req.json(body)).await
    }

    pub async fn patch_json(&self, path: &str, token: &str, body: &Value) -> Reply {
        let req = self.client.patch(self.url(path)).bearer_auth(token);
        Reply::send(req.json(body)).await
    }

    /// A customer created through the API by the agent; returns its id.
    pub async fn create_customer(&self) -> i64 {
        self.create_customer_named("Ayşe Yılmaz").await
    }

    pub async fn create_customer_named(&self, name: &str) -> i64 {
        let body = json!({ "name": name });
        let res = self.post_json("/api/v1/customers", &self.agent.token, &body);
        res.await.expect(201)["id"].as_i64().expect("customer id")
    }

    /// A complaint by phone with only the required fields, logged by the agent.
    pub async fn create_complaint(&self, customer_id: i64) -> Value {
        let draft = json!({
            "customer_id": customer_id,
            "channel": "phone",
            "description": "The jar arrived cracked.",
        });
        self.create_complaint_with(&draft).await
    }

    /// A complaint from a full draft, logged by the agent; returns the created complaint.
    pub async fn create_complaint_with(&self, draft: &Value) -> Value {
        let res = self.post_json("/api/v1/complaints", &self.agent.token, draft);
        res.await.expect(201)
    }

    /// Takes one step of the method as the agent.
    pub async fn act(&self, complaint_id: i64, action: &Value) -> Reply {
        let path = format!("/api/v1/complaints/{complaint_id}/actions");
        self.post_json(&path, &self.agent.token, action).await
    }

    pub async fn complaint(&self, id: i64) -> Value {
        let path = format!("/api/v1/complaints/{id}");
        self.get(&path, &self.viewer.token).await.expect(200)
    }

    pub async fn timeline(&self, id: i64) -> Vec<Value> {
        let path = format!("/api/v1/complaints/{id}/timeline");
        let body = self.get(&path, &self.viewer.token).await.expect(200);
        body.as_array().expect("the timeline is an array").clone()
    }

    /// The ids of the complaints `GET /api/v1/complaints?{query}` lists, in order.
    pub async fn list_ids(&self, query: &str) -> Vec<i64> {
        let path = format!("/api/v1/complaints?{query}");
        ids(&self.get(&path, &self.viewer.token).await.expect(200))
    }
}

/// The `id`s of a page's `items`, in order.
pub fn ids(page: &Value) -> Vec<i64> {
    let items = page["items"].as_array().expect("a page has items");
    items
        .iter()
        .map(|c| c["id"].as_i64().expect("an id"))
        .collect()
}

/// Starts the real server on a free port over a fresh database (SQLite, or PostgreSQL when
/// `TEND_TEST_DATABASE_URL` is set), with an admin, a manager, an agent and a viewer.
pub async fn spawn_app() -> TestApp {
    // The server's logs (e.g. the cause of a 500) show with a failing test's output.
    let _ = tracing_subscriber::fmt()
        .with_env_filter("info")
        .with_test_writer()
        .try_init();
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.expect("store");
    let clock = Arc::new(ManualClock::new(now()));

    let mut staff = Vec::new();
    for (role, name) in [
        (Role::Admin, "Ada Admin"),
        (Role::Manager, "Mona Manager"),
        (Role::Agent, "Arturo Agent"),
        (Role::Viewer, "Vera Viewer"),
    ] {
        let email = Email::parse(&format!("{}@tend.test", role.as_str())).expect("email");
        let name = Name::parse(name).expect("name");
        let (tier, hash) = (Tier::FRONT_LINE, PASSWORD_HASH.as_str());
        let e = store.create_employee(&email, &name, role, None, tier, hash, now());
        let e = e.await.expect("employee");
        let token = store
            .create_token(
                e.id,
                Some("tests"),
                now(),
                &tend_store::Actor::system("tests"),
            )
            .await;
        let (id, name, token) = (e.id.0, e.name, token.expect("token"));
        staff.push(Staff { id, name, token });
    }
    let [admin, manager, agent, viewer]: [Staff; 4] = staff.try_into().expect("four roles");

    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = format!("http://{}", listener.local_addr().expect("local address"));
    let (shutdown, stop) = oneshot::channel::<()>();
    let state = AppState::new(store.clone(), clock.clone() as Arc<dyn Clock>);
    let server_state = state.clone();
    tokio::spawn(async move {
        tend::server::serve(listener, server_state, WebConfig::default(), async {
            let _ = stop.await;
        })
        .await
        .expect("the server runs");
    });

    TestApp {
        address,
        client: reqwest::Client::new(),
        store,
        clock,
        state,
        database_url: url,
        admin_token: admin.token.clone(),
        admin,
        manager,
        agent,
        viewer,
        _shutdown: shutdown,
    }
}

/// Serves `app` with the pages' settings `web` on a free port until the test ends; returns
/// `http://ADDRESS`.
pub async fn serve(app: AppState, web: WebConfig) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = listener.local_addr().expect("local address");
    tokio::spawn(tend::server::serve(
        listener,
        app,
        web,
        std::future::pending(),
    ));
    format!("http://{address}")
}
