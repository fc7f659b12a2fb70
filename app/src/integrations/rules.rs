//! API keys and idempotency keys: their formats.

/// Every key starts so, which makes leaked keys easy to find by scanners.
pub const KEY_PREFIX: &str = "atl_";
/// How many characters of a key are kept and shown to recognise it.
pub const SHOWN_CHARS: usize = 12;

/// The key from an `Authorization: Bearer …` header (or an `X-Api-Key`
/// value), if it has the shape of one of ours.
pub fn bearer_key(authorization: &str) -> Option<&str> {
    let key = authorization
        .strip_prefix("Bearer ")
        .or_else(|| authorization.strip_prefix("bearer "))
        .unwrap_or(authorization)
        .trim();
    (key.starts_with(KEY_PREFIX)
        && key.len() > SHOWN_CHARS
        && key.len() <= 100
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    .then_some(key)
}

/// A new key from random bytes: the prefix and 48 hex digits.
pub fn format_key(random: &[u8; 24]) -> String {
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    format!("{KEY_PREFIX}{hex}")
}

/// The part of a key that is stored in the clear and shown in lists.
pub fn shown_part(key: &str) -> &str {
    &key[..SHOWN_CHARS.min(key.len())]
}

/// An `Idempotency-Key`: 1–200 visible ASCII characters (UUIDs are typical).
pub fn idempotency_key(value: &str) -> Option<&str> {
    let value = value.trim();
    (!value.is_empty() && value.len() <= 200 && value.chars().all(|c| c.is_ascii_graphic()))
        .then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_have_our_shape() {
        let key = format_key(&[0xab; 24]);
        assert_eq!(key.len(), 4 + 48);
        assert_eq!(bearer_key(&format!("Bearer {key}")), Some(key.as_str()));
        assert_eq!(bearer_key(&key), Some(key.as_str()));
        assert_eq!(bearer_key("Bearer sk_live_123"), None);
        assert_eq!(bearer_key("Bearer atl_"), None);
        assert_eq!(bearer_key("Bearer atl_abc def0123456"), None);
        assert_eq!(shown_part(&key), "atl_abababab");
    }

    #[test]
    fn idempotency_keys_are_short_visible_text() {
        assert_eq!(idempotency_key(" 3f1c-aa "), Some("3f1c-aa"));
        assert_eq!(idempotency_key(""), None);
        assert_eq!(idempotency_key("has space"), None);
        assert_eq!(idempotency_key(&"x".repeat(201)), None);
    }
}
