//! A sales channel's settings as staff edit them: the form's text checked
//! into values, every problem named at once.

use crate::error::{AppError, FieldError, FieldErrors};
use crate::inventory::rules::parse_quantity;
use crate::orders::model::DocumentKind;
use serde::{Deserialize, Serialize};

/// The channel form as posted (checkboxes are present only when ticked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelForm {
    pub channel: String,
    pub name: String,
    pub split_allowed: Option<String>,
    pub max_parts: String,
    pub prefer_fewest_parts: Option<String>,
    pub date_tolerance_days: String,
    pub auto_cancel_unroutable: Option<String>,
    pub send_temporary_response: Option<String>,
    #[serde(default)]
    pub documents: Vec<String>,
    pub max_line_quantity: String,
    pub webhook_url: String,
    /// Empty keeps the current secret.
    pub webhook_secret: String,
    /// Codes of the locations that serve the channel.
    #[serde(default)]
    pub locations: Vec<String>,
}

/// Checked settings, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelInput {
    pub name: String,
    pub split_allowed: bool,
    pub max_parts: i32,
    pub prefer_fewest_parts: bool,
    pub date_tolerance_days: i32,
    pub auto_cancel_unroutable: bool,
    pub send_temporary_response: bool,
    pub documents: Vec<DocumentKind>,
    pub max_line_quantity: i32,
    pub webhook_url: String,
    pub webhook_secret: Option<String>,
    pub locations: Vec<String>,
}

pub fn parse_channel_form(form: &ChannelForm) -> Result<ChannelInput, AppError> {
    let mut errors = FieldErrors::new();
    let name = crate::text::single_spaced(&form.name);
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(FieldError::new(
            "name",
            "required",
            "Name the channel (1–100 characters).",
        ));
    }
    let max_parts = errors.check(parse_quantity("max_parts", &form.max_parts, 1, 10));
    let tolerance = errors.check(parse_quantity(
        "date_tolerance_days",
        &form.date_tolerance_days,
        0,
        365,
    ));
    let max_line = errors.check(parse_quantity(
        "max_line_quantity",
        &form.max_line_quantity,
        1,
        100_000,
    ));
    let mut documents = Vec::new();
    for text in &form.documents {
        match DocumentKind::parse(text) {
            Some(kind) if !documents.contains(&kind) => documents.push(kind),
            Some(_) => {}
            None => errors.push(FieldError::new(
                "documents",
                "unknown",
                "Choose documents from the list.",
            )),
        }
    }
    let webhook_url = form.webhook_url.trim().to_owned();
    if !webhook_url.is_empty()
        && (!(webhook_url.starts_with("https://") || webhook_url.starts_with("http://"))
            || webhook_url.len() > 500
            || webhook_url.contains(char::is_whitespace))
    {
        errors.push(FieldError::new(
            "webhook_url",
            "invalid",
            "Use an http:// or https:// address of at most 500 characters, or leave it empty.",
        ));
    }
    let secret = form.webhook_secret.trim();
    if !secret.is_empty() && !(16..=200).contains(&secret.len()) {
        errors.push(FieldError::new(
            "webhook_secret",
            "invalid",
            "A secret has 16 to 200 characters.",
        ));
    }
    errors.finish()?;
    Ok(ChannelInput {
        name,
        split_allowed: form.split_allowed.is_some(),
        max_parts: max_parts.unwrap_or(1),
        prefer_fewest_parts: form.prefer_fewest_parts.is_some(),
        date_tolerance_days: tolerance.unwrap_or(0),
        auto_cancel_unroutable: form.auto_cancel_unroutable.is_some(),
        send_temporary_response: form.send_temporary_response.is_some(),
        documents,
        max_line_quantity: max_line.unwrap_or(1),
        webhook_url,
        webhook_secret: (!secret.is_empty()).then(|| secret.to_owned()),
        locations: form
            .locations
            .iter()
            .map(|c| c.trim().to_uppercase())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ChannelForm {
        ChannelForm {
            channel: "web".into(),
            name: " Web   shop ".into(),
            split_allowed: Some("on".into()),
            max_parts: "3".into(),
            prefer_fewest_parts: None,
            date_tolerance_days: "10".into(),
            auto_cancel_unroutable: None,
            send_temporary_response: Some("on".into()),
            documents: vec!["delivery_note".into(), "return_label".into()],
            max_line_quantity: "20".into(),
            webhook_url: "https://shop.example/hooks".into(),
            webhook_secret: String::new(),
            locations: vec!["wh-mil".into()],
        }
    }

    #[test]
    fn a_good_form_becomes_settings() {
        let input = parse_channel_form(&form()).unwrap();
        assert_eq!(input.name, "Web shop");
        assert!(input.split_allowed && !input.prefer_fewest_parts && input.send_temporary_response);
        assert_eq!(
            input.documents,
            [DocumentKind::DeliveryNote, DocumentKind::ReturnLabel]
        );
        assert_eq!(
            input.webhook_secret, None,
            "an empty secret keeps the old one"
        );
        assert_eq!(input.locations, ["WH-MIL"]);
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = ChannelForm {
            name: "".into(),
            max_parts: "0".into(),
            date_tolerance_days: "x".into(),
            webhook_url: "ftp://nope".into(),
            webhook_secret: "short".into(),
            ..form()
        };
        let AppError::Invalid(errors) = parse_channel_form(&bad).unwrap_err() else {
            panic!()
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "name",
                "max_parts",
                "date_tolerance_days",
                "webhook_url",
                "webhook_secret"
            ]
        );
    }
}
