//! Confirming a closed campaign: each submitted pre-order is confirmed and
//! becomes orders in the b2b channel, one per store and delivery window.

use crate::error::AppError;
use crate::wholesale::model::ConfirmOutcome;
use sqlx::PgPool;
use uuid::Uuid;

/// Confirms a closed campaign (state → confirmed) and captures its orders.
pub async fn confirm_campaign(
    pool: &PgPool,
    campaign_id: Uuid,
    staff_id: Uuid,
) -> Result<ConfirmOutcome, AppError> {
    let _ = (pool, campaign_id, staff_id);
    Err(AppError::Unavailable(
        "Confirming campaigns is not ready yet.".into(),
    ))
}
