//! Facets, sorting and pages of the storefront's product lists (a category,
//! search results). Pure: no I/O.
//!
//! A [`ListingFilter`] lives in the URL's query string (`size=M&size=L&max=150
//! &sort=price-asc`), so a link reproduces the view. Reading one never fails:
//! unknown keys and bad values are ignored. Writing one gives the canonical
//! query string: keys in alphabetical order (the page last), values sorted and
//! deduplicated, defaults left out — the same view always has the same URL
//! (and the same cache key).
//!
//! [`FilterSql`] turns a filter into SQL conditions with bind values, leaving
//! out one dimension when asked: a facet's counts are computed with every
//! other filter applied but not its own ("disjunctive" facets), so choosing
//! size M still shows how many styles come in size L.

use super::texts;
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// At most this many values per facet are read from a URL.
pub const MAX_VALUES: usize = 24;
/// Longer facet values cannot exist; they are ignored.
pub const MAX_VALUE_CHARS: usize = 40;
/// Prices in the URL are whole euros up to this.
pub const MAX_EUROS: i64 = 1_000_000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortOrder {
    /// The page's own order: best match first for a search; featured, then
    /// newest, for a category.
    #[default]
    Recommended,
    Newest,
    PriceLowHigh,
    PriceHighLow,
    /// Most units ordered in the last 90 days.
    Popular,
}

impl SortOrder {
    pub const ALL: [SortOrder; 5] = [
        SortOrder::Recommended,
        SortOrder::Newest,
        SortOrder::PriceLowHigh,
        SortOrder::PriceHighLow,
        SortOrder::Popular,
    ];

    /// Its value in the URL (`sort=…`).
    pub fn param(self) -> &'static str {
        match self {
            SortOrder::Recommended => "recommended",
            SortOrder::Newest => "newest",
            SortOrder::PriceLowHigh => "price-asc",
            SortOrder::PriceHighLow => "price-desc",
            SortOrder::Popular => "popular",
        }
    }

    pub fn parse(text: &str) -> Option<SortOrder> {
        match text {
            "relevance" => Some(SortOrder::Recommended),
            _ => SortOrder::ALL.into_iter().find(|s| s.param() == text),
        }
    }

    /// Its name in the sort control (a search's own order is relevance).
    pub fn label(self, locale: Locale, search: bool) -> &'static str {
        match locale {
            Locale::En => match self {
                SortOrder::Recommended if search => "Best match",
                SortOrder::Recommended => "Recommended",
                SortOrder::Newest => "Newest",
                SortOrder::PriceLowHigh => "Price: low to high",
                SortOrder::PriceHighLow => "Price: high to low",
                SortOrder::Popular => "Most popular",
            },
            Locale::It => match self {
                SortOrder::Recommended if search => "Rilevanza",
                SortOrder::Recommended => "Consigliati",
                SortOrder::Newest => "Novità",
                SortOrder::PriceLowHigh => "Prezzo crescente",
                SortOrder::PriceHighLow => "Prezzo decrescente",
                SortOrder::Popular => "Più venduti",
            },
        }
    }

    /// The `ORDER BY` list over products `p` (with `pop.units` when
    /// [`SortOrder::Popular`]); `recommended` is the page's own order. Every
    /// order ends in the unique slug, so pages never overlap.
    pub fn order_by(self, recommended: &str) -> String {
        match self {
            SortOrder::Recommended => format!("{recommended}, p.slug"),
            SortOrder::Newest => "p.created_at DESC, p.slug".to_owned(),
            SortOrder::PriceLowHigh => "p.price_minor, p.slug".to_owned(),
            SortOrder::PriceHighLow => "p.price_minor DESC, p.slug".to_owned(),
            SortOrder::Popular => {
                "coalesce(pop.units, 0) DESC, p.created_at DESC, p.slug".to_owned()
            }
        }
    }
}

