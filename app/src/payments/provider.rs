//! Payment providers behind one trait. The built-in ones: a test card
//! provider (for the storefront's checkout and the tests), and providers
//! that only record what happens elsewhere: invoices on payment terms,
//! marketplaces that collect for us, payment at the till, cards charged by
//! a channel itself. A real card provider plugs in beside them.
//!
//! Every call carries an idempotency key: a provider answers a repeated
//! key with its first answer, so a step that is retried never charges twice.

use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    /// The provider said no (e.g. a declined card): final, tell the customer.
    #[error("{0}")]
    Declined(String),
    /// The provider failed or could not be reached: worth trying again.
    #[error("{0}")]
    Unavailable(String),
}

/// The card a customer typed at checkout.
#[derive(Debug, Clone, Copy)]
pub struct Card<'a> {
    pub number: &'a str,
    pub holder: &'a str,
}

#[async_trait::async_trait]
pub trait PaymentProvider: Send + Sync {
    /// As stored in `payments.provider`.
    fn code(&self) -> &'static str;

    /// Holds `amount_minor` on the card; returns the provider's reference
    /// of the payment.
    async fn authorize(
        &self,
        card: Card<'_>,
        amount_minor: i64,
        currency: &str,
        idempotency_key: &str,
    ) -> Result<String, PaymentError>;

    /// Takes (part of) what is held. Returns the provider's reference of the
    /// transaction, as do `void` and `refund`.
    async fn capture(
        &self,
        payment: &str,
        amount_minor: i64,
        idempotency_key: &str,
    ) -> Result<String, PaymentError>;

    /// Lets go of (part of) what is held and not captured.
    async fn void(
        &self,
        payment: &str,
        amount_minor: i64,
        idempotency_key: &str,
    ) -> Result<String, PaymentError>;

    /// Gives back (part of) what was captured.
    async fn refund(
        &self,
        payment: &str,
        amount_minor: i64,
        idempotency_key: &str,
    ) -> Result<String, PaymentError>;
}

/// The provider stored under `code`.
pub fn provider(code: &str) -> Option<&'static dyn PaymentProvider> {
    static TEST_CARD: TestCardProvider = TestCardProvider;
    static RECORDED: [Recorded; 4] = [
        Recorded("invoice"),
        Recorded("marketplace"),
        Recorded("in_store"),
        Recorded("external"),
    ];
    if code == TEST_CARD.code() {
        return Some(&TEST_CARD);
    }
    RECORDED
        .iter()
        .find(|r| r.0 == code)
        .map(|r| r as &dyn PaymentProvider)
}

/// A reference that is the same for the same key, as a provider's would be
/// for a repeated request.
fn reference(prefix: &str, idempotency_key: &str) -> String {
    let digest = Sha256::digest(idempotency_key.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}_{hex}")
}

/// The test card provider: no money moves. Its cards:
pub struct TestCardProvider;

impl TestCardProvider {
    /// Authorized.
    pub const SUCCEEDS: &'static str = "4242424242424242";
    /// Declined by the bank.
    pub const DECLINED: &'static str = "4000000000000002";
    /// The provider fails (try again later).
    pub const PROVIDER_ERROR: &'static str = "4000000000000119";
}

#[async_trait::async_trait]
impl PaymentProvider for TestCardProvider {
    fn code(&self) -> &'static str {
        "test_card"
    }

    async fn authorize(
        &self,
        card: Card<'_>,
        amount_minor: i64,
        _currency: &str,
        idempotency_key: &str,
    ) -> Result<String, PaymentError> {
        let digits: String = card
            .number
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        match digits.as_str() {
            _ if amount_minor <= 0 => Err(PaymentError::Declined("Nothing to pay.".into())),
            Self::SUCCEEDS => Ok(reference("test_pay", idempotency_key)),
            Self::DECLINED => Err(PaymentError::Declined(
                "The card was declined. Try another card.".into(),
            )),
            Self::PROVIDER_ERROR => Err(PaymentError::Unavailable(
                "The payment provider had a problem; nothing was charged. Try again.".into(),
            )),
            _ => Err(PaymentError::Declined(
                "The card number is not valid for this shop (use a test card).".into(),
            )),
        }
    }

    async fn capture(&self, _: &str, _: i64, key: &str) -> Result<String, PaymentError> {
        Ok(reference("test_cap", key))
    }

    async fn void(&self, _: &str, _: i64, key: &str) -> Result<String, PaymentError> {
        Ok(reference("test_void", key))
    }

    async fn refund(&self, _: &str, _: i64, key: &str) -> Result<String, PaymentError> {
        Ok(reference("test_ref", key))
    }
}

/// Records what happens outside: an invoice falls due when goods ship, a
/// marketplace pays out what it collected, a refund becomes a credit note.
pub struct Recorded(&'static str);

#[async_trait::async_trait]
impl PaymentProvider for Recorded {
    fn code(&self) -> &'static str {
        self.0
    }

    async fn authorize(
        &self,
        _: Card<'_>,
        _: i64,
        _: &str,
        key: &str,
    ) -> Result<String, PaymentError> {
        Ok(reference(self.0, key))
    }

    async fn capture(&self, _: &str, _: i64, key: &str) -> Result<String, PaymentError> {
        Ok(reference(self.0, key))
    }

    async fn void(&self, _: &str, _: i64, key: &str) -> Result<String, PaymentError> {
        Ok(reference(self.0, key))
    }

    async fn refund(&self, _: &str, _: i64, key: &str) -> Result<String, PaymentError> {
        Ok(reference(self.0, key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(number: &str) -> Card<'_> {
        Card {
            number,
            holder: "Ada",
        }
    }

    #[tokio::test]
    async fn test_cards_succeed_decline_and_fail() {
        let p = provider("test_card").unwrap();
        let ok = p
            .authorize(card("4242 4242 4242 4242"), 100, "EUR", "k1")
            .await;
        assert_eq!(
            ok,
            p.authorize(card(TestCardProvider::SUCCEEDS), 100, "EUR", "k1")
                .await
        );
        assert!(ok.unwrap().starts_with("test_pay_"));
        assert!(matches!(
            p.authorize(card(TestCardProvider::DECLINED), 100, "EUR", "k2")
                .await,
            Err(PaymentError::Declined(_))
        ));
        assert!(matches!(
            p.authorize(card(TestCardProvider::PROVIDER_ERROR), 100, "EUR", "k3")
                .await,
            Err(PaymentError::Unavailable(_))
        ));
        assert!(p.authorize(card("1234"), 100, "EUR", "k4").await.is_err());
    }

    #[test]
    fn every_stored_provider_is_known() {
        for code in [
            "test_card",
            "invoice",
            "marketplace",
            "in_store",
            "external",
        ] {
            assert_eq!(provider(code).map(|p| p.code()), Some(code));
        }
        assert!(provider("bitcoin").is_none());
    }
}
