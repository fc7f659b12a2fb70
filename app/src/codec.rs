//! The answers of server functions: JSON, read with the same parser that
//! reads the page's embedded data at hydration.
//!
//! Leptos' own `Json` output reads answers with `serde_json::from_slice`,
//! while resources come back from the page with `serde_json::from_str`. The
//! two readers are separate copies of every answer type's parser in the
//! browser bundle (about a seventh of it); reading answers as text too
//! leaves one.

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON read as text (see the module).
pub struct JsonText;

/// The output encoding of every server function: `#[server(output = Json)]`.
pub type Json = Post<JsonText>;

impl ContentType for JsonText {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonText {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonText {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonText {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        let text = std::str::from_utf8(&bytes).map_err(serde::de::Error::custom)?;
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_go_there_and_back() {
        let bytes =
            <JsonText as Encodes<Vec<(String, i64)>>>::encode(&vec![("é".into(), 3)]).unwrap();
        let back: Vec<(String, i64)> = JsonText::decode(bytes).unwrap();
        assert_eq!(back, vec![("é".to_owned(), 3)]);
        assert!(<JsonText as Decodes<i64>>::decode(Bytes::from_static(b"\xff")).is_err());
    }
}
