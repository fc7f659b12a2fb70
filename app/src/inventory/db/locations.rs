//! Locations and their settings.

use crate::inventory::model::{Channel, Location, LocationKind};
use crate::inventory::rules::LocationInput;
use sqlx::{FromRow, PgExecutor};
use uuid::Uuid;

#[derive(FromRow)]
struct LocationRow {
    id: Uuid,
    code: String,
    name: String,
    kind: String,
    country: String,
    city: String,
    address: String,
    postal_code: String,
    time_zone: String,
    working_days: Vec<i16>,
    cutoff_time: String,
    handling_days: i32,
    channels: Vec<String>,
    ships_to: Vec<String>,
    priority: i32,
    active: bool,
}

impl From<LocationRow> for Location {
    fn from(r: LocationRow) -> Self {
        Location {
            id: r.id,
            code: r.code,
            name: r.name,
            // The columns' CHECK constraints admit only known values.
            kind: LocationKind::parse(&r.kind).unwrap_or(LocationKind::Warehouse),
            country: r.country,
            city: r.city,
            address: r.address,
            postal_code: r.postal_code,
            time_zone: r.time_zone,
            working_days: r.working_days.into_iter().map(|d| d as u8).collect(),
            cutoff_time: r.cutoff_time,
            handling_days: r.handling_days,
            channels: r
                .channels
                .iter()
                .filter_map(|c| Channel::parse(c))
                .collect(),
            ships_to: r.ships_to,
            priority: r.priority,
            active: r.active,
        }
    }
}

const SELECT: &str = "
    SELECT id, code, name, kind, country::text AS country, city, address, postal_code, time_zone,
           working_days, to_char(cutoff_time, 'HH24:MI') AS cutoff_time, handling_days,
           channels, ships_to, priority, active
    FROM locations";

pub async fn all(db: impl PgExecutor<'_>) -> sqlx::Result<Vec<Location>> {
    sqlx::query_as::<_, LocationRow>(&format!("{SELECT} ORDER BY active DESC, priority, code"))
        .fetch_all(db)
        .await
        .map(|rows| rows.into_iter().map(Location::from).collect())
}

pub async fn by_code(db: impl PgExecutor<'_>, code: &str) -> sqlx::Result<Option<Location>> {
    sqlx::query_as::<_, LocationRow>(&format!("{SELECT} WHERE code = $1"))
        .bind(code.to_uppercase())
        .fetch_optional(db)
        .await
        .map(|row| row.map(Location::from))
}

pub async fn by_id(db: impl PgExecutor<'_>, id: Uuid) -> sqlx::Result<Option<Location>> {
    sqlx::query_as::<_, LocationRow>(&format!("{SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
        .map(|row| row.map(Location::from))
}

/// Whether PostgreSQL's time zone database knows this zone.
pub async fn time_zone_exists(db: impl PgExecutor<'_>, zone: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)")
        .bind(zone)
        .fetch_one(db)
        .await
}

#[derive(Debug, thiserror::Error)]
pub enum SaveLocationError {
    #[error("a location with this code exists already")]
    CodeTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Creates a location, or updates the one with id `existing`.
pub async fn save(
    db: impl PgExecutor<'_>,
    existing: Option<Uuid>,
    input: &LocationInput,
) -> Result<Uuid, SaveLocationError> {
    let channels: Vec<&str> = input.channels.iter().map(|c| c.as_str()).collect();
    let working_days: Vec<i16> = input.working_days.iter().map(|d| i16::from(*d)).collect();
    let cutoff = format!("{:02}:{:02}", input.cutoff_time.0, input.cutoff_time.1);
    let sql = match existing {
        None => {
            "INSERT INTO locations (code, name, kind, country, city, address, postal_code, time_zone,
                                    working_days, cutoff_time, handling_days, channels, ships_to, priority, active)
             VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11::time, $12, $13, $14, $15, $16)
             RETURNING id"
        }
        Some(_) => {
            "UPDATE locations SET code = $2, name = $3, kind = $4, country = $5, city = $6, address = $7,
                    postal_code = $8, time_zone = $9, working_days = $10, cutoff_time = $11::time,
                    handling_days = $12, channels = $13, ships_to = $14, priority = $15, active = $16,
                    updated_at = now()
             WHERE id = $1 RETURNING id"
        }
    };
    sqlx::query_scalar(sql)
        .bind(existing)
        .bind(&input.code)
        .bind(&input.name)
        .bind(input.kind.as_str())
        .bind(&input.country)
        .bind(&input.city)
        .bind(&input.address)
        .bind(&input.postal_code)
        .bind(&input.time_zone)
        .bind(&working_days)
        .bind(cutoff)
        .bind(input.handling_days)
        .bind(&channels)
        .bind(&input.ships_to)
        .bind(input.priority)
        .bind(input.active)
        .fetch_one(db)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.constraint() == Some("locations_code_key") => {
                SaveLocationError::CodeTaken
            }
            _ => SaveLocationError::Database(e),
        })
}
