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

/// A campaign's offer at a price list, with its filter choices worked out once.
pub struct Offer {
    pub styles: Vec<LineSheetStyle>,
    /// In the offer's order (by category).
    pub categories: Vec<String>,
    /// Sorted.
    pub colours: Vec<String>,
}

impl Offer {
    fn of(styles: Vec<LineSheetStyle>) -> Offer {
        let mut categories: Vec<String> = styles.iter().map(|s| s.category.clone()).collect();
        categories.dedup();
        let mut colours: Vec<String> = styles
            .iter()
            .flat_map(|s| s.colours.iter().map(|c| c.colour.clone()))
            .collect();
        colours.sort();
        colours.dedup();
        Offer {
            styles,
            categories,
            colours,
        }
    }
}

type Offers = Cache<(Uuid, Option<Uuid>), Arc<Offer>>;

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
) -> Result<Arc<Offer>, AppError> {
    OFFERS
        .try_get_with((campaign_id, price_list_id), async {
            let styles = portal::offer(pool, campaign_id, price_list_id).await?;
            Ok::<_, AppError>(Arc::new(Offer::of(styles)))
        })
        .await
        .map_err(Arc::unwrap_or_clone)
}

/// Staff changed a campaign's styles or a price list: read offers afresh.
pub fn changed() {
    OFFERS.invalidate_all();
}