/// One dimension of a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Size,
    Colour,
    Material,
    Price,
    Stock,
}

/// What a product list shows: filters, order and page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ListingFilter {
    pub sizes: Vec<String>,
    /// Colour names, e.g. "Powder Blue".
    pub colours: Vec<String>,
    /// Material families, e.g. "Merino wool".
    pub materials: Vec<String>,
    /// Minor units (the URL has whole euros), inclusive.
    pub price_min: Option<i64>,
    /// Minor units (the URL has whole euros), inclusive.
    pub price_max: Option<i64>,
    pub in_stock_only: bool,
    pub sort: SortOrder,
    /// From 1.
    pub page: u32,
}

impl Default for ListingFilter {
    fn default() -> Self {
        Self {
            sizes: Vec::new(),
            colours: Vec::new(),
            materials: Vec::new(),
            price_min: None,
            price_max: None,
            in_stock_only: false,
            sort: SortOrder::Recommended,
            page: 1,
        }
    }
}

/// A removable chip of an active filter: its label and the filter without it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    pub label: String,
    pub without: ListingFilter,
}

impl ListingFilter {
    /// The query-string keys a filter reads and writes.
    pub const KEYS: [&str; 8] = [
        "colour", "material", "max", "min", "size", "sort", "stock", "page",
    ];

