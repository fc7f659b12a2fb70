//! The browser entry point: hydrates the server-rendered page with every surface (the back office and the portal use it).

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    app::hydrate_page(app::App);
}
