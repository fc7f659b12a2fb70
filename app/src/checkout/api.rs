//! Server functions of the checkout.

// A server function takes a form's fields as its arguments, however many.
#![allow(clippy::too_many_arguments)]

use super::model::{CheckoutPage, Confirmation};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::model::ShippingOption,
    super::rules::{CheckoutForm, parse_key},
    crate::auth::session::current,
    crate::cart::api::{cart_owner, today},
    crate::cart::rules::ShippingMethod,
    crate::server::pool,
};

/// Where the confirmation of the order made with `key` is.
pub fn confirmation_path(key: &str) -> String {
    format!("/checkout/thank-you/{}", urlencoding::encode(key))
}

#[server(output = crate::codec::Json)]
pub async fn get_checkout(
    #[server(default)] locale: crate::i18n::Locale,
) -> Result<CheckoutPage, AppError> {
    let pool = pool()?;
    let user = current().await?;
    let mut conn = pool.acquire().await?;
    let cart = match cart_owner(false).await? {
        Some(owner) => crate::cart::db::find(&mut *conn, owner).await?,
        None => None,
    };
    let bag = match cart {
        Some(cart) => crate::cart::db::view(&mut conn, cart, today(), locale).await?,
        None => Default::default(),
    };
    let address = match &user {
        Some(user) => match crate::customers::db::preferred(&mut *conn, user.id).await? {
            Some(saved) => saved,
            None => super::db::last_address(&mut conn, user.id).await?,
        },
        None => Default::default(),
    };
    let stores = super::db::collection_stores(&mut conn, cart).await?;
    Ok(CheckoutPage {
        key: uuid::Uuid::new_v4().to_string(),
        email: user.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        signed_in: user.is_some(),
        address,
        options: ShippingMethod::ALL
            .into_iter()
            .filter(|m| *m != ShippingMethod::Collect || !stores.is_empty())
            .map(|method| ShippingOption {
                method,
                fee_minor: method.fee_minor(bag.subtotal_minor),
            })
            .collect(),
        stores,
        cart: bag,
    })
}

/// Places the order. A plain form post is redirected to the confirmation;
/// after hydration the page navigates there itself.
#[server(output = crate::codec::Json)]
pub async fn place_order(
    key: String,
    #[server(default)] email: String,
    #[server(default)] name: String,
    #[server(default)] line1: String,
    #[server(default)] postal_code: String,
    #[server(default)] city: String,
    #[server(default)] country: String,
    #[server(default)] shipping: String,
    #[server(default)] store: String,
    #[server(default)] card_number: String,
    #[server(default)] card_holder: String,
    #[server(default)] locale: String,
) -> Result<String, AppError> {
    let locale = crate::i18n::Locale::parse(&locale);
    let key = parse_key(&key)?;
    let checkout = super::rules::check(&CheckoutForm {
        email,
        name,
        line1,
        postal_code,
        city,
        country,
        shipping,
        store,
        card_number,
        card_holder,
    })?;
    let pool = pool()?;
    let user = current().await?;
    let owner = cart_owner(false)
        .await?
        .ok_or_else(|| AppError::Conflict(super::texts::checkout_texts(locale).empty_bag.into()))?;
    let customer = user.map(|u| u.id);
    super::db::place(&pool, owner, customer, &key, &checkout, today(), locale).await?;
    leptos_axum::redirect(&locale.href(&confirmation_path(&key)));
    Ok(key)
}

#[server(output = crate::codec::Json)]
pub async fn get_confirmation(key: String) -> Result<Confirmation, AppError> {
    let key = parse_key(&key).map_err(|_| AppError::NotFound("Order".into()))?;
    let mut conn = pool()?.acquire().await?;
    let mut confirmation = super::db::confirmation(&mut conn, &key)
        .await?
        .ok_or_else(|| AppError::NotFound("Order".into()))?;
    confirmation.signed_in = current().await?.is_some();
    Ok(confirmation)
}
