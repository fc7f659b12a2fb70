//! The wholesale desk's forms as typed (strings, so a plain HTML post works)
//! and their checks: every problem of a form is reported at once, per field,
//! before anything is written.

use super::model::PaymentTerms;
use crate::fulfilment::model::Address;
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// The company form; `id` is empty for a new company.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanyForm {
    pub id: String,
    pub name: String,
    pub legal_name: String,
    pub vat_number: String,
    pub country: String,
    pub city: String,
    pub currency: String,
    pub billing_name: String,
    pub billing_line1: String,
    pub billing_postal_code: String,
    pub billing_city: String,
    pub billing_country: String,
    pub payment_terms: String,
    /// Major units; empty: no limit.
    pub credit_limit: String,
    pub price_list_id: String,
    pub sales_rep_id: String,
}

/// A company as checked, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyInput {
    pub name: String,
    pub legal_name: String,
    pub vat_number: String,
    pub country: String,
    pub city: String,
    pub currency: String,
    pub billing_address: Address,
    pub payment_terms: PaymentTerms,
    pub credit_limit_minor: Option<i64>,
    pub price_list_id: Option<Uuid>,
    pub sales_rep_id: Option<Uuid>,
}

/// The campaign form; `original` is the code of the campaign being changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CampaignForm {
    pub original: String,
    pub code: String,
    pub name: String,
    pub season: String,
    pub opens_on: String,
    pub closes_on: String,
    pub min_units_per_style: String,
    /// Major units, like 1500 or 1500.00.
    pub min_order: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignInput {
    pub code: String,
    pub name: String,
    pub season: String,
    pub opens_on: Date,
    pub closes_on: Date,
    pub min_units_per_style: i32,
    pub min_order_minor: i64,
}

// The checks run on the server only (amounts are read by the import's parser).
#[cfg(feature = "ssr")]
pub use checks::*;

#[cfg(feature = "ssr")]
mod checks {
    use super::*;
    use crate::error::{AppError, FieldError, FieldErrors};

    fn required(field: &str, value: &str, max: usize, what: &str) -> Result<String, FieldError> {
        let value = value.trim();
        if value.is_empty() {
            Err(FieldError::new(
                field,
                "required",
                format!("Enter the {what}."),
            ))
        } else if value.chars().count() > max {
            Err(FieldError::new(
                field,
                "too_long",
                format!("The {what} can be at most {max} characters."),
            ))
        } else {
            Ok(value.to_owned())
        }
    }

