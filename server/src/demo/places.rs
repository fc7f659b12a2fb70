//! Warehouses, stores and an external drop-ship location; suppliers.

use sqlx::{Postgres, Transaction};
use uuid::Uuid;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Warehouse,
    Store,
    External,
}

pub struct Location {
    pub id: Uuid,
    pub code: &'static str,
    pub kind: Kind,
}

/// A location and how it works.
struct LocationSeed {
    code: &'static str,
    name: &'static str,
    kind: Kind,
    country: &'static str,
    city: &'static str,
    address: &'static str,
    postal_code: &'static str,
    time_zone: &'static str,
    priority: i32,
    working_days: &'static [i16],
    cutoff: &'static str,
    handling_days: i32,
    channels: &'static [&'static str],
    ships_to: &'static [&'static str],
}

const EU_WEST: &[&str] = &[
    "IT", "FR", "DE", "AT", "CH", "ES", "PT", "NL", "BE", "LU", "DK", "SE", "IE",
];

const LOCATIONS: [LocationSeed; 6] = [
    LocationSeed {
        code: "WH-MIL",
        name: "Milan Central Warehouse",
        kind: Kind::Warehouse,
        country: "IT",
        city: "Milano",
        address: "Via Toffetti 104",
        postal_code: "20139",
        time_zone: "Europe/Rome",
        priority: 10,
        working_days: &[1, 2, 3, 4, 5],
        cutoff: "15:00",
        handling_days: 1,
        channels: &["web", "b2b", "marketplace"],
        ships_to: EU_WEST,
    },
    LocationSeed {
        code: "WH-RTM",
        name: "Rotterdam EU Hub (3PL)",
        kind: Kind::Warehouse,
        country: "NL",
        city: "Rotterdam",
        address: "Waalhaven Oostzijde 1",
        postal_code: "3087 BM",
        time_zone: "Europe/Amsterdam",
        priority: 20,
        working_days: &[1, 2, 3, 4, 5, 6],
        cutoff: "17:00",
        handling_days: 1,
        channels: &["web", "b2b", "marketplace"],
        ships_to: &[
            "NL", "BE", "LU", "DE", "FR", "DK", "SE", "FI", "PL", "IE", "AT",
        ],
    },
    LocationSeed {
        code: "WH-BCN",
        name: "Barcelona South Hub",
        kind: Kind::Warehouse,
        country: "ES",
        city: "Barcelona",
        address: "Carrer de la Botànica 35",
        postal_code: "08908",
        time_zone: "Europe/Madrid",
        priority: 30,
        working_days: &[1, 2, 3, 4, 5],
        cutoff: "14:00",
        handling_days: 2,
        channels: &["web", "b2b"],
        ships_to: &["ES", "PT", "FR", "IT"],
    },
    LocationSeed {
        code: "ST-MIL",
        name: "Atelier Store Brera",
        kind: Kind::Store,
        country: "IT",
        city: "Milano",
        address: "Via Solferino 12",
        postal_code: "20121",
        time_zone: "Europe/Rome",
        priority: 50,
        working_days: &[2, 3, 4, 5, 6, 7],
        cutoff: "18:00",
        handling_days: 0,
        channels: &["store", "web"],
        ships_to: &[],
    },
    LocationSeed {
        code: "ST-PAR",
        name: "Atelier Store Le Marais",
        kind: Kind::Store,
        country: "FR",
        city: "Paris",
        address: "Rue Vieille du Temple 41",
        postal_code: "75004",
        time_zone: "Europe/Paris",
        priority: 60,
        working_days: &[1, 2, 3, 4, 5, 6],
        cutoff: "18:00",
        handling_days: 0,
        channels: &["store", "web"],
        ships_to: &[],
    },
    LocationSeed {
        code: "EX-CER",
        name: "Ceramiche Toscane (drop-ship)",
        kind: Kind::External,
        country: "IT",
        city: "Montelupo Fiorentino",
        address: "Via Caverni 8",
        postal_code: "50056",
        time_zone: "Europe/Rome",
        priority: 80,
        working_days: &[1, 2, 3, 4, 5],
        cutoff: "12:00",
        handling_days: 3,
        channels: &["web", "b2b"],
        ships_to: &["IT", "FR", "DE", "AT", "NL", "BE"],
    },
];

/// Code, name, country, city, email, speciality, lead time in days.
type SupplierSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
);

const SUPPLIERS: [SupplierSeed; 7] = [
    (
        "SUP-LAN",
        "Lanificio Biellese",
        "IT",
        "Biella",
        "orders@lanificio-biellese.example",
        "Wool and cashmere yarns, knitwear",
        45,
    ),
    (
        "SUP-TES",
        "Tessitura Lariana",
        "IT",
        "Como",
        "sales@tessitura-lariana.example",
        "Silk and cotton shirting",
        30,
    ),
    (
        "SUP-CAL",
        "Calzaturificio Marchigiano",
        "IT",
        "Fermo",
        "produzione@calzaturificio.example",
        "Leather shoes and boots",
        60,
    ),
    (
        "SUP-PEL",
        "Pelletteria Fiorentina",
        "IT",
        "Scandicci",
        "info@pelletteria-fiorentina.example",
        "Bags and small leather goods",
        50,
    ),
    (
        "SUP-PKN",
        "Porto Knit Lda",
        "PT",
        "Barcelos",
        "orders@portoknit.example",
        "Jersey and cut-and-sew",
        35,
    ),
    (
        "SUP-CER",
        "Ceramiche Toscane",
        "IT",
        "Montelupo Fiorentino",
        "ordini@ceramiche-toscane.example",
        "Ceramics and candles (drop-ship)",
        40,
    ),
    (
        "SUP-TAI",
        "Sartoria Vicentina",
        "IT",
        "Vicenza",
        "office@sartoria-vicentina.example",
        "Tailoring and outerwear",
        55,
    ),
];

pub async fn load(tx: &mut Transaction<'_, Postgres>) -> Result<Vec<Location>, sqlx::Error> {
    let mut locations = Vec::new();
    for seed in &LOCATIONS {
        let kind_text = match seed.kind {
            Kind::Warehouse => "warehouse",
            Kind::Store => "store",
            Kind::External => "external",
        };
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO locations (code, name, kind, country, city, address, postal_code, time_zone, priority,
                                    working_days, cutoff_time, handling_days, channels, ships_to)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::time, $12, $13, $14) RETURNING id",
        )
        .bind(seed.code)
        .bind(seed.name)
        .bind(kind_text)
        .bind(seed.country)
        .bind(seed.city)
        .bind(seed.address)
        .bind(seed.postal_code)
        .bind(seed.time_zone)
        .bind(seed.priority)
        .bind(seed.working_days)
        .bind(seed.cutoff)
        .bind(seed.handling_days)
        .bind(seed.channels)
        .bind(seed.ships_to)
        .fetch_one(&mut **tx)
        .await?;
        locations.push(Location {
            id,
            code: seed.code,
            kind: seed.kind,
        });
    }
    for (code, name, country, city, email, speciality, lead_time) in SUPPLIERS {
        sqlx::query(
            "INSERT INTO suppliers (code, name, country, city, email, speciality, lead_time_days)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(code)
        .bind(name)
        .bind(country)
        .bind(city)
        .bind(email)
        .bind(speciality)
        .bind(lead_time)
        .execute(&mut **tx)
        .await?;
    }
    Ok(locations)
}
