//! Server functions of the wholesale desk (`/admin/wholesale`), for the
//! brand's wholesale team only. Inputs arrive as typed in the forms and are
//! checked in `forms`; changes take a `then` path to redirect a plain
//! (no JavaScript) post back to the page that shows their result.

use crate::error::AppError;
use crate::wholesale::forms::{CampaignForm, CompanyForm};
use crate::wholesale::model::{
    CampaignDesk, CampaignDetail, CampaignMove, CampaignSummary, CategoryOption, CompanyChoices,
    CompanyDetail, CompanySummary, DemandView, ImportReport, PriceListDetail, PriceListSummary,
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::auth::{model::AdminArea, model::CurrentUser, rules::Requirement, session::require},
    crate::server::{pool, redirect_then},
    crate::wholesale::db::staff as db,
    crate::wholesale::forms,
    crate::wholesale::model::CampaignState,
    uuid::Uuid,
};

pub const AREA_PATH: &str = "/admin/wholesale";

pub fn company_path(id: uuid::Uuid) -> String {
    format!("/admin/wholesale/companies/{id}")
}

pub fn price_list_path(code: &str) -> String {
    format!("/admin/wholesale/price-lists/{}", urlencoding::encode(code))
}

pub fn campaign_path(code: &str) -> String {
    format!("/admin/wholesale/campaigns/{}", urlencoding::encode(code))
}

pub fn desk_path(code: &str) -> String {
    format!("{}/desk", campaign_path(code))
}

/// A company's pre-order, opened by staff acting for the company.
pub fn pre_order_path(number: &str, company: uuid::Uuid) -> String {
    crate::wholesale::pages::portal::portal_href(
        &format!("/b2b/pre-orders/{}", urlencoding::encode(number)),
        Some(company),
    )
}

#[cfg(feature = "ssr")]
async fn staff() -> Result<CurrentUser, AppError> {
    require(Requirement::Staff(AdminArea::Wholesale)).await
}

/// An id from a form or a URL; a malformed one names nothing that exists.
#[cfg(feature = "ssr")]
fn id_of(text: &str, what: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text.trim()).map_err(|_| AppError::NotFound(what.into()))
}

// Companies -----------------------------------------------------------------

#[server(output = crate::codec::Json)]
pub async fn get_companies(
    #[server(default)] search: String,
) -> Result<Vec<CompanySummary>, AppError> {
    staff().await?;
    Ok(db::companies(&pool()?, &search).await?)
}

#[server(output = crate::codec::Json)]
pub async fn get_company(id: String) -> Result<CompanyDetail, AppError> {
    staff().await?;
    let id = id_of(&id, "Company")?;
    db::company(&pool()?, id)
        .await?
        .ok_or_else(|| AppError::NotFound("Company".into()))
}

/// The price lists and staff a company form offers.
#[server(output = crate::codec::Json)]
pub async fn get_company_choices() -> Result<CompanyChoices, AppError> {
    staff().await?;
    let pool = pool()?;
    let (price_lists, sales_reps) =
        tokio::try_join!(db::price_lists(&pool), db::sales_reps(&pool))?;
    Ok(CompanyChoices {
        price_lists,
        sales_reps,
    })
}

/// Creates a company (`id` empty) or changes one; a new one opens its page.
#[server(output = crate::codec::Json)]
pub async fn save_company(#[server(flatten)] form: CompanyForm) -> Result<String, AppError> {
    staff().await?;
    let input = forms::parse_company(&form)?;
    let existing = match form.id.trim() {
        "" => None,
        id => Some(id_of(id, "Company")?),
    };
    let id = db::save_company(&pool()?, existing, &input).await?;
    if existing.is_none() {
        leptos_axum::redirect(&company_path(id));
    }
    Ok(id.to_string())
}

