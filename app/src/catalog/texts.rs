//! The catalog pages' own words per locale (product content itself comes
//! translated from the database).

use super::availability::Availability;
use crate::i18n::Locale;

pub struct ProductTexts {
    pub home: &'static str,
    pub breadcrumb: &'static str,
    pub pictures: &'static str,
    pub incl_vat: &'static str,
    pub colour: &'static str,
    pub size: &'static str,
    pub sold_out_suffix: &'static str,
    pub choose_size: &'static str,
    pub add_to_bag: &'static str,
    pub adding: &'static str,
    pub added: &'static str,
    pub view_bag: &'static str,
    pub material_and_care: &'static str,
    pub material: &'static str,
    pub care: &'static str,
    pub style: &'static str,
    pub delivery_and_returns: &'static str,
    pub delivery_text: &'static str,
    pub related: &'static str,
    pub size_guide: &'static str,
    pub measurements: &'static str,
    pub chest: &'static str,
    pub waist: &'static str,
    pub hips: &'static str,
    pub between_sizes: &'static str,
}

const EN: ProductTexts = ProductTexts {
    home: "Home",
    breadcrumb: "Breadcrumb",
    pictures: "Pictures",
    incl_vat: " incl. VAT",
    colour: "Colour: ",
    size: "Size",
    sold_out_suffix: " (sold out)",
    choose_size: "Choose a size to see availability",
    add_to_bag: "Add to bag",
    adding: "Adding…",
    added: "Added to your bag:",
    view_bag: "View bag",
    material_and_care: "Material and care",
    material: "Material",
    care: "Care",
    style: "Style",
    delivery_and_returns: "Delivery and returns",
    delivery_text: "Free standard delivery in the EU from €150, express in 1–2 working days, or collect in one of our stores. Return unworn items within 30 days.",
    related: "You may also like",
    size_guide: "Size guide",
    measurements: "Body measurements in cm",
    chest: "Chest",
    waist: "Waist",
    hips: "Hips",
    between_sizes: "Between two sizes? Take the larger one for a relaxed fit.",
};

const IT: ProductTexts = ProductTexts {
    home: "Home",
    breadcrumb: "Percorso",
    pictures: "Immagini",
    incl_vat: " IVA inclusa",
    colour: "Colore: ",
    size: "Taglia",
    sold_out_suffix: " (esaurita)",
    choose_size: "Scegli una taglia per vedere la disponibilità",
    add_to_bag: "Aggiungi alla borsa",
    adding: "Aggiunta in corso…",
    added: "Aggiunto alla borsa:",
    view_bag: "Vai alla borsa",
    material_and_care: "Materiale e cura",
    material: "Materiale",
    care: "Cura",
    style: "Modello",
    delivery_and_returns: "Consegna e resi",
    delivery_text: "Consegna standard gratuita nell'UE da 150 €, express in 1–2 giorni lavorativi, o ritiro in uno dei nostri negozi. Resi dei capi non indossati entro 30 giorni.",
    related: "Potrebbe piacerti anche",
    size_guide: "Guida alle taglie",
    measurements: "Misure del corpo in cm",
    chest: "Torace",
    waist: "Vita",
    hips: "Fianchi",
    between_sizes: "Tra due taglie? Scegli la più grande per una vestibilità comoda.",
};

pub fn product_texts(locale: Locale) -> &'static ProductTexts {
    match locale {
        Locale::En => &EN,
        Locale::It => &IT,
    }
}

