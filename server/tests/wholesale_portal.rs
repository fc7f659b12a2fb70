//! The retailer portal through the real router and server functions: one
//! company never reaches another's campaigns, pre-orders, stores or prices;
//! a closed campaign and unmet minimums refuse changes and write nothing;
//! concurrent first saves make one pre-order; stale versions are refused.

mod common;

use app::auth::model::Role;
use app::wholesale::api::portal::{
    AcceptInvitation, GetInvitation, GetLineSheet, GetPreOrder, GetStyleGrid, InviteColleague,
    MyCompany, MyCompanyOrders, PortalCampaigns, PreOrderHistory, SaveStyle, SubmitPreOrder,
    WithdrawPreOrder,
};
use app::wholesale::db::pre_orders::{self, Actor, StyleSave};
use axum::Router;
use axum::http::StatusCode;
use common::{Response, call, create_account, sign_in};
use server::testing as fixtures;
use sqlx::PgPool;
use uuid::Uuid;

/// A retailer company with its buyer, price list, store.
struct Shop {
    company: Uuid,
    buyer: Uuid,
    store: Uuid,
    cookie: String,
}

struct World {
    a: Shop,
    b: Shop,
    /// Open, both invited.
    campaign: Uuid,
    window: Uuid,
    /// Open, only B invited (offers KN-2).
    other_window: Uuid,
    /// KN-1: Ecru sizes 1 and 2.
    variants: Vec<Uuid>,
    /// KN-2, offered only in B's campaign.
    other_variants: Vec<Uuid>,
}

async fn shop(pool: &PgPool, app: &Router, email: &str, code: &str, wholesale: i64) -> Shop {
    let buyer = create_account(pool, email, Role::CompanyAdmin).await;
    let company: Uuid = sqlx::query_scalar("SELECT company_id FROM users WHERE id = $1")
        .bind(buyer)
        .fetch_one(pool)
        .await
        .unwrap();
    let list: Uuid = sqlx::query_scalar(
        "INSERT INTO price_lists (code, name, currency) VALUES ($1, $1, 'EUR') RETURNING id",
    )
    .bind(code)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO price_list_prices (price_list_id, product_id, wholesale_minor, retail_minor)
         SELECT $1, id, $2, $2 * 2 FROM products",
    )
    .bind(list)
    .bind(wholesale)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query("UPDATE companies SET price_list_id = $1 WHERE id = $2")
        .bind(list)
        .bind(company)
        .execute(pool)
        .await
        .unwrap();
    let store: Uuid = sqlx::query_scalar(
        "INSERT INTO company_stores (company_id, name, address)
         VALUES ($1, $2, '{\"name\":\"Shop\",\"line1\":\"Via Roma 1\",\"postal_code\":\"20121\",\"city\":\"Milano\",\"country\":\"IT\"}')
         RETURNING id",
    )
    .bind(company)
    .bind(format!("Store of {code}"))
    .fetch_one(pool)
    .await
    .unwrap();
    let cookie = sign_in(app, email).await;
    Shop {
        company,
        buyer,
        store,
        cookie,
    }
}

async fn open_campaign(
    pool: &PgPool,
    code: &str,
    companies: &[Uuid],
    product: &str,
) -> (Uuid, Uuid) {
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO campaigns (code, name, season, opens_on, closes_on, state, min_units_per_style)
         VALUES ($1, $1 || ' campaign', 'SS27', CURRENT_DATE - 1, CURRENT_DATE + 30, 'open', 4)
         RETURNING id",
    )
    .bind(code)
    .fetch_one(pool)
    .await
    .unwrap();
    let window: Uuid = sqlx::query_scalar(
        "INSERT INTO campaign_windows (campaign_id, name, ships_from, ships_until)
         VALUES ($1, 'January', CURRENT_DATE + 60, CURRENT_DATE + 90) RETURNING id",
    )
    .bind(id)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO campaign_styles (campaign_id, product_id, colour)
         SELECT $1, id, 'Ecru' FROM products WHERE style_code = $2",
    )
    .bind(id)
    .bind(product)
    .execute(pool)
    .await
    .unwrap();
    for company in companies {
        sqlx::query("INSERT INTO campaign_invitations (campaign_id, company_id) VALUES ($1, $2)")
            .bind(id)
            .bind(company)
            .execute(pool)
            .await
            .unwrap();
    }
    (id, window)
}

