//! Pure rules of access and accounts: who may enter what, what a valid
//! email, name and password are, when sign-in attempts are throttled.
//! No I/O here: the route guard, the server functions and the browser all
//! decide with these same functions.

use super::model::{AdminArea, Audience, CurrentUser};
use crate::error::FieldError;
use time::{Duration, OffsetDateTime};

/// What a page or server function requires of the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    Public,
    SignedIn,
    Retailer,
    Staff(AdminArea),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Nobody is signed in: send them to sign in, then back.
    SignIn,
    /// Signed in with a role that may not enter.
    Forbidden,
}

/// The requirement of a page path: `/admin/<area>/…` for the staff owning the
/// area, `/b2b/…` for retailer buyers, `/account/…` for any signed-in person.
pub fn requirement_for_path(path: &str) -> Requirement {
    // The storefront's Italian pages are the same pages under `/it`.
    let path = crate::i18n::Locale::strip(path);
    let mut segments = path.trim_start_matches('/').split('/');
    match segments.next().unwrap_or("") {
        "admin" => {
            let area = segments
                .next()
                .and_then(AdminArea::from_slug)
                .unwrap_or(AdminArea::Dashboard);
            Requirement::Staff(area)
        }
        // An invited colleague sets their password before having an account.
        "b2b" if segments.next() == Some("join") => Requirement::Public,
        "b2b" => Requirement::Retailer,
        "account" => Requirement::SignedIn,
        _ => Requirement::Public,
    }
}

pub fn decide(user: Option<&CurrentUser>, requirement: Requirement) -> Decision {
    let Some(user) = user else {
        return match requirement {
            Requirement::Public => Decision::Allow,
            _ => Decision::SignIn,
        };
    };
    let allowed = match requirement {
        Requirement::Public | Requirement::SignedIn => true,
        Requirement::Retailer => user.role.audience() == Audience::Retailer,
        Requirement::Staff(area) => area.allows(user.role),
    };
    if allowed {
        Decision::Allow
    } else {
        Decision::Forbidden
    }
}

/// A `next` target is followed only if it is a path on this site; anything
/// else (`//evil.example`, `https://…`, `/\evil`) would be an open redirect.
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    ok.then_some(next)
}

/// Where to go after signing in: the requested page if this user may see it,
/// else the user's home.
pub fn landing_path(user: &CurrentUser, next: Option<&str>) -> String {
    next.and_then(safe_next)
        .filter(|path| !path.starts_with("/sign-in") && !path.starts_with("/register"))
        .filter(|path| decide(Some(user), requirement_for_path(path)) == Decision::Allow)
        .map(str::to_owned)
        .unwrap_or_else(|| user.role.home_path().to_owned())
}

/// The sign-in page, remembering where to come back to.
pub fn sign_in_url(next: &str) -> String {
    format!("/sign-in?next={}", urlencoding::encode(next))
}

/// An email address: trimmed, lower-cased, syntactically valid, with a dot in
/// its domain (addresses on bare host names are not deliverable for us).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, FieldError> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(FieldError::new(
                "email",
                "required",
                "Please enter your email address.",
            ));
        }
        let valid = email.len() <= 254
            && email_address::EmailAddress::is_valid(&email)
            && email
                .rsplit_once('@')
                .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with('.'));
        if valid {
            Ok(Email(email))
        } else {
            Err(FieldError::new(
                "email",
                "invalid",
                "Please enter a valid email address, like name@example.com.",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 128;
/// Shown beside new-password fields; a test keeps it in step with the minimum.
pub const PASSWORD_HINT: &str = "At least 10 characters.";

/// A new password: long enough to resist guessing, short enough to hash
/// cheaply, and not the email address itself.
pub fn check_new_password(field: &str, password: &str, email: &str) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(FieldError::new(
            field,
            "too_short",
            format!("Use at least {PASSWORD_MIN_CHARS} characters for your password."),
        ));
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("Use at most {PASSWORD_MAX_CHARS} characters for your password."),
        ));
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(FieldError::new(
            field,
            "same_as_email",
            "Your password must not be your email address.",
        ));
    }
    Ok(())
}

pub fn check_password_confirmation(password: &str, confirmation: &str) -> Result<(), FieldError> {
    if password == confirmation {
        Ok(())
    } else {
        Err(FieldError::new(
            "password_confirm",
            "mismatch",
            "The two passwords do not match.",
        ))
    }
}

/// A person's display name: trimmed, 1–100 characters, no control characters.
pub fn parse_name(input: &str) -> Result<String, FieldError> {
    let name = crate::text::single_spaced(input);
    if name.is_empty() {
        return Err(FieldError::new(
            "name",
            "required",
            "Please enter your name.",
        ));
    }
    if name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(FieldError::new(
            "name",
            "invalid",
            "Please enter a name of at most 100 characters.",
        ));
    }
    Ok(name)
}

/// How many failed sign-ins are tolerated, and over which period.
#[derive(Debug, Clone, Copy)]
pub struct ThrottlePolicy {
    pub max_failures: usize,
    pub window: Duration,
}

