//! The checkout form's rules and the confirmation message: pure, no I/O.

use crate::cart::rules::{ShippingMethod, Totals, rate_text};
use crate::error::{AppError, FieldError, FieldErrors};
use crate::fulfilment::model::Address;
use crate::orders::validation;
use crate::ui::money::format_money;

/// The checkout form as typed.
#[derive(Debug, Clone, Default)]
pub struct CheckoutForm {
    pub email: String,
    pub name: String,
    pub line1: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub shipping: String,
    pub store: String,
    pub card_number: String,
    pub card_holder: String,
}

/// A checked checkout form.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkout {
    pub email: String,
    pub address: Address,
    pub method: ShippingMethod,
    /// The store's code, for click-and-collect.
    pub store: Option<String>,
    /// Digits only.
    pub card_number: String,
    pub card_holder: String,
}

/// Every problem of the form at once, each under its field's name.
pub fn check(form: &CheckoutForm) -> Result<Checkout, AppError> {
    let mut errors = FieldErrors::new();
    let email = form.email.trim().to_lowercase();
    if !email_address::EmailAddress::is_valid(&email) {
        errors.push(FieldError::new(
            "email",
            "invalid",
            "Enter an email address like name@example.com.",
        ));
    }
    let address = Address::typed(
        &form.name,
        &form.line1,
        &form.postal_code,
        &form.city,
        &form.country,
    );
    for error in validation::check_address(&address, "ship_to") {
        errors.push(error);
    }
    let method = ShippingMethod::parse(&form.shipping);
    if method.is_none() {
        errors.push(FieldError::new(
            "shipping",
            "required",
            "Choose how you want to receive your order.",
        ));
    }
    let store = (method == Some(ShippingMethod::Collect)).then(|| form.store.trim().to_owned());
    if store.as_deref() == Some("") {
        errors.push(FieldError::new(
            "store",
            "required",
            "Choose the store where you will collect your order.",
        ));
    }
    let card_number: String = form
        .card_number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if !card_number_is_valid(&card_number) {
        errors.push(FieldError::new(
            "card_number",
            "invalid",
            "Enter the 13 to 19 digits of your card number.",
        ));
    }
    let card_holder = crate::text::single_spaced(&form.card_holder);
    if card_holder.is_empty() {
        errors.push(FieldError::new(
            "card_holder",
            "required",
            "Enter the name on the card.",
        ));
    }
    errors.finish()?;
    Ok(Checkout {
        email,
        address,
        method: method.unwrap_or(ShippingMethod::Standard),
        store,
        card_number,
        card_holder,
    })
}

/// 13 to 19 digits that pass the Luhn check (catches most typing slips).
pub fn card_number_is_valid(digits: &str) -> bool {
    if !(13..=19).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            match (i % 2 == 1, d * 2) {
                (false, _) => d,
                (true, doubled) if doubled > 9 => doubled - 9,
                (true, doubled) => doubled,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A key as the checkout page makes it: a UUID (anything else is refused).
pub fn parse_key(text: &str) -> Result<String, AppError> {
    uuid::Uuid::parse_str(text.trim())
        .map(|key| key.to_string())
        .map_err(|_| {
            AppError::BadRequest("the checkout form is out of date; reload the page".into())
        })
}

pub fn country_name(code: &str) -> &'static str {
    match code {
        "AT" => "Austria",
        "BE" => "Belgium",
        "CH" => "Switzerland",
        "DE" => "Germany",
        "DK" => "Denmark",
        "ES" => "Spain",
        "FI" => "Finland",
        "FR" => "France",
        "GB" => "United Kingdom",
        "GR" => "Greece",
        "IE" => "Ireland",
        "IT" => "Italy",
        "LU" => "Luxembourg",
        "NL" => "Netherlands",
        "NO" => "Norway",
        "PL" => "Poland",
        "PT" => "Portugal",
        "SE" => "Sweden",
        "SI" => "Slovenia",
        "US" => "United States",
        _ => "",
    }
}

/// A line of the confirmation message.
pub struct MessageLine<'a> {
    pub description: &'a str,
    pub quantity: i32,
    pub line_total_minor: i64,
    pub planned_ship_date: Option<time::Date>,
}