async fn world(pool: &PgPool, app: &Router) -> World {
    let variants = fixtures::product(
        pool,
        "KN-1",
        "Merino crew neck",
        6_100,
        &["KN-1-1".into(), "KN-1-2".into()],
    )
    .await
    .unwrap();
    let other_variants =
        fixtures::product(pool, "KN-2", "Cashmere cardigan", 9_900, &["KN-2-1".into()])
            .await
            .unwrap();
    // B's wholesale price (€43.21) must never show up for A (A pays €40.00).
    let a = shop(pool, app, "buyer@shop-a.example", "PL-A", 4_000).await;
    let b = shop(pool, app, "buyer@shop-b.example", "PL-B", 4_321).await;
    let (campaign, window) = open_campaign(pool, "SS27", &[a.company, b.company], "KN-1").await;
    let (_, other_window) = open_campaign(pool, "SS27-B", &[b.company], "KN-2").await;
    World {
        a,
        b,
        campaign,
        window,
        other_window,
        variants,
        other_variants,
    }
}

fn pairs(list: &[(String, String)]) -> Vec<(&str, &str)> {
    list.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// The grid's form: `quantities` per variant.
fn grid_form(
    code: &str,
    style: &str,
    store: Uuid,
    window: Uuid,
    quantities: &[(Uuid, i32)],
    expected_version: Option<i32>,
) -> Vec<(String, String)> {
    let mut form = vec![
        ("code".to_owned(), code.to_owned()),
        ("style_code".to_owned(), style.to_owned()),
        ("store_id".to_owned(), store.to_string()),
        ("window_id".to_owned(), window.to_string()),
    ];
    if let Some(v) = expected_version {
        form.push(("expected_version".to_owned(), v.to_string()));
    }
    for (id, q) in quantities {
        form.push((format!("q[v{id}]"), q.to_string()));
    }
    form
}

async fn save(app: &Router, cookie: &str, form: &[(String, String)]) -> Response {
    call::<SaveStyle>(app, &pairs(form), Some(cookie)).await
}

/// The shop's save of KN-1 in SS27, shipped to its own store in `window`.
async fn save_kn1(
    app: &Router,
    shop: &Shop,
    window: Uuid,
    quantities: &[(Uuid, i32)],
    expected_version: Option<i32>,
) -> Response {
    let form = grid_form(
        "SS27",
        "KN-1",
        shop.store,
        window,
        quantities,
        expected_version,
    );
    save(app, &shop.cookie, &form).await
}

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

fn refused(response: &Response, what: &str) {
    assert!(
        response.status.is_client_error(),
        "{what}: expected 4xx, got {} {}",
        response.status,
        response.body
    );
    no_leak(response, what);
}

/// Nothing of company B: its price, price list, store, people.
fn no_leak(response: &Response, what: &str) {
    for secret in ["43.21", "4321", "PL-B", "Store of PL-B", "shop-b"] {
        assert!(
            !response.body.contains(secret),
            "{what} leaked {secret}: {}",
            response.body
        );
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_buyer_never_reaches_another_company(pool: PgPool) {
    let app = common::app(&pool);
    let w = world(&pool, &app).await;
    // B has a pre-order in the shared campaign and one in its own.
    let b_saved = save_kn1(&app, &w.b, w.window, &[(w.variants[0], 5)], None).await;
    assert_eq!(b_saved.status, StatusCode::OK, "{}", b_saved.body);
    let b_number: String =
        sqlx::query_scalar("SELECT number FROM pre_orders WHERE company_id = $1")
            .bind(w.b.company)
            .fetch_one(&pool)
            .await
            .unwrap();
    let a = w.a.cookie.as_str();
    let b_company = w.b.company.to_string();

    // Her own works, and shows her price.
    let own = call::<GetLineSheet>(&app, &[("code", "SS27")], Some(a)).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    assert!(own.body.contains("4000"), "{}", own.body);
    no_leak(&own, "A's own line sheet");

    let company = [("company", b_company.as_str())];
    refused(
        &call::<PortalCampaigns>(&app, &company, Some(a)).await,
        "campaigns for B",
    );
    refused(
        &call::<MyCompany>(&app, &company, Some(a)).await,
        "company B",
    );
    refused(
        &call::<MyCompanyOrders>(&app, &company, Some(a)).await,
        "B's orders",
    );
    refused(
        &call::<PreOrderHistory>(&app, &company, Some(a)).await,
        "B's history",
    );
    refused(
        &call::<GetLineSheet>(&app, &[("code", "SS27-B")], Some(a)).await,
        "line sheet of a campaign A is not invited to",
    );
    refused(
        &call::<GetLineSheet>(&app, &[("code", "SS27"), ("company", &b_company)], Some(a)).await,
        "line sheet as B",
    );
    refused(
        &call::<GetStyleGrid>(&app, &[("code", "SS27-B"), ("style_code", "KN-2")], Some(a)).await,
        "grid of B's campaign",
    );
    refused(
        &call::<GetStyleGrid>(&app, &[("code", "SS27"), ("style_code", "KN-2")], Some(a)).await,
        "grid of a style not offered to A",
    );
    refused(
        &call::<GetStyleGrid>(
            &app,
            &[
                ("code", "SS27"),
                ("style_code", "KN-1"),
                ("company", &b_company),
            ],
            Some(a),
        )
        .await,
        "grid as B",
    );
    for number in [b_number.as_str()] {
        refused(
            &call::<GetPreOrder>(&app, &[("number", number)], Some(a)).await,
            "B's pre-order",
        );
        refused(
            &call::<SubmitPreOrder>(&app, &[("number", number)], Some(a)).await,
            "submitting B's pre-order",
        );
        refused(
            &call::<WithdrawPreOrder>(&app, &[("number", number)], Some(a)).await,
            "withdrawing B's pre-order",
        );
    }
    refused(
        &call::<InviteColleague>(
            &app,
            &[
                ("name", "Eve"),
                ("email", "eve@example.com"),
                ("role", "buyer"),
                ("company", &b_company),
            ],
            Some(a),
        )
        .await,
        "inviting into B",
    );
    // Downloads: the buyer's CSV is looked up by the session's company; the
    // staff download (naming any company) is not open to buyers.
    let own_csv = common::get(
        &app,
        &format!("/b2b/pre-orders.csv?number={b_number}"),
        Some(&w.b.cookie),
    )
    .await;
    assert_eq!(own_csv.status, StatusCode::OK, "{}", own_csv.body);
    assert!(
        own_csv.body.starts_with("sku,style_code"),
        "{}",
        own_csv.body
    );
    let csv = common::get(
        &app,
        &format!("/b2b/pre-orders.csv?number={b_number}"),
        Some(a),
    )
    .await;
    assert_eq!(csv.status, StatusCode::NOT_FOUND, "B's pre-order as a CSV");
    no_leak(&csv, "B's pre-order as a CSV");
    let staff_csv = common::get(
        &app,
        &format!("/admin/wholesale/pre-orders.csv?number={b_number}&company={b_company}"),
        Some(a),
    )
    .await;
    assert_eq!(
        staff_csv.status,
        StatusCode::FORBIDDEN,
        "the staff download"
    );
    let acting = common::get(
        &app,
        &format!("/admin/wholesale/act/campaigns/SS27?company={b_company}"),
        Some(a),
    )
    .await;
    assert_eq!(
        acting.status,
        StatusCode::FORBIDDEN,
        "staff pages acting for B"
    );

    // Saving: B's campaign, B's store, B's style/variant, or as B.
    let attempts = [
        grid_form(
            "SS27-B",
            "KN-2",
            w.a.store,
            w.other_window,
            &[(w.other_variants[0], 4)],
            None,
        ),
        grid_form(
            "SS27",
            "KN-1",
            w.b.store,
            w.window,
            &[(w.variants[0], 4)],
            None,
        ),
        grid_form(
            "SS27",
            "KN-1",
            w.a.store,
            w.other_window,
            &[(w.variants[0], 4)],
            None,
        ),
        grid_form(
            "SS27",
            "KN-1",
            w.a.store,
            w.window,
            &[(w.other_variants[0], 4)],
            None,
        ),
        grid_form(
            "SS27",
            "KN-2",
            w.a.store,
            w.window,
            &[(w.other_variants[0], 4)],
            None,
        ),
    ];
    for form in &attempts {
        refused(&save(&app, a, form).await, "a save with B's ids");
    }
    let mut as_b = grid_form(
        "SS27",
        "KN-1",
        w.a.store,
        w.window,
        &[(w.variants[0], 4)],
        None,
    );
    as_b.push(("company".into(), b_company.clone()));
    refused(&save(&app, a, &as_b).await, "saving as B");

    assert_eq!(
        count(
            &pool,
            &format!(
                "SELECT count(*) FROM pre_orders WHERE company_id = '{}'",
                w.a.company
            )
        )
        .await,
        0,
        "none of the refused saves wrote anything for A"
    );
    let b_lines: i64 = count(&pool, "SELECT sum(quantity)::bigint FROM pre_order_lines").await;
    assert_eq!(b_lines, 5, "B's pre-order is untouched");

    // A plain buyer (not a company admin) may not invite.
    create_account(&pool, "plain@shop-c.example", Role::Buyer).await;
    let plain = sign_in(&app, "plain@shop-c.example").await;
    let invite = call::<InviteColleague>(
        &app,
        &[
            ("name", "Eve"),
            ("email", "eve@example.com"),
            ("role", "buyer"),
        ],
        Some(&plain),
    )
    .await;
    assert_eq!(invite.status, StatusCode::FORBIDDEN, "{}", invite.body);
    let _ = w.a.buyer;
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_closed_campaign_refuses_saves_and_keeps_the_pre_order(pool: PgPool) {
    let app = common::app(&pool);
    let w = world(&pool, &app).await;
    let first = save_kn1(&app, &w.a, w.window, &[(w.variants[0], 6)], Some(0)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(
        first.body, "2",
        "the first save creates version 1 and bumps it"
    );
    sqlx::query("UPDATE campaigns SET state = 'closed' WHERE id = $1")
        .bind(w.campaign)
        .execute(&pool)
        .await
        .unwrap();
    let late = save_kn1(&app, &w.a, w.window, &[(w.variants[0], 60)], None).await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert!(
        late.body.contains("can no longer be changed"),
        "{}",
        late.body
    );
    assert_eq!(
        count(&pool, "SELECT sum(quantity)::bigint FROM pre_order_lines").await,
        6
    );
    assert_eq!(
        count(&pool, "SELECT max(version)::bigint FROM pre_orders").await,
        2
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_shortfall_refuses_submit_naming_the_style(pool: PgPool) {
    let app = common::app(&pool);
    let w = world(&pool, &app).await;
    let saved = save_kn1(
        &app,
        &w.a,
        w.window,
        &[(w.variants[0], 1), (w.variants[1], 1)],
        None,
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let number: String = sqlx::query_scalar("SELECT number FROM pre_orders")
        .fetch_one(&pool)
        .await
        .unwrap();
    let submit = call::<SubmitPreOrder>(&app, &[("number", &number)], Some(&w.a.cookie)).await;
    assert_eq!(
        submit.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        submit.body
    );
    assert!(
        submit
            .body
            .contains("Merino crew neck (KN-1): 2 units ordered, the minimum per style is 4"),
        "{}",
        submit.body
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM pre_orders WHERE state = 'draft'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM pre_order_events WHERE kind = 'submitted'"
        )
        .await,
        0
    );

    // Enough units: submitted; the page shows it.
    let more = save_kn1(
        &app,
        &w.a,
        w.window,
        &[(w.variants[0], 2), (w.variants[1], 2)],
        None,
    )
    .await;
    assert_eq!(more.status, StatusCode::OK, "{}", more.body);
    let submit = call::<SubmitPreOrder>(&app, &[("number", &number)], Some(&w.a.cookie)).await;
    assert_eq!(submit.status, StatusCode::OK, "{}", submit.body);
    let view = call::<GetPreOrder>(&app, &[("number", &number)], Some(&w.a.cookie)).await;
    assert_eq!(view.json()["state"], "Submitted", "{}", view.body);
    assert_eq!(view.json()["units"], 4);
    let page = common::get(
        &app,
        &format!("/b2b/pre-orders/{number}"),
        Some(&w.a.cookie),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Merino crew neck"), "{}", page.body);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn concurrent_first_saves_make_one_pre_order(pool: PgPool) {
    let app = common::app(&pool);
    let w = world(&pool, &app).await;
    let today = time::OffsetDateTime::now_utc().date();
    let actor = Actor {
        user_id: w.a.buyer,
        on_behalf: false,
    };
    let product = sqlx::query_scalar::<_, Uuid>("SELECT product_id FROM variants WHERE id = $1")
        .bind(w.variants[0])
        .fetch_one(&pool)
        .await
        .unwrap();
    let style = |q: i32| StyleSave {
        product_id: product,
        store_id: w.a.store,
        window_id: w.window,
        quantities: vec![(w.variants[0], q)],
        expected_version: None,
    };
    let (one, two) = (style(4), style(8));
    let (first, second) = tokio::join!(
        pre_orders::save_style(&pool, w.a.company, w.campaign, actor, &one, today),
        pre_orders::save_style(&pool, w.a.company, w.campaign, actor, &two, today),
    );
    assert!(first.is_ok() && second.is_ok(), "{first:?} {second:?}");
    assert_eq!(count(&pool, "SELECT count(*) FROM pre_orders").await, 1);
    assert_eq!(
        count(&pool, "SELECT count(*) FROM pre_order_lines").await,
        1
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_stale_version_is_refused(pool: PgPool) {
    let app = common::app(&pool);
    let w = world(&pool, &app).await;
    let (app, w) = (&app, &w);
    let save = |q: i32, v: i32| async move {
        save_kn1(app, &w.a, w.window, &[(w.variants[0], q)], Some(v)).await
    };
    let first = save(4, 0).await;
    assert_eq!(first.body, "2", "{}", first.body);
    // Another device saves with the current version.
    assert_eq!(save(5, 2).await.body, "3");
    // The first device still holds version 2.
    let stale = save(9, 2).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert!(
        stale
            .body
            .contains("changed elsewhere; reload to see the latest"),
        "{}",
        stale.body
    );
    // A second "first" save from a device that saw no pre-order is stale too.
    let also_stale = save(9, 0).await;
    assert_eq!(also_stale.status, StatusCode::CONFLICT);
    assert_eq!(
        count(&pool, "SELECT sum(quantity)::bigint FROM pre_order_lines").await,
        5
    );

    // The grid and the line sheet render without JavaScript.
    let grid = common::get(app, "/b2b/campaigns/SS27/styles/KN-1", Some(&w.a.cookie)).await;
    assert_eq!(grid.status, StatusCode::OK);
    assert!(grid.body.contains("aria-label=\"Ecru 1\""), "{}", grid.body);
    let sheet = common::get(app, "/b2b/campaigns/SS27?novelty=new", Some(&w.a.cookie)).await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert!(sheet.body.contains("Merino crew neck"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_invited_colleague_joins_the_company_once(pool: PgPool) {
    let app = common::app(&pool);
    let admin = shop(&pool, &app, "buyer@shop-a.example", "PL-A", 4_000).await;
    let invite = call::<InviteColleague>(
        &app,
        &[
            ("name", "Marta Neri"),
            ("email", "marta@shop-a.example"),
            ("role", "buyer"),
        ],
        Some(&admin.cookie),
    )
    .await;
    assert_eq!(invite.status, StatusCode::OK, "{}", invite.body);
    let link = invite.json().as_str().expect("the join link").to_owned();
    let token = link.rsplit('/').next().unwrap().to_owned();

    // The invitee has no account yet: the join page and its preview are public.
    let page = common::get(&app, &link, None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let preview = call::<GetInvitation>(&app, &[("token", &token)], None).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("marta@shop-a.example"));
    let unknown = call::<GetInvitation>(&app, &[("token", "not-a-token")], None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    let accept = |confirm: &'static str| {
        let app = app.clone();
        let token = token.clone();
        async move {
            call::<AcceptInvitation>(
                &app,
                &[
                    ("token", &token),
                    ("password", common::PASSWORD),
                    ("password_confirm", confirm),
                ],
                None,
            )
            .await
        }
    };
    let mismatch = accept("something else entirely").await;
    assert_eq!(
        mismatch.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        mismatch.body
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM users WHERE email = 'marta@shop-a.example'"
        )
        .await,
        0
    );

    let joined = accept(common::PASSWORD).await;
    assert!(
        joined.status.is_success() || joined.status.is_redirection(),
        "{} {}",
        joined.status,
        joined.body
    );
    let company: Option<Uuid> = sqlx::query_scalar(
        "SELECT company_id FROM users WHERE email = 'marta@shop-a.example' AND role = 'buyer'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        company,
        Some(admin.company),
        "the colleague belongs to the inviting company"
    );

    // A link works once.
    let again = accept(common::PASSWORD).await;
    assert!(
        again.status.is_client_error(),
        "{} {}",
        again.status,
        again.body
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM users WHERE email = 'marta@shop-a.example'"
        )
        .await,
        1
    );
    sign_in(&app, "marta@shop-a.example").await;
}
