//! Portal server functions. Each goes through [`acting_company`]: a buyer
//! always acts for their own company (asking for another one is a 404), and
//! wholesale staff name the company they help (acting on its behalf), so the
//! staff desk reuses these functions and pages.

// A server function takes a form's fields as its arguments, however many.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::orders::model::OrderSummary;
use crate::wholesale::model::{
    CompanyProfile, InvitationPreview, LineSheet, LineSheetFilter, PortalCampaign, PreOrderRow,
    PreOrderView, StyleGrid,
};
use leptos::prelude::*;
use std::collections::HashMap;
use uuid::Uuid;

#[cfg(feature = "ssr")]
use {
    crate::auth::model::{AdminArea, Audience, CurrentUser, Role},
    crate::auth::rules::{Decision, Requirement, decide},
    crate::error::FieldError,
    crate::server::{pool, redirect_then},
    crate::wholesale::db::portal as db,
    crate::wholesale::db::pre_orders::{self, Actor, StyleSave},
    crate::wholesale::model::{LINE_SHEET_PAGE, LineSheetStyle},
};

/// Who is calling, for which company, and whether on its behalf (staff).
#[cfg(feature = "ssr")]
pub async fn acting_company(
    requested: Option<Uuid>,
) -> Result<(CurrentUser, Uuid, bool), AppError> {
    let user = crate::auth::session::current()
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if user.role.audience() == Audience::Retailer {
        let own = user
            .company
            .as_ref()
            .map(|c| c.id)
            .ok_or(AppError::Forbidden)?;
        // Never confirm that another company exists.
        if requested.is_some_and(|id| id != own) {
            return Err(AppError::NotFound("Company".into()));
        }
        return Ok((user, own, false));
    }
    if decide(Some(&user), Requirement::Staff(AdminArea::Wholesale)) != Decision::Allow {
        return Err(AppError::Forbidden);
    }
    let company = requested.ok_or_else(|| AppError::BadRequest("choose a company".into()))?;
    if db::company(&pool()?, company).await?.is_none() {
        return Err(AppError::NotFound("Company".into()));
    }
    Ok((user, company, true))
}

#[cfg(feature = "ssr")]
fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

#[cfg(feature = "ssr")]
fn actor(user: &CurrentUser, on_behalf: bool) -> Actor {
    Actor {
        user_id: user.id,
        on_behalf,
    }
}

