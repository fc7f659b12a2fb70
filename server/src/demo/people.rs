//! Staff (one per role), retailer companies with buyers, and consumers.

use super::places::Location;
use app::auth::db::{NewUser, create_user};
use app::auth::model::Role;
use app::auth::password;
use app::auth::rules::Email;
use sqlx::{PgConnection, Postgres, Transaction};
use uuid::Uuid;

/// Every demo account signs in with this password.
pub const DEMO_PASSWORD: &str = "atelier-demo";

const STAFF: [(&str, &str, Role); 7] = [
    ("admin@atelier.example", "Alessandra Conti", Role::Admin),
    (
        "merchandiser@atelier.example",
        "Marco Ferri",
        Role::Merchandiser,
    ),
    ("content@atelier.example", "Chiara Gallo", Role::Content),
    ("pricing@atelier.example", "Paolo Greco", Role::Pricing),
    ("warehouse@atelier.example", "Walter Riva", Role::Warehouse),
    (
        "service@atelier.example",
        "Sara Moretti",
        Role::CustomerService,
    ),
    ("finance@atelier.example", "Federica Villa", Role::Finance),
];

struct CompanySeed {
    name: &'static str,
    legal_name: &'static str,
    vat: &'static str,
    country: &'static str,
    city: &'static str,
    people: &'static [(&'static str, &'static str, Role)],
}

const COMPANIES: [CompanySeed; 4] = [
    CompanySeed {
        name: "Boutique Aurora",
        legal_name: "Aurora Moda S.r.l.",
        vat: "IT04839210963",
        country: "IT",
        city: "Milano",
        people: &[
            (
                "buyer@aurora-boutique.example",
                "Elena Marchetti",
                Role::CompanyAdmin,
            ),
            ("luca@aurora-boutique.example", "Luca Fontana", Role::Buyer),
        ],
    },
    CompanySeed {
        name: "Nordlicht Mode",
        legal_name: "Nordlicht Mode GmbH",
        vat: "DE298765431",
        country: "DE",
        city: "Hamburg",
        people: &[(
            "buyer@nordlicht-mode.example",
            "Jonas Becker",
            Role::CompanyAdmin,
        )],
    },
    CompanySeed {
        name: "Maison Lumière",
        legal_name: "Maison Lumière SAS",
        vat: "FR40123456789",
        country: "FR",
        city: "Lyon",
        people: &[(
            "buyer@maison-lumiere.example",
            "Camille Laurent",
            Role::CompanyAdmin,
        )],
    },
    CompanySeed {
        name: "Casa Olivo",
        legal_name: "Casa Olivo Concept S.L.",
        vat: "ESB87654321",
        country: "ES",
        city: "Madrid",
        people: &[(
            "buyer@casa-olivo.example",
            "Lucía Romero",
            Role::CompanyAdmin,
        )],
    },
];

/// Consumers: (email, name, city, country).
pub const CONSUMERS: [(&str, &str, &str, &str); 6] = [
    ("giulia@example.com", "Giulia Rossi", "Torino", "IT"),
    ("lukas@example.com", "Lukas Meyer", "München", "DE"),
    ("emma@example.com", "Emma Dubois", "Paris", "FR"),
    ("sofia@example.com", "Sofia Bianchi", "Bologna", "IT"),
    ("noah@example.com", "Noah Jensen", "København", "DK"),
    ("ines@example.com", "Inês Costa", "Lisboa", "PT"),
];

/// Printed when the server starts, and listed in the README.
pub const LOGINS_TEXT: &str = "  Demo sign-ins (password for all: atelier-demo)
    Back office   admin@atelier.example (or merchandiser@, content@, pricing@,
                  warehouse@, service@, finance@ atelier.example)
    B2B portal    buyer@aurora-boutique.example, buyer@nordlicht-mode.example
    Storefront    giulia@example.com, or register a new account
";

pub struct People {
    /// Consumers with their city and country, for past orders.
    pub consumers: Vec<(Uuid, String, String, &'static str, &'static str)>,
    /// Retailer companies: (id, name, city, country).
    pub companies: Vec<(Uuid, &'static str, &'static str, &'static str)>,
}

/// Warehouse staff work at the Milan warehouse.
const WAREHOUSE_STAFF_LOCATION: &str = "WH-MIL";

pub async fn load(
    tx: &mut Transaction<'_, Postgres>,
    locations: &[Location],
) -> Result<People, sqlx::Error> {
    let mut people = People {
        consumers: Vec::new(),
        companies: Vec::new(),
    };
    for (email, name, role) in STAFF {
        let id = add_user(tx, email, name, role, None).await?;
        if role == Role::Warehouse {
            let home = locations
                .iter()
                .find(|l| l.code == WAREHOUSE_STAFF_LOCATION)
                .map(|l| l.id);
            sqlx::query("UPDATE users SET location_id = $2 WHERE id = $1")
                .bind(id)
                .bind(home)
                .execute(&mut **tx)
                .await?;
        }
    }
    for company in &COMPANIES {
        let id: Uuid = sqlx::query_scalar(
            "INSERT INTO companies (name, legal_name, vat_number, country, city, currency)
             VALUES ($1, $2, $3, $4, $5, 'EUR') RETURNING id",
        )
        .bind(company.name)
        .bind(company.legal_name)
        .bind(company.vat)
        .bind(company.country)
        .bind(company.city)
        .fetch_one(&mut **tx)
        .await?;
        for (email, name, role) in company.people {
            add_user(tx, email, name, *role, Some(id)).await?;
        }
        people
            .companies
            .push((id, company.name, company.city, company.country));
    }
    for (email, name, city, country) in CONSUMERS {
        let id = add_user(tx, email, name, Role::Consumer, None).await?;
        people
            .consumers
            .push((id, email.to_owned(), name.to_owned(), city, country));
    }
    Ok(people)
}

async fn add_user(
    db: &mut PgConnection,
    email: &str,
    name: &str,
    role: Role,
    company_id: Option<Uuid>,
) -> Result<Uuid, sqlx::Error> {
    let email = Email::parse(email).map_err(|e| sqlx::Error::Protocol(e.message))?;
    let hash = password::hash(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    create_user(
        db,
        NewUser {
            email: &email,
            name,
            password_hash: &hash,
            role,
            company_id,
        },
    )
    .await
    .map_err(|e| match e {
        app::auth::db::CreateUserError::Database(e) => e,
        other => sqlx::Error::Protocol(other.to_string()),
    })
}