#[server(output = crate::codec::Json)]
pub async fn add_company_store(
    company_id: String,
    #[server(default)] name: String,
    #[server(default)] line1: String,
    #[server(default)] postal_code: String,
    #[server(default)] city: String,
    #[server(default)] country: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    staff().await?;
    let company_id = id_of(&company_id, "Company")?;
    let (name, address) = forms::parse_store(&name, &line1, &postal_code, &city, &country)?;
    db::add_store(&pool()?, company_id, &name, &address).await?;
    redirect_then(&then);
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn remove_company_store(
    company_id: String,
    store_id: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    staff().await?;
    let company_id = id_of(&company_id, "Company")?;
    let store_id = id_of(&store_id, "Store")?;
    db::remove_store(&pool()?, company_id, store_id).await?;
    redirect_then(&then);
    Ok(())
}

/// Adds a buyer or company admin with an initial password they change later.
#[server(output = crate::codec::Json)]
pub async fn add_company_user(
    company_id: String,
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] role: String,
    #[server(default)] password: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    use crate::auth::db::{CreateUserError, NewUser, create_user};
    use crate::auth::model::Role;
    use crate::auth::rules::{Email, check_new_password, parse_name};
    use crate::error::{FieldError, FieldErrors};
    staff().await?;
    let pool = pool()?;
    let company_id = id_of(&company_id, "Company")?;
    if db::company(&pool, company_id).await?.is_none() {
        return Err(AppError::NotFound("Company".into()));
    }
    let mut errors = FieldErrors::new();
    let name = errors.check(parse_name(&name));
    let email_ok = errors.check(Email::parse(&email));
    let role = errors.check(
        Role::parse(role.trim())
            .filter(|r| matches!(r, Role::Buyer | Role::CompanyAdmin))
            .ok_or_else(|| FieldError::new("role", "invalid", "Choose buyer or company admin.")),
    );
    errors.check(check_new_password("password", &password, &email));
    errors.finish()?;
    let (Some(name), Some(email), Some(role)) = (name, email_ok, role) else {
        return Err(AppError::Internal);
    };
    let hash = crate::auth::password::hash(password)
        .await
        .map_err(AppError::internal("hashing a password"))?;
    let created = create_user(
        &pool,
        NewUser {
            email: &email,
            name: &name,
            password_hash: &hash,
            role,
            company_id: Some(company_id),
        },
    )
    .await;
    match created {
        Ok(_) => {}
        Err(CreateUserError::EmailTaken) => {
            return Err(AppError::field(
                "email",
                "taken",
                "An account with this email already exists.",
            ));
        }
        Err(CreateUserError::Database(e)) => return Err(e.into()),
    }
    redirect_then(&then);
    Ok(())
}

// Price lists ---------------------------------------------------------------

#[server(output = crate::codec::Json)]
pub async fn get_price_lists() -> Result<Vec<PriceListSummary>, AppError> {
    staff().await?;
    Ok(db::price_lists(&pool()?).await?)
}

#[server(output = crate::codec::Json)]
pub async fn create_price_list(
    #[server(default)] code: String,
    #[server(default)] name: String,
    #[server(default)] currency: String,
) -> Result<String, AppError> {
    staff().await?;
    let (code, name, currency) = forms::parse_price_list(&code, &name, &currency)?;
    db::create_price_list(&pool()?, &code, &name, &currency).await?;
    leptos_axum::redirect(&price_list_path(&code));
    Ok(code)
}