/// Per account: five wrong passwords in 15 minutes lock it for the rest of the window.
pub const ACCOUNT_THROTTLE: ThrottlePolicy = ThrottlePolicy {
    max_failures: 5,
    window: Duration::minutes(15),
};

/// Per client address: guessing across many accounts.
pub const ADDRESS_THROTTLE: ThrottlePolicy = ThrottlePolicy {
    max_failures: 30,
    window: Duration::minutes(15),
};

impl ThrottlePolicy {
    /// Given the times of recent failed attempts (any order), how long the
    /// caller must wait before the next attempt is even checked; `None` = go ahead.
    pub fn retry_after(
        &self,
        failures: &[OffsetDateTime],
        now: OffsetDateTime,
    ) -> Option<Duration> {
        let mut recent: Vec<OffsetDateTime> = failures
            .iter()
            .copied()
            .filter(|t| *t > now - self.window && *t <= now)
            .collect();
        if recent.len() < self.max_failures {
            return None;
        }
        recent.sort_unstable_by(|a, b| b.cmp(a));
        // Locked until the max-th most recent failure leaves the window.
        let unlocks_at = recent[self.max_failures - 1] + self.window;
        Some((unlocks_at - now).max(Duration::seconds(1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::model::{CompanyRef, Role};
    use proptest::prelude::*;
    use uuid::Uuid;

    fn user(role: Role) -> CurrentUser {
        CurrentUser {
            id: Uuid::nil(),
            email: "x@example.com".into(),
            name: "X".into(),
            role,
            company: (role.audience() == Audience::Retailer).then(|| CompanyRef {
                id: Uuid::nil(),
                name: "Shop".into(),
            }),
        }
    }

    #[test]
    fn paths_map_to_requirements() {
        assert_eq!(requirement_for_path("/"), Requirement::Public);
        assert_eq!(
            requirement_for_path("/p/merino-sweater"),
            Requirement::Public
        );
        assert_eq!(requirement_for_path("/administration"), Requirement::Public);
        assert_eq!(
            requirement_for_path("/admin"),
            Requirement::Staff(AdminArea::Dashboard)
        );
        assert_eq!(
            requirement_for_path("/admin/inventory/locations"),
            Requirement::Staff(AdminArea::Inventory)
        );
        assert_eq!(
            requirement_for_path("/admin/settings"),
            Requirement::Staff(AdminArea::Settings)
        );
        assert_eq!(requirement_for_path("/b2b"), Requirement::Retailer);
        assert_eq!(requirement_for_path("/b2b/orders"), Requirement::Retailer);
        assert_eq!(requirement_for_path("/account"), Requirement::SignedIn);
        assert_eq!(requirement_for_path("/b2bx"), Requirement::Public);
    }

    #[test]
    fn anonymous_is_sent_to_sign_in_except_for_public_pages() {
        assert_eq!(decide(None, Requirement::Public), Decision::Allow);
        assert_eq!(decide(None, Requirement::SignedIn), Decision::SignIn);
        assert_eq!(decide(None, Requirement::Retailer), Decision::SignIn);
        assert_eq!(
            decide(None, Requirement::Staff(AdminArea::Dashboard)),
            Decision::SignIn
        );
    }

    #[test]
    fn surfaces_are_for_their_audience() {
        let admin_home = Requirement::Staff(AdminArea::Dashboard);
        assert_eq!(
            decide(Some(&user(Role::Consumer)), admin_home),
            Decision::Forbidden
        );
        assert_eq!(
            decide(Some(&user(Role::Buyer)), admin_home),
            Decision::Forbidden
        );
        assert_eq!(
            decide(Some(&user(Role::Warehouse)), admin_home),
            Decision::Allow
        );
        assert_eq!(
            decide(Some(&user(Role::Warehouse)), Requirement::Retailer),
            Decision::Forbidden
        );
        assert_eq!(
            decide(Some(&user(Role::Consumer)), Requirement::Retailer),
            Decision::Forbidden
        );
        assert_eq!(
            decide(Some(&user(Role::CompanyAdmin)), Requirement::Retailer),
            Decision::Allow
        );
        assert_eq!(
            decide(Some(&user(Role::Buyer)), Requirement::SignedIn),
            Decision::Allow
        );
    }

    #[test]
    fn admin_areas_are_for_their_owners() {
        let pricing = Requirement::Staff(AdminArea::Pricing);
        assert_eq!(
            decide(Some(&user(Role::Warehouse)), pricing),
            Decision::Forbidden
        );
        assert_eq!(decide(Some(&user(Role::Pricing)), pricing), Decision::Allow);
        assert_eq!(decide(Some(&user(Role::Admin)), pricing), Decision::Allow);
        let settings = Requirement::Staff(AdminArea::Settings);
        assert_eq!(
            decide(Some(&user(Role::Finance)), settings),
            Decision::Forbidden
        );
    }

    #[test]
    fn next_must_stay_on_this_site() {
        assert_eq!(
            safe_next("/admin/orders?page=2"),
            Some("/admin/orders?page=2")
        );
        assert_eq!(safe_next("//evil.example/x"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
        assert_eq!(safe_next("https://evil.example"), None);
        assert_eq!(safe_next("/ok\r\nSet-Cookie: x"), None);
        assert_eq!(safe_next(""), None);
    }

    #[test]
    fn landing_respects_access_and_falls_back_to_home() {
        assert_eq!(
            landing_path(&user(Role::Admin), Some("/admin/orders")),
            "/admin/orders"
        );
        assert_eq!(
            landing_path(&user(Role::Consumer), Some("/admin")),
            "/account"
        );
        assert_eq!(landing_path(&user(Role::Buyer), None), "/b2b");
        assert_eq!(
            landing_path(&user(Role::Warehouse), Some("https://evil.example")),
            "/admin"
        );
        assert_eq!(
            landing_path(&user(Role::Consumer), Some("/sign-in?next=/")),
            "/account"
        );
    }

    #[test]
    fn sign_in_url_encodes_the_target() {
        assert_eq!(
            sign_in_url("/admin/orders?page=2"),
            "/sign-in?next=%2Fadmin%2Forders%3Fpage%3D2"
        );
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Ada@Example.COM ").unwrap().as_str(),
            "ada@example.com"
        );
        assert_eq!(Email::parse("").unwrap_err().code, "required");
        for bad in [
            "ada",
            "ada@",
            "@example.com",
            "ada@localhost",
            "ada@example.",
            "a b@example.com",
        ] {
            assert_eq!(Email::parse(bad).unwrap_err().code, "invalid", "{bad}");
        }
    }

    #[test]
    fn passwords_need_length_and_must_differ_from_email() {
        assert_eq!(
            check_new_password("password", "short", "a@b.co")
                .unwrap_err()
                .code,
            "too_short"
        );
        assert_eq!(
            check_new_password("password", &"x".repeat(129), "a@b.co")
                .unwrap_err()
                .code,
            "too_long"
        );
        assert_eq!(
            check_new_password("password", "Ada@Example.com", "ada@example.com")
                .unwrap_err()
                .code,
            "same_as_email"
        );
        assert!(check_new_password("password", "correct horse battery", "a@b.co").is_ok());
        assert!(check_password_confirmation("a", "b").is_err());
    }

    #[test]
    fn password_hint_states_the_minimum() {
        assert!(PASSWORD_HINT.contains(&PASSWORD_MIN_CHARS.to_string()));
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(parse_name("  Ada   Lovelace ").unwrap(), "Ada Lovelace");
        assert_eq!(parse_name("   ").unwrap_err().code, "required");
        assert_eq!(parse_name(&"a".repeat(101)).unwrap_err().code, "invalid");
    }

    #[test]
    fn throttle_locks_after_the_limit_until_the_window_passes() {
        let now = OffsetDateTime::UNIX_EPOCH + Duration::days(1000);
        let policy = ACCOUNT_THROTTLE;
        let four: Vec<_> = (1..=4).map(|m| now - Duration::minutes(m)).collect();
        assert_eq!(policy.retry_after(&four, now), None);
        let mut five = four.clone();
        five.push(now - Duration::minutes(10));
        // The 5th most recent failure was 10 minutes ago: 5 minutes to wait.
        assert_eq!(policy.retry_after(&five, now), Some(Duration::minutes(5)));
        // Old failures do not count.
        let old: Vec<_> = (0..10).map(|m| now - Duration::minutes(16 + m)).collect();
        assert_eq!(policy.retry_after(&old, now), None);
    }

    proptest! {
        #[test]
        fn throttle_never_lets_more_than_the_limit_through_a_window(
            offsets in proptest::collection::vec(0i64..3_600, 0..40)
        ) {
            let now = OffsetDateTime::UNIX_EPOCH + Duration::days(1000);
            let failures: Vec<_> = offsets.iter().map(|s| now - Duration::seconds(*s)).collect();
            let in_window = offsets.iter().filter(|s| **s < 15 * 60).count();
            match ACCOUNT_THROTTLE.retry_after(&failures, now) {
                None => prop_assert!(in_window < ACCOUNT_THROTTLE.max_failures),
                Some(wait) => {
                    prop_assert!(in_window >= ACCOUNT_THROTTLE.max_failures);
                    prop_assert!(wait > Duration::ZERO && wait <= ACCOUNT_THROTTLE.window);
                    // After waiting, the attempt is allowed unless new failures arrive.
                    prop_assert_eq!(ACCOUNT_THROTTLE.retry_after(&failures, now + wait), None);
                }
            }
        }

        #[test]
        fn safe_next_only_returns_local_paths(next in "\\PC{0,40}") {
            if let Some(path) = safe_next(&next) {
                prop_assert!(path.starts_with('/') && !path.starts_with("//"));
            }
        }
    }
}
