//! The browser entry point: hydrates the server-rendered page with the storefront alone.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    app::hydrate_page(app::StorefrontApp);
}
