//! One error type for every server function: serialisable across the network,
//! with an HTTP status and a message a person can read. Database and other
//! internal details are logged on the server and never reach the browser.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// A problem with one input field, machine-readable (`field`, `code`) and
/// human-readable (`message`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// 400: the request itself is malformed (missing or unparsable fields).
    #[error("The request could not be understood: {0}")]
    BadRequest(String),
    /// 401: nobody is signed in.
    #[error("Please sign in to continue.")]
    Unauthenticated,
    /// 401: sign-in with a wrong email or password.
    #[error("That email and password do not match an account.")]
    InvalidCredentials,
    /// 403: signed in, but not allowed.
    #[error("You do not have access to this.")]
    Forbidden,
    /// 404: the thing named (e.g. "Product") does not exist.
    #[error("{0} was not found.")]
    NotFound(String),
    /// 409: the request conflicts with the current state.
    #[error("{0}")]
    Conflict(String),
    /// 422: one or more fields are invalid.
    #[error("{}", summary(.0))]
    Invalid(Vec<FieldError>),
    /// 429: too many attempts; try again later.
    #[error("Too many attempts. Please try again in {}.", wait_text(*.retry_after_secs))]
    TooManyRequests { retry_after_secs: u64 },
    /// 503: a service we depend on (e.g. the payment provider) failed;
    /// nothing was done, and trying again may work.
    #[error("{0}")]
    Unavailable(String),
    /// 500: a failure on our side; the detail is in the server log.
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    /// The browser could not reach the server, or could not read its answer.
    #[error("Could not reach the server ({0}). Please check your connection and try again.")]
    Transport(String),
}

fn summary(errors: &[FieldError]) -> String {
    match errors {
        [one] => one.message.clone(),
        _ => "Please correct the highlighted fields.".to_owned(),
    }
}

fn wait_text(secs: u64) -> String {
    match secs {
        0..=59 => format!("{secs} seconds"),
        60..=119 => "a minute".to_owned(),
        _ => format!("{} minutes", secs.div_ceil(60)),
    }
}

impl AppError {
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError::new(field, code, message)])
    }

    pub fn status(&self) -> u16 {
        match self {
            Self::BadRequest(_) => 400,
            Self::Unauthenticated | Self::InvalidCredentials => 401,
            Self::Forbidden => 403,
            Self::NotFound(_) => 404,
            Self::Conflict(_) => 409,
            Self::Invalid(_) => 422,
            Self::TooManyRequests { .. } => 429,
            Self::Internal => 500,
            Self::Transport(_) => 502,
            Self::Unavailable(_) => 503,
        }
    }

    /// The message for one field, if this error names it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            Self::Invalid(errors) => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone()),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => {
                Self::BadRequest(msg)
            }
            ServerFnErrorErr::Request(msg) | ServerFnErrorErr::Response(msg) => {
                Self::Transport(msg)
            }
            other => {
                #[cfg(feature = "ssr")]
                tracing::error!(error = %other, "server function failed");
                #[cfg(not(feature = "ssr"))]
                let _ = other;
                Self::Internal
            }
        }
    }
}

/// Collects field errors so a form reports every problem at once.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the value of a successful check; records the error of a failed one.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.0.push(e)).ok()
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// `Ok(())` when nothing was recorded.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// For `map_err`: logs an internal failure with what was being done, and
    /// gives the caller only [`AppError::Internal`].
    pub fn internal<E: std::fmt::Display>(doing: &'static str) -> impl FnOnce(E) -> AppError {
        move |error| {
            tracing::error!(%error, "{doing}");
            AppError::Internal
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        Self::Internal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_client_errors_for_bad_input() {
        assert_eq!(
            AppError::field("email", "invalid", "Bad email").status(),
            422
        );
        assert_eq!(AppError::BadRequest("x".into()).status(), 400);
        assert_eq!(AppError::Forbidden.status(), 403);
        assert_eq!(AppError::Internal.status(), 500);
    }

    #[test]
    fn single_field_error_reads_as_its_message() {
        let e = AppError::field(
            "email",
            "taken",
            "An account with this email already exists.",
        );
        assert_eq!(e.to_string(), "An account with this email already exists.");
        assert_eq!(
            e.field_message("email").as_deref(),
            Some("An account with this email already exists.")
        );
        assert_eq!(e.field_message("password"), None);
    }

    #[test]
    fn wait_text_rounds_up_to_minutes() {
        assert_eq!(wait_text(30), "30 seconds");
        assert_eq!(wait_text(61), "a minute");
        assert_eq!(wait_text(601), "11 minutes");
    }

    #[test]
    fn field_errors_collect_everything() {
        let mut errors = FieldErrors::new();
        assert_eq!(errors.check::<u8>(Ok(1)), Some(1));
        assert_eq!(
            errors.check::<u8>(Err(FieldError::new("a", "x", "A is wrong"))),
            None
        );
        errors.push(FieldError::new("b", "y", "B is wrong"));
        match errors.finish() {
            Err(AppError::Invalid(list)) => assert_eq!(list.len(), 2),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn round_trips_through_json() {
        let e = AppError::TooManyRequests {
            retry_after_secs: 90,
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), e);
    }
}
