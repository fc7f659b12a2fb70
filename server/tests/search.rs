//! Storefront lists: full-text search with typo tolerance, facet counts
//! against the current filter, web stock, sorting and pages.

mod common;

use app::catalog::api::GetCategoryListing;
use app::catalog::cache::CatalogCache;
use app::catalog::db::{self, Scope};
use app::catalog::filters::{FacetOption, SortOrder};
use app::catalog::model::{Listing, ListingFilter};
use app::i18n::Locale;
use axum::http::StatusCode;
use server::testing::{location, stock_up};
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

async fn category(pool: &PgPool, slug: &str, name: &str) -> Uuid {
    sqlx::query_scalar("INSERT INTO categories (slug, name) VALUES ($1, $2) RETURNING id")
        .bind(slug)
        .bind(name)
        .fetch_one(pool)
        .await
        .unwrap()
}

struct Style<'a> {
    slug: &'a str,
    name: &'a str,
    description: &'a str,
    material: &'a str,
    price_minor: i64,
    days_old: i32,
    /// (colour, size) of each SKU.
    skus: &'a [(&'a str, &'a str)],
}

impl Default for Style<'_> {
    fn default() -> Self {
        Style {
            slug: "",
            name: "",
            description: "",
            material: "",
            price_minor: 10_000,
            days_old: 1,
            skus: &[("Navy", "M")],
        }
    }
}

fn hex(colour: &str) -> &'static str {
    match colour {
        "Navy" => "#1f2a44",
        "Black" => "#111111",
        _ => "#efe6d2",
    }
}

/// Inserts a style in `category`; returns its SKUs' ids in the order given.
async fn style(pool: &PgPool, category: Uuid, s: Style<'_>) -> Vec<Uuid> {
    let product: Uuid = sqlx::query_scalar(
        "INSERT INTO products (style_code, slug, name, description, category_id, material,
                               price_minor, season, created_at)
         VALUES (upper($1), $1, $2, $3, $4, $5, $6, 'FW26', now() - make_interval(days => $7))
         RETURNING id",
    )
    .bind(s.slug)
    .bind(s.name)
    .bind(s.description)
    .bind(category)
    .bind(s.material)
    .bind(s.price_minor)
    .bind(s.days_old)
    .fetch_one(pool)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for (position, (colour, size)) in s.skus.iter().enumerate() {
        let id = sqlx::query_scalar(
            "INSERT INTO variants (product_id, sku, colour, colour_hex, size, position)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(product)
        .bind(format!("{}-{colour}-{size}", s.slug))
        .bind(colour)
        .bind(hex(colour))
        .bind(size)
        .bind(position as i32)
        .fetch_one(pool)
        .await
        .unwrap();
        ids.push(id);
    }
    ids
}

async fn category_list(pool: &PgPool, slug: &str, query: &str) -> Listing {
    db::listing(
        pool,
        Scope::Category(slug),
        &ListingFilter::from_query(query),
    )
    .await
    .unwrap()
}

async fn search(pool: &PgPool, words: &str, query: &str) -> Listing {
    db::listing(
        pool,
        Scope::Search(words),
        &ListingFilter::from_query(query),
    )
    .await
    .unwrap()
}

fn slugs(listing: &Listing) -> Vec<&str> {
    listing
        .page
        .products
        .iter()
        .map(|p| p.slug.as_str())
        .collect()
}

