//! A customer's orders in their own words per locale: the history, the
//! order page with its tracking, and the forms to cancel or send back.
//! Staff pages stay in English.

use super::lifecycle::OrderStatus;
use super::tracking::Milestone;
use crate::i18n::Locale;
use time::{Date, OffsetDateTime};

pub struct OrderTexts {
    pub loading_orders: &'static str,
    pub no_orders: &'static str,
    pub no_orders_text: &'static str,
    pub start_shopping: &'static str,
    pub orders_caption: &'static str,
    pub order: &'static str,
    pub placed: &'static str,
    pub status: &'static str,
    pub units: &'static str,
    pub total: &'static str,
    pub loading_order: &'static str,
    pub breadcrumb: &'static str,
    pub your_account: &'static str,
    pub items: &'static str,
    pub item: &'static str,
    pub ordered: &'static str,
    pub shipped: &'static str,
    pub ships_by: &'static str,
    pub price: &'static str,
    pub parcels: &'static str,
    pub returns_and_cancellations: &'static str,
    pub cancellation: &'static str,
    pub a_return: &'static str,
    pub where_it_is: &'static str,
    pub not_yet: &'static str,
    pub cancel_items: &'static str,
    pub cancel_hint: &'static str,
    pub items_to_cancel: &'static str,
    pub cancel_ticked: &'static str,
    pub cancelling: &'static str,
    pub return_items: &'static str,
    pub return_hint: &'static str,
    pub quantity: &'static str,
    pub reason: &'static str,
    pub request_return: &'static str,
    pub sending: &'static str,
}

const EN: OrderTexts = OrderTexts {
    loading_orders: "Loading your orders…",
    no_orders: "No orders yet",
    no_orders_text: "When you place an order, you can follow it here.",
    start_shopping: "Start shopping",
    orders_caption: "Your orders, newest first",
    order: "Order",
    placed: "Placed",
    status: "Status",
    units: "Units",
    total: "Total",
    loading_order: "Loading your order…",
    breadcrumb: "Breadcrumb",
    your_account: "Your account",
    items: "Items",
    item: "Item",
    ordered: "Ordered",
    shipped: "Shipped",
    ships_by: "Ships by",
    price: "Price",
    parcels: "Parcels",
    returns_and_cancellations: "Returns and cancellations",
    cancellation: "Cancellation",
    a_return: "Return",
    where_it_is: "Where your order is",
    not_yet: "Not yet",
    cancel_items: "Cancel items",
    cancel_hint: "Items that have not left our warehouse can be cancelled; their payment is released.",
    items_to_cancel: "Items to cancel",
    cancel_ticked: "Cancel the ticked items",
    cancelling: "Cancelling…",
    return_items: "Return items",
    return_hint: "Choose what you send back and why. We refund it once it is back with us.",
    quantity: "Quantity",
    reason: "Reason",
    request_return: "Request the return",
    sending: "Sending…",
};

const IT: OrderTexts = OrderTexts {
    loading_orders: "Caricamento dei tuoi ordini…",
    no_orders: "Nessun ordine per ora",
    no_orders_text: "Quando effettui un ordine, puoi seguirlo da qui.",
    start_shopping: "Inizia lo shopping",
    orders_caption: "I tuoi ordini, dal più recente",
    order: "Ordine",
    placed: "Data",
    status: "Stato",
    units: "Pezzi",
    total: "Totale",
    loading_order: "Caricamento dell'ordine…",
    breadcrumb: "Percorso",
    your_account: "Il tuo account",
    items: "Articoli",
    item: "Articolo",
    ordered: "Ordinati",
    shipped: "Spediti",
    ships_by: "Spedizione entro",
    price: "Prezzo",
    parcels: "Pacchi",
    returns_and_cancellations: "Resi e annullamenti",
    cancellation: "Annullamento",
    a_return: "Reso",
    where_it_is: "Dove si trova il tuo ordine",
    not_yet: "Non ancora",
    cancel_items: "Annulla articoli",
    cancel_hint: "Puoi annullare gli articoli che non hanno ancora lasciato il nostro magazzino; il relativo pagamento viene sbloccato.",
    items_to_cancel: "Articoli da annullare",
    cancel_ticked: "Annulla gli articoli selezionati",
    cancelling: "Annullamento in corso…",
    return_items: "Restituisci articoli",
    return_hint: "Scegli cosa rimandarci e perché. Ti rimborsiamo quando ci è arrivato.",
    quantity: "Quantità",
    reason: "Motivo",
    request_return: "Richiedi il reso",
    sending: "Invio in corso…",
};

pub fn order_texts(locale: Locale) -> &'static OrderTexts {
    match locale {
        Locale::En => &EN,
        Locale::It => &IT,
    }
}

/// "Order AT-300001".
pub fn order_title(locale: Locale, number: &str) -> String {
    match locale {
        Locale::En => format!("Order {number}"),
        Locale::It => format!("Ordine {number}"),
    }
}