/// "In stock", "Only 2 left", "Ships in 9 days", "Sold out".
pub fn availability_text(locale: Locale, availability: Availability) -> String {
    match (locale, availability) {
        (Locale::En, Availability::InStock) => "In stock".to_owned(),
        (Locale::En, Availability::OnlyLeft(n)) => format!("Only {n} left"),
        (Locale::En, Availability::ShipsIn(1)) => "Ships tomorrow".to_owned(),
        (Locale::En, Availability::ShipsIn(days)) => format!("Ships in {days} days"),
        (Locale::En, Availability::SoldOut) => "Sold out".to_owned(),
        (Locale::It, Availability::InStock) => "Disponibile".to_owned(),
        (Locale::It, Availability::OnlyLeft(1)) => "Solo 1 rimasto".to_owned(),
        (Locale::It, Availability::OnlyLeft(n)) => format!("Solo {n} rimasti"),
        (Locale::It, Availability::ShipsIn(1)) => "Spedito domani".to_owned(),
        (Locale::It, Availability::ShipsIn(days)) => format!("Spedito in {days} giorni"),
        (Locale::It, Availability::SoldOut) => "Esaurito".to_owned(),
    }
}

/// The words of the product lists: the home page, a category, the search
/// results, their filters and the header's search box.
pub struct ListingTexts {
    pub home_title: &'static str,
    pub home_description: &'static str,
    pub hero_eyebrow: &'static str,
    pub hero_heading: &'static str,
    pub hero_text: &'static str,
    pub shop_knitwear: &'static str,
    pub shop_by_category: &'static str,
    pub featured: &'static str,
    pub new_in: &'static str,
    pub home: &'static str,
    pub breadcrumb: &'static str,
    pub nothing_here: &'static str,
    pub new_styles_arrive: &'static str,
    pub back_to_shop: &'static str,
    pub search_heading: &'static str,
    pub searching: &'static str,
    pub what_looking_for: &'static str,
    pub type_something: &'static str,
    pub no_results: &'static str,
    pub nothing_matches_before: &'static str,
    pub nothing_matches_after: &'static str,
    pub did_you_mean_before: &'static str,
    pub did_you_mean_after: &'static str,
    pub spelling_hint: &'static str,
    pub browse_categories: &'static str,
    pub popular_now: &'static str,
    pub filter_products: &'static str,
    pub products: &'static str,
    pub size: &'static str,
    pub colour: &'static str,
    pub material: &'static str,
    pub price: &'static str,
    pub price_min: &'static str,
    pub price_max: &'static str,
    pub availability: &'static str,
    pub in_stock_only: &'static str,
    pub in_stock_chip: &'static str,
    pub apply: &'static str,
    pub sort_by: &'static str,
    pub sort: &'static str,
    pub active_filters: &'static str,
    pub clear_all: &'static str,
    pub no_match: &'static str,
    pub no_match_hint: &'static str,
    pub clear_all_filters: &'static str,
    pub search_products: &'static str,
    pub search_placeholder: &'static str,
    pub suggestions: &'static str,
    pub no_suggestions: &'static str,
    pub search_button: &'static str,
}

const LISTING_EN: ListingTexts = ListingTexts {
    home_title: "Contemporary clothing and objects",
    home_description: "Atelier designs knitwear, tailoring, shoes, bags and objects for the home, made to last.",
    hero_eyebrow: "Autumn–Winter 2026",
    hero_heading: "Made to last, designed to be worn",
    hero_text: "Knitwear, tailoring and leather goods from small European workshops, in colours that outlive a season.",
    shop_knitwear: "Shop knitwear",
    shop_by_category: "Shop by category",
    featured: "Featured",
    new_in: "New in",
    home: "Home",
    breadcrumb: "Breadcrumb",
    nothing_here: "Nothing here yet",
    new_styles_arrive: "New styles arrive every season.",
    back_to_shop: "Back to the shop",
    search_heading: "Search",
    searching: "Searching…",
    what_looking_for: "What are you looking for?",
    type_something: "Type a product name, a material or a colour in the search box above.",
    no_results: "No results",
    nothing_matches_before: "Nothing matches “",
    nothing_matches_after: "”.",
    did_you_mean_before: "Did you mean ",
    did_you_mean_after: "?",
    spelling_hint: "Check the spelling, or try a broader word such as “sweater” or “coat”.",
    browse_categories: "Browse categories",
    popular_now: "Popular right now",
    filter_products: "Filter products",
    products: "Products",
    size: "Size",
    colour: "Colour",
    material: "Material",
    price: "Price",
    price_min: "Min (€)",
    price_max: "Max (€)",
    availability: "Availability",
    in_stock_only: "In stock only",
    in_stock_chip: "In stock",
    apply: "Apply",
    sort_by: "Sort by",
    sort: "Sort",
    active_filters: "Active filters",
    clear_all: "Clear all",
    no_match: "No styles match these filters",
    no_match_hint: "Try removing a filter, or widen the price range.",
    clear_all_filters: "Clear all filters",
    search_products: "Search products",
    search_placeholder: "Search knitwear, coats, bags…",
    suggestions: "Suggestions",
    no_suggestions: "No matches — press Enter to search everything",
    search_button: "Search",
};

