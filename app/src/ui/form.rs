//! Form fields with labels, hints and error messages wired for assistive technology.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The error of an action's last call, if it failed.
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The message for one field from an action's last error.
pub fn field_error(
    error: Signal<Option<AppError>>,
    field: impl AsRef<str> + Send + Sync + 'static,
) -> Signal<Option<String>> {
    Signal::derive(move || error.get().and_then(|e| e.field_message(field.as_ref())))
}

#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            {move || {
                error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })
            }}
        </div>
    }
}

/// The form-level message of an action's last error (throttling, wrong
/// credentials, "correct the highlighted fields").
#[component]
pub fn FormAlert(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            let message = match &error {
                AppError::Invalid(errors) if errors.len() > 1 => {
                    "Please correct the highlighted fields.".to_owned()
                }
                other => other.to_string(),
            };
            view! { <div class="alert error" role="alert">{message}</div> }
        })
    }
}

/// A form's submit button that says what is happening while the server works.
#[component]
pub fn SubmitButton(
    label: &'static str,
    busy_label: &'static str,
    #[prop(into)] pending: Signal<bool>,
    #[prop(default = "button primary")] class: &'static str,
    /// Not allowed now (e.g. by a business rule): disabled, keeping its label.
    #[prop(optional, into)]
    disabled: MaybeProp<bool>,
) -> impl IntoView {
    let disabled = move || pending.get() || disabled.get().unwrap_or(false);
    view! {
        <button type="submit" class=class disabled=disabled>
            {move || if pending.get() { busy_label } else { label }}
        </button>
    }
}

/// The `then` field of a form whose server function redirects a plain
/// (no JavaScript) post back to `path`. After hydration it is empty, and
/// the page updates itself instead of reloading.
#[component]
pub fn ReturnTo(#[prop(into)] path: String) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! {
        <input type="hidden" name="then" value=move || if hydrated.get() { String::new() } else { path.clone() }/>
    }
}

/// Submits the form of the control that changed (`on:change`), for a choice
/// that applies at once where a page without JavaScript has a button.
pub fn submit_on_change(ev: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    if let Some(form) = form_of(&ev) {
        let _ = form.request_submit();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// The form an input or select that sent `ev` belongs to: the one around
/// it, or the one its `form` attribute names.
#[cfg(feature = "hydrate")]
pub fn form_of(ev: &leptos::ev::Event) -> Option<web_sys::HtmlFormElement> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?;
    match target.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => input.form(),
        None => target.dyn_ref::<web_sys::HtmlSelectElement>()?.form(),
    }
}