/// A tracking milestone's name.
pub fn milestone_label(locale: Locale, milestone: Milestone) -> &'static str {
    match locale {
        Locale::En => milestone.label(),
        Locale::It => match milestone {
            Milestone::Ordered => "Ordinato",
            Milestone::Confirmed => "Confermato",
            Milestone::Shipped => "Spedito",
            Milestone::Delivered => "Consegnato",
            Milestone::Cancelled => "Annullato",
        },
    }
}

/// The status of an order in a customer's list (`status_label` in English).
pub fn list_status_label(locale: Locale, status: &str) -> &'static str {
    match locale {
        Locale::En => super::model::status_label(status),
        Locale::It => match status {
            "captured" | "validated" | "routed" => "Ricevuto",
            "awaiting_approval" => "In attesa di approvazione",
            "approved" | "submitted" => "In preparazione",
            "partially_shipped" => "Spedito in parte",
            "shipped" => "Spedito",
            "delivered" => "Consegnato",
            "completed" => "Completato",
            "cancelled" => "Annullato",
            _ => "In corso",
        },
    }
}

/// The status badge of an order's page; `english` is the label the server
/// sent, shown as it is in English.
pub fn order_status_label(locale: Locale, status: &str, english: &str) -> String {
    let status = match (locale, OrderStatus::parse(status)) {
        (Locale::En, _) | (_, None) => return english.to_owned(),
        (Locale::It, Some(status)) => status,
    };
    match status {
        OrderStatus::Captured => "Ricevuto",
        OrderStatus::Invalid => "Verifica non superata",
        OrderStatus::Validated => "Verificato",
        OrderStatus::CheckAnnounced => "In attesa di assegnazione",
        OrderStatus::NotAnnounced => "Non consegnabile",
        OrderStatus::Routed => "Assegnato",
        OrderStatus::AwaitingApproval => "In attesa di approvazione",
        OrderStatus::Approved => "Approvato",
        OrderStatus::Declined => "Rifiutato",
        OrderStatus::Submitted => "In preparazione",
        OrderStatus::PartiallyShipped => "Spedito in parte",
        OrderStatus::Shipped => "Spedito",
        OrderStatus::Completed => "Completato",
        OrderStatus::Cancelled => "Annullato",
    }
    .to_owned()
}

/// " · 2 cancelled" after a line's description.
pub fn cancelled_count(locale: Locale, n: i32) -> String {
    match (locale, n) {
        (Locale::En, n) => format!(" · {n} cancelled"),
        (Locale::It, 1) => " · 1 annullato".to_owned(),
        (Locale::It, n) => format!(" · {n} annullati"),
    }
}

/// " · 1 returned" after a line's description.
pub fn returned_count(locale: Locale, n: i32) -> String {
    match (locale, n) {
        (Locale::En, n) => format!(" · {n} returned"),
        (Locale::It, 1) => " · 1 reso".to_owned(),
        (Locale::It, n) => format!(" · {n} resi"),
    }
}

/// "Total €120.00 · delivery to Ada Lovelace, 20121 Milano".
pub fn total_and_delivery(locale: Locale, total: &str, to: &str) -> String {
    match locale {
        Locale::En => format!("Total {total} · delivery to {to}"),
        Locale::It => format!("Totale {total} · consegna a {to}"),
    }
}

/// "BRT · tracking " before a parcel's tracking number.
pub fn parcel_tracking(locale: Locale, carrier: &str) -> String {
    match locale {
        Locale::En => format!("{carrier} · tracking "),
        Locale::It => format!("{carrier} · tracciamento "),
    }
}

pub fn parcel_shipped(locale: Locale, when: &str) -> String {
    match locale {
        Locale::En => format!(" · shipped {when}"),
        Locale::It => format!(" · spedito il {when}"),
    }
}

pub fn parcel_delivered(locale: Locale, when: &str) -> String {
    match locale {
        Locale::En => format!(" · delivered {when}"),
        Locale::It => format!(" · consegnato il {when}"),
    }
}

/// One return or cancellation of the order:
/// "Cancellation RMA-1 · 2 units · closed · refunded €20.00".
pub fn return_summary(
    locale: Locale,
    cancel: bool,
    number: &str,
    units: i32,
    status: &str,
    refund: Option<&str>,
) -> String {
    let t = order_texts(locale);
    let kind = if cancel { t.cancellation } else { t.a_return };
    match locale {
        Locale::En => format!(
            "{kind} {number} · {units} units · {}{}",
            status.replace('_', " "),
            refund.map_or_else(String::new, |r| format!(" · refunded {r}")),
        ),
        Locale::It => format!(
            "{kind} {number} · {units} {} · {}{}",
            if units == 1 { "pezzo" } else { "pezzi" },
            match status {
                "requested" => "richiesto".to_owned(),
                "approved" => "approvato".to_owned(),
                "received" => "ricevuto".to_owned(),
                "inspected" => "controllato".to_owned(),
                "refunded" => "rimborsato".to_owned(),
                "rejected" => "rifiutato".to_owned(),
                "closed" => "chiuso".to_owned(),
                other => other.replace('_', " "),
            },
            refund.map_or_else(String::new, |r| format!(" · rimborso di {r}")),
        ),
    }
}

