use crate::wholesale::model::Company;
use sqlx::PgExecutor;
use uuid::Uuid;

pub async fn company(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<Company>> {
    sqlx::query_as::<_, Company>(
        "SELECT name, legal_name, vat_number, country::text AS country, city, currency::text AS currency
         FROM companies WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}