    /// From decoded `(key, value)` pairs, e.g. a router's query map.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filter = ListingFilter::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "size" => filter.sizes.push(value.to_owned()),
                "colour" => filter.colours.push(value.to_owned()),
                "material" => filter.materials.push(value.to_owned()),
                "min" => filter.price_min = parse_euros(value).or(filter.price_min),
                "max" => filter.price_max = parse_euros(value).or(filter.price_max),
                "stock" => filter.in_stock_only = matches!(value, "1" | "on" | "true"),
                "sort" => filter.sort = SortOrder::parse(value).unwrap_or(filter.sort),
                "page" => filter.page = super::model::parse_page(Some(value)),
                _ => {}
            }
        }
        filter.normalised()
    }

    /// From a lookup of a key's decoded values, e.g. a router's query map:
    /// `ListingFilter::from_lookup(|k| query.get_all(k).unwrap_or_default())`.
    pub fn from_lookup(values_of: impl Fn(&str) -> Vec<String>) -> Self {
        let pairs: Vec<(&str, String)> = Self::KEYS
            .iter()
            .flat_map(|key| values_of(key).into_iter().map(move |v| (*key, v)))
            .collect();
        Self::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    }

    /// From a raw query string (`a=b&c=d`, with or without the `?`).
    pub fn from_query(query: &str) -> Self {
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|part| !part.is_empty())
            .map(|part| {
                let (key, value) = part.split_once('=').unwrap_or((part, ""));
                (decode(key), decode(value))
            })
            .collect();
        Self::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The same filter with its values deduplicated, sorted and bounded, the
    /// prices in order and the page at least 1. Whatever a browser sends, the
    /// server works with this.
    pub fn normalised(mut self) -> Self {
        for values in [&mut self.sizes, &mut self.colours, &mut self.materials] {
            values.retain(|v| {
                let v = v.trim();
                !v.is_empty() && v.chars().count() <= MAX_VALUE_CHARS
            });
            for v in values.iter_mut() {
                *v = v.trim().to_owned();
            }
            values.sort();
            values.dedup();
            values.truncate(MAX_VALUES);
        }
        let bounded = |p: Option<i64>| p.filter(|p| (0..=MAX_EUROS * 100).contains(p));
        self.price_min = bounded(self.price_min);
        self.price_max = bounded(self.price_max);
        if let (Some(min), Some(max)) = (self.price_min, self.price_max)
            && min > max
        {
            (self.price_min, self.price_max) = (Some(max), Some(min));
        }
        self.page = self.page.max(1);
        self
    }

    /// The canonical query string, without `?`; empty for the default view.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for colour in &self.colours {
            pairs.push(("colour", colour.clone()));
        }
        for material in &self.materials {
            pairs.push(("material", material.clone()));
        }
        if let Some(max) = self.price_max {
            pairs.push(("max", euros(max).to_string()));
        }
        if let Some(min) = self.price_min {
            pairs.push(("min", euros(min).to_string()));
        }
        for size in &self.sizes {
            pairs.push(("size", size.clone()));
        }
        if self.sort != SortOrder::Recommended {
            pairs.push(("sort", self.sort.param().to_owned()));
        }
        if self.in_stock_only {
            pairs.push(("stock", "1".to_owned()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", urlencoding::encode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The link to this view of the list at `base` (`/c/knitwear`, or
    /// `/search?q=coat` whose query is kept).
    pub fn href(&self, base: &str) -> String {
        let query = self.to_query();
        if query.is_empty() {
            base.to_owned()
        } else if base.contains('?') {
            format!("{base}&{query}")
        } else {
            format!("{base}?{query}")
        }
    }

    /// Whether anything narrows the list (the order and page do not).
    pub fn is_filtered(&self) -> bool {
        !self.sizes.is_empty()
            || !self.colours.is_empty()
            || !self.materials.is_empty()
            || self.price_min.is_some()
            || self.price_max.is_some()
            || self.in_stock_only
    }

    pub fn values(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Size => &self.sizes,
            Facet::Colour => &self.colours,
            Facet::Material => &self.materials,
            Facet::Price | Facet::Stock => &[],
        }
    }

    fn values_mut(&mut self, facet: Facet) -> Option<&mut Vec<String>> {
        match facet {
            Facet::Size => Some(&mut self.sizes),
            Facet::Colour => Some(&mut self.colours),
            Facet::Material => Some(&mut self.materials),
            Facet::Price | Facet::Stock => None,
        }
    }

    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page: page.max(1),
            ..self.clone()
        }
    }

    pub fn with_prices(&self, price_min: Option<i64>, price_max: Option<i64>) -> Self {
        Self {
            price_min,
            price_max,
            page: 1,
            ..self.clone()
        }
        .normalised()
    }

    /// With `value` of `facet` chosen if it was not, and not if it was; back
    /// to the first page. For [`Facet::Stock`] the value is ignored.
    pub fn toggled(&self, facet: Facet, value: &str) -> Self {
        let mut next = self.with_page(1);
        if facet == Facet::Stock {
            next.in_stock_only = !next.in_stock_only;
        } else if let Some(values) = next.values_mut(facet) {
            if let Some(i) = values.iter().position(|v| v == value) {
                values.remove(i);
            } else {
                values.push(value.to_owned());
            }
        }
        next.normalised()
    }

    /// Without any filter (the order stays).
    pub fn cleared(&self) -> Self {
        Self {
            sort: self.sort,
            ..Self::default()
        }
    }

    /// The active filters as removable chips, in the sidebar's order (in
    /// English; see [`ListingFilter::chips_in`]).
    pub fn chips(&self) -> Vec<Chip> {
        self.chips_in(Locale::En)
    }

    /// The active filters as removable chips, labelled in `locale`.
    pub fn chips_in(&self, locale: Locale) -> Vec<Chip> {
        let mut chips = Vec::new();
        for facet in [Facet::Size, Facet::Colour, Facet::Material] {
            for value in self.values(facet) {
                chips.push(Chip {
                    label: if facet == Facet::Size {
                        texts::size_chip(locale, value)
                    } else {
                        value.clone()
                    },
                    without: self.toggled(facet, value),
                });
            }
        }
        if let Some(min) = self.price_min {
            chips.push(Chip {
                label: texts::price_from_chip(locale, euros(min)),
                without: self.with_prices(None, self.price_max),
            });
        }
        if let Some(max) = self.price_max {
            chips.push(Chip {
                label: texts::price_up_to_chip(locale, euros(max)),
                without: self.with_prices(self.price_min, None),
            });
        }
        if self.in_stock_only {
            chips.push(Chip {
                label: texts::listing_texts(locale).in_stock_chip.to_owned(),
                without: self.toggled(Facet::Stock, ""),
            });
        }
        chips
    }
}

