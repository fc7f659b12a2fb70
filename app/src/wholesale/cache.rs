//! A campaign's offer at a price list (every style with its colours and
//! prices) is the same for every buyer on that list and changes only when
//! the wholesale team changes the campaign or the prices. It is kept for a
//! few seconds, and dropped at once when staff change either in this
//! process; another server process sees the change within the freshness.
//! Keys are ids, unique across databases, so one cache serves every pool.

use super::db::portal;
use super::model::LineSheetStyle;
use crate::error::AppError;
use moka::future::Cache;
use sqlx::PgPool;
use std::sync::{Arc, LazyLock};
use std::time::Duration;
use uuid::Uuid;

const FRESHNESS: Duration = Duration::from_secs(5);

type Offers = Cache<(Uuid, Option<Uuid>), Arc<Vec<LineSheetStyle>>>;

static OFFERS: LazyLock<Offers> = LazyLock::new(|| {
    Cache::builder()
        .max_capacity(500)
        .time_to_live(FRESHNESS)
        .build()
});

/// The offer of `campaign_id` at `price_list_id` (no list: no prices).
pub async fn offer(
    pool: &PgPool,
    campaign_id: Uuid,
    price_list_id: Option<Uuid>,
) -> Result<Arc<Vec<LineSheetStyle>>, AppError> {
    OFFERS
        .try_get_with((campaign_id, price_list_id), async {
            let styles = portal::offer(pool, campaign_id, price_list_id).await?;
            Ok::<_, AppError>(Arc::new(styles))
        })
        .await
        .map_err(Arc::unwrap_or_clone)
}

/// Staff changed a campaign's styles or a price list: read offers afresh.
pub fn changed() {
    OFFERS.invalidate_all();
}
