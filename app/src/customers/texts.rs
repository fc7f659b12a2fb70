//! The address book's own words per locale.

use crate::i18n::Locale;

pub struct AddressTexts {
    pub addresses: &'static str,
    pub none_yet: &'static str,
    pub add: &'static str,
    pub full_name: &'static str,
    pub street: &'static str,
    pub postal_code: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub use_next: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub default: &'static str,
    pub make_default: &'static str,
    pub delete: &'static str,
}

const EN: AddressTexts = AddressTexts {
    addresses: "Addresses",
    none_yet: "No saved addresses yet. The address of your next order is kept here.",
    add: "Add an address",
    full_name: "Full name",
    street: "Street and number",
    postal_code: "Postal code",
    city: "City",
    country: "Country",
    use_next: "Use it for my next orders",
    save: "Save address",
    saving: "Saving…",
    default: "Default",
    make_default: "Make default",
    delete: "Delete",
};

const IT: AddressTexts = AddressTexts {
    addresses: "Indirizzi",
    none_yet: "Nessun indirizzo salvato. L'indirizzo del tuo prossimo ordine verrà conservato qui.",
    add: "Aggiungi un indirizzo",
    full_name: "Nome e cognome",
    street: "Via e numero civico",
    postal_code: "CAP",
    city: "Città",
    country: "Paese",
    use_next: "Usalo per i prossimi ordini",
    save: "Salva l'indirizzo",
    saving: "Salvataggio…",
    default: "Predefinito",
    make_default: "Rendi predefinito",
    delete: "Elimina",
};

pub fn address_texts(locale: Locale) -> &'static AddressTexts {
    match locale {
        Locale::En => &EN,
        Locale::It => &IT,
    }
}

/// The accessible name of an address's delete button: "Delete Ada, Via Roma 1".
pub fn delete_label(locale: Locale, address: &str) -> String {
    match locale {
        Locale::En => format!("Delete {address}"),
        Locale::It => format!("Elimina {address}"),
    }
}