/// Whole euros from the URL as minor units; `None` for anything else.
pub fn parse_euros(text: &str) -> Option<i64> {
    let euros = text.trim().parse::<i64>().ok()?;
    (0..=MAX_EUROS).contains(&euros).then_some(euros * 100)
}

/// Minor units as whole euros (rounded down).
pub fn euros(minor: i64) -> i64 {
    minor.div_euclid(100)
}

/// Minor units as whole euros (rounded up), for an upper bound.
pub fn euros_up(minor: i64) -> i64 {
    (minor + 99).div_euclid(100)
}

/// Percent-decoded, with `+` as a space (as HTML forms send it).
fn decode(text: &str) -> String {
    let spaced = text.replace('+', " ");
    urlencoding::decode(&spaced)
        .map(|c| c.into_owned())
        .unwrap_or(spaced)
}

/// Sizes in the order a shopper expects: letter sizes from small to large,
/// then numbers (shoes, waists), then anything else, "One size" last.
pub fn size_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn rank(size: &str) -> (u8, u32, String) {
        const LETTERS: [&str; 9] = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL"];
        if let Some(i) = LETTERS.iter().position(|l| l.eq_ignore_ascii_case(size)) {
            (0, i as u32, String::new())
        } else if let Ok(n) = size.parse::<f64>() {
            (1, (n * 10.0) as u32, String::new())
        } else if size.eq_ignore_ascii_case("one size") {
            (3, 0, String::new())
        } else {
            (2, 0, size.to_owned())
        }
    }
    rank(a).cmp(&rank(b))
}

/// One choice of a facet and how many products it would show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetOption {
    pub value: String,
    pub count: i64,
    /// A colour's swatch.
    pub hex: Option<String>,
}

/// The choices of every facet, counted against the current filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    pub sizes: Vec<FacetOption>,
    pub colours: Vec<FacetOption>,
    pub materials: Vec<FacetOption>,
    /// The cheapest and dearest matching product (ignoring the price filter).
    pub price_min: Option<i64>,
    pub price_max: Option<i64>,
    /// Products that would show with "In stock only" ticked.
    pub in_stock: i64,
}

impl Facets {
    pub fn options(&self, facet: Facet) -> &[FacetOption] {
        match facet {
            Facet::Size => &self.sizes,
            Facet::Colour => &self.colours,
            Facet::Material => &self.materials,
            Facet::Price | Facet::Stock => &[],
        }
    }

    /// `filter` without the values no product in the list has (a stale or
    /// edited link): those are ignored rather than showing nothing.
    pub fn known(&self, filter: &ListingFilter) -> ListingFilter {
        let mut known = filter.clone();
        for facet in [Facet::Size, Facet::Colour, Facet::Material] {
            let options = self.options(facet);
            if let Some(values) = known.values_mut(facet) {
                values.retain(|v| options.iter().any(|o| &o.value == v));
            }
        }
        known
    }
}

/// A value for a `$n` placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Text(String),
    Texts(Vec<String>),
    Int(i64),
}

/// The bind values of one statement, in placeholder order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SqlArgs {
    /// Placeholders before these (`$1`…`$skip`) are bound elsewhere.
    pub skip: usize,
    pub values: Vec<SqlValue>,
}

impl SqlArgs {
    /// Adds a value; returns its placeholder (`$3`).
    pub fn push(&mut self, value: SqlValue) -> String {
        self.values.push(value);
        format!("${}", self.skip + self.values.len())
    }
}

/// The relation of the variants in the list, with `id`, `product_id`, `size`,
/// `colour` and `in_stock` (available to the web channel), that
/// [`FilterSql::matches`] looks into.
pub const VARIANTS: &str = "scope_variants";

