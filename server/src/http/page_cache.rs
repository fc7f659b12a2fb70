//! Whole catalog pages, rendered once for everyone and kept for a moment.
//!
//! The catalog pages (home, categories, search, products) are the same for
//! every visitor but for the header's personal part (who is signed in, the
//! bag). Rendering one takes a millisecond or more of CPU, so a busy
//! storefront renders each page once per [`FRESHNESS`], without cookies,
//! and serves the same bytes to everyone in between. Concurrent misses of
//! one page wait for a single render. A visitor with our cookies (a session
//! or a bag) gets that page with the personal part rendered for them alone
//! (`app::ui::layout::PERSONAL_HEADER_PATH`, through the session like any
//! page) in place of the anonymous one. Other sites' cookies on our domain
//! (analytics, consent banners) change nothing. Any other method or path,
//! and any answer that is not a plain 200 without cookies, pass through.
//! A page is also kept brotli-compressed, so browsers (which all accept
//! `br`) do not cost a compression per request either.

use app::ui::layout::{PERSONAL_CLOSE, PERSONAL_HEADER_PATH, PERSONAL_OPEN};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
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
    if has_personal_cookie(request.headers()) {
        return personal(&cache, key, request, next).await;
    }
    let brotli = accepts_brotli(request.headers());
    match cache.page(key, request, next).await {
        Ok(page) => page.response(brotli),
        Err(response) => response,
    }
}

impl PageCache {
    /// The kept page at `key`, rendered by `request` if there is none; an
    /// answer that is not kept comes back as it is.
    // The `Err` is the answer itself, handed back untouched.
    #[allow(clippy::result_large_err)]
    async fn page(&self, key: String, request: Request, next: Next) -> Result<Page, Response> {
        if let Some(page) = self.pages.get(&key).await {
            return Ok(page);
        }
        let (parts, body) = request.into_parts();
        let again = (parts.clone(), next.clone());
        let mut own = None;
        let page = self
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
            (Some(page), _) => Ok(page),
            // This request rendered a page that is not kept.
            (None, Some(response)) => Err(response),
            // Another request's render was not kept: render this one too.
            (None, None) => {
                let (parts, next) = again;
                Err(next.run(Request::from_parts(parts, Body::empty())).await)
            }
        }
    }
}

/// The kept page with the visitor's own header; the whole page rendered for
/// them when either part cannot be had.
async fn personal(cache: &PageCache, key: String, request: Request, next: Next) -> Response {
    let (parts, _) = request.into_parts();
    let whole = |next: Next, parts| async move {
        next.run(Request::from_parts(parts, Body::empty())).await
    };
    // The page as any visitor without cookies sees it.
    let mut anonymous = parts.clone();
    anonymous.headers.remove(header::COOKIE);
    let Ok(page) = cache
        .page(
            key,
            Request::from_parts(anonymous, Body::empty()),
            next.clone(),
        )
        .await
    else {
        return whole(next, parts).await;
    };
    // The visitor's part, in the page's language.
    let mut own = parts.clone();
    let locale = app::i18n::Locale::of_path(parts.uri.path());
    let Ok(uri) = locale.href(PERSONAL_HEADER_PATH).parse::<Uri>() else {
        return whole(next, parts).await;
    };
    own.uri = uri;
    let header = next
        .clone()
        .run(Request::from_parts(own, Body::empty()))
        .await;
    match page.with_personal_header(header).await {
        Some(response) => response,
        None => whole(next, parts).await,
    }
}

/// `page` with its personal part (see `app::ui::layout::PERSONAL_OPEN`)
/// taken from `header`, another rendered page.
fn splice(page: &[u8], header: &[u8]) -> Option<Vec<u8>> {
    let part = |html: &[u8]| {
        let text = std::str::from_utf8(html).ok()?;
        let start = text.find(PERSONAL_OPEN)?;
        let end = start + text[start..].find(PERSONAL_CLOSE)? + PERSONAL_CLOSE.len();
        Some(start..end)
    };
    let (kept, own) = (part(page)?, part(header)?);
    let mut html = Vec::with_capacity(page.len() + own.len());
    html.extend_from_slice(&page[..kept.start]);
    html.extend_from_slice(&header[own]);
    html.extend_from_slice(&page[kept.end..]);
    Some(html)
}

/// The URL of a GET of a public catalog page.
fn cache_key(request: &Request) -> Option<String> {
    if request.method() != Method::GET {
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

    /// This page with the personal part of `header` (a rendered page of the
    /// visitor's header), and the cookies it sets (the session's expiry).
    async fn with_personal_header(&self, header: Response) -> Option<Response> {
        if header.status() != StatusCode::OK {
            return None;
        }
        let (parts, body) = header.into_parts();
        let body = axum::body::to_bytes(body, LARGEST).await.ok()?;
        let html = splice(&self.body, &body)?;
        let mut response = Response::new(Body::from(html));
        *response.headers_mut() = self.headers.clone();
        for cookie in parts.headers.get_all(header::SET_COOKIE) {
            response
                .headers_mut()
                .append(header::SET_COOKIE, cookie.clone());
        }
        Some(response)
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
        let personal = |cookie| {
            has_personal_cookie(with_cookie(Method::GET, "/c/knitwear", Some(cookie)).headers())
        };
        assert!(!personal("_ga=GA1.1.2; consent=all"));
        assert!(!personal("x=1"));
        assert!(personal("atelier_cart=abc"));
        assert!(personal("_ga=1; atelier_session=abc"));
        assert!(personal("consent=all;atelier_session=abc"));
        assert!(!personal("not_atelier_session=abc"));
    }

    #[test]
    fn the_visitors_header_takes_the_place_of_the_anonymous_one() {
        let page = b"<header><atelier-personal><a>Sign in</a></atelier-personal></header><main>grid</main>";
        let header = b"<html><atelier-personal><summary>Ada</summary><span>2</span></atelier-personal></html>";
        assert_eq!(
            splice(page, header).as_deref(),
            Some(&b"<header><atelier-personal><summary>Ada</summary><span>2</span></atelier-personal></header><main>grid</main>"[..])
        );
        assert_eq!(splice(b"<main>no header</main>", header), None);
        assert_eq!(splice(page, b"<html>an error page</html>"), None);
    }

    #[test]
    fn only_gets_of_catalog_pages_are_kept() {
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
        assert!(
            key(Method::GET, "/p/a-coat", true).is_some(),
            "kept, with a personal header"
        );
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