const LISTING_IT: ListingTexts = ListingTexts {
    home_title: "Abbigliamento e oggetti contemporanei",
    home_description: "Atelier disegna maglieria, sartoria, scarpe, borse e oggetti per la casa, fatti per durare.",
    hero_eyebrow: "Autunno–Inverno 2026",
    hero_heading: "Fatti per durare, pensati per essere indossati",
    hero_text: "Maglieria, sartoria e pelletteria da piccoli laboratori europei, in colori che vanno oltre la stagione.",
    shop_knitwear: "Scopri la maglieria",
    shop_by_category: "Scegli per categoria",
    featured: "In evidenza",
    new_in: "Nuovi arrivi",
    home: "Home",
    breadcrumb: "Percorso",
    nothing_here: "Qui non c'è ancora nulla",
    new_styles_arrive: "Nuovi modelli arrivano ogni stagione.",
    back_to_shop: "Torna al negozio",
    search_heading: "Ricerca",
    searching: "Ricerca in corso…",
    what_looking_for: "Che cosa stai cercando?",
    type_something: "Scrivi il nome di un prodotto, un materiale o un colore nella casella di ricerca qui sopra.",
    no_results: "Nessun risultato",
    nothing_matches_before: "Nessun prodotto corrisponde a “",
    nothing_matches_after: "”.",
    did_you_mean_before: "Forse cercavi ",
    did_you_mean_after: "?",
    spelling_hint: "Controlla l'ortografia, o prova una parola più generica come “maglione” o “cappotto”.",
    browse_categories: "Sfoglia le categorie",
    popular_now: "I più amati del momento",
    filter_products: "Filtra i prodotti",
    products: "Prodotti",
    size: "Taglia",
    colour: "Colore",
    material: "Materiale",
    price: "Prezzo",
    price_min: "Min (€)",
    price_max: "Max (€)",
    availability: "Disponibilità",
    in_stock_only: "Solo disponibili",
    in_stock_chip: "Disponibili",
    apply: "Applica",
    sort_by: "Ordina per",
    sort: "Ordina",
    active_filters: "Filtri attivi",
    clear_all: "Cancella tutto",
    no_match: "Nessun modello corrisponde a questi filtri",
    no_match_hint: "Prova a rimuovere un filtro o ad ampliare la fascia di prezzo.",
    clear_all_filters: "Cancella tutti i filtri",
    search_products: "Cerca prodotti",
    search_placeholder: "Cerca maglieria, cappotti, borse…",
    suggestions: "Suggerimenti",
    no_suggestions: "Nessuna corrispondenza — premi Invio per cercare in tutto il catalogo",
    search_button: "Cerca",
};

pub fn listing_texts(locale: Locale) -> &'static ListingTexts {
    match locale {
        Locale::En => &LISTING_EN,
        Locale::It => &LISTING_IT,
    }
}

/// " style" / " styles" after a count (the facet counts' hidden word).
pub fn style_word(locale: Locale, count: i64) -> &'static str {
    match (locale, count == 1) {
        (Locale::En, true) => " style",
        (Locale::En, false) => " styles",
        (Locale::It, true) => " modello",
        (Locale::It, false) => " modelli",
    }
}