/// A filter's SQL conditions. Its values are bound once, when it is made;
/// each condition refers to them, so one statement can hold the conditions
/// of every facet (each leaving out its own dimension).
///
/// Products are `p` (with `id`, `price_minor`, `material_family`); variants
/// are rows of [`VARIANTS`]. A product matches the variant filters when one
/// of its variants has a chosen size, a chosen colour and (if asked) stock:
/// "M in Navy, in stock" is one SKU, not three.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterSql {
    sizes: Option<String>,
    colours: Option<String>,
    materials: Option<String>,
    price_min: Option<String>,
    price_max: Option<String>,
    in_stock: bool,
}

impl FilterSql {
    /// Binds `filter`'s values into `args`.
    pub fn bind(filter: &ListingFilter, args: &mut SqlArgs) -> Self {
        let mut texts = |values: &[String]| {
            (!values.is_empty()).then(|| args.push(SqlValue::Texts(values.to_vec())))
        };
        let sizes = texts(&filter.sizes);
        let colours = texts(&filter.colours);
        let materials = texts(&filter.materials);
        let price_min = filter.price_min.map(|p| args.push(SqlValue::Int(p)));
        let price_max = filter.price_max.map(|p| args.push(SqlValue::Int(p)));
        Self {
            sizes,
            colours,
            materials,
            price_min,
            price_max,
            in_stock: filter.in_stock_only,
        }
    }

    /// The same with "in stock only" on (for the count beside that box).
    pub fn in_stock(&self) -> Self {
        Self {
            in_stock: true,
            ..self.clone()
        }
    }

    /// The conditions on the product itself, `TRUE` when none.
    pub fn product_where(&self, omit: Option<Facet>) -> String {
        let mut parts = Vec::new();
        if omit != Some(Facet::Material)
            && let Some(m) = &self.materials
        {
            parts.push(format!("p.material_family = ANY({m})"));
        }
        if omit != Some(Facet::Price) {
            if let Some(min) = &self.price_min {
                parts.push(format!("p.price_minor >= {min}"));
            }
            if let Some(max) = &self.price_max {
                parts.push(format!("p.price_minor <= {max}"));
            }
        }
        and(parts)
    }

    /// The conditions on one variant `v`, `TRUE` when none.
    pub fn variant_where(&self, v: &str, omit: Option<Facet>) -> String {
        let mut parts = Vec::new();
        if omit != Some(Facet::Size)
            && let Some(s) = &self.sizes
        {
            parts.push(format!("{v}.size = ANY({s})"));
        }
        if omit != Some(Facet::Colour)
            && let Some(c) = &self.colours
        {
            parts.push(format!("{v}.colour = ANY({c})"));
        }
        if omit != Some(Facet::Stock) && self.in_stock {
            parts.push(format!("{v}.in_stock"));
        }
        and(parts)
    }

    /// Product `p` matches every filter but `omit`.
    pub fn matches(&self, omit: Option<Facet>) -> String {
        let product = self.product_where(omit);
        let variant = self.variant_where("fv", omit);
        if variant == "TRUE" {
            return product;
        }
        let exists = format!(
            "EXISTS (SELECT 1 FROM {VARIANTS} fv WHERE fv.product_id = p.id AND {variant})"
        );
        if product == "TRUE" {
            exists
        } else {
            format!("{product} AND {exists}")
        }
    }
}

fn and(parts: Vec<String>) -> String {
    if parts.is_empty() {
        "TRUE".to_owned()
    } else {
        parts.join(" AND ")
    }
}

