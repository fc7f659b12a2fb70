//! The wholesale desk's server functions over real HTTP: price list
//! imports are all or nothing, only the wholesale team gets in, campaign
//! states follow the rules (also under concurrent clicks), and company
//! problems are clear 4xx answers that change nothing.

mod common;

use app::auth::model::Role;
use app::wholesale::api::staff::*;
use axum::Router;
use axum::http::StatusCode;
use common::*;
use sqlx::PgPool;
use uuid::Uuid;

struct Desk {
    app: Router,
    staff: String,
}

/// Two styles: WS-1 in Navy and Ecru (S, M), WS-2 in Black (M); the price
/// lists EU-1 (EUR) and UK-1 (GBP).
async fn desk(pool: &PgPool) -> Desk {
    let category: Uuid = sqlx::query_scalar(
        "INSERT INTO categories (slug, name) VALUES ('knitwear', 'Knitwear') RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    for (code, colours) in [
        (
            "WS-1",
            vec![("Navy", "S"), ("Navy", "M"), ("Ecru", "S"), ("Ecru", "M")],
        ),
        ("WS-2", vec![("Black", "M")]),
    ] {
        let product: Uuid = sqlx::query_scalar(
            "INSERT INTO products (style_code, slug, name, category_id, price_minor, season)
             VALUES ($1, lower($1), 'Style ' || $1, $2, 9900, 'FW27') RETURNING id",
        )
        .bind(code)
        .bind(category)
        .fetch_one(pool)
        .await
        .unwrap();
        for (i, (colour, size)) in colours.into_iter().enumerate() {
            sqlx::query(
                "INSERT INTO variants (product_id, sku, colour, colour_hex, size, position)
                 VALUES ($1, $2, $3, '#123456', $4, $5)",
            )
            .bind(product)
            .bind(format!("{code}-{colour}-{size}"))
            .bind(colour)
            .bind(size)
            .bind(i as i32)
            .execute(pool)
            .await
            .unwrap();
        }
    }
    sqlx::query(
        "INSERT INTO price_lists (code, name, currency) VALUES ('EU-1', 'Europe', 'EUR'), ('UK-1', 'Britain', 'GBP')",
    )
    .execute(pool)
    .await
    .unwrap();
    let app = app(pool);
    let staff = signed_in(pool, &app, Role::Merchandiser).await;
    Desk { app, staff }
}

async fn prices(pool: &PgPool, list: &str) -> Vec<(String, String, String, i64, i64)> {
    app::wholesale::db::staff::price_list_rows(pool, list)
        .await
        .unwrap()
        .unwrap()
}

