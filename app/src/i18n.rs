//! The storefront's languages. English lives at `/…`, Italian at `/it/…`:
//! the prefix is the choice, so it sticks for every link followed and can
//! be shared. Each business area keeps its own texts (`texts.rs`) per
//! locale; this module has what they share: the locale, its links and its
//! money format.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    It,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::It];

    /// ISO 639-1, as in `<html lang>` and the translation tables.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::It => "it",
        }
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::It => "Italiano",
        }
    }

    pub fn parse(code: &str) -> Locale {
        match code.trim() {
            "it" => Locale::It,
            _ => Locale::En,
        }
    }

    /// The locale a storefront path (without its query) is in.
    pub fn of_path(path: &str) -> Locale {
        match path.strip_prefix("/it") {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => Locale::It,
            _ => Locale::En,
        }
    }

    /// A path without its locale prefix: `/it/c/knitwear` → `/c/knitwear`.
    pub fn strip(path: &str) -> &str {
        match (Locale::of_path(path), path.get(3..)) {
            (Locale::It, Some("")) => "/",
            (Locale::It, Some(rest)) => rest,
            _ => path,
        }
    }

    /// A storefront path in this locale: `/c/knitwear` → `/it/c/knitwear`.
    pub fn href(self, path: &str) -> String {
        match self {
            Locale::En => path.to_owned(),
            Locale::It if path == "/" => "/it".to_owned(),
            Locale::It if path.starts_with("/?") => format!("/it{}", &path[1..]),
            Locale::It => format!("/it{path}"),
        }
    }

    /// Money as people of this language write it: `€1,290.00`, `1.290,00 €`.
    pub fn money(self, minor: i64, currency: &str) -> String {
        match self {
            Locale::En => crate::ui::money::format_money(minor, currency),
            Locale::It => {
                let sign = if minor < 0 { "-" } else { "" };
                let symbol = match currency {
                    "EUR" => "€",
                    other => other,
                };
                let amount = crate::ui::money::group(minor.abs(), '.', ',');
                format!("{sign}{amount}\u{a0}{symbol}")
            }
        }
    }
}

/// The locale of the page being rendered (English outside the storefront).
pub fn use_locale() -> Locale {
    leptos::prelude::use_context::<Locale>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_is_the_language() {
        assert_eq!(Locale::of_path("/it"), Locale::It);
        assert_eq!(Locale::of_path("/it/c/knitwear"), Locale::It);
        assert_eq!(Locale::of_path("/item/3"), Locale::En);
        assert_eq!(Locale::of_path("/c/knitwear"), Locale::En);
        assert_eq!(Locale::strip("/it/c/knitwear"), "/c/knitwear");
        assert_eq!(Locale::strip("/it"), "/");
        assert_eq!(Locale::strip("/cart"), "/cart");
    }

    #[test]
    fn links_keep_the_language() {
        assert_eq!(Locale::It.href("/"), "/it");
        assert_eq!(Locale::It.href("/p/coat"), "/it/p/coat");
        assert_eq!(Locale::It.href("/?a=b"), "/it?a=b");
        assert_eq!(Locale::En.href("/p/coat"), "/p/coat");
        for path in ["/", "/p/coat", "/search"] {
            assert_eq!(Locale::strip(&Locale::It.href(path)), path);
        }
    }

    #[test]
    fn money_follows_the_language() {
        assert_eq!(Locale::En.money(129_000, "EUR"), "€1,290.00");
        assert_eq!(Locale::It.money(129_000, "EUR"), "1.290,00\u{a0}€");
        assert_eq!(Locale::It.money(5, "EUR"), "0,05\u{a0}€");
        assert_eq!(Locale::It.money(-2_500, "EUR"), "-25,00\u{a0}€");
    }
}
