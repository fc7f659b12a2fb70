//! Whole storefront pages for anonymous visitors, kept for a moment.
//!
//! A visitor without our cookies (no session, no bag) gets the same HTML as
//! every other such visitor: the catalog pages (home, categories, search,
//! products) depend only on their URL then. Other sites' cookies on our
//! domain (analytics, consent banners) change nothing in a page. Rendering
//! one takes a millisecond or more of CPU, so a busy storefront renders each
//! page once per [`FRESHNESS`] and serves the same bytes to everyone else in
//! between. Concurrent misses of one page wait for a single render. Anyone
//! signed in or with a bag, any other method or path, and any answer that is
//! not a plain 200 without cookies pass through.
//! A page is also kept brotli-compressed, so browsers (which all accept
//! `br`) do not cost a compression per request either.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use moka::future::Cache;
use std::time::Duration;

/// How long a rendered page is served again (on top of the catalog cache's
/// own freshness, see `app::catalog::cache::FRESHNESS`).
pub const FRESHNESS: Duration = Duration::from_secs(2);
/// Memory for pages, in bytes of HTML.
const CAPACITY: u64 = 64 * 1024 * 1024;
/// Larger pages are not kept.
const LARGEST: usize = 1024 * 1024;

#[derive(Clone)]
pub struct PageCache {
    pages: Cache<String, Page>,
}

#[derive(Clone)]
struct Page {
    headers: HeaderMap,
    body: Bytes,
    /// The body compressed with brotli.
    brotli: Bytes,
}

/// Brotli's quality for kept pages: compressed once per render, so better
/// than the on-the-fly compression of other answers (quality 4).
const BROTLI_QUALITY: u32 = 7;

impl Default for PageCache {
    fn default() -> Self {
        Self::new(FRESHNESS)
    }
}

impl PageCache {
    pub fn new(freshness: Duration) -> Self {
        Self {
            pages: Cache::builder()
                .max_capacity(CAPACITY)
                .weigher(|key: &String, page: &Page| {
                    u32::try_from(key.len() + page.body.len() + page.brotli.len())
                        .unwrap_or(u32::MAX)
                })
                .time_to_live(freshness)
                .build(),
        }
    }
}

/// The middleware (`axum::middleware::from_fn_with_state`).
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let Some(key) = cache_key(&request) else {
        return next.run(request).await;
    };
    let brotli = accepts_brotli(request.headers());
    if let Some(page) = cache.pages.get(&key).await {
        return page.response(brotli);
    }
    let (parts, body) = request.into_parts();
    let again = (parts.clone(), next.clone());
    let mut own = None;
    let page = cache
        .pages
        .optionally_get_with(key, async {
            let response = next.run(Request::from_parts(parts, body)).await;
            match Page::keep(response).await {
                Ok(page) => Some(page),
                Err(response) => {
                    own = Some(response);
                    None
                }
            }
        })
        .await;
    match (page, own) {
        (Some(page), _) => page.response(brotli),
        // This request rendered a page that is not kept.
        (None, Some(response)) => response,
        // Another request's render was not kept: render this one too.
        (None, None) => {
            let (parts, next) = again;
            next.run(Request::from_parts(parts, Body::empty())).await
        }
    }
}

/// The URL of a GET of a public catalog page by a visitor without a session
/// or a bag.
fn cache_key(request: &Request) -> Option<String> {
    if request.method() != Method::GET || has_personal_cookie(request.headers()) {
        return None;
    }
    let path = request.uri().path();
    // The same pages in Italian are under `/it`.
    let page = app::i18n::Locale::strip(path);
    let catalog = page == "/"
        || page == "/search"
        || page.strip_prefix("/c/").is_some_and(single_segment)
        || page.strip_prefix("/p/").is_some_and(single_segment);
    catalog.then(|| {
        request
            .uri()
            .path_and_query()
            .map_or_else(|| path.to_owned(), ToString::to_string)
    })
}

/// The request carries the session's or the guest bag's cookie: the page
/// shows who is signed in and what is in the bag.
fn has_personal_cookie(headers: &HeaderMap) -> bool {
    const PERSONAL: [&str; 2] = [
        app::auth::session::SESSION_COOKIE,
        app::cart::api::CART_COOKIE,
    ];
    PERSONAL
        .iter()
        .any(|name| app::server::cookie(headers, name).is_some())
}

fn single_segment(rest: &str) -> bool {
    !rest.is_empty() && !rest.contains('/')
}

/// `Accept-Encoding` lists `br` (and not with `q=0`).
fn accepts_brotli(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let named = parts
                .next()
                .is_some_and(|name| name.eq_ignore_ascii_case("br"));
            let wanted = parts.all(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_none_or(|q| q > 0.0)
            });
            named && wanted
        })
}

