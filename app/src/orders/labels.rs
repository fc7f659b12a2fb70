//! Machine-readable codes on printed documents: the return's number as a
//! QR code (phones, the warehouse's cameras) and a Code 128 barcode (hand
//! scanners), both as inline SVG.

use qrcode::QrCode;
use qrcode::render::svg;

/// A QR code of `text`; empty if it cannot be encoded.
pub fn qr_svg(text: &str) -> String {
    QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<svg::Color>()
                .min_dimensions(132, 132)
                .quiet_zone(true)
                .build()
        })
        .map(|svg| inline(&svg))
        .unwrap_or_default()
}

/// A Code 128 barcode of `text` (character set B: letters, digits,
/// punctuation); empty if it cannot be encoded.
pub fn code128_svg(text: &str) -> String {
    use barcoders::generators::svg::SVG;
    use barcoders::sym::code128::Code128;
    Code128::new(format!("\u{0181}{text}"))
        .ok()
        .and_then(|code| SVG::new(60).generate(code.encode()).ok())
        .map(|svg| inline(&svg))
        .unwrap_or_default()
}

/// Drops an XML declaration, so that the SVG can sit inside HTML.
fn inline(svg: &str) -> String {
    svg.find("<svg")
        .map_or_else(String::new, |at| svg[at..].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_codes_render_as_inline_svg() {
        let qr = qr_svg("RMA-500001");
        assert!(qr.starts_with("<svg"), "{qr}");
        assert!(qr.contains("<path") || qr.contains("<rect"));
        let bars = code128_svg("RMA-500001");
        assert!(bars.starts_with("<svg"), "{bars}");
        assert!(bars.contains("<rect"));
        assert_ne!(code128_svg("RMA-500001"), code128_svg("RMA-500002"));
    }
}
