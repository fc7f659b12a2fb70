//! The checkout's own words per locale, on the page and in its answers.

use crate::i18n::Locale;

pub struct CheckoutTexts {
    pub title: &'static str,
    pub contact: &'static str,
    pub email: &'static str,
    pub email_hint: &'static str,
    pub have_account: &'static str,
    pub sign_in: &'static str,
    pub faster: &'static str,
    pub address: &'static str,
    pub delivery: &'static str,
    pub free: &'static str,
    pub store: &'static str,
    pub choose_store: &'static str,
    pub store_hint: &'static str,
    pub payment: &'static str,
    pub payment_hint: &'static str,
    pub card_number: &'static str,
    pub card_holder: &'static str,
    pub your_order: &'static str,
    pub subtotal: &'static str,
    pub shipping: &'static str,
    pub total: &'static str,
    pub incl_vat: &'static str,
    pub place_order: &'static str,
    pub placing: &'static str,
    pub terms: &'static str,
    pub empty_title: &'static str,
    pub empty_text: &'static str,
    pub continue_shopping: &'static str,
    pub thank_you: &'static str,
    pub your_order_number: &'static str,
    pub is_placed: &'static str,
    pub item: &'static str,
    pub qty: &'static str,
    pub ships_by: &'static str,
    pub to_be_confirmed: &'static str,
    pub items_and_dates: &'static str,
    pub follow: &'static str,
    pub empty_bag: &'static str,
    pub review_bag: &'static str,
    pub try_again: &'static str,
}

const EN: CheckoutTexts = CheckoutTexts {
    title: "Checkout",
    contact: "Contact",
    email: "Email",
    email_hint: "We send the confirmation and the tracking here.",
    have_account: "Have an account? ",
    sign_in: "Sign in",
    faster: " to check out faster.",
    address: "Delivery address",
    delivery: "Delivery",
    free: "Free",
    store: "Store for click and collect",
    choose_store: "Choose a store",
    store_hint: "Only stores that have everything in your bag are listed.",
    payment: "Payment",
    payment_hint: "Your card is authorized now and charged when your parcel ships. Test cards: 4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined).",
    card_number: "Card number",
    card_holder: "Name on card",
    your_order: "Your order",
    subtotal: "Subtotal",
    shipping: "Shipping",
    total: "Total",
    incl_vat: "Incl. VAT",
    place_order: "Place order",
    placing: "Placing your order…",
    terms: "By placing the order you accept our terms of sale. You can return unworn items within 30 days.",
    empty_title: "Your bag is empty",
    empty_text: "Add something to your bag to check out.",
    continue_shopping: "Continue shopping",
    thank_you: "Thank you",
    your_order_number: "Your order ",
    is_placed: " is placed",
    item: "Item",
    qty: "Qty",
    ships_by: "Ships by",
    to_be_confirmed: "To be confirmed",
    items_and_dates: "Items and planned ship dates",
    follow: "Follow it in your account",
    empty_bag: "Your bag is empty.",
    review_bag: "Some items in your bag are no longer available as they are. Please review your bag.",
    try_again: "We could not reserve your items just now; nothing was charged. Please try again.",
};

const IT: CheckoutTexts = CheckoutTexts {
    title: "Checkout",
    contact: "Contatto",
    email: "Email",
    email_hint: "Ti inviamo qui la conferma e il tracciamento.",
    have_account: "Hai un account? ",
    sign_in: "Accedi",
    faster: " per fare prima.",
    address: "Indirizzo di consegna",
    delivery: "Consegna",
    free: "Gratuita",
    store: "Negozio per il ritiro",
    choose_store: "Scegli un negozio",
    store_hint: "Sono elencati solo i negozi che hanno tutto ciò che è nella borsa.",
    payment: "Pagamento",
    payment_hint: "La carta viene autorizzata ora e addebitata alla spedizione. Carte di prova: 4242 4242 4242 4242 (accettata), 4000 0000 0000 0002 (rifiutata).",
    card_number: "Numero della carta",
    card_holder: "Titolare della carta",
    your_order: "Il tuo ordine",
    subtotal: "Subtotale",
    shipping: "Spedizione",
    total: "Totale",
    incl_vat: "IVA inclusa",
    place_order: "Conferma l'ordine",
    placing: "Invio dell'ordine…",
    terms: "Confermando l'ordine accetti le condizioni di vendita. Puoi restituire i capi non indossati entro 30 giorni.",
    empty_title: "La tua borsa è vuota",
    empty_text: "Aggiungi qualcosa alla borsa per procedere.",
    continue_shopping: "Continua lo shopping",
    thank_you: "Grazie",
    your_order_number: "Il tuo ordine ",
    is_placed: " è confermato",
    item: "Articolo",
    qty: "Q.tà",
    ships_by: "Spedito entro",
    to_be_confirmed: "Da confermare",
    items_and_dates: "Articoli e date di spedizione previste",
    follow: "Seguilo nel tuo account",
    empty_bag: "La tua borsa è vuota.",
    review_bag: "Alcuni articoli della borsa non sono più disponibili così. Controlla la borsa.",
    try_again: "Non siamo riusciti a riservare gli articoli; non è stato addebitato nulla. Riprova.",
};

pub fn checkout_texts(locale: Locale) -> &'static CheckoutTexts {
    match locale {
        Locale::En => &EN,
        Locale::It => &IT,
    }
}

/// The answer when the last units went to someone else.
pub fn stock_went(locale: Locale, items: &str) -> String {
    match locale {
        Locale::En => format!(
            "Sorry, someone else just bought the last of: {items}. We have updated your bag; nothing was charged."
        ),
        Locale::It => format!(
            "Ci dispiace, qualcuno ha appena acquistato gli ultimi pezzi di: {items}. Abbiamo aggiornato la tua borsa; non è stato addebitato nulla."
        ),
    }
}

pub fn confirmation_sent(locale: Locale, email: &str, status: &str) -> String {
    match locale {
        Locale::En => format!("We have sent a confirmation to {email}. Status: {status}."),
        Locale::It => format!("Abbiamo inviato una conferma a {email}. Stato: {status}."),
    }
}

pub fn collect_at(locale: Locale, store: &str) -> String {
    match locale {
        Locale::En => format!("Collect it at {store}. We tell you when it is ready."),
        Locale::It => format!("Ritiralo presso {store}. Ti avvisiamo quando è pronto."),
    }
}

pub fn deliver_to(locale: Locale, address: &str) -> String {
    match locale {
        Locale::En => format!("Delivery to {address}"),
        Locale::It => format!("Consegna a {address}"),
    }
}
