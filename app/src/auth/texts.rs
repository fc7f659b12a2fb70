//! The account pages' own words per locale: sign-in, registration and the
//! account overview.

use super::model::Role;
use super::rules::PASSWORD_HINT;
use crate::i18n::Locale;

pub struct AuthTexts {
    pub sign_in: &'static str,
    pub sign_in_lead: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub signing_in: &'static str,
    pub new_here: &'static str,
    pub create_an_account: &'static str,
    pub register_lead: &'static str,
    pub full_name: &'static str,
    pub password_hint: &'static str,
    pub repeat_password: &'static str,
    pub create_account: &'static str,
    pub creating_account: &'static str,
    pub have_account: &'static str,
    pub your_account: &'static str,
    pub profile: &'static str,
    pub name: &'static str,
    pub account: &'static str,
    pub company: &'static str,
    pub open_back_office: &'static str,
    pub open_portal: &'static str,
    pub change_password: &'static str,
    pub password_changed: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub repeat_new_password: &'static str,
    pub saving: &'static str,
    pub your_orders: &'static str,
    pub sign_out: &'static str,
    pub loading: &'static str,
}

const EN: AuthTexts = AuthTexts {
    sign_in: "Sign in",
    sign_in_lead: "Customers, retail buyers and staff all sign in here.",
    email: "Email",
    password: "Password",
    signing_in: "Signing in…",
    new_here: "New to Atelier? ",
    create_an_account: "Create an account",
    register_lead: "Track your orders, save addresses and check out faster.",
    full_name: "Full name",
    password_hint: PASSWORD_HINT,
    repeat_password: "Repeat password",
    create_account: "Create account",
    creating_account: "Creating account…",
    have_account: "Already have an account? ",
    your_account: "Your account",
    profile: "Profile",
    name: "Name",
    account: "Account",
    company: "Company",
    open_back_office: "Open the back office",
    open_portal: "Open the B2B portal",
    change_password: "Change password",
    password_changed: "Your password was changed. Other devices have been signed out.",
    current_password: "Current password",
    new_password: "New password",
    repeat_new_password: "Repeat new password",
    saving: "Saving…",
    your_orders: "Your orders",
    sign_out: "Sign out",
    loading: "Loading…",
};

const IT: AuthTexts = AuthTexts {
    sign_in: "Accedi",
    sign_in_lead: "Clienti, rivenditori e staff accedono tutti da qui.",
    email: "Email",
    password: "Password",
    signing_in: "Accesso in corso…",
    new_here: "Prima volta su Atelier? ",
    create_an_account: "Crea un account",
    register_lead: "Segui i tuoi ordini, salva i tuoi indirizzi e completa gli acquisti più in fretta.",
    full_name: "Nome e cognome",
    password_hint: "Almeno 10 caratteri.",
    repeat_password: "Ripeti la password",
    create_account: "Crea l'account",
    creating_account: "Creazione dell'account…",
    have_account: "Hai già un account? ",
    your_account: "Il tuo account",
    profile: "Profilo",
    name: "Nome",
    account: "Account",
    company: "Azienda",
    open_back_office: "Apri il back office",
    open_portal: "Apri il portale B2B",
    change_password: "Cambia la password",
    password_changed: "La password è stata cambiata. Gli altri dispositivi sono stati disconnessi.",
    current_password: "Password attuale",
    new_password: "Nuova password",
    repeat_new_password: "Ripeti la nuova password",
    saving: "Salvataggio…",
    your_orders: "I tuoi ordini",
    sign_out: "Esci",
    loading: "Caricamento…",
};

pub fn auth_texts(locale: Locale) -> &'static AuthTexts {
    match locale {
        Locale::En => &EN,
        Locale::It => &IT,
    }
}

/// The account page's greeting: "Hello, Giulia".
pub fn hello(locale: Locale, first_name: &str) -> String {
    match locale {
        Locale::En => format!("Hello, {first_name}"),
        Locale::It => format!("Ciao, {first_name}"),
    }
}

/// The kind of account, as its owner reads it.
pub fn role_label(locale: Locale, role: Role) -> &'static str {
    match locale {
        Locale::En => role.label(),
        Locale::It => match role {
            Role::Consumer => "Cliente",
            Role::Buyer => "Acquirente",
            Role::CompanyAdmin => "Amministratore aziendale",
            Role::Admin => "Amministratore",
            Role::Merchandiser => "Merchandiser",
            Role::Content => "Redazione contenuti",
            Role::Pricing => "Responsabile prezzi",
            Role::Warehouse => "Magazzino",
            Role::CustomerService => "Servizio clienti",
            Role::Finance => "Amministrazione",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::rules::PASSWORD_MIN_CHARS;

    #[test]
    fn the_password_hint_states_the_minimum_in_every_language() {
        for locale in Locale::ALL {
            assert!(
                auth_texts(locale)
                    .password_hint
                    .contains(&PASSWORD_MIN_CHARS.to_string())
            );
        }
    }

    #[test]
    fn english_keeps_the_words_the_tests_look_for() {
        let t = auth_texts(Locale::En);
        assert_eq!(
            (t.sign_in, t.create_account, t.full_name, t.repeat_password),
            ("Sign in", "Create account", "Full name", "Repeat password")
        );
        assert_eq!(hello(Locale::En, "Grace"), "Hello, Grace");
        assert_eq!(hello(Locale::It, "Grace"), "Ciao, Grace");
    }
}