/// The confirmation email's subject and plain-text body.
pub fn confirmation_message(
    number: &str,
    name: &str,
    lines: &[MessageLine<'_>],
    totals: &Totals,
    currency: &str,
    method: ShippingMethod,
) -> (String, String) {
    let money = |minor| format_money(minor, currency);
    let mut body = format!(
        "Hello {name},\n\nthank you for your order {number}. We have reserved your items and authorized the payment; we take it when your parcel ships.\n\n"
    );
    for line in lines {
        let ships = line
            .planned_ship_date
            .map(|d| format!(" — ships by {d}"))
            .unwrap_or_default();
        body.push_str(&format!(
            "{} × {}  {}{ships}\n",
            line.quantity,
            line.description,
            money(line.line_total_minor)
        ));
    }
    let shipping = match method {
        ShippingMethod::Standard => "Standard shipping",
        ShippingMethod::Express => "Express shipping",
        ShippingMethod::Collect => "Collection in store",
    };
    body.push_str(&format!(
        "\nSubtotal {}\n{shipping} {}\nTotal {} (incl. VAT {} at {})\n\nYou can follow your order in your account, or reply to this message with any question.\n\nAtelier\n",
        money(totals.subtotal_minor),
        money(totals.shipping_minor),
        money(totals.total_minor),
        money(totals.vat_minor),
        rate_text(totals.vat_rate_bp),
    ));
    (format!("Your Atelier order {number}"), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> CheckoutForm {
        CheckoutForm {
            email: " Ada@Example.com ".into(),
            name: "Ada  Lovelace".into(),
            line1: "Via Roma 1".into(),
            postal_code: "20121".into(),
            city: "Milano".into(),
            country: "it".into(),
            shipping: "standard".into(),
            store: String::new(),
            card_number: "4242 4242 4242 4242".into(),
            card_holder: "Ada Lovelace".into(),
        }
    }

    fn fields(error: AppError) -> Vec<String> {
        match error {
            AppError::Invalid(errors) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_complete_form_is_normalised() {
        let checked = check(&form()).unwrap();
        assert_eq!(checked.email, "ada@example.com");
        assert_eq!(checked.address.name, "Ada Lovelace");
        assert_eq!(checked.address.country, "IT");
        assert_eq!(checked.card_number, "4242424242424242");
        assert_eq!(checked.store, None);
    }

    #[test]
    fn every_problem_is_named() {
        let bad = CheckoutForm {
            email: "ada".into(),
            postal_code: "2012".into(),
            shipping: "collect".into(),
            card_number: "4242 4242 4242 4241".into(),
            card_holder: " ".into(),
            ..form()
        };
        assert_eq!(
            fields(check(&bad).unwrap_err()),
            [
                "email",
                "ship_to.postal_code",
                "store",
                "card_number",
                "card_holder"
            ]
        );
    }

    #[test]
    fn test_cards_pass_the_luhn_check() {
        for card in ["4242424242424242", "4000000000000002", "4000000000000119"] {
            assert!(card_number_is_valid(card), "{card}");
        }
        assert!(!card_number_is_valid("4242424242424241"));
        assert!(!card_number_is_valid("42424242"));
        assert!(!card_number_is_valid("4242x24242424242"));
    }

    #[test]
    fn keys_are_uuids() {
        let key = "0b7f4a4e-8a53-4b8e-9a0e-3d2f4f1c6a11";
        assert_eq!(parse_key(key).unwrap(), key);
        assert!(parse_key("1; DROP TABLE orders").is_err());
    }

    #[test]
    fn the_message_lists_lines_dates_and_vat() {
        let totals = crate::cart::rules::totals(12_200, ShippingMethod::Standard, "IT");
        let date = time::macros::date!(2026 - 12 - 01);
        let (subject, body) = confirmation_message(
            "AT-100001",
            "Ada",
            &[MessageLine {
                description: "Merino crew neck, Navy, M",
                quantity: 2,
                line_total_minor: 12_200,
                planned_ship_date: Some(date),
            }],
            &totals,
            "EUR",
            ShippingMethod::Standard,
        );
        assert_eq!(subject, "Your Atelier order AT-100001");
        assert!(body.contains("2 × Merino crew neck, Navy, M  €122.00 — ships by 2026-12-01"));
        assert!(body.contains("Total €127.90 (incl. VAT €23.06 at 22%)"));
    }
}
