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

/// Code, name, kind, country, city, address, time zone, priority.
type LocationSeed = (
    &'static str,
    &'static str,
    Kind,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
);

const LOCATIONS: [LocationSeed; 6] = [
    (
        "WH-MIL",
        "Milan Central Warehouse",
        Kind::Warehouse,
        "IT",
        "Milano",
        "Via Toffetti 104, 20139",
        "Europe/Rome",
        10,
    ),
    (
        "WH-RTM",
        "Rotterdam EU Hub",
        Kind::Warehouse,
        "NL",
        "Rotterdam",
        "Waalhaven Oostzijde 1, 3087 BM",
        "Europe/Amsterdam",
        20,
    ),
    (
        "WH-BCN",
        "Barcelona South Hub",
        Kind::Warehouse,
        "ES",
        "Barcelona",
        "Carrer de la Botànica 35, 08908",
        "Europe/Madrid",
        30,
    ),
    (
        "ST-MIL",
        "Atelier Store Brera",
        Kind::Store,
        "IT",
        "Milano",
        "Via Solferino 12, 20121",
        "Europe/Rome",
        50,
    ),
    (
        "ST-PAR",
        "Atelier Store Le Marais",
        Kind::Store,
        "FR",
        "Paris",
        "Rue Vieille du Temple 41, 75004",
        "Europe/Paris",
        60,
    ),
    (
        "EX-CER",
        "Ceramiche Toscane (drop-ship)",
        Kind::External,
        "IT",
        "Montelupo Fiorentino",
        "Via Caverni 8, 50056",
        "Europe/Rome",
        80,
    ),
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
    for (code, name, kind, country, city, address, time_zone, priority) in LOCATIONS {
        let kind_text = match kind {
            Kind::Warehouse => "warehouse",
            Kind::Store => "store",
            Kind::External => "external",
        };
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO locations (code, name, kind, country, city, address, time_zone, priority)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(code)
        .bind(name)
        .bind(kind_text)
        .bind(country)
        .bind(city)
        .bind(address)
        .bind(time_zone)
        .bind(priority)
        .fetch_one(&mut **tx)
        .await?;
        locations.push(Location { id, code, kind });
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
