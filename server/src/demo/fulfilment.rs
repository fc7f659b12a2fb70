//! Open orders waiting in the warehouses' work queues.

use super::people::People;
use super::places::Location;
use super::products::Sku;
use rand::rngs::StdRng;
use sqlx::{Postgres, Transaction};

pub async fn load(
    _tx: &mut Transaction<'_, Postgres>,
    _rng: &mut StdRng,
    _people: &People,
    _skus: &[Sku],
    _locations: &[Location],
) -> Result<(), sqlx::Error> {
    Ok(())
}