/// Imports `rows` into EU-1 under the file's header (every test file has
/// the same columns).
async fn import(d: &Desk, rows: &str, replace: bool) -> serde_json::Value {
    let csv = format!("style_code,colour,size,wholesale,retail\n{rows}");
    let replace = replace.to_string();
    let response = call::<ImportPrices>(
        &d.app,
        &[("code", "EU-1"), ("csv", &csv), ("replace", &replace)],
        Some(&d.staff),
    )
    .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_price_import_with_problems_changes_nothing(pool: PgPool) {
    let d = desk(&pool).await;
    let good = "WS-1,,,40,99\nWS-1,navy,m,42.50,99\nWS-2,Black,,30,70\n";
    let report = import(&d, good, false).await;
    assert_eq!(report["applied"], true, "{report}");
    let before = prices(&pool, "EU-1").await;
    assert_eq!(
        before,
        vec![
            ("WS-1".into(), "".into(), "".into(), 4000, 9900),
            ("WS-1".into(), "Navy".into(), "M".into(), 4250, 9900),
            ("WS-2".into(), "Black".into(), "".into(), 3000, 7000),
        ],
        "colours and sizes are stored as the catalogue spells them"
    );

    // An unknown style, a colour the style is not made in, a size not made
    // in that colour: every problem is reported with its row and column.
    let bad = "WS-9,,,40,99\nWS-1,Pink,,40,99\nWS-2,Black,XL,40,99\nWS-1,Ecru,,50,60\n";
    for replace in [false, true] {
        let report = import(&d, bad, replace).await;
        assert_eq!(report["applied"], false);
        let found: Vec<(u64, String)> = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["row"].as_u64().unwrap(),
                    p["column"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (2, "style_code".into()),
                (3, "colour".into()),
                (4, "size".into())
            ],
            "{report}"
        );
        assert_eq!(prices(&pool, "EU-1").await, before, "nothing changed");
    }

    // Retail below wholesale is a problem of the file itself.
    let report = import(&d, "WS-1,,,40,30\nWS-9,,,1,2\n", true).await;
    assert_eq!(report["applied"], false);
    assert_eq!(report["problems"][0]["column"], "retail", "{report}");
    assert_eq!(prices(&pool, "EU-1").await, before, "nothing changed");

    // A good file with replace leaves exactly its prices.
    let report = import(&d, "WS-2,,,31,70\n", true).await;
    assert_eq!(report["applied"], true);
    assert_eq!(
        prices(&pool, "EU-1").await,
        vec![("WS-2".into(), "".into(), "".into(), 3100, 7000)]
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_the_wholesale_team_reaches_the_desk(pool: PgPool) {
    let d = desk(&pool).await;
    let buyer = signed_in(&pool, &d.app, Role::Buyer).await;
    let warehouse = signed_in(&pool, &d.app, Role::Warehouse).await;
    let id = Uuid::new_v4().to_string();
    // Every argument any of them takes, so none fails before the check.
    let args: &[(&str, &str)] = &[
        ("code", "EU-1"),
        ("id", &id),
        ("company_id", &id),
        ("store_id", &id),
        ("window_id", &id),
        ("product_id", &id),
        ("colour", "Navy"),
        ("to", "open"),
        (
            "csv",
            "style_code,colour,size,wholesale,retail\nWS-1,,,1,2\n",
        ),
        ("replace", "true"),
        ("name", "X"),
        ("currency", "EUR"),
    ];
    macro_rules! refused {
        ($($f:ty),+) => {$(
            for cookie in [&buyer, &warehouse] {
                let response = call::<$f>(&d.app, args, Some(cookie)).await;
                assert_eq!(response.status, StatusCode::FORBIDDEN, "{}: {}", stringify!($f), response.body);
            }
        )+};
    }
    refused!(
        GetCompanies,
        GetCompany,
        GetCompanyChoices,
        SaveCompany,
        AddCompanyStore,
        RemoveCompanyStore,
        AddCompanyUser,
        GetPriceLists,
        CreatePriceList,
        GetPriceList,
        ImportPrices,
        GetCampaigns,
        GetCampaign,
        GetCategories,
        SaveCampaign,
        AddCampaignWindow,
        RemoveCampaignWindow,
        AddCampaignStyles,
        UpdateCampaignStyle,
        RemoveCampaignStyle,
        SetCampaignInvitations,
        MoveCampaign,
        GetCampaignDesk,
        GetDemand
    );
    assert!(prices(&pool, "EU-1").await.is_empty(), "nothing imported");
    let ok = call::<GetPriceLists>(&d.app, &[], Some(&d.staff)).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
}

fn company_form<'a>(
    name: &'a str,
    vat: &'a str,
    currency: &'a str,
    list: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("legal_name", name),
        ("vat_number", vat),
        ("country", "IT"),
        ("city", "Torino"),
        ("currency", currency),
        ("payment_terms", "net_30"),
        ("credit_limit", ""),
        ("price_list_id", list),
    ]
}

async fn list_id(pool: &PgPool, code: &str) -> String {
    sqlx::query_scalar::<_, Uuid>("SELECT id FROM price_lists WHERE code = $1")
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap()
        .to_string()
}

async fn companies(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM companies")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn companies_are_checked_before_they_are_saved(pool: PgPool) {
    let d = desk(&pool).await;
    let eu = list_id(&pool, "EU-1").await;
    let uk = list_id(&pool, "UK-1").await;
    let created = call::<SaveCompany>(
        &d.app,
        &company_form("Lina", "IT123", "EUR", &eu),
        Some(&d.staff),
    )
    .await;
    assert!(
        created.status.is_success() || created.status.is_redirection(),
        "{}",
        created.body
    );
    let count = companies(&pool).await;

    let duplicate = call::<SaveCompany>(
        &d.app,
        &company_form("Other", "it 123", "EUR", ""),
        Some(&d.staff),
    )
    .await;
    assert_eq!(
        duplicate.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        duplicate.body
    );
    assert!(
        duplicate
            .body
            .contains("Another company already has the VAT number IT123"),
        "{}",
        duplicate.body
    );

    let other_currency = call::<SaveCompany>(
        &d.app,
        &company_form("Mode", "IT999", "EUR", &uk),
        Some(&d.staff),
    )
    .await;
    assert_eq!(
        other_currency.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        other_currency.body
    );
    assert!(
        other_currency
            .body
            .contains("The price list UK-1 is in GBP"),
        "{}",
        other_currency.body
    );
    assert_eq!(companies(&pool).await, count, "nothing was written");

    // A store used by nothing can go; a second store with the same name cannot come.
    let company: Uuid = sqlx::query_scalar("SELECT id FROM companies WHERE vat_number = 'IT123'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let company = company.to_string();
    let store = [
        ("company_id", company.as_str()),
        ("name", "Via Roma"),
        ("line1", "Via Roma 1"),
        ("postal_code", "10100"),
        ("city", "Torino"),
        ("country", "IT"),
    ];
    assert_eq!(
        call::<AddCompanyStore>(&d.app, &store, Some(&d.staff))
            .await
            .status,
        StatusCode::OK
    );
    let again = call::<AddCompanyStore>(&d.app, &store, Some(&d.staff)).await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.body
    );
    let user = call::<AddCompanyUser>(
        &d.app,
        &[
            ("company_id", company.as_str()),
            ("name", "Lina Buyer"),
            ("email", "lina@example.com"),
            ("role", "buyer"),
            ("password", PASSWORD),
        ],
        Some(&d.staff),
    )
    .await;
    assert_eq!(user.status, StatusCode::OK, "{}", user.body);
    sign_in(&d.app, "lina@example.com").await;
}