fn counts(options: &[FacetOption]) -> Vec<(&str, i64)> {
    options
        .iter()
        .map(|o| (o.value.as_str(), o.count))
        .collect()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_name_match_ranks_above_a_category_match_above_a_description_match(pool: PgPool) {
    let outerwear = category(&pool, "outerwear", "Outerwear").await;
    let wool = category(&pool, "wool-basics", "Wool Basics").await;
    let shirts = category(&pool, "shirts", "Shirts").await;
    style(
        &pool,
        shirts,
        Style {
            slug: "linen-shirt",
            name: "Linen Shirt",
            description: "Wear it under a heavy knit.",
            material: "100% wool",
            ..Style::default()
        },
    )
    .await;
    style(
        &pool,
        wool,
        Style {
            slug: "plain-scarf",
            name: "Plain Scarf",
            description: "A long scarf.",
            material: "100% alpaca",
            ..Style::default()
        },
    )
    .await;
    style(
        &pool,
        outerwear,
        Style {
            slug: "wool-overcoat",
            name: "Wool Overcoat",
            description: "A long coat.",
            material: "100% virgin wool",
            ..Style::default()
        },
    )
    .await;
    style(
        &pool,
        shirts,
        Style {
            slug: "poplin-shirt",
            name: "Poplin Shirt",
            description: "Crisp cotton.",
            material: "100% cotton",
            ..Style::default()
        },
    )
    .await;

    let found = search(&pool, "wool", "").await;
    assert_eq!(
        slugs(&found),
        ["wool-overcoat", "plain-scarf", "linen-shirt"]
    );
    assert_eq!(found.page.total, 3);
    assert_eq!(found.unfiltered_total, 3);
    // Stemmed: the plural finds the same.
    assert_eq!(search(&pool, "wools", "").await.page.total, 3);
    // Facets of search results: materials as families.
    assert_eq!(
        counts(&found.facets.materials),
        [("Alpaca", 1), ("Wool", 2)]
    );

    // A renamed category: its products are found by the new name.
    sqlx::query("UPDATE categories SET name = 'Scarves' WHERE id = $1")
        .bind(wool)
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(slugs(&search(&pool, "scarves", "").await), ["plain-scarf"]);
    assert_eq!(
        slugs(&search(&pool, "wool", "").await),
        ["wool-overcoat", "linen-shirt"]
    );
    // Colours are in the document too.
    assert_eq!(search(&pool, "navy coat", "").await.page.total, 1);
}

/// The category "knitwear" with one style, "cashmere-crew-neck".
async fn knitwear_with_a_cashmere_sweater(pool: &PgPool) -> Uuid {
    let knitwear = category(pool, "knitwear", "Knitwear").await;
    style(
        pool,
        knitwear,
        Style {
            slug: "cashmere-crew-neck",
            name: "Cashmere Crew-Neck Sweater",
            material: "100% cashmere",
            ..Style::default()
        },
    )
    .await;
    knitwear
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn typos_still_find_products_and_nothing_found_suggests_a_name(pool: PgPool) {
    let knitwear = knitwear_with_a_cashmere_sweater(&pool).await;
    style(
        &pool,
        knitwear,
        Style {
            slug: "merino-cardigan",
            name: "Merino Cardigan",
            material: "100% extra-fine merino wool",
            ..Style::default()
        },
    )
    .await;

    let found = search(&pool, "cashmire", "").await;
    assert_eq!(slugs(&found), ["cashmere-crew-neck"]);

    let nothing = db::search_results(&pool, "knitwaer", &ListingFilter::default())
        .await
        .unwrap();
    assert_eq!(nothing.listing.unfiltered_total, 0);
    let suggestion = nothing.did_you_mean.expect("a suggestion");
    assert_eq!(
        (suggestion.text.as_str(), suggestion.href.as_str()),
        ("Knitwear", "/c/knitwear")
    );
    let gibberish = db::search_results(&pool, "zqxj", &ListingFilter::default())
        .await
        .unwrap();
    assert_eq!(gibberish.did_you_mean, None);

    // Through the cache: popular products come with an empty search.
    let cache = CatalogCache::new(Duration::from_secs(60));
    let cached = cache
        .search(&pool, "zqxj", ListingFilter::default(), Locale::En)
        .await
        .unwrap();
    assert_eq!(cached.popular.len(), 2);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn suggestions_while_typing_name_product_and_category_in_the_visitors_language(pool: PgPool) {
    let knitwear = knitwear_with_a_cashmere_sweater(&pool).await;
    sqlx::query("INSERT INTO category_translations (category_id, locale, name) VALUES ($1, 'it', 'Maglieria')")
        .bind(knitwear)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO product_translations (product_id, locale, name)
         SELECT id, 'it', 'Maglione girocollo in cashmere' FROM products WHERE slug = 'cashmere-crew-neck'",
    )
    .execute(&pool)
    .await
    .unwrap();

    let names = |list: Vec<app::catalog::model::Suggestion>| {
        list.into_iter()
            .map(|s| (s.name, s.category))
            .collect::<Vec<_>>()
    };
    let english = db::suggestions(&pool, "cashm", 6, Locale::En)
        .await
        .unwrap();
    assert_eq!(
        names(english),
        [(
            "Cashmere Crew-Neck Sweater".to_owned(),
            "Knitwear".to_owned()
        )]
    );
    let italian = db::suggestions(&pool, "cashm", 6, Locale::It)
        .await
        .unwrap();
    assert_eq!(
        names(italian),
        [(
            "Maglione girocollo in cashmere".to_owned(),
            "Maglieria".to_owned()
        )]
    );
}

/// A: Navy S/M/L and Ecru S, merino. B: Black M and Navy L, cashmere.
/// C: Black L, cashmere.
async fn three_knits(pool: &PgPool) -> [Vec<Uuid>; 3] {
    let knitwear = category(pool, "knitwear", "Knitwear").await;
    let a = style(
        pool,
        knitwear,
        Style {
            slug: "a",
            name: "Merino Crew",
            material: "100% merino wool",
            price_minor: 12_000,
            days_old: 30,
            skus: &[("Navy", "S"), ("Navy", "M"), ("Navy", "L"), ("Ecru", "S")],
            ..Style::default()
        },
    )
    .await;
    let b = style(
        pool,
        knitwear,
        Style {
            slug: "b",
            name: "Cashmere Crew",
            material: "100% cashmere",
            price_minor: 29_000,
            days_old: 10,
            skus: &[("Black", "M"), ("Navy", "L")],
            ..Style::default()
        },
    )
    .await;
    let c = style(
        pool,
        knitwear,
        Style {
            slug: "c",
            name: "Cashmere Turtleneck",
            material: "70% cashmere, 30% silk",
            price_minor: 8_900,
            days_old: 20,
            skus: &[("Black", "L")],
            ..Style::default()
        },
    )
    .await;
    [a, b, c]
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn facet_counts_reflect_the_other_filters(pool: PgPool) {
    three_knits(&pool).await;

    let all = category_list(&pool, "knitwear", "").await;
    assert_eq!(all.page.total, 3);
    assert_eq!(counts(&all.facets.sizes), [("S", 1), ("M", 2), ("L", 3)]);
    assert_eq!(
        counts(&all.facets.colours),
        [("Black", 2), ("Ecru", 1), ("Navy", 2)]
    );
    assert_eq!(all.facets.colours[0].hex.as_deref(), Some("#111111"));
    assert_eq!(
        counts(&all.facets.materials),
        [("Cashmere", 2), ("Merino wool", 1)]
    );
    assert_eq!(
        (all.facets.price_min, all.facets.price_max),
        (Some(8_900), Some(29_000))
    );

    // Size M: its own counts still show the other sizes; colours and
    // materials count only the styles that come in M.
    let m = category_list(&pool, "knitwear", "size=M").await;
    assert_eq!(slugs(&m), ["b", "a"]);
    assert_eq!(counts(&m.facets.sizes), [("S", 1), ("M", 2), ("L", 3)]);
    assert_eq!(
        counts(&m.facets.colours),
        [("Black", 1), ("Ecru", 0), ("Navy", 1)]
    );
    assert_eq!(
        counts(&m.facets.materials),
        [("Cashmere", 1), ("Merino wool", 1)]
    );

    // Size and colour are one SKU: Ecru exists only in S.
    assert_eq!(
        slugs(&category_list(&pool, "knitwear", "size=M&colour=Black").await),
        ["b"]
    );
    let none = category_list(&pool, "knitwear", "size=L&colour=Ecru").await;
    assert_eq!(none.page.total, 0);
    assert_eq!(none.unfiltered_total, 3);

    // Several values of one facet: either.
    let cashmere = category_list(&pool, "knitwear", "material=Cashmere&size=S&size=M").await;
    assert_eq!(slugs(&cashmere), ["b"]);
    assert_eq!(
        counts(&cashmere.facets.sizes),
        [("S", 0), ("M", 1), ("L", 2)]
    );

    // Price: the price facet ignores the price filter.
    let cheap = category_list(&pool, "knitwear", "max=150").await;
    assert_eq!(slugs(&cheap), ["c", "a"]);
    assert_eq!(cheap.facets.price_max, Some(29_000));
    assert_eq!(
        counts(&cheap.facets.materials),
        [("Cashmere", 1), ("Merino wool", 1)]
    );

    // A value no product has is dropped rather than showing nothing.
    let stale = category_list(&pool, "knitwear", "size=XXL&colour=Navy").await;
    assert_eq!(stale.filter.to_query(), "colour=Navy");
    assert_eq!(stale.page.total, 2);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn in_stock_only_counts_what_the_web_channel_can_sell(pool: PgPool) {
    let [a, b, c] = three_knits(&pool).await;
    let web = location(&pool, "WEB", "warehouse", 1, &["IT"])
        .await
        .unwrap();
    let store = location(&pool, "STORE", "store", 2, &[]).await.unwrap();
    sqlx::query("UPDATE locations SET channels = '{store}' WHERE id = $1")
        .bind(store)
        .execute(&pool)
        .await
        .unwrap();
    // A: Navy M at the web warehouse. B: everything, but in the store only.
    // C: at the web warehouse, all of it reserved.
    stock_up(&pool, web, &a[1..2], 5).await.unwrap();
    stock_up(&pool, store, &b, 5).await.unwrap();
    stock_up(&pool, web, &c, 2).await.unwrap();
    sqlx::query("UPDATE stock_balances SET reserved = on_hand WHERE variant_id = $1")
        .bind(c[0])
        .execute(&pool)
        .await
        .unwrap();

    let all = category_list(&pool, "knitwear", "").await;
    assert_eq!(all.facets.in_stock, 1);
    let stocked = category_list(&pool, "knitwear", "stock=1").await;
    assert_eq!(slugs(&stocked), ["a"]);
    assert_eq!(
        counts(&stocked.facets.sizes),
        [("S", 0), ("M", 1), ("L", 0)]
    );
    // The in-stock SKU must be the chosen size.
    let m = category_list(&pool, "knitwear", "size=M").await;
    assert_eq!(m.facets.in_stock, 1);
    let l = category_list(&pool, "knitwear", "size=L&stock=1").await;
    assert_eq!(l.page.total, 0);
    assert_eq!(l.facets.in_stock, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn lists_sort_by_price_newness_and_popularity(pool: PgPool) {
    let [a, _, c] = three_knits(&pool).await;
    let sorted = |sort: SortOrder| {
        let pool = pool.clone();
        async move {
            let filter = ListingFilter {
                sort,
                ..ListingFilter::default()
            };
            let list = db::listing(&pool, Scope::Category("knitwear"), &filter)
                .await
                .unwrap();
            slugs(&list)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(sorted(SortOrder::PriceLowHigh).await, ["c", "a", "b"]);
    assert_eq!(sorted(SortOrder::PriceHighLow).await, ["b", "a", "c"]);
    assert_eq!(sorted(SortOrder::Newest).await, ["b", "c", "a"]);
    assert_eq!(sorted(SortOrder::Recommended).await, ["b", "c", "a"]);

    // Popular: units ordered in the last 90 days; older and cancelled
    // orders do not count.
    for (number, status, days, variant, quantity) in [
        ("W-1", "completed", 5, c[0], 3),
        ("W-2", "shipped", 40, a[0], 2),
        ("W-3", "cancelled", 2, a[1], 9),
        ("W-4", "completed", 200, a[2], 9),
    ] {
        let order: Uuid = sqlx::query_scalar(
            "INSERT INTO orders (number, channel, email, status, total_minor, ship_to, placed_at)
             VALUES ($1, 'web', 'a@example.com', $2, 0, '{}', now() - make_interval(days => $3))
             RETURNING id",
        )
        .bind(number)
        .bind(status)
        .bind(days)
        .fetch_one(&pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO order_lines (order_id, line_no, variant_id, sku, description, quantity, unit_price_minor)
             VALUES ($1, 1, $2, 'SKU', '', $3, 0)",
        )
        .bind(order)
        .bind(variant)
        .bind(quantity)
        .execute(&pool)
        .await
        .unwrap();
    }
    assert_eq!(sorted(SortOrder::Popular).await, ["c", "a", "b"]);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn pages_hold_24_and_count_every_match(pool: PgPool) {
    let tees = category(&pool, "tees", "T-Shirts").await;
    for i in 0..30 {
        let slug = format!("tee-{i:02}");
        let name = format!("Tee {i:02}");
        style(
            &pool,
            tees,
            Style {
                slug: &slug,
                name: &name,
                price_minor: 1_000 + i64::from(i) * 100,
                days_old: i,
                ..Style::default()
            },
        )
        .await;
    }
    let first = category_list(&pool, "tees", "sort=price-asc").await;
    assert_eq!(
        (first.page.total, first.page.page, first.page.products.len()),
        (30, 1, 24)
    );
    assert_eq!(first.page.page_count(), 2);
    assert_eq!(first.page.products[0].slug, "tee-00");
    let second = category_list(&pool, "tees", "sort=price-asc&page=2").await;
    assert_eq!((second.page.page, second.page.products.len()), (2, 6));
    assert_eq!(second.page.products[0].slug, "tee-24");
    // Past the end: the last page.
    let past = category_list(&pool, "tees", "sort=price-asc&page=9").await;
    assert_eq!((past.page.page, past.page.products.len()), (2, 6));
    assert_eq!(past.filter.to_query(), "sort=price-asc&page=2");
    // Filters change the total; the unfiltered total stays.
    let cheap = category_list(&pool, "tees", "max=20").await;
    assert_eq!((cheap.page.total, cheap.unfiltered_total), (11, 30));
    assert_eq!(cheap.page.page_count(), 1);
    // Search results page the same way.
    let found = search(&pool, "tee", "page=2").await;
    assert_eq!((found.page.total, found.page.products.len()), (30, 6));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_unknown_category_has_no_listing(pool: PgPool) {
    let cache = CatalogCache::new(Duration::from_secs(60));
    let none = cache
        .category(&pool, "nope", ListingFilter::default(), Locale::En)
        .await
        .unwrap();
    assert!(none.is_none());
    category(&pool, "empty", "Empty").await;
    let empty = cache
        .category(
            &pool,
            "empty",
            ListingFilter::from_query("size=M"),
            Locale::En,
        )
        .await
        .unwrap()
        .expect("a category");
    assert_eq!(empty.listing.unfiltered_total, 0);
    assert_eq!(empty.listing.filter, ListingFilter::default());
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn category_and_search_pages_render_facets_without_javascript(pool: PgPool) {
    three_knits(&pool).await;
    let app = common::app(&pool);

    // An unknown colour in the link is ignored; size M stays chosen.
    let page = common::get(&app, "/c/knitwear?size=M&colour=Plaid&sort=price-asc", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    for expected in [
        r#"role="status" class="result-count">2 styles<"#,
        r#"<form id="facet-form" method="get" action="/c/knitwear""#,
        r#"<details class="facets""#,
        r#"<legend>Size<"#,
        r#"id="facet-size-m" type="checkbox" name="size" value="M" checked"#,
        r#"id="facet-colour-ecru" type="checkbox" name="colour" value="Ecru" disabled"#,
        r#"aria-label="Remove filter: Size M""#,
        r#"href="/c/knitwear?sort=price-asc""#,
        r#"<option value="price-asc" selected"#,
        r#"aria-current="page">Knitwear<"#,
        r#"name="min""#,
    ] {
        assert!(body.contains(expected), "{expected} in {body}");
    }
    // (Only the language switch keeps the address as it was.)
    assert!(!body.contains(r#"value="Plaid""#));
    assert!(!body.contains("Colour Plaid"));

    let nothing = common::get(&app, "/c/knitwear?size=L&colour=Ecru", None).await;
    assert!(nothing.body.contains("No styles match these filters"));
    assert!(
        nothing
            .body
            .contains(r#"href="/c/knitwear" class="button">Clear all filters<"#)
    );

    assert_eq!(
        common::get(&app, "/c/nope", None).await.status,
        StatusCode::NOT_FOUND
    );

    let found = common::get(&app, "/search?q=cashmire", None).await;
    assert!(
        found.body.contains("2 results for “cashmire”"),
        "{}",
        found.body
    );
    assert!(
        found
            .body
            .contains(r#"<input type="hidden" name="q" value="cashmire""#)
    );
    let typo = common::get(&app, "/search?q=knitwaer", None).await;
    assert!(
        typo.body
            .contains(r#"Did you mean <a href="/c/knitwear">Knitwear<"#),
        "{}",
        typo.body
    );
    assert!(typo.body.contains("Popular right now"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_listing_server_function_takes_a_filter(pool: PgPool) {
    three_knits(&pool).await;
    let app = common::app(&pool);
    let answer = common::call::<GetCategoryListing>(
        &app,
        &[
            ("slug", "knitwear"),
            ("filter[sizes][0]", "M"),
            ("filter[sort]", "price-low-high"),
        ],
        None,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let json = answer.json();
    assert_eq!(json["listing"]["page"]["total"], 2);
    assert_eq!(json["listing"]["page"]["products"][0]["slug"], "a");
    let bad = common::call::<GetCategoryListing>(
        &app,
        &[("slug", "Not A Slug"), ("filter[page]", "1")],
        None,
    )
    .await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
}