#[cfg(feature = "ssr")]
async fn campaign(
    pool: &sqlx::PgPool,
    company_id: Uuid,
    code: &str,
) -> Result<db::CampaignRow, AppError> {
    db::campaign_by_code(pool, company_id, code.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Campaign".into()))
}

#[cfg(feature = "ssr")]
async fn pre_order_id(
    pool: &sqlx::PgPool,
    company_id: Uuid,
    number: &str,
) -> Result<Uuid, AppError> {
    pre_orders::id_by_number(pool, company_id, number.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Pre-order".into()))
}

/// A state change the buyer (or staff for them) asks of a pre-order.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy)]
enum PreOrderChange {
    Submit,
    Withdraw,
}

/// Submit and withdraw: find the acting company's pre-order by number,
/// change it, then go back to where the form was posted from.
#[cfg(feature = "ssr")]
async fn change_pre_order(
    number: &str,
    company: Option<Uuid>,
    then: &str,
    change: PreOrderChange,
) -> Result<(), AppError> {
    let (user, company_id, on_behalf) = acting_company(company).await?;
    let pool = pool()?;
    let id = pre_order_id(&pool, company_id, number).await?;
    let actor = actor(&user, on_behalf);
    match change {
        PreOrderChange::Submit => pre_orders::submit(&pool, company_id, id, actor, today()).await?,
        PreOrderChange::Withdraw => {
            pre_orders::withdraw(&pool, company_id, id, actor, today()).await?
        }
    }
    redirect_then(then);
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn my_company(
    #[server(default)] company: Option<Uuid>,
) -> Result<CompanyProfile, AppError> {
    let (user, company_id, on_behalf) = acting_company(company).await?;
    let pool = pool()?;
    let company = db::company(&pool, company_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Company".into()))?;
    let members = crate::auth::db::company_users(&pool, company_id).await?;
    let may_invite = on_behalf || user.role == Role::CompanyAdmin;
    Ok(CompanyProfile {
        company,
        members,
        stores: db::stores(&pool, company_id).await?,
        payment_terms: db::payment_terms(&pool, company_id).await?,
        invitations: if may_invite {
            db::open_invitations(&pool, company_id).await?
        } else {
            Vec::new()
        },
    })
}

#[server(output = crate::codec::Json)]
pub async fn my_company_orders(
    #[server(default)] company: Option<Uuid>,
) -> Result<Vec<OrderSummary>, AppError> {
    let (_, company_id, _) = acting_company(company).await?;
    Ok(crate::orders::db::orders_of_company(&pool()?, company_id).await?)
}

#[server(output = crate::codec::Json)]
pub async fn portal_campaigns(
    #[server(default)] company: Option<Uuid>,
) -> Result<Vec<PortalCampaign>, AppError> {
    let (_, company_id, _) = acting_company(company).await?;
    Ok(db::campaigns(&pool()?, company_id).await?)
}

#[server(output = crate::codec::Json)]
pub async fn get_line_sheet(
    code: String,
    #[server(default)] filter: LineSheetFilter,
    #[server(default)] page: u32,
    #[server(default)] company: Option<Uuid>,
) -> Result<LineSheet, AppError> {
    let (_, company_id, _) = acting_company(company).await?;
    let pool = pool()?;
    let row = campaign(&pool, company_id, &code).await?;
    let offer = crate::wholesale::cache::offer(&pool, row.id, row.price_list_id).await?;
    let ordered: std::collections::HashMap<Uuid, i64> = row
        .ordered_products
        .iter()
        .copied()
        .zip(row.ordered_units.iter().copied())
        .collect();
    let kept: Vec<&LineSheetStyle> = offer.styles.iter().filter(|s| filter.keeps(s)).collect();
    let page = page.max(1);
    let (limit, offset) = crate::listing::limit_offset(page, LINE_SHEET_PAGE);
    let styles = kept
        .iter()
        .skip(offset as usize)
        .take(limit as usize)
        .map(|s| LineSheetStyle {
            ordered_units: ordered.get(&s.product_id).copied().unwrap_or(0),
            ..(*s).clone()
        })
        .collect();
    let currency = row.currency.clone();
    Ok(LineSheet {
        campaign: row.into_portal(),
        currency,
        styles: crate::listing::Page {
            rows: styles,
            total: kept.len() as i64,
            page,
            per_page: LINE_SHEET_PAGE,
        },
        categories: offer.categories.clone(),
        colours: offer.colours.clone(),
    })
}

#[server(output = crate::codec::Json)]
pub async fn get_style_grid(
    code: String,
    style_code: String,
    #[server(default)] company: Option<Uuid>,
) -> Result<StyleGrid, AppError> {
    let (_, company_id, _) = acting_company(company).await?;
    let pool = pool()?;
    let row = campaign(&pool, company_id, &code).await?;
    let mut conn = pool.acquire().await?;
    db::style_grid(&mut conn, company_id, row, style_code.trim(), today())
        .await?
        .ok_or_else(|| AppError::NotFound("Style".into()))
}

/// Saves one style of the grid: `q[v<variant id>]` quantities (the `v`
/// keeps form decoding from reading a key that starts with a digit as an index), the ship-to
/// store and the delivery window. Without JavaScript a prepack button sends
/// `prepack=r<row>`, and that row is filled from `ratio[r<row>]` × `packs[r<row>]`
/// before saving. Returns the pre-order's new version.
#[server(output = crate::codec::Json)]
pub async fn save_style(
    code: String,
    style_code: String,
    #[server(default)] store_id: String,
    #[server(default)] window_id: String,
    #[server(default)] expected_version: Option<i32>,
    #[server(default)] q: HashMap<String, String>,
    #[server(default)] ratio: HashMap<String, String>,
    #[server(default)] packs: HashMap<String, String>,
    #[server(default)] prepack: Option<String>,
    #[server(default)] company: Option<Uuid>,
    #[server(default)] then: String,
) -> Result<i32, AppError> {
    let (user, company_id, on_behalf) = acting_company(company).await?;
    let pool = pool()?;
    let row = campaign(&pool, company_id, &code).await?;
    let campaign_id = row.id;
    let prepack = prepack.filter(|key| !key.is_empty());
    // The whole grid is read only to fill a row from a prepack (a plain
    // post without JavaScript); autosave needs just the style.
    let grid = match prepack {
        Some(_) => {
            let mut conn = pool.acquire().await?;
            Some(
                db::style_grid(&mut conn, company_id, row, style_code.trim(), today())
                    .await?
                    .ok_or_else(|| AppError::NotFound("Style".into()))?,
            )
        }
        None => None,
    };
    let product_id = match &grid {
        Some(grid) => grid.product_id,
        None => db::offered_product(&pool, campaign_id, style_code.trim())
            .await?
            .ok_or_else(|| AppError::NotFound("Style".into()))?,
    };

    let mut problems = Vec::new();
    let mut quantities: Vec<(Uuid, i32)> = Vec::new();
    for (key, text) in &q {
        let variant_id = Uuid::parse_str(key.trim().trim_start_matches('v'))
            .map_err(|_| AppError::BadRequest("a quantity names no size".into()))?;
        match crate::wholesale::rules::parse_quantity(text) {
            Ok(quantity) => quantities.push((variant_id, quantity)),
            Err(message) => problems.push(FieldError::new("quantities", "quantity", message)),
        }
    }
    if let (Some(key), Some(grid)) = (prepack.as_deref(), &grid) {
        let index: Option<usize> = key.strip_prefix('r').and_then(|i| i.parse().ok());
        let grid_row = index
            .and_then(|i| grid.rows.get(i))
            .ok_or_else(|| AppError::BadRequest("unknown prepack row".into()))?;
        let orderable: Vec<Uuid> = grid_row.cells.iter().filter_map(|c| c.variant_id).collect();
        let packs = packs
            .get(key)
            .map(|p| p.trim().parse::<i32>().unwrap_or(0))
            .unwrap_or(1);
        let ratio = ratio.get(key).map(String::as_str).unwrap_or("");
        match crate::wholesale::rules::expand_prepack(ratio, orderable.len(), packs) {
            Ok(filled) => {
                quantities.retain(|(id, _)| !orderable.contains(id));
                quantities.extend(orderable.into_iter().zip(filled));
            }
            Err(error) => problems.push(FieldError::new(
                "prepack",
                "prepack",
                format!("{}: {error}", grid_row.colour),
            )),
        }
    }
    let store_id = Uuid::parse_str(store_id.trim()).ok();
    let window_id = Uuid::parse_str(window_id.trim()).ok();
    let ordering = quantities.iter().any(|(_, q)| *q > 0);
    if ordering && store_id.is_none() {
        problems.push(FieldError::new(
            "store_id",
            "required",
            "Choose the store this style ships to.",
        ));
    }
    if ordering && window_id.is_none() {
        problems.push(FieldError::new(
            "window_id",
            "required",
            "Choose a delivery window for this style.",
        ));
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let save = StyleSave {
        product_id,
        store_id: store_id.unwrap_or_default(),
        window_id: window_id.unwrap_or_default(),
        quantities,
        expected_version,
    };
    let version = pre_orders::save_style(
        &pool,
        company_id,
        campaign_id,
        actor(&user, on_behalf),
        &save,
        today(),
    )
    .await?;
    redirect_then(&then);
    Ok(version)
}

#[server(output = crate::codec::Json)]
pub async fn get_pre_order(
    number: String,
    #[server(default)] company: Option<Uuid>,
) -> Result<PreOrderView, AppError> {
    let (_, company_id, _) = acting_company(company).await?;
    let pool = pool()?;
    let id = pre_order_id(&pool, company_id, &number).await?;
    pre_orders::view(&pool, company_id, id, today())
        .await?
        .ok_or_else(|| AppError::NotFound("Pre-order".into()))
}

#[server(output = crate::codec::Json)]
pub async fn pre_order_history(
    #[server(default)] company: Option<Uuid>,
) -> Result<Vec<PreOrderRow>, AppError> {
    let (_, company_id, _) = acting_company(company).await?;
    Ok(pre_orders::history(&pool()?, company_id).await?)
}

#[server(output = crate::codec::Json)]
pub async fn submit_pre_order(
    number: String,
    #[server(default)] company: Option<Uuid>,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    change_pre_order(&number, company, &then, PreOrderChange::Submit).await
}

#[server(output = crate::codec::Json)]
pub async fn withdraw_pre_order(
    number: String,
    #[server(default)] company: Option<Uuid>,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    change_pre_order(&number, company, &then, PreOrderChange::Withdraw).await
}

/// A company admin invites a colleague; they set their password at
/// `/b2b/join/<token>`. Buyers may not invite.
#[server(output = crate::codec::Json)]
pub async fn invite_colleague(
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] role: String,
    #[server(default)] company: Option<Uuid>,
    #[server(default)] then: String,
) -> Result<String, AppError> {
    use crate::error::FieldErrors;
    let (user, company_id, on_behalf) = acting_company(company).await?;
    if !on_behalf && user.role != Role::CompanyAdmin {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let name = errors.check(crate::auth::rules::parse_name(&name));
    let email = errors.check(crate::auth::rules::Email::parse(&email));
    let role = match role.as_str() {
        "buyer" | "company_admin" => Some(role),
        _ => {
            errors.push(FieldError::new(
                "role",
                "invalid",
                "Choose buyer or company admin.",
            ));
            None
        }
    };
    errors.finish()?;
    let (name, email, role) = match (name, email, role) {
        (Some(n), Some(e), Some(r)) => (n, e, r),
        _ => return Err(AppError::Internal),
    };
    let pool = pool()?;
    if crate::auth::db::find_by_email(&pool, &email)
        .await?
        .is_some()
    {
        return Err(AppError::field(
            "email",
            "taken",
            "Someone with this email already has an account.",
        ));
    }
    let token = {
        use rand::RngCore;
        let mut random = [0u8; 24];
        rand::rng().fill_bytes(&mut random);
        random
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    db::create_invitation(
        &pool,
        company_id,
        &token,
        email.as_str(),
        &name,
        &role,
        user.id,
    )
    .await?;
    redirect_then(&then);
    Ok(format!("/b2b/join/{token}"))
}

#[server(output = crate::codec::Json)]
pub async fn get_invitation(token: String) -> Result<InvitationPreview, AppError> {
    let invitation = db::invitation_by_token(&pool()?, token.trim(), false)
        .await?
        .ok_or_else(|| AppError::NotFound("Invitation".into()))?;
    Ok(InvitationPreview {
        company: invitation.company,
        name: invitation.name,
        email: invitation.email,
        role: invitation.role,
    })
}

/// The invitee sets a password: the account is created in the company and
/// signed in, then lands in the portal.
#[server(output = crate::codec::Json)]
pub async fn accept_invitation(
    token: String,
    #[server(default)] password: String,
    #[server(default)] password_confirm: String,
) -> Result<(), AppError> {
    use crate::auth::db::{CreateUserError, NewUser};
    use crate::error::FieldErrors;
    let pool = pool()?;
    let mut tx = pool.begin().await?;
    let invitation = db::invitation_by_token(&mut *tx, token.trim(), true)
        .await?
        .ok_or_else(|| AppError::NotFound("Invitation".into()))?;
    let mut errors = FieldErrors::new();
    errors.check(crate::auth::rules::check_new_password(
        "password",
        &password,
        &invitation.email,
    ));
    errors.check(crate::auth::rules::check_password_confirmation(
        &password,
        &password_confirm,
    ));
    errors.finish()?;
    let email = crate::auth::rules::Email::parse(&invitation.email)
        .map_err(|e| AppError::Invalid(vec![e]))?;
    let role = Role::parse(&invitation.role).unwrap_or(Role::Buyer);
    let hash = crate::auth::password::hash(password)
        .await
        .map_err(AppError::internal("hashing a password"))?;
    let created = crate::auth::db::create_user(
        &mut *tx,
        NewUser {
            email: &email,
            name: &invitation.name,
            password_hash: &hash,
            role,
            company_id: Some(invitation.company_id),
        },
    )
    .await;
    let user_id = match created {
        Ok(id) => id,
        Err(CreateUserError::EmailTaken) => {
            return Err(AppError::Conflict(
                "An account with this email already exists: sign in instead.".into(),
            ));
        }
        Err(CreateUserError::Database(error)) => return Err(error.into()),
    };
    db::mark_invitation_accepted(&mut *tx, token.trim()).await?;
    tx.commit().await?;
    let account = crate::auth::db::find_by_id(&pool, user_id)
        .await?
        .ok_or(AppError::Internal)?;
    let mut session = crate::auth::session::auth_session().await?;
    let target = match session.login(&account).await {
        Ok(()) => "/b2b",
        Err(error) => {
            tracing::warn!(%error, "could not sign in an accepted invitation");
            "/sign-in?next=%2Fb2b"
        }
    };
    leptos_axum::redirect(target);
    Ok(())
}
