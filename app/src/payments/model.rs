//! What a payment holds and what may still be done with it.

use serde::{Deserialize, Serialize};

/// The running amounts of a payment, in minor units. They only grow:
/// captured + voided never exceed what was authorized, refunded never
/// exceeds what was captured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amounts {
    pub authorized: i64,
    pub captured: i64,
    pub voided: i64,
    pub refunded: i64,
}

/// The status a payment's amounts imply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Authorized,
    PartiallyCaptured,
    Captured,
    Voided,
    PartiallyRefunded,
    Refunded,
}

impl PaymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Authorized => "authorized",
            PaymentStatus::PartiallyCaptured => "partially_captured",
            PaymentStatus::Captured => "captured",
            PaymentStatus::Voided => "voided",
            PaymentStatus::PartiallyRefunded => "partially_refunded",
            PaymentStatus::Refunded => "refunded",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PaymentStatus::Authorized => "Authorized",
            PaymentStatus::PartiallyCaptured => "Partly captured",
            PaymentStatus::Captured => "Captured",
            PaymentStatus::Voided => "Voided",
            PaymentStatus::PartiallyRefunded => "Partly refunded",
            PaymentStatus::Refunded => "Refunded",
        }
    }
}

/// Why an amount cannot be taken from a payment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("the amount must be positive")]
    NotPositive,
    #[error("only {left} is left to {what}")]
    TooMuch { what: &'static str, left: i64 },
}

impl Amounts {
    pub fn authorized(amount: i64) -> Amounts {
        Amounts {
            authorized: amount,
            ..Amounts::default()
        }
    }

    /// Authorized and neither captured nor voided yet.
    pub fn open(self) -> i64 {
        self.authorized - self.captured - self.voided
    }

    /// Captured and not refunded yet.
    pub fn refundable(self) -> i64 {
        self.captured - self.refunded
    }

    pub fn status(self) -> PaymentStatus {
        if self.refunded > 0 {
            if self.refunded == self.captured && self.open() == 0 {
                PaymentStatus::Refunded
            } else {
                PaymentStatus::PartiallyRefunded
            }
        } else if self.captured == 0 {
            if self.voided > 0 && self.open() == 0 {
                PaymentStatus::Voided
            } else {
                PaymentStatus::Authorized
            }
        } else if self.open() == 0 {
            PaymentStatus::Captured
        } else {
            PaymentStatus::PartiallyCaptured
        }
    }

    /// Capturing `amount` more; a capture asks for at most what is open.
    pub fn capture(self, amount: i64) -> Result<Amounts, AmountError> {
        check(amount, self.open(), "capture")?;
        Ok(Amounts {
            captured: self.captured + amount,
            ..self
        })
    }

    pub fn void(self, amount: i64) -> Result<Amounts, AmountError> {
        check(amount, self.open(), "void")?;
        Ok(Amounts {
            voided: self.voided + amount,
            ..self
        })
    }

    pub fn refund(self, amount: i64) -> Result<Amounts, AmountError> {
        check(amount, self.refundable(), "refund")?;
        Ok(Amounts {
            refunded: self.refunded + amount,
            ..self
        })
    }
}

fn check(amount: i64, left: i64, what: &'static str) -> Result<(), AmountError> {
    if amount <= 0 {
        Err(AmountError::NotPositive)
    } else if amount > left {
        Err(AmountError::TooMuch { what, left })
    } else {
        Ok(())
    }
}

/// An order's payment as the back office shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PaymentView {
    /// `test_card`, `invoice`, `marketplace`, `in_store` or `external`.
    pub provider: String,
    pub provider_reference: String,
    /// `authorized`, `partially_captured`, `captured`, `voided`, `partially_refunded` or `refunded`.
    pub status: String,
    pub authorized_minor: i64,
    pub captured_minor: i64,
    pub voided_minor: i64,
    pub refunded_minor: i64,
    pub transactions: Vec<PaymentTransaction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PaymentTransaction {
    /// `authorize`, `capture`, `void` or `refund`.
    pub kind: String,
    /// What it was for: the order, a fulfilment request, a return.
    pub reference: String,
    pub amount_minor: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_status_follows_the_amounts() {
        let paid = Amounts::authorized(10_000);
        assert_eq!(paid.status(), PaymentStatus::Authorized);
        let part = paid.capture(4_000).unwrap();
        assert_eq!(part.status(), PaymentStatus::PartiallyCaptured);
        let rest_voided = part.void(6_000).unwrap();
        assert_eq!(rest_voided.status(), PaymentStatus::Captured);
        let refunded = rest_voided.refund(1_000).unwrap();
        assert_eq!(refunded.status(), PaymentStatus::PartiallyRefunded);
        assert_eq!(
            refunded.refund(3_000).unwrap().status(),
            PaymentStatus::Refunded
        );
        assert_eq!(paid.void(10_000).unwrap().status(), PaymentStatus::Voided);
    }

    #[test]
    fn nothing_is_taken_twice() {
        let paid = Amounts::authorized(5_000).capture(5_000).unwrap();
        assert_eq!(
            paid.capture(1),
            Err(AmountError::TooMuch {
                what: "capture",
                left: 0
            })
        );
        assert_eq!(
            paid.void(1),
            Err(AmountError::TooMuch {
                what: "void",
                left: 0
            })
        );
        assert_eq!(paid.refund(0), Err(AmountError::NotPositive));
        assert!(paid.refund(5_001).is_err());
    }

    proptest! {
        /// Whatever is asked, in any order, the invariants hold.
        #[test]
        fn amounts_stay_within_what_was_authorized(
            authorized in 0i64..100_000,
            steps in prop::collection::vec((0u8..3, 0i64..60_000), 0..12),
        ) {
            let mut amounts = Amounts::authorized(authorized);
            for (kind, amount) in steps {
                let next = match kind {
                    0 => amounts.capture(amount),
                    1 => amounts.void(amount),
                    _ => amounts.refund(amount),
                };
                if let Ok(next) = next {
                    amounts = next;
                }
                prop_assert!(amounts.captured + amounts.voided <= amounts.authorized);
                prop_assert!(amounts.refunded <= amounts.captured);
                prop_assert!(amounts.open() >= 0 && amounts.refundable() >= 0);
            }
        }
    }
}