fn compress(html: &[u8]) -> Bytes {
    use std::io::Write;
    let mut out =
        brotli::CompressorWriter::new(Vec::with_capacity(html.len() / 4), 4096, BROTLI_QUALITY, 22);
    // Writing to a Vec cannot fail.
    let _ = out.write_all(html);
    Bytes::from(out.into_inner())
}

impl Page {
    /// A plain 200 HTML answer that sets no cookie, as kept bytes; any
    /// other answer back as it was.
    // The `Err` is the answer itself, handed back untouched.
    #[allow(clippy::result_large_err)]
    async fn keep(response: Response) -> Result<Page, Response> {
        let html = response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
        if response.status() != StatusCode::OK
            || !html
            || response.headers().contains_key(header::SET_COOKIE)
        {
            return Err(response);
        }
        let (mut parts, body) = response.into_parts();
        // One body or the other is sent: its length is the body's own.
        parts.headers.remove(header::CONTENT_LENGTH);
        match axum::body::to_bytes(body, LARGEST).await {
            Ok(body) => Ok(Page {
                headers: parts.headers,
                brotli: compress(&body),
                body,
            }),
            Err(error) => {
                tracing::error!(%error, "could not read a rendered page");
                Err(StatusCode::INTERNAL_SERVER_ERROR.into_response())
            }
        }
    }

    /// The kept page, compressed when the client takes brotli (the
    /// compression layer leaves an encoded answer as it is).
    fn response(self, brotli: bool) -> Response {
        let mut response = Response::new(Body::from(if brotli { self.brotli } else { self.body }));
        *response.headers_mut() = self.headers;
        let headers = response.headers_mut();
        // Either answer depends on the request's encodings (caches in between must know).
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        if brotli {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, uri: &str, cookie: bool) -> Request {
        with_cookie(method, uri, cookie.then_some("atelier_cart=1"))
    }

    fn with_cookie(method: Method, uri: &str, cookie: Option<&str>) -> Request {
        let mut builder = Request::builder().method(method).uri(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_our_session_and_bag_cookies_make_a_page_personal() {
        let key = |cookie| cache_key(&with_cookie(Method::GET, "/c/knitwear", Some(cookie)));
        assert!(key("_ga=GA1.1.2; consent=all").is_some());
        assert!(key("x=1").is_some());
        assert!(key("atelier_cart=abc").is_none());
        assert!(key("_ga=1; atelier_session=abc").is_none());
        assert!(key("consent=all;atelier_session=abc").is_none());
        assert!(key("not_atelier_session=abc").is_some());
    }

    #[test]
    fn only_anonymous_gets_of_catalog_pages_are_kept() {
        let key = |m, uri, c| cache_key(&request(m, uri, c));
        assert_eq!(key(Method::GET, "/", false).as_deref(), Some("/"));
        assert_eq!(
            key(Method::GET, "/c/knitwear?sort=price", false).as_deref(),
            Some("/c/knitwear?sort=price")
        );
        assert_eq!(
            key(Method::GET, "/search?q=coat", false).as_deref(),
            Some("/search?q=coat")
        );
        assert!(key(Method::GET, "/p/a-coat", false).is_some());
        assert!(key(Method::GET, "/it/p/a-coat", false).is_some());
        assert!(key(Method::GET, "/it", false).is_some());
        assert!(key(Method::GET, "/it/checkout", false).is_none());
        assert!(key(Method::GET, "/checkout", false).is_none());
        assert!(key(Method::GET, "/p/a-coat", true).is_none(), "a cookie");
        assert!(key(Method::POST, "/search", false).is_none());
        assert!(key(Method::GET, "/cart", false).is_none());
        assert!(key(Method::GET, "/account", false).is_none());
        assert!(key(Method::GET, "/admin", false).is_none());
        assert!(key(Method::GET, "/c/", false).is_none());
        assert!(key(Method::GET, "/c/a/b", false).is_none());
    }

    #[test]
    fn brotli_is_sent_to_those_who_take_it() {
        let accepts = |v: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            accepts_brotli(&headers)
        };
        assert!(accepts("gzip, deflate, br, zstd"));
        assert!(accepts("br;q=1.0, gzip;q=0.8"));
        assert!(!accepts("gzip, deflate"));
        assert!(!accepts("br;q=0, gzip"));
        assert!(accepts("br;q=0.05"));
        assert!(!accepts_brotli(&HeaderMap::new()));
        let html = b"<!DOCTYPE html><html><body>hello hello hello</body></html>";
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &compress(html)[..], &mut plain).unwrap();
        assert_eq!(plain, html);
    }
}