async fn campaign_state(pool: &PgPool, code: &str) -> String {
    sqlx::query_scalar("SELECT state FROM campaigns WHERE code = $1")
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn move_to(d: &Desk, code: &str, to: &str) -> Response {
    call::<MoveCampaign>(&d.app, &[("code", code), ("to", to)], Some(&d.staff)).await
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn campaign_states_follow_the_rules(pool: PgPool) {
    let d = desk(&pool).await;
    let created = call::<SaveCampaign>(
        &d.app,
        &[
            ("code", "fw27"),
            ("name", "Autumn Winter 2027"),
            ("season", "FW27"),
            ("opens_on", "2027-01-10"),
            ("closes_on", "2027-02-28"),
            ("min_units_per_style", "6"),
            ("min_order", "1500"),
        ],
        Some(&d.staff),
    )
    .await;
    assert!(
        created.status.is_success() || created.status.is_redirection(),
        "{}",
        created.body
    );

    let skipping = move_to(&d, "FW27", "closed").await;
    assert_eq!(skipping.status, StatusCode::CONFLICT, "{}", skipping.body);
    let empty = move_to(&d, "FW27", "open").await;
    assert_eq!(empty.status, StatusCode::CONFLICT);
    assert!(
        empty.body.contains("add a delivery window"),
        "{}",
        empty.body
    );
    assert_eq!(campaign_state(&pool, "FW27").await, "draft");

    let window = call::<AddCampaignWindow>(
        &d.app,
        &[
            ("code", "FW27"),
            ("name", "Drop 1"),
            ("ships_from", "2027-07-01"),
            ("ships_until", "2027-07-31"),
        ],
        Some(&d.staff),
    )
    .await;
    assert_eq!(window.status, StatusCode::OK, "{}", window.body);
    let unknown = call::<AddCampaignStyles>(
        &d.app,
        &[("code", "FW27"), ("style_codes", "WS-1 WS-9")],
        Some(&d.staff),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("WS-9"), "{}", unknown.body);
    let styles = call::<AddCampaignStyles>(
        &d.app,
        &[("code", "FW27"), ("category", "knitwear")],
        Some(&d.staff),
    )
    .await;
    assert_eq!(styles.body, "3", "every colour of both styles");
    let company = create_account(&pool, "shop@example.com", Role::Buyer)
        .await
        .to_string();
    let company: String =
        sqlx::query_scalar::<_, Uuid>("SELECT company_id FROM users WHERE id = $1::uuid")
            .bind(&company)
            .fetch_one(&pool)
            .await
            .unwrap()
            .to_string();
    let invited = call::<SetCampaignInvitations>(
        &d.app,
        &[("code", "FW27"), ("companies[]", &company)],
        Some(&d.staff),
    )
    .await;
    assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);

    let opened = move_to(&d, "FW27", "open").await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    assert_eq!(campaign_state(&pool, "FW27").await, "open");

    // Two Close clicks at once: one closes, the other finds it closed.
    let (a, b) = tokio::join!(move_to(&d, "FW27", "closed"), move_to(&d, "FW27", "closed"));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::CONFLICT],
        "{} / {}",
        a.body,
        b.body
    );
    assert_eq!(campaign_state(&pool, "FW27").await, "closed");

    let reopened = move_to(&d, "FW27", "open").await;
    assert_eq!(reopened.status, StatusCode::OK);
    let removing = call::<RemoveCampaignStyle>(
        &d.app,
        &[
            ("code", "FW27"),
            ("product_id", &Uuid::nil().to_string()),
            ("colour", "Navy"),
        ],
        Some(&d.staff),
    )
    .await;
    assert_eq!(
        removing.status,
        StatusCode::CONFLICT,
        "styles go only from drafts"
    );

    let desk = call::<GetCampaignDesk>(&d.app, &[("code", "FW27")], Some(&d.staff)).await;
    assert_eq!(desk.status, StatusCode::OK, "{}", desk.body);
    assert_eq!(desk.json()["not_ordered"].as_array().unwrap().len(), 1);
    let demand = call::<GetDemand>(&d.app, &[("campaign", "FW27")], Some(&d.staff)).await;
    assert_eq!(demand.status, StatusCode::OK, "{}", demand.body);
}