/// "24 styles", "1 modello".
pub fn styles_count(locale: Locale, count: i64) -> String {
    format!("{count}{}", style_word(locale, count))
}

/// "12 results for “coat”", "1 risultato per “coat”".
pub fn results_for(locale: Locale, count: i64, query: &str) -> String {
    match (locale, count == 1) {
        (Locale::En, true) => format!("{count} result for “{query}”"),
        (Locale::En, false) => format!("{count} results for “{query}”"),
        (Locale::It, true) => format!("{count} risultato per “{query}”"),
        (Locale::It, false) => format!("{count} risultati per “{query}”"),
    }
}

/// The search page's title: "Search: coat".
pub fn search_title(locale: Locale, query: &str) -> String {
    match locale {
        Locale::En => format!("Search: {query}"),
        Locale::It => format!("Ricerca: {query}"),
    }
}

/// The filter disclosure: "Filters", "Filters (2)".
pub fn filters_summary(locale: Locale, active: usize) -> String {
    let word = match locale {
        Locale::En => "Filters",
        Locale::It => "Filtri",
    };
    if active == 0 {
        word.to_owned()
    } else {
        format!("{word} ({active})")
    }
}

/// A chip's accessible name: "Remove filter: Size M".
pub fn remove_filter(locale: Locale, label: &str) -> String {
    match locale {
        Locale::En => format!("Remove filter: {label}"),
        Locale::It => format!("Rimuovi filtro: {label}"),
    }
}

/// A product card's swatches: "3 colours", "1 colore".
pub fn colours_count(locale: Locale, count: usize) -> String {
    match (locale, count == 1) {
        (Locale::En, true) => format!("{count} colour"),
        (Locale::En, false) => format!("{count} colours"),
        (Locale::It, true) => format!("{count} colore"),
        (Locale::It, false) => format!("{count} colori"),
    }
}

/// A size filter's chip: "Size M", "Taglia M".
pub fn size_chip(locale: Locale, size: &str) -> String {
    format!("{} {size}", listing_texts(locale).size)
}

/// A lower price bound's chip, in whole euros: "From €50", "Da 50 €".
pub fn price_from_chip(locale: Locale, euros: i64) -> String {
    match locale {
        Locale::En => format!("From €{euros}"),
        Locale::It => format!("Da {euros}\u{a0}€"),
    }
}

/// An upper price bound's chip, in whole euros: "Up to €150", "Fino a 150 €".
pub fn price_up_to_chip(locale: Locale, euros: i64) -> String {
    match locale {
        Locale::En => format!("Up to €{euros}"),
        Locale::It => format!("Fino a {euros}\u{a0}€"),
    }
}

#[cfg(test)]
mod listing_tests {
    use super::*;

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(styles_count(Locale::En, 1), "1 style");
        assert_eq!(styles_count(Locale::En, 24), "24 styles");
        assert_eq!(styles_count(Locale::It, 1), "1 modello");
        assert_eq!(styles_count(Locale::It, 0), "0 modelli");
        assert_eq!(results_for(Locale::En, 12, "coat"), "12 results for “coat”");
        assert_eq!(results_for(Locale::It, 1, "coat"), "1 risultato per “coat”");
        assert_eq!(colours_count(Locale::It, 3), "3 colori");
        assert_eq!(filters_summary(Locale::It, 2), "Filtri (2)");
        assert_eq!(filters_summary(Locale::En, 0), "Filters");
    }

    #[test]
    fn chips_read_naturally() {
        assert_eq!(size_chip(Locale::En, "M"), "Size M");
        assert_eq!(size_chip(Locale::It, "M"), "Taglia M");
        assert_eq!(price_from_chip(Locale::It, 50), "Da 50\u{a0}€");
        assert_eq!(price_up_to_chip(Locale::En, 150), "Up to €150");
    }
}