    /// Letters only, `len` of them, upper-cased (a country or a currency code).
    fn letters(field: &str, value: &str, len: usize, example: &str) -> Result<String, FieldError> {
        let value = value.trim().to_ascii_uppercase();
        if value.len() == len && value.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(value)
        } else {
            Err(FieldError::new(
                field,
                "invalid",
                format!("Write {len} letters, like {example}."),
            ))
        }
    }

    /// A code of capitals, digits and dashes (price lists, campaigns).
    fn code(field: &str, value: &str, max: usize, example: &str) -> Result<String, FieldError> {
        let value = value.trim().to_ascii_uppercase();
        let ok = (2..=max).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !value.starts_with('-');
        if ok {
            Ok(value)
        } else {
            Err(FieldError::new(
                field,
                "invalid",
                format!("Use 2–{max} letters, digits and dashes, like {example}."),
            ))
        }
    }

    fn optional_id(field: &str, value: &str) -> Result<Option<Uuid>, FieldError> {
        match value.trim() {
            "" => Ok(None),
            text => Uuid::parse_str(text)
                .map(Some)
                .map_err(|_| FieldError::new(field, "invalid", "Choose one from the list.")),
        }
    }

    fn date(field: &str, value: &str) -> Result<Date, FieldError> {
        crate::inventory::pages::filters::parse_date(value)
            .ok_or_else(|| FieldError::new(field, "invalid", "Enter a date like 2027-01-31."))
    }

    fn amount(field: &str, value: &str) -> Result<i64, FieldError> {
        crate::wholesale::import::parse_amount(value.trim())
            .map_err(|e| FieldError::new(field, "invalid", e))
    }

    /// An optional field: `empty` when left blank, else `parse` of the
    /// trimmed text.
    fn or_empty<T>(
        value: &str,
        empty: T,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Result<T, FieldError> {
        match value.trim() {
            "" => Ok(empty),
            text => parse(text),
        }
    }

    /// A period's end may not come before its start; `problem` when it
    /// does (not checked until both dates were read).
    fn in_order(
        start: Option<Date>,
        end: Option<Date>,
        problem: FieldError,
    ) -> Result<(), FieldError> {
        match (start, end) {
            (Some(start), Some(end)) if end < start => Err(problem),
            _ => Ok(()),
        }
    }

    /// Checks the company form.
    pub fn parse_company(form: &CompanyForm) -> Result<CompanyInput, AppError> {
        let mut errors = FieldErrors::new();
        let name = errors.check(required("name", &form.name, 200, "display name"));
        let legal_name = errors.check(required("legal_name", &form.legal_name, 200, "legal name"));
        let vat_number = errors.check(
            required("vat_number", &form.vat_number, 30, "VAT number")
                .map(|v| v.replace(' ', "").to_ascii_uppercase()),
        );
        let country = errors.check(letters("country", &form.country, 2, "IT"));
        let city = errors.check(required("city", &form.city, 100, "city"));
        let currency = errors.check(letters("currency", &form.currency, 3, "EUR"));
        let billing_country = errors.check(or_empty(&form.billing_country, String::new(), |t| {
            letters("billing_country", t, 2, "IT")
        }));
        let payment_terms = errors.check(
            PaymentTerms::parse(form.payment_terms.trim()).ok_or_else(|| {
                FieldError::new("payment_terms", "invalid", "Choose the payment terms.")
            }),
        );
        let credit_limit = errors.check(or_empty(&form.credit_limit, None, |t| {
            amount("credit_limit", t).map(Some)
        }));
        let price_list_id = errors.check(optional_id("price_list_id", &form.price_list_id));
        let sales_rep_id = errors.check(optional_id("sales_rep_id", &form.sales_rep_id));
        errors.finish()?;
        let missing = || AppError::Internal;
        Ok(CompanyInput {
            name: name.ok_or_else(missing)?,
            legal_name: legal_name.ok_or_else(missing)?,
            vat_number: vat_number.ok_or_else(missing)?,
            country: country.ok_or_else(missing)?,
            city: city.ok_or_else(missing)?,
            currency: currency.ok_or_else(missing)?,
            billing_address: Address {
                name: form.billing_name.trim().to_owned(),
                line1: form.billing_line1.trim().to_owned(),
                postal_code: form.billing_postal_code.trim().to_owned(),
                city: form.billing_city.trim().to_owned(),
                country: billing_country.ok_or_else(missing)?,
            },
            payment_terms: payment_terms.ok_or_else(missing)?,
            credit_limit_minor: credit_limit.ok_or_else(missing)?,
            price_list_id: price_list_id.ok_or_else(missing)?,
            sales_rep_id: sales_rep_id.ok_or_else(missing)?,
        })
    }

    /// Checks a ship-to store: a name and a full address.
    pub fn parse_store(
        name: &str,
        line1: &str,
        postal_code: &str,
        city: &str,
        country: &str,
    ) -> Result<(String, Address), AppError> {
        let mut errors = FieldErrors::new();
        let name = errors.check(required("name", name, 100, "store name"));
        let line1 = errors.check(required("line1", line1, 200, "street address"));
        let postal_code = errors.check(required("postal_code", postal_code, 20, "postal code"));
        let city = errors.check(required("city", city, 100, "city"));
        let country = errors.check(letters("country", country, 2, "IT"));
        errors.finish()?;
        match (name, line1, postal_code, city, country) {
            (Some(name), Some(line1), Some(postal_code), Some(city), Some(country)) => Ok((
                name.clone(),
                Address {
                    name,
                    line1,
                    postal_code,
                    city,
                    country,
                },
            )),
            _ => Err(AppError::Internal),
        }
    }

    /// Checks a new price list: its code, name and currency.
    pub fn parse_price_list(
        code_text: &str,
        name: &str,
        currency: &str,
    ) -> Result<(String, String, String), AppError> {
        let mut errors = FieldErrors::new();
        let code = errors.check(code("code", code_text, 30, "EU-2027"));
        let name = errors.check(required("name", name, 100, "name"));
        let currency = errors.check(letters("currency", currency, 3, "EUR"));
        errors.finish()?;
        code.zip(name)
            .zip(currency)
            .map(|((c, n), cur)| (c, n, cur))
            .ok_or(AppError::Internal)
    }

    /// Checks the campaign form.
    pub fn parse_campaign(form: &CampaignForm) -> Result<CampaignInput, AppError> {
        let mut errors = FieldErrors::new();
        let code = errors.check(code("code", &form.code, 20, "FW27"));
        let name = errors.check(required("name", &form.name, 100, "name"));
        let season = errors.check(required("season", &form.season, 20, "season"));
        let opens_on = errors.check(date("opens_on", &form.opens_on));
        let closes_on = errors.check(date("closes_on", &form.closes_on));
        errors.check(in_order(
            opens_on,
            closes_on,
            FieldError::new(
                "closes_on",
                "before_open",
                "The campaign must close on or after the day it opens.",
            ),
        ));
        let min_units = errors.check(or_empty(&form.min_units_per_style, 0, |t| {
            t.parse::<i32>()
                .ok()
                .filter(|n| (0..=100_000).contains(n))
                .ok_or_else(|| {
                    FieldError::new(
                        "min_units_per_style",
                        "invalid",
                        "Enter a whole number of units from 0 to 100000.",
                    )
                })
        }));
        let min_order = errors.check(or_empty(&form.min_order, 0, |t| amount("min_order", t)));
        errors.finish()?;
        let missing = || AppError::Internal;
        Ok(CampaignInput {
            code: code.ok_or_else(missing)?,
            name: name.ok_or_else(missing)?,
            season: season.ok_or_else(missing)?,
            opens_on: opens_on.ok_or_else(missing)?,
            closes_on: closes_on.ok_or_else(missing)?,
            min_units_per_style: min_units.ok_or_else(missing)?,
            min_order_minor: min_order.ok_or_else(missing)?,
        })
    }

    /// Checks a delivery window: a name and the dates goods ship between.
    pub fn parse_window(
        name: &str,
        from: &str,
        until: &str,
    ) -> Result<(String, Date, Date), AppError> {
        let mut errors = FieldErrors::new();
        let name = errors.check(required("name", name, 60, "window name"));
        let from = errors.check(date("ships_from", from));
        let until = errors.check(date("ships_until", until));
        errors.check(in_order(
            from,
            until,
            FieldError::new(
                "ships_until",
                "before_start",
                "The window must end on or after the day it starts.",
            ),
        ));
        errors.finish()?;
        match (name, from, until) {
            (Some(name), Some(from), Some(until)) => Ok((name, from, until)),
            _ => Err(AppError::Internal),
        }
    }

    /// A units target as typed: empty is 0.
    pub fn parse_target(text: &str) -> Result<i32, AppError> {
        match text.trim() {
            "" => Ok(0),
            text => text
                .parse::<i32>()
                .ok()
                .filter(|n| (0..=1_000_000).contains(n))
                .ok_or_else(|| {
                    AppError::field(
                        "target_units",
                        "invalid",
                        "Enter the target as a whole number of units from 0 to 1000000.",
                    )
                }),
        }
    }

    /// Style codes typed in a box, separated by commas, spaces or new lines.
    pub fn style_codes(text: &str) -> Vec<String> {
        let mut codes: Vec<String> = text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        // Each code once, in the order typed (dedup alone keeps repeats apart).
        let mut seen = std::collections::HashSet::new();
        codes.retain(|code| seen.insert(code.clone()));
        codes
    }

    /// Why a draft campaign cannot open yet, if it cannot: buyers need a
    /// delivery window to choose, styles to order and an invitation to see it.
    pub fn opening_refusal(windows: i64, styles: i64, invited: i64) -> Option<String> {
        let mut missing = Vec::new();
        if windows == 0 {
            missing.push("a delivery window");
        }
        if styles == 0 {
            missing.push("at least one style");
        }
        if invited == 0 {
            missing.push("at least one invited company");
        }
        (!missing.is_empty())
            .then(|| format!("The campaign cannot open yet: add {}.", missing.join(", ")))
    }

    #[cfg(test)]
    mod tests {
        use super::super::*;
        use super::*;
        use time::macros::date;

        fn company() -> CompanyForm {
            CompanyForm {
                name: "Boutique Lina".into(),
                legal_name: "Lina S.r.l.".into(),
                vat_number: "it 0123 4567".into(),
                country: "it".into(),
                city: "Torino".into(),
                currency: "eur".into(),
                payment_terms: "net_60".into(),
                ..CompanyForm::default()
            }
        }

        fn fields(error: AppError) -> Vec<String> {
            match error {
                AppError::Invalid(list) => list.into_iter().map(|e| e.field).collect(),
                other => panic!("expected field errors, got {other:?}"),
            }
        }

        #[test]
        fn a_company_is_normalised() {
            let input = parse_company(&company()).unwrap();
            assert_eq!(input.vat_number, "IT01234567");
            assert_eq!(
                (input.country.as_str(), input.currency.as_str()),
                ("IT", "EUR")
            );
            assert_eq!(input.payment_terms, PaymentTerms::Net60);
            assert_eq!(input.credit_limit_minor, None, "blank is no limit");
            let limited = parse_company(&CompanyForm {
                credit_limit: "25000".into(),
                ..company()
            })
            .unwrap();
            assert_eq!(limited.credit_limit_minor, Some(2_500_000));
        }

        #[test]
        fn every_company_problem_is_named() {
            let bad = CompanyForm {
                name: " ".into(),
                country: "Italy".into(),
                currency: "E1".into(),
                payment_terms: "net_45".into(),
                credit_limit: "-5".into(),
                price_list_id: "nope".into(),
                ..company()
            };
            assert_eq!(
                fields(parse_company(&bad).unwrap_err()),
                [
                    "name",
                    "country",
                    "currency",
                    "payment_terms",
                    "credit_limit",
                    "price_list_id"
                ]
            );
        }

        #[test]
        fn campaigns_need_ordered_dates_and_sane_minimums() {
            let form = CampaignForm {
                code: "fw27".into(),
                name: "Autumn Winter 2027".into(),
                season: "FW27".into(),
                opens_on: "2027-01-10".into(),
                closes_on: "2027-02-28".into(),
                min_units_per_style: "6".into(),
                min_order: "1500.50".into(),
                ..CampaignForm::default()
            };
            let input = parse_campaign(&form).unwrap();
            assert_eq!(input.code, "FW27");
            assert_eq!(input.opens_on, date!(2027 - 01 - 10));
            assert_eq!(input.min_order_minor, 150_050);
            let bad = CampaignForm {
                closes_on: "2027-01-01".into(),
                min_units_per_style: "x".into(),
                min_order: "1,5".into(),
                ..form
            };
            assert_eq!(
                fields(parse_campaign(&bad).unwrap_err()),
                ["closes_on", "min_units_per_style", "min_order"]
            );
        }

        #[test]
        fn windows_stores_and_price_lists_are_checked() {
            assert!(parse_window("Drop 1", "2027-06-01", "2027-06-30").is_ok());
            assert_eq!(
                fields(parse_window("", "2027-06-30", "2027-06-01").unwrap_err()),
                ["name", "ships_until"]
            );
            let (name, address) =
                parse_store("Via Roma", "Via Roma 1", "10100", "Torino", "it").unwrap();
            assert_eq!(
                (name.as_str(), address.country.as_str()),
                ("Via Roma", "IT")
            );
            assert_eq!(
                fields(parse_store("Shop", "", "", "Torino", "ITA").unwrap_err()),
                ["line1", "postal_code", "country"]
            );
            assert_eq!(
                parse_price_list("eu-27", "Europe", "eur").unwrap(),
                ("EU-27".into(), "Europe".into(), "EUR".into())
            );
            assert_eq!(
                fields(parse_price_list("-X", "", "euro").unwrap_err()),
                ["code", "name", "currency"]
            );
        }

        #[test]
        fn style_codes_and_targets_are_read_as_typed() {
            assert_eq!(style_codes("KN-1, KN-2\nKN-3;;"), ["KN-1", "KN-2", "KN-3"]);
            assert_eq!(parse_target(""), Ok(0));
            assert_eq!(parse_target(" 120 "), Ok(120));
            assert!(parse_target("-1").is_err());
        }

        #[test]
        fn a_campaign_opens_only_with_windows_styles_and_companies() {
            assert_eq!(opening_refusal(1, 3, 2), None);
            let refusal = opening_refusal(0, 3, 0).unwrap();
            assert!(refusal.contains("a delivery window"), "{refusal}");
            assert!(refusal.contains("invited company"), "{refusal}");
            assert!(!refusal.contains("style"), "{refusal}");
        }
    }
}
