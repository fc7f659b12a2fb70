//! The bag's own words per locale.

use super::rules::ShippingMethod;
use crate::catalog::availability::LineProblem;
use crate::i18n::Locale;

pub struct CartTexts {
    pub title: &'static str,
    pub loading: &'static str,
    pub empty_title: &'static str,
    pub empty_text: &'static str,
    pub continue_shopping: &'static str,
    pub items: &'static str,
    pub summary: &'static str,
    pub shipping: &'static str,
    pub at_checkout: &'static str,
    pub free_shipping_reached: &'static str,
    pub check_out: &'static str,
    pub needs_attention: &'static str,
    pub quantity: &'static str,
    pub update: &'static str,
    pub remove: &'static str,
    pub each: &'static str,
    pub bag: &'static str,
}

const EN: CartTexts = CartTexts {
    title: "Shopping bag",
    loading: "Loading your bag…",
    empty_title: "Your bag is empty",
    empty_text: "Find something you love and it will wait for you here.",
    continue_shopping: "Continue shopping",
    items: "Items in your bag",
    summary: "Summary",
    shipping: "Shipping",
    at_checkout: "Calculated at checkout",
    free_shipping_reached: "Free standard shipping in the EU.",
    check_out: "Check out",
    needs_attention: "Some items need your attention before you can check out.",
    quantity: "Quantity",
    update: "Update",
    remove: "Remove",
    each: "each",
    bag: "Bag",
};

const IT: CartTexts = CartTexts {
    title: "Borsa",
    loading: "Caricamento della borsa…",
    empty_title: "La tua borsa è vuota",
    empty_text: "Trova qualcosa che ami: ti aspetterà qui.",
    continue_shopping: "Continua lo shopping",
    items: "Articoli nella borsa",
    summary: "Riepilogo",
    shipping: "Spedizione",
    at_checkout: "Calcolata al checkout",
    free_shipping_reached: "Spedizione standard gratuita nell'UE.",
    check_out: "Procedi all'acquisto",
    needs_attention: "Alcuni articoli richiedono la tua attenzione prima dell'acquisto.",
    quantity: "Quantità",
    update: "Aggiorna",
    remove: "Rimuovi",
    each: "cad.",
    bag: "Borsa",
};

pub fn cart_texts(locale: Locale) -> &'static CartTexts {
    match locale {
        Locale::En => &EN,
        Locale::It => &IT,
    }
}

/// The header link's accessible name: "Shopping bag, 2 items".
pub fn bag_label(locale: Locale, units: i32) -> String {
    match (locale, units) {
        (Locale::En, 0) => "Shopping bag, empty".to_owned(),
        (Locale::En, 1) => "Shopping bag, 1 item".to_owned(),
        (Locale::En, n) => format!("Shopping bag, {n} items"),
        (Locale::It, 0) => "Borsa, vuota".to_owned(),
        (Locale::It, 1) => "Borsa, 1 articolo".to_owned(),
        (Locale::It, n) => format!("Borsa, {n} articoli"),
    }
}

pub fn subtotal_label(locale: Locale, units: i32) -> String {
    match locale {
        Locale::En => format!("Subtotal ({units} items)"),
        Locale::It => format!("Subtotale ({units} articoli)"),
    }
}

/// "Add €12.00 for free standard shipping."
pub fn to_free_shipping(locale: Locale, amount: &str) -> String {
    match locale {
        Locale::En => format!("Add {amount} for free standard shipping."),
        Locale::It => format!("Aggiungi {amount} per la spedizione standard gratuita."),
    }
}

pub fn problem_text(locale: Locale, problem: LineProblem) -> String {
    match (locale, problem) {
        (Locale::En, LineProblem::SoldOut) => {
            "Sold out since you added it. Remove it to check out.".to_owned()
        }
        (Locale::En, LineProblem::OnlyLeft(n)) => {
            format!("Only {n} left: lower the quantity to check out.")
        }
        (Locale::En, LineProblem::NoLongerSold) => {
            "No longer sold. Remove it to check out.".to_owned()
        }
        (Locale::It, LineProblem::SoldOut) => {
            "Esaurito dopo che l'hai aggiunto. Rimuovilo per procedere.".to_owned()
        }
        (Locale::It, LineProblem::OnlyLeft(n)) => {
            format!("Ne restano solo {n}: riduci la quantità per procedere.")
        }
        (Locale::It, LineProblem::NoLongerSold) => {
            "Non più in vendita. Rimuovilo per procedere.".to_owned()
        }
    }
}

pub fn method_label(locale: Locale, method: ShippingMethod) -> &'static str {
    match (locale, method) {
        (Locale::En, ShippingMethod::Standard) => "Standard delivery · 2–4 working days",
        (Locale::En, ShippingMethod::Express) => "Express delivery · 1–2 working days",
        (Locale::En, ShippingMethod::Collect) => "Click and collect · in store",
        (Locale::It, ShippingMethod::Standard) => "Consegna standard · 2–4 giorni lavorativi",
        (Locale::It, ShippingMethod::Express) => "Consegna express · 1–2 giorni lavorativi",
        (Locale::It, ShippingMethod::Collect) => "Ritiro in negozio",
    }
}
