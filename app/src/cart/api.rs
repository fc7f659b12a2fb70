//! Server functions of the bag. A guest's bag is found by a random token in
//! an HttpOnly cookie, a signed-in customer's by who they are; signing in
//! merges the first into the second. Each change answers a plain form post
//! (no JavaScript) with a redirect to `then`; after hydration the page sends
//! no `then` and refreshes its own view instead.

use super::model::{Added, CartView};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub use guest::{CART_COOKIE, adopt_guest_cart, cart_owner};

#[server(output = crate::codec::Json)]
pub async fn get_cart(
    #[server(default)] locale: crate::i18n::Locale,
) -> Result<CartView, AppError> {
    let pool = crate::server::pool()?;
    let Some(owner) = cart_owner(false).await? else {
        return Ok(CartView::default());
    };
    let mut conn = pool.acquire().await?;
    let Some(cart) = super::db::find(&mut *conn, owner).await? else {
        return Ok(CartView::default());
    };
    Ok(super::db::view(&mut conn, cart, today(), locale).await?)
}

/// The units in the bag, for the header.
#[server(output = crate::codec::Json)]
pub async fn get_cart_units() -> Result<i32, AppError> {
    match cart_owner(false).await? {
        None => Ok(0),
        Some(owner) => Ok(super::db::owner_units(&crate::server::pool()?, owner).await?),
    }
}

/// Adds a style in a colour and size (the product page's form).
#[server(output = crate::codec::Json)]
pub async fn add_to_cart(
    style: String,
    #[server(default)] colour: String,
    #[server(default)] size: String,
    #[server(default)] quantity: String,
    #[server(default)] then: String,
) -> Result<Added, AppError> {
    let mut problems = crate::error::FieldErrors::new();
    if colour.trim().is_empty() {
        problems.push(crate::error::FieldError::new(
            "colour",
            "required",
            "Choose a colour.",
        ));
    }
    if size.trim().is_empty() {
        problems.push(crate::error::FieldError::new(
            "size",
            "required",
            "Choose a size.",
        ));
    }
    problems.finish()?;
    let quantity = match quantity.trim() {
        "" => 1,
        text => super::rules::parse_quantity(text)
            .filter(|q| *q > 0)
            .ok_or_else(|| {
                AppError::field(
                    "quantity",
                    "invalid",
                    format!("Choose 1 to {}.", super::rules::MAX_QUANTITY),
                )
            })?,
    };
    let pool = crate::server::pool()?;
    let mut tx = pool.begin().await?;
    let variant = super::db::variant(&mut *tx, style.trim(), colour.trim(), size.trim())
        .await?
        .ok_or_else(|| {
            AppError::field("size", "unknown", "This colour and size is not available.")
        })?;
    let stock = crate::catalog::availability::web_stock(&mut tx, &[variant.id], today()).await?;
    if !stock
        .get(&variant.id)
        .copied()
        .unwrap_or_default()
        .availability()
        .can_order()
    {
        return Err(AppError::field(
            "size",
            "sold_out",
            format!(
                "{}, {}, {} is sold out.",
                variant.product, variant.colour, variant.size
            ),
        ));
    }
    let owner = cart_owner(true).await?.ok_or(AppError::Internal)?;
    let cart = super::db::find_or_create(&mut *tx, owner).await?;
    let units = super::db::add(&mut tx, cart, variant.id, quantity).await?;
    tx.commit().await?;
    crate::server::redirect_then(&then);
    Ok(Added {
        product: variant.product,
        colour: variant.colour,
        size: variant.size,
        units,
    })
}

/// Sets a line's quantity (0 removes it).
#[server(output = crate::codec::Json)]
pub async fn update_cart_line(
    sku: String,
    quantity: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    let quantity = super::rules::parse_quantity(&quantity).ok_or_else(|| {
        AppError::field(
            "quantity",
            "invalid",
            format!("Choose 0 to {}.", super::rules::MAX_QUANTITY),
        )
    })?;
    let pool = crate::server::pool()?;
    let owner = cart_owner(false).await?.ok_or_else(not_in_bag)?;
    let mut conn = pool.acquire().await?;
    let cart = super::db::find(&mut *conn, owner)
        .await?
        .ok_or_else(not_in_bag)?;
    if !super::db::set_quantity(&mut conn, cart, sku.trim(), quantity).await? {
        return Err(not_in_bag());
    }
    crate::server::redirect_then(&then);
    Ok(())
}

#[cfg(feature = "ssr")]
fn not_in_bag() -> AppError {
    AppError::NotFound("That item in your bag".into())
}

#[cfg(feature = "ssr")]
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

#[cfg(feature = "ssr")]
mod guest {
    use crate::auth::session::current;
    use crate::cart::db::{self, CartOwner};
    use crate::error::AppError;
    use http::header::SET_COOKIE;
    use http::{HeaderValue, request::Parts};
    use leptos::prelude::use_context;
    use leptos_axum::ResponseOptions;
    use tower_sessions::cookie::{Cookie, SameSite, time::Duration};
    use uuid::Uuid;

    pub const CART_COOKIE: &str = "atelier_cart";

    /// Whose bag this request works on: the signed-in customer's, else the
    /// guest's from the cookie. With `create`, a guest without one gets a
    /// new token (and the cookie).
    pub async fn cart_owner(create: bool) -> Result<Option<CartOwner>, AppError> {
        if let Some(user) = current().await? {
            return Ok(Some(CartOwner::Customer(user.id)));
        }
        if let Some(token) = guest_token() {
            return Ok(Some(CartOwner::Guest(token)));
        }
        if !create {
            return Ok(None);
        }
        let token = Uuid::new_v4();
        set_cookie(Cookie::build((CART_COOKIE, token.to_string())).max_age(Duration::days(60)));
        Ok(Some(CartOwner::Guest(token)))
    }

    /// At sign-in: the guest's bag joins the customer's, and the cookie goes.
    pub async fn adopt_guest_cart(pool: &sqlx::PgPool, customer: Uuid) -> Result<(), AppError> {
        let Some(token) = guest_token() else {
            return Ok(());
        };
        let mut tx = pool.begin().await?;
        db::merge(&mut tx, token, customer).await?;
        tx.commit().await?;
        set_cookie(Cookie::build((CART_COOKIE, "")).max_age(Duration::ZERO));
        Ok(())
    }

    fn guest_token() -> Option<Uuid> {
        let parts = use_context::<Parts>()?;
        crate::server::cookie(&parts.headers, CART_COOKIE)
            .and_then(|token| Uuid::parse_str(&token).ok())
    }

    fn set_cookie(cookie: tower_sessions::cookie::CookieBuilder<'static>) {
        let cookie = cookie
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .build();
        if let (Some(response), Ok(value)) = (
            use_context::<ResponseOptions>(),
            HeaderValue::from_str(&cookie.to_string()),
        ) {
            response.append_header(SET_COOKIE, value);
        }
    }
}
