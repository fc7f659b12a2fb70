//! The shoppers' browser entry point: makes the storefront page's islands
//! interactive. The bundle carries the islands alone.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    app::hydrate_islands_page();
}