/// The hidden label of a line's quantity to send back.
pub fn quantity_to_return(locale: Locale, item: &str) -> String {
    match locale {
        Locale::En => format!("Quantity of {item} to return"),
        Locale::It => format!("Quantità di {item} da restituire"),
    }
}

/// The hidden label of a line's reason to send it back.
pub fn why_it_comes_back(locale: Locale, item: &str) -> String {
    match locale {
        Locale::En => format!("Why {item} comes back"),
        Locale::It => format!("Perché restituisci {item}"),
    }
}

/// A return reason as shown; the reason sent with the form stays the
/// English one, which is what staff read.
pub fn reason_label(locale: Locale, english: &'static str) -> &'static str {
    match (locale, english) {
        (Locale::En, _) => english,
        (Locale::It, "Choose a reason") => "Scegli un motivo",
        (Locale::It, "Too small") => "Troppo piccolo",
        (Locale::It, "Too large") => "Troppo grande",
        (Locale::It, "Not as described") => "Non corrisponde alla descrizione",
        (Locale::It, "Arrived damaged") => "Arrivato danneggiato",
        (Locale::It, "Wrong item sent") => "Articolo sbagliato",
        (Locale::It, "No longer wanted") => "Non lo voglio più",
        (Locale::It, other) => other,
    }
}

const MESI: [&str; 12] = [
    "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
];

/// A day: "3 Nov 2026", "3 nov 2026".
pub fn day(locale: Locale, date: Date) -> String {
    match locale {
        Locale::En => crate::inventory::pages::components::long_date(date),
        Locale::It => format!(
            "{} {} {}",
            date.day(),
            MESI[usize::from(u8::from(date.month())) - 1],
            date.year()
        ),
    }
}

/// The day a moment falls on (as `format_date`).
pub fn date(locale: Locale, at: OffsetDateTime) -> String {
    match locale {
        Locale::En => crate::ui::dates::format_date(at),
        Locale::It => day(locale, at.date()),
    }
}

/// A moment (as `format_when`): "3 nov 2026, 10:00 UTC".
pub fn when(locale: Locale, at: OffsetDateTime) -> String {
    match locale {
        Locale::En => crate::fulfilment::pages::format_when(at),
        Locale::It => {
            let at = at.to_offset(time::UtcOffset::UTC);
            format!(
                "{}, {:02}:{:02} UTC",
                day(locale, at.date()),
                at.hour(),
                at.minute()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn english_stays_as_it_was() {
        let t = order_texts(Locale::En);
        assert_eq!(t.where_it_is, "Where your order is");
        assert_eq!(t.cancel_ticked, "Cancel the ticked items");
        for milestone in [
            Milestone::Ordered,
            Milestone::Confirmed,
            Milestone::Shipped,
            Milestone::Delivered,
            Milestone::Cancelled,
        ] {
            assert_eq!(milestone_label(Locale::En, milestone), milestone.label());
        }
        assert_eq!(
            return_summary(Locale::En, true, "R-1", 2, "closed", Some("€20.00")),
            "Cancellation R-1 · 2 units · closed · refunded €20.00"
        );
        let at = datetime!(2026-11-03 10:05 UTC);
        assert_eq!(date(Locale::En, at), "3 Nov 2026");
        assert_eq!(when(Locale::En, at), "3 Nov 2026, 10:05 UTC");
    }

    #[test]
    fn italian_says_it_in_italian() {
        assert_eq!(
            milestone_label(Locale::It, Milestone::Cancelled),
            "Annullato"
        );
        assert_eq!(
            return_summary(Locale::It, false, "R-2", 1, "requested", None),
            "Reso R-2 · 1 pezzo · richiesto"
        );
        assert_eq!(cancelled_count(Locale::It, 2), " · 2 annullati");
        assert_eq!(day(Locale::It, date!(2026 - 05 - 09)), "9 mag 2026");
        assert_eq!(
            when(Locale::It, datetime!(2026-11-03 10:05 UTC)),
            "3 nov 2026, 10:05 UTC"
        );
        assert_eq!(list_status_label(Locale::It, "shipped"), "Spedito");
        assert_eq!(
            order_status_label(Locale::It, "cancelled", "Cancelled"),
            "Annullato"
        );
        assert_eq!(
            order_status_label(Locale::En, "submitted", "Sent to fulfilment"),
            "Sent to fulfilment"
        );
    }

    #[test]
    fn every_return_reason_has_italian_words() {
        let reasons = crate::orders::pages::returns::RETURN_REASONS;
        for reason in reasons.into_iter().chain(["Choose a reason"]) {
            assert_eq!(reason_label(Locale::En, reason), reason);
            assert_ne!(reason_label(Locale::It, reason), reason);
        }
    }
}
