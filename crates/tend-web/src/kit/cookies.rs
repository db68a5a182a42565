//! Cookies: reading one from a request, writing a `Set-Cookie` value. Sessions, the language
//! choice and the forms' double-submit token all use these.

use axum::http::{HeaderMap, HeaderValue, header};

/// The value of cookie `name`, if the request sent it.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty() && v.len() <= 200)
}

/// A `Set-Cookie` value: HttpOnly, Path=/, the given SameSite, Secure when configured;
/// `max_age` 0 deletes the cookie.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age: Option<u64>,
    same_site: &str,
    secure: bool,
) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).expect("cookie values are URL-safe text")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_by_name() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; lang=es; x="));
        assert_eq!(cookie(&h, "lang").as_deref(), Some("es"));
        assert_eq!(cookie(&h, "x"), None);
        assert_eq!(cookie(&h, "b"), None);
    }
}