#[server(output = crate::codec::Json)]
pub async fn get_price_list(code: String) -> Result<PriceListDetail, AppError> {
    staff().await?;
    db::price_list(&pool()?, code.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Price list".into()))
}

/// Checks a whole CSV file of prices and applies it only when every row is
/// right (`replace`: the list then holds exactly the file's prices). The
/// report says which: `applied`, or every problem with its row and column.
#[server(output = crate::codec::Json)]
pub async fn import_prices(
    code: String,
    #[server(default)] csv: String,
    #[server(default)] replace: bool,
) -> Result<ImportReport, AppError> {
    staff().await?;
    let pool = pool()?;
    let code = code.trim();
    let list_id = db::price_list_id(&pool, code)
        .await?
        .ok_or_else(|| AppError::NotFound("Price list".into()))?;
    let report = match crate::wholesale::import::parse_prices(&csv) {
        Err(problems) => ImportReport {
            applied: false,
            rows: 0,
            problems,
        },
        Ok(rows) => db::import_prices(&pool, list_id, &rows, replace).await?,
    };
    if report.applied {
        crate::wholesale::cache::changed();
    }
    Ok(report)
}

// Campaigns -----------------------------------------------------------------

#[server(output = crate::codec::Json)]
pub async fn get_campaigns() -> Result<Vec<CampaignSummary>, AppError> {
    staff().await?;
    Ok(db::campaigns(&pool()?).await?)
}

#[server(output = crate::codec::Json)]
pub async fn get_campaign(code: String) -> Result<CampaignDetail, AppError> {
    staff().await?;
    db::campaign(&pool()?, code.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Campaign".into()))
}

#[server(output = crate::codec::Json)]
pub async fn get_categories() -> Result<Vec<CategoryOption>, AppError> {
    staff().await?;
    Ok(db::categories(&pool()?).await?)
}

/// Creates a campaign (`original` empty; opens its page) or changes the
/// details of a draft or open one.
#[server(output = crate::codec::Json)]
pub async fn save_campaign(#[server(flatten)] form: CampaignForm) -> Result<String, AppError> {
    staff().await?;
    let pool = pool()?;
    let original = form.original.trim().to_owned();
    // The code of an existing campaign stays as it is.
    let form = if original.is_empty() {
        form
    } else {
        CampaignForm {
            code: original.clone(),
            ..form
        }
    };
    let input = forms::parse_campaign(&form)?;
    if original.is_empty() {
        db::create_campaign(&pool, &input).await?;
        leptos_axum::redirect(&campaign_path(&input.code));
    } else {
        db::update_campaign(&pool, &original, &input).await?;
    }
    Ok(input.code)
}

#[server(output = crate::codec::Json)]
pub async fn add_campaign_window(
    code: String,
    #[server(default)] name: String,
    #[server(default)] ships_from: String,
    #[server(default)] ships_until: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    staff().await?;
    let (name, from, until) = forms::parse_window(&name, &ships_from, &ships_until)?;
    db::add_window(&pool()?, code.trim(), &name, from, until).await?;
    redirect_then(&then);
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn remove_campaign_window(
    code: String,
    window_id: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    staff().await?;
    let window_id = id_of(&window_id, "Delivery window")?;
    db::remove_window(&pool()?, code.trim(), window_id).await?;
    redirect_then(&then);
    Ok(())
}

/// Adds every colour of the styles typed (codes) or of a category's styles.
#[server(output = crate::codec::Json)]
pub async fn add_campaign_styles(
    code: String,
    #[server(default)] style_codes: String,
    #[server(default)] category: String,
    #[server(default)] carry_over: Option<String>,
    #[server(default)] then: String,
) -> Result<u64, AppError> {
    staff().await?;
    let codes = forms::style_codes(&style_codes);
    let category = Some(category.trim()).filter(|c| !c.is_empty());
    if category.is_some() && !codes.is_empty() {
        return Err(AppError::field(
            "style_codes",
            "both",
            "Enter style codes or choose a category, not both.",
        ));
    }
    let added = db::add_styles(
        &pool()?,
        code.trim(),
        &codes,
        category,
        carry_over.is_some(),
    )
    .await?;
    crate::wholesale::cache::changed();
    redirect_then(&then);
    Ok(added)
}

#[server(output = crate::codec::Json)]
pub async fn update_campaign_style(
    code: String,
    product_id: String,
    colour: String,
    #[server(default)] target_units: String,
    #[server(default)] carry_over: Option<String>,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    staff().await?;
    let product_id = id_of(&product_id, "Style")?;
    let target = forms::parse_target(&target_units)?;
    db::update_style(
        &pool()?,
        code.trim(),
        product_id,
        &colour,
        target,
        carry_over.is_some(),
    )
    .await?;
    crate::wholesale::cache::changed();
    redirect_then(&then);
    Ok(())
}

#[server(output = crate::codec::Json)]
pub async fn remove_campaign_style(
    code: String,
    product_id: String,
    colour: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    staff().await?;
    let product_id = id_of(&product_id, "Style")?;
    db::remove_style(&pool()?, code.trim(), product_id, &colour).await?;
    crate::wholesale::cache::changed();
    redirect_then(&then);
    Ok(())
}

/// Invites exactly the ticked companies.
#[server(output = crate::codec::Json)]
pub async fn set_campaign_invitations(
    code: String,
    #[server(default)] companies: Vec<String>,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    staff().await?;
    let ids = companies
        .iter()
        .map(|c| id_of(c, "Company"))
        .collect::<Result<Vec<_>, _>>()?;
    db::set_invitations(&pool()?, code.trim(), &ids).await?;
    redirect_then(&then);
    Ok(())
}

/// Moves a campaign to `to` (open, closed, confirmed) when the rules allow
/// it from where it is; otherwise 409 with the reason.
#[server(output = crate::codec::Json)]
pub async fn move_campaign(
    code: String,
    to: String,
    #[server(default)] then: String,
) -> Result<CampaignMove, AppError> {
    let user = staff().await?;
    let to = CampaignState::parse(to.trim())
        .ok_or_else(|| AppError::BadRequest("unknown campaign state".into()))?;
    let pool = pool()?;
    let (id, _) = db::move_campaign(&pool, code.trim(), to).await?;
    let confirmed = if to == CampaignState::Confirmed {
        Some(crate::wholesale::db::confirm::confirm_campaign(&pool, id, user.id).await?)
    } else {
        None
    };
    redirect_then(&then);
    Ok(CampaignMove {
        state: to,
        confirmed,
    })
}

#[server(output = crate::codec::Json)]
pub async fn get_campaign_desk(code: String) -> Result<CampaignDesk, AppError> {
    staff().await?;
    db::desk(&pool()?, code.trim())
        .await?
        .ok_or_else(|| AppError::NotFound("Campaign".into()))
}

/// The demand of `campaign` (empty: the campaign confirmed last).
#[server(output = crate::codec::Json)]
pub async fn get_demand(#[server(default)] campaign: String) -> Result<DemandView, AppError> {
    staff().await?;
    let pool = pool()?;
    let campaigns = db::campaigns(&pool).await?;
    let chosen = match campaign.trim() {
        "" => db::latest_confirmed(&pool).await?,
        code if campaigns.iter().any(|c| c.code == code) => Some(code.to_owned()),
        _ => return Err(AppError::NotFound("Campaign".into())),
    };
    let rows = match &chosen {
        Some(code) => db::demand(&pool, code).await?,
        None => Vec::new(),
    };
    Ok(DemandView {
        campaigns,
        campaign: chosen,
        rows,
    })
}
