pub use super::filters::{Facets, ListingFilter, SortOrder};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const PAGE_SIZE: u32 = 24;
/// Longer search queries are cut to this many characters.
pub const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryLink {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryTile {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub image_url: Option<String>,
    pub product_count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductCard {
    pub slug: String,
    pub name: String,
    pub price_minor: i64,
    pub currency: String,
    pub image_url: Option<String>,
    /// Hex codes of the colours it comes in.
    pub colours: Vec<String>,
}

/// What every storefront page shows around its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorefrontNav {
    pub categories: Vec<CategoryLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeContent {
    pub hero_image_url: Option<String>,
    pub categories: Vec<CategoryTile>,
    pub featured: Vec<ProductCard>,
    pub newest: Vec<ProductCard>,
}

/// One page of a list of products (a category, or search results).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductPage {
    pub products: Vec<ProductCard>,
    pub total: i64,
    pub page: u32,
}

impl ProductPage {
    pub fn page_count(&self) -> u32 {
        (self.total.max(0) as u32).div_ceil(PAGE_SIZE).max(1)
    }
}

/// A filtered, sorted page of a product list, with its facets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub page: ProductPage,
    pub facets: Facets,
    /// The filter as applied: normalised, values no product has left out.
    pub filter: ListingFilter,
    /// Products in the category (or matching the search) before filtering.
    pub unfiltered_total: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryListing {
    pub category: CategoryTile,
    pub listing: Listing,
}

/// A search's products; when nothing matches the words, what to try instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as searched (see [`normalise_query`]).
    pub query: String,
    pub listing: Listing,
    /// The closest product or category name, when nothing matched.
    pub did_you_mean: Option<DidYouMean>,
    /// A few popular products, when nothing matched.
    pub popular: Vec<ProductCard>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DidYouMean {
    pub text: String,
    pub href: String,
}

/// The link to a category, filtered: `/c/knitwear?size=M`.
pub fn category_href(slug: &str, filter: &ListingFilter) -> String {
    filter.href(&format!("/c/{slug}"))
}

/// The search results page of `query`, unfiltered; a filter's
/// [`ListingFilter::href`] adds to it.
pub fn search_base(query: &str) -> String {
    format!("/search?q={}", urlencoding::encode(query))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub slug: String,
    pub name: String,
    pub category: String,
    pub price_minor: i64,
    pub currency: String,
    pub image_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductImage {
    pub url: String,
    pub alt: String,
    pub colour: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Colour {
    pub name: String,
    pub hex: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub style_code: String,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub material: String,
    pub care: String,
    pub price_minor: i64,
    pub currency: String,
    pub category: CategoryLink,
    pub images: Vec<ProductImage>,
    pub colours: Vec<Colour>,
    pub sizes: Vec<String>,
    /// Every colour and size that exists, with its web availability.
    pub variants: Vec<VariantOffer>,
    /// Other styles of the same category.
    pub related: Vec<ProductCard>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantOffer {
    pub sku: String,
    pub colour: String,
    pub size: String,
    pub availability: super::availability::Availability,
}

pub fn media_url(asset_id: Uuid) -> String {
    format!("/media/{asset_id}")
}

/// A page number from the query string: 1 when missing or nonsense.
pub fn parse_page(raw: Option<&str>) -> u32 {
    raw.and_then(|p| p.parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// A search query as we use it: whitespace folded, at most [`MAX_QUERY_CHARS`].
pub fn normalise_query(raw: &str) -> String {
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect()
}

/// A slug is lower-case words joined by dashes; anything else cannot exist.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 120
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_counted_and_parsed() {
        let page = |total| ProductPage {
            products: vec![],
            total,
            page: 1,
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(24).page_count(), 1);
        assert_eq!(page(25).page_count(), 2);
        assert_eq!(parse_page(Some("3")), 3);
        assert_eq!(parse_page(Some("0")), 1);
        assert_eq!(parse_page(Some("-2")), 1);
        assert_eq!(parse_page(Some("x")), 1);
        assert_eq!(parse_page(None), 1);
    }

    #[test]
    fn queries_are_folded_and_bounded() {
        assert_eq!(normalise_query("  wool   coat "), "wool coat");
        assert_eq!(normalise_query(&"a".repeat(500)).len(), MAX_QUERY_CHARS);
    }

    #[test]
    fn slugs_are_strict() {
        assert!(is_slug("merino-crew-neck"));
        assert!(is_slug("tee-2"));
        for bad in ["", "-x", "x-", "x--y", "X", "x y", "x/../y", "x_y"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