/// The `WHERE` condition for products `p` matching `filter` except its
/// `omit` dimension, with its bind values numbered from `$first`.
pub fn facet_where(
    filter: &ListingFilter,
    omit: Option<Facet>,
    first: usize,
) -> (String, Vec<SqlValue>) {
    let mut args = SqlArgs {
        skip: first.saturating_sub(1),
        values: Vec::new(),
    };
    let sql = FilterSql::bind(filter, &mut args).matches(omit);
    (sql, args.values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(values: &[&str]) -> SqlValue {
        SqlValue::Texts(values.iter().map(|v| v.to_string()).collect())
    }

    #[test]
    fn filters_read_repeated_keys_and_ignore_nonsense() {
        let f = ListingFilter::from_query(
            "?size=M&size=L&colour=Powder+Blue&colour=Navy&material=Merino%20wool\
             &min=50&max=abc&stock=1&sort=price-desc&page=2&utm_source=x&size=",
        );
        assert_eq!(f.sizes, ["L", "M"]);
        assert_eq!(f.colours, ["Navy", "Powder Blue"]);
        assert_eq!(f.materials, ["Merino wool"]);
        assert_eq!(f.price_min, Some(5000));
        assert_eq!(f.price_max, None);
        assert!(f.in_stock_only);
        assert_eq!(f.sort, SortOrder::PriceHighLow);
        assert_eq!(f.page, 2);

        let junk =
            ListingFilter::from_query("sort=sideways&page=-3&min=-5&max=1e9&stock=maybe&=&&x");
        assert_eq!(junk, ListingFilter::default());
        let long = "x".repeat(MAX_VALUE_CHARS + 1);
        assert!(
            ListingFilter::from_query(&format!("size={long}"))
                .sizes
                .is_empty()
        );
        let many: Vec<String> = (0..100).map(|i| format!("size={i}")).collect();
        assert_eq!(
            ListingFilter::from_query(&many.join("&")).sizes.len(),
            MAX_VALUES
        );
    }

    #[test]
    fn a_router_query_map_reads_like_a_query_string() {
        let lookup = |key: &str| match key {
            "size" => vec!["M".to_owned(), "S".to_owned()],
            "colour" => vec!["Powder Blue".to_owned()],
            "q" => vec!["ignored".to_owned()],
            _ => Vec::new(),
        };
        assert_eq!(
            ListingFilter::from_lookup(lookup),
            ListingFilter::from_query("size=S&size=M&colour=Powder%20Blue")
        );
    }

    #[test]
    fn prices_are_whole_euros_and_put_in_order() {
        let f = ListingFilter::from_query("min=200&max=80");
        assert_eq!((f.price_min, f.price_max), (Some(8000), Some(20000)));
        assert_eq!(f.to_query(), "max=200&min=80");
        assert_eq!(parse_euros(" 12 "), Some(1200));
        assert_eq!(parse_euros("12.5"), None);
        assert_eq!(
            (euros(12999), euros_up(12901), euros_up(12900)),
            (129, 130, 129)
        );
    }

    #[test]
    fn canonical_query_strings_are_sorted_and_omit_defaults() {
        assert_eq!(ListingFilter::default().to_query(), "");
        assert_eq!(
            ListingFilter::from_query("sort=recommended&page=1").to_query(),
            ""
        );
        let a = ListingFilter::from_query(
            "size=M&stock=on&colour=Powder%20Blue&size=L&size=M&page=3&sort=popular",
        );
        let b = ListingFilter::from_query(
            "page=3&sort=popular&colour=Powder+Blue&stock=1&size=L&size=M",
        );
        assert_eq!(a, b);
        let query = a.to_query();
        assert_eq!(
            query,
            "colour=Powder%20Blue&size=L&size=M&sort=popular&stock=1&page=3"
        );
        assert_eq!(
            ListingFilter::from_query(&query),
            a,
            "a link reproduces the view"
        );
        assert_eq!(a.href("/c/knitwear"), format!("/c/knitwear?{query}"));
        assert_eq!(a.href("/search?q=wool"), format!("/search?q=wool&{query}"));
        assert_eq!(ListingFilter::default().href("/c/knitwear"), "/c/knitwear");
    }

    #[test]
    fn changes_go_back_to_the_first_page_but_pagination_keeps_filters() {
        let f = ListingFilter::from_query("size=M&sort=price-asc&page=4");
        assert_eq!(f.with_page(5).to_query(), "size=M&sort=price-asc&page=5");
        assert_eq!(
            f.toggled(Facet::Size, "L").to_query(),
            "size=L&size=M&sort=price-asc"
        );
        assert_eq!(f.toggled(Facet::Size, "M").to_query(), "sort=price-asc");
        assert_eq!(
            f.toggled(Facet::Stock, "").to_query(),
            "size=M&sort=price-asc&stock=1"
        );
        assert_eq!(f.cleared().to_query(), "sort=price-asc");
        assert!(f.is_filtered() && !f.cleared().is_filtered());
    }

    #[test]
    fn chips_remove_one_filter_each() {
        let f = ListingFilter::from_query("size=M&colour=Navy&min=50&max=150&stock=1");
        let chips: Vec<(String, String)> = f
            .chips()
            .into_iter()
            .map(|c| (c.label, c.without.to_query()))
            .collect();
        assert_eq!(
            chips,
            [
                ("Size M", "colour=Navy&max=150&min=50&stock=1"),
                ("Navy", "max=150&min=50&size=M&stock=1"),
                ("From €50", "colour=Navy&max=150&size=M&stock=1"),
                ("Up to €150", "colour=Navy&min=50&size=M&stock=1"),
                ("In stock", "colour=Navy&max=150&min=50&size=M"),
            ]
            .map(|(l, q)| (l.to_owned(), q.to_owned()))
        );
    }

    #[test]
    fn chips_and_orders_speak_the_page_language() {
        let f = ListingFilter::from_query("size=M&colour=Navy&min=50&max=150&stock=1");
        let labels: Vec<String> = f
            .chips_in(Locale::It)
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert_eq!(
            labels,
            [
                "Taglia M",
                "Navy",
                "Da 50\u{a0}€",
                "Fino a 150\u{a0}€",
                "Disponibili"
            ]
        );
        assert_eq!(f.chips_in(Locale::En), f.chips());
        assert_eq!(SortOrder::Recommended.label(Locale::En, true), "Best match");
        assert_eq!(SortOrder::Recommended.label(Locale::It, true), "Rilevanza");
        assert_eq!(
            SortOrder::PriceLowHigh.label(Locale::It, false),
            "Prezzo crescente"
        );
        for sort in SortOrder::ALL {
            for locale in Locale::ALL {
                assert!(!sort.label(locale, false).is_empty());
            }
        }
    }

    #[test]
    fn sizes_sort_as_a_shopper_expects() {
        let mut sizes = vec!["XL", "One size", "42", "S", "XXS", "M", "36", "100", "Tall"];
        sizes.sort_by(|a, b| size_order(a, b));
        assert_eq!(
            sizes,
            ["XXS", "S", "M", "XL", "36", "42", "100", "Tall", "One size"]
        );
    }

    #[test]
    fn unknown_facet_values_are_dropped() {
        let option = |v: &str| FacetOption {
            value: v.to_owned(),
            count: 1,
            hex: None,
        };
        let facets = Facets {
            sizes: vec![option("M"), option("L")],
            colours: vec![option("Navy")],
            ..Facets::default()
        };
        let f = ListingFilter::from_query("size=M&size=Q&colour=Plaid&stock=1");
        assert_eq!(facets.known(&f).to_query(), "size=M&stock=1");
    }

    #[test]
    fn an_empty_filter_matches_everything() {
        let (sql, values) = facet_where(&ListingFilter::default(), None, 1);
        assert_eq!(sql, "TRUE");
        assert!(values.is_empty());
    }

    #[test]
    fn facet_conditions_bind_values_after_the_statements_own() {
        let f = ListingFilter::from_query(
            "size=M&size=L&colour=Navy&material=Wool&min=50&max=150&stock=1",
        );
        let (sql, values) = facet_where(&f, None, 3);
        assert_eq!(
            sql,
            "p.material_family = ANY($5) AND p.price_minor >= $6 AND p.price_minor <= $7 AND \
             EXISTS (SELECT 1 FROM scope_variants fv WHERE fv.product_id = p.id \
             AND fv.size = ANY($3) AND fv.colour = ANY($4) AND fv.in_stock)"
        );
        assert_eq!(
            values,
            [
                texts(&["L", "M"]),
                texts(&["Navy"]),
                texts(&["Wool"]),
                SqlValue::Int(5000),
                SqlValue::Int(15000),
            ]
        );
    }

    #[test]
    fn each_facet_leaves_out_its_own_dimension() {
        let f = ListingFilter::from_query("size=M&colour=Navy&material=Wool&max=150&stock=1");
        let (size, _) = facet_where(&f, Some(Facet::Size), 1);
        assert!(!size.contains("size") && size.contains("colour") && size.contains("material"));
        let (colour, _) = facet_where(&f, Some(Facet::Colour), 1);
        assert!(colour.contains("fv.size") && !colour.contains("colour"));
        let (material, _) = facet_where(&f, Some(Facet::Material), 1);
        assert!(!material.contains("material") && material.contains("price_minor <= $4"));
        let (price, _) = facet_where(&f, Some(Facet::Price), 1);
        assert!(!price.contains("price") && price.contains("fv.in_stock"));
        let (stock, _) = facet_where(&f, Some(Facet::Stock), 1);
        assert!(!stock.contains("in_stock") && stock.contains("fv.size"));

        // Only a price filter: no variant subquery at all.
        let (sql, values) = facet_where(&ListingFilter::from_query("min=10"), None, 1);
        assert_eq!(sql, "p.price_minor >= $1");
        assert_eq!(values, [SqlValue::Int(1000)]);
        // The price facet of a price-only filter is unfiltered.
        let (sql, _) = facet_where(&ListingFilter::from_query("min=10"), Some(Facet::Price), 1);
        assert_eq!(sql, "TRUE");
    }

    #[test]
    fn one_binding_serves_every_facet_of_a_statement() {
        let f = ListingFilter::from_query("size=M&colour=Navy");
        let mut args = SqlArgs {
            skip: 2,
            values: Vec::new(),
        };
        let sql = FilterSql::bind(&f, &mut args);
        assert_eq!(args.values.len(), 2);
        assert_eq!(
            sql.variant_where("v", Some(Facet::Size)),
            "v.colour = ANY($4)"
        );
        assert_eq!(
            sql.variant_where("v", Some(Facet::Colour)),
            "v.size = ANY($3)"
        );
        assert_eq!(sql.product_where(None), "TRUE");
        assert_eq!(
            sql.in_stock().variant_where("v", Some(Facet::Size)),
            "v.colour = ANY($4) AND v.in_stock"
        );
        assert_eq!(args.push(SqlValue::Int(24)), "$5");
    }

    #[test]
    fn sort_orders_read_and_order() {
        assert_eq!(SortOrder::parse("price-asc"), Some(SortOrder::PriceLowHigh));
        assert_eq!(SortOrder::parse("relevance"), Some(SortOrder::Recommended));
        assert_eq!(SortOrder::parse("cheap"), None);
        assert_eq!(
            SortOrder::Recommended.order_by("p.rank DESC"),
            "p.rank DESC, p.slug"
        );
        assert_eq!(
            SortOrder::PriceHighLow.order_by("x"),
            "p.price_minor DESC, p.slug"
        );
        assert!(
            SortOrder::Popular
                .order_by("x")
                .starts_with("coalesce(pop.units, 0) DESC")
        );
        for sort in SortOrder::ALL {
            assert_eq!(SortOrder::parse(sort.param()), Some(sort));
        }
    }
}
