//! A small cookie-keeping client: enough of a browser to sign in, read a form's CSRF token
//! and send it back. Redirects are not followed, so tests can check them.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use reqwest::header::{COOKIE, HeaderMap, LOCATION, SET_COOKIE};
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::Role;

use crate::helpers::{TestApp, now};

pub const PASSWORD: &str = "correct horse battery staple";

pub struct Browser {
    client: reqwest::Client,
    pub base: String,
    cookies: Mutex<BTreeMap<String, String>>,
    pub accept_language: Option<String>,
}

/// A response read whole.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub headers: HeaderMap,
    pub html: String,
}

impl Page {
    /// Where a redirect points.
    pub fn location(&self) -> &str {
        self.headers
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The `Set-Cookie` header that sets `name`, whole.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }

    /// The value of the page's first CSRF field.
    pub fn csrf(&self) -> String {
        let marker = "name=\"_csrf\" value=\"";
        let start = self.html.find(marker).expect("the page has a form") + marker.len();
        let end = self.html[start..].find('"').expect("the value ends");
        self.html[start..start + end].to_owned()
    }

    /// The `href` of the element with `id`.
    pub fn href_of(&self, id: &str) -> String {
        let at = self
            .html
            .find(&format!("id=\"{id}\""))
            .expect("the element exists");
        let tag_start = self.html[..at].rfind('<').expect("a tag");
        let tag = &self.html[tag_start..];
        let h = tag.find("href=\"").expect("an href") + 6;
        let end = tag[h..].find('"').expect("the href ends");
        tag[h..h + end].replace("&#38;", "&")
    }
}

impl Browser {
    pub fn new(app: &TestApp) -> Self {
        Self::at(&app.address)
    }

    /// A browser for the server at `address` (`http://…`).
    pub fn at(address: &str) -> Self {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client"),
            base: address.to_owned(),
            cookies: Mutex::new(BTreeMap::new()),
            accept_language: None,
        }
    }

    fn url(&self, path: &str) -> String {
        match path.strip_prefix("http") {
            Some(_) => path.to_owned(),
            None => format!("{}{path}", self.base),
        }
    }

    fn cookie_header(&self) -> String {
        let jar = self.cookies.lock().unwrap();
        jar.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies
            .lock()
            .unwrap()
            .insert(name.to_owned(), value.to_owned());
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> Page {
        let mut req = req.header(COOKIE, self.cookie_header());
        if let Some(l) = &self.accept_language {
            req = req.header("accept-language", l);
        }
        let res = req.send().await.expect("the server answers");
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        for c in headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
        {
            let pair = c.split(';').next().unwrap_or("");
            if let Some((k, v)) = pair.split_once('=') {
                let mut jar = self.cookies.lock().unwrap();
                if v.is_empty() || c.contains("Max-Age=0") {
                    jar.remove(k);
                } else {
                    jar.insert(k.to_owned(), v.to_owned());
                }
            }
        }
        let html = res.text().await.expect("a body");
        Page {
            status,
            headers,
            html,
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        self.send(self.client.get(self.url(path))).await
    }

    /// Posts `fields` as a form, exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        self.send(self.client.post(self.url(path)).form(fields))
            .await
    }

    /// Posts `body` as a URL-encoded form, byte for byte.
    pub async fn post_bytes(&self, path: &str, body: Vec<u8>) -> Page {
        let req = self
            .client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        self.send(req).await
    }

    /// Posts `body` (a whole `multipart/form-data` body with `boundary`), byte for byte.
    pub async fn post_multipart(&self, path: &str, boundary: &str, body: Vec<u8>) -> Page {
        let kind = format!("multipart/form-data; boundary={boundary}");
        let req = self
            .client
            .post(self.url(path))
            .header("content-type", kind)
            .body(body);
        self.send(req).await
    }

    /// GETs `path` and keeps the body as bytes (a download): status, headers, body.
    pub async fn download(&self, path: &str) -> (u16, HeaderMap, Vec<u8>) {
        let res = self
            .client
            .get(self.url(path))
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .expect("the server answers");
        let (status, headers) = (res.status().as_u16(), res.headers().clone());
        let body = res.bytes().await.expect("a body").to_vec();
        (status, headers, body)
    }

    /// Posts `fields` with the CSRF token of the page at `from`, as a browser would.
    pub async fn submit(&self, from: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.get(from).await.csrf();
        let mut all = vec![("_csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(action, &all).await
    }

    /// Signs in through the sign-in page; panics unless it works.
    pub async fn sign_in(&self, email: &str) {
        let res = self
            .submit(
                "/sign-in",
                "/sign-in",
                &[("email", email), ("password", PASSWORD), ("next", "/inbox")],
            )
            .await;
        assert_eq!(res.status, 303, "sign-in: {}", res.html);
        assert!(self.cookie("tend_session").is_some());
    }
}

/// An employee who can sign in with `PASSWORD`; returns their e-mail.
pub async fn employee(app: &TestApp, role: Role, name: &str) -> String {
    let email = format!(
        "{}.{}@web.test",
        role.as_str(),
        name.to_lowercase().replace(' ', ".")
    );
    let hash = tend_store::hash_password(PASSWORD);
    app.store
        .create_employee(
            &Email::parse(&email).unwrap(),
            &Name::parse(name).unwrap(),
            role,
            None,
            Tier::FRONT_LINE,
            &hash,
            now(),
        )
        .await
        .expect("an employee");
    email
}

/// A browser signed in as a new employee with `role`.
pub async fn signed_in(app: &TestApp, role: Role) -> Browser {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let email = employee(app, role, &format!("Web {} {n}", role.as_str())).await;
    let b = Browser::new(app);
    b.sign_in(&email).await;
    b
}
