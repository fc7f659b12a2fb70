//! Locally generated product pictures: small, self-contained SVG drawings in the
//! style of clean studio product photography (soft gradient backdrop, floor
//! shadow, the object drawn in its colour with computed shades). No text, no fonts,
//! no external references. Deterministic.

use super::catalog::Silhouette;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::fmt::Write;

/// An SVG picture (viewBox 0 0 800 1000, portrait 4:5) of a product of this
/// silhouette in this colour. `variant` (0..) changes the backdrop and the
/// composition: 0 = front on a light backdrop, 1 = close-up crop on a tinted
/// backdrop, 2 = smaller on a dark (or cool, for dark colours) backdrop,
/// 3 = slightly turned on a warm sand backdrop; higher values cycle with a shift.
pub fn product_svg(silhouette: Silhouette, colour_hex: &str, variant: u32) -> String {
    let c = Rgb::parse(colour_hex);
    let p = Pal::new(c);
    let id = short_id(silhouette, &p.base, variant);
    let obj = object(silhouette, &p, &id);
    let (top, bottom) = match variant % 4 {
        0 => (Rgb(243., 240., 234.), Rgb(226., 220., 210.)),
        1 => (
            c.mix(Rgb(246., 243., 238.), 0.86),
            c.mix(Rgb(226., 220., 210.), 0.76),
        ),
        2 if p.lum > 0.3 => (Rgb(78., 75., 72.), Rgb(42., 40., 38.)),
        2 => (Rgb(238., 240., 239.), Rgb(212., 217., 216.)),
        _ => (Rgb(236., 227., 214.), Rgb(214., 201., 182.)),
    };
    let shift = ((variant / 4) % 5) as f64 * 14.0 - 28.0;
    let shift = if variant < 4 { 0.0 } else { shift };
    let transform = match variant % 4 {
        0 => format!("translate({shift} 0)"),
        1 => {
            let s = 1.5;
            let (fx, fy) = obj.focus;
            format!(
                "translate({} {}) scale({s})",
                r1(400.0 - s * fx + shift),
                r1(480.0 - s * fy)
            )
        }
        2 => format!("translate({} 60) scale(.88)", r1(48.0 + shift)),
        _ if stands_upright(silhouette) => {
            format!("translate({} 30) scale(.94)", r1(54.0 + shift))
        }
        _ => format!("translate({} 10) rotate(-4 400 520)", r1(10.0 + shift)),
    };
    let horizon = (obj.floor.1 - 30.0).clamp(560.0, 930.0);
    let floor_tone = bottom.mix(Rgb(0., 0., 0.), 0.05).hex();
    let mut s = String::with_capacity(6000);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 1000" width="800" height="1000"><defs><linearGradient id="b{id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="{t}"/><stop offset="1" stop-color="{b}"/></linearGradient><radialGradient id="s{id}"><stop offset="0" stop-color="#000" stop-opacity=".32"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>{defs}</defs><rect width="800" height="1000" fill="url(#b{id})"/><path d="M0 {h}C260 {h2} 540 {h2} 800 {h}V1000H0Z" fill="{ft}" opacity=".55"/><g transform="{transform}">"##,
        t = top.hex(),
        b = bottom.hex(),
        defs = obj.defs,
        h = r1(horizon),
        h2 = r1(horizon - 14.0),
        ft = floor_tone,
    );
    push_floor(&mut s, &id, obj.floor);
    s.push_str(&obj.body);
    s.push_str("</g></svg>");
    s
}

/// Objects that stand on the floor look wrong tilted.
fn stands_upright(sil: Silhouette) -> bool {
    matches!(
        sil,
        Silhouette::Bag
            | Silhouette::Shoe
            | Silhouette::Candle
            | Silhouette::Vase
            | Silhouette::Cap
    )
}

/// A wide banner (viewBox 0 0 1600 700) for a category or the home-page hero:
/// a few silhouettes in a palette, with no text.
pub fn banner_svg(silhouettes: &[Silhouette], colours: &[&str], seed: u64) -> String {
    let mut rng = StdRng::seed_from_u64(seed ^ 0xB4A7_E500);
    let default_sils = [Silhouette::Coat, Silhouette::Bag, Silhouette::Shoe];
    let sils: Vec<Silhouette> = if silhouettes.is_empty() {
        default_sils.to_vec()
    } else {
        silhouettes.iter().copied().take(6).collect()
    };
    let default_cols = ["#c19a6b", "#1f2a44", "#efe6d2"];
    let cols: Vec<Rgb> = if colours.is_empty() {
        default_cols.iter().map(|h| Rgb::parse(h)).collect()
    } else {
        colours.iter().map(|h| Rgb::parse(h)).collect()
    };
    let c0 = cols[0];
    let c1 = cols[1 % cols.len()];
    let top = c0.mix(Rgb(246., 243., 237.), 0.87);
    let bottom = c0.mix(Rgb(224., 218., 208.), 0.8);
    let mut s = String::with_capacity(16000);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 700" width="1600" height="700"><defs><linearGradient id="bb" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{}"/><stop offset="1" stop-color="{}"/></linearGradient>"##,
        top.hex(),
        bottom.hex()
    );
    // Per-item shadow gradients and drawing defs are collected first.
    let n = sils.len();
    let slot = 1600.0 / n as f64;
    let mut items = String::new();
    let mut defs = String::new();
    for (i, &sil) in sils.iter().enumerate() {
        let colour = cols[i % cols.len()];
        let p = Pal::new(colour);
        let id = format!("{i}");
        let obj = object(sil, &p, &id);
        defs.push_str(&obj.defs);
        let _ = write!(
            defs,
            r##"<radialGradient id="s{id}"><stop offset="0" stop-color="#000" stop-opacity=".3"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>"##
        );
        let small = matches!(
            sil,
            Silhouette::Shoe | Silhouette::Belt | Silhouette::Eyewear | Silhouette::Cap
        );
        let base_scale = (slot / 800.0 * 1.15).min(0.62);
        let sc = (base_scale * if small { 1.25 } else { 1.0 } * rng.random_range(0.94..1.04))
            .min(slot * 0.9 / obj.span);
        // Everything stands on one baseline, centred in its slot.
        let cx = slot * (i as f64 + 0.5) + rng.random_range(-14.0..14.0);
        let tx = cx - obj.floor.0 * sc;
        let ty = 606.0 - obj.floor.1 * sc + rng.random_range(-6.0..6.0);
        let _ = write!(
            items,
            r#"<g transform="translate({} {}) scale({})">"#,
            r1(tx),
            r1(ty),
            r2(sc)
        );
        push_floor(&mut items, &id, obj.floor);
        items.push_str(&obj.body);
        items.push_str("</g>");
    }
    s.push_str(&defs);
    s.push_str("</defs>");
    s.push_str(r#"<rect width="1600" height="700" fill="url(#bb)"/>"#);
    // Soft decorative shapes behind the objects.
    let arc_x = rng.random_range(250.0..1350.0);
    let arc_r = rng.random_range(230.0..320.0);
    let _ = write!(
        s,
        r#"<circle cx="{}" cy="{}" r="{}" fill="{}" opacity=".35"/>"#,
        r1(arc_x),
        r1(rng.random_range(260.0..380.0)),
        r1(arc_r),
        c1.mix(Rgb(255., 255., 255.), 0.72).hex()
    );
    let arch_x = rng.random_range(150.0..1450.0);
    let _ = write!(
        s,
        r#"<path d="M{a} 700V{t}A150 150 0 0 1 {b} {t}V700Z" fill="{f}" opacity=".2"/>"#,
        a = r1(arch_x - 150.0),
        b = r1(arch_x + 150.0),
        t = r1(rng.random_range(260.0..360.0)),
        f = c0.mix(Rgb(255., 255., 255.), 0.55).hex()
    );
    let _ = write!(
        s,
        r#"<path d="M0 560C500 545 1100 545 1600 560V700H0Z" fill="{}" opacity=".5"/>"#,
        bottom.mix(Rgb(0., 0., 0.), 0.05).hex()
    );
    s.push_str(&items);
    s.push_str("</svg>");
    s
}

// ---------------------------------------------------------------------------
// Colour helpers
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
struct Rgb(f64, f64, f64);

impl Rgb {
    /// "#rrggbb", "rrggbb" or "#rgb"; anything else becomes a neutral grey.
    fn parse(s: &str) -> Rgb {
        let h = s.trim().trim_start_matches('#');
        let long: String;
        let h = if h.len() == 3 {
            long = h.chars().flat_map(|c| [c, c]).collect();
            long.as_str()
        } else {
            h
        };
        if h.len() != 6 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
            return Rgb(150., 150., 150.);
        }
        let v = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).map_or(150.0, f64::from);
        Rgb(v(0), v(2), v(4))
    }

    fn hex(self) -> String {
        let c = |v: f64| {
            if v.is_finite() {
                v.round().clamp(0.0, 255.0) as u8
            } else {
                0
            }
        };
        format!("#{:02x}{:02x}{:02x}", c(self.0), c(self.1), c(self.2))
    }

    /// `t` = 0 keeps self, 1 gives `o`.
    fn mix(self, o: Rgb, t: f64) -> Rgb {
        Rgb(
            self.0 + (o.0 - self.0) * t,
            self.1 + (o.1 - self.1) * t,
            self.2 + (o.2 - self.2) * t,
        )
    }

    /// Positive: towards white; negative: towards black.
    fn shade(self, amount: f64) -> Rgb {
        if amount >= 0.0 {
            self.mix(Rgb(255., 255., 255.), amount)
        } else {
            self.mix(Rgb(0., 0., 0.), -amount)
        }
    }

    /// Perceived lightness, 0..1.
    fn lum(self) -> f64 {
        (0.2126 * self.0 + 0.7152 * self.1 + 0.0722 * self.2) / 255.0
    }
}

/// The shades an object is drawn with.
struct Pal {
    base: String,
    /// Slightly darker faces (back pieces, side panels).
    dark: String,
    /// Insides (necklines, openings).
    inner: String,
    /// Seams, stitching, folds: darker, or lighter on near-black colours.
    seam: String,
    /// Outline: keeps light colours visible on light backdrops.
    line: String,
    light: String,
    /// Shoe soles.
    sole: String,
    lum: f64,
}

impl Pal {
    fn new(c: Rgb) -> Pal {
        let l = c.lum();
        let very_dark = l < 0.14;
        Pal {
            base: c.hex(),
            dark: if very_dark {
                c.shade(0.1)
            } else {
                c.shade(-0.16)
            }
            .hex(),
            inner: c.shade(-0.4).hex(),
            seam: if very_dark {
                c.shade(0.24)
            } else {
                c.shade(-0.3)
            }
            .hex(),
            line: if very_dark {
                c.shade(0.1)
            } else {
                c.shade(-0.45)
            }
            .hex(),
            light: c.shade(0.4).hex(),
            sole: if l > 0.72 {
                c.shade(-0.08)
            } else {
                c.mix(Rgb(40., 33., 29.), 0.7)
            }
            .hex(),
            lum: l,
        }
    }
}

fn short_id(sil: Silhouette, base: &str, variant: u32) -> String {
    // FNV-1a over the inputs: stable, short, unique enough for one page.
    let mut h: u32 = 0x811c_9dc5;
    for b in format!("{sil:?}{base}{variant}").bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:x}", h & 0xff_ffff)
}

fn r1(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn r2(v: f64) -> String {
    let v = if v.is_finite() { v } else { 1.0 };
    format!("{v:.3}")
}

fn push_floor(s: &mut String, id: &str, (cx, cy, rx, ry): (f64, f64, f64, f64)) {
    let _ = write!(
        s,
        r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}" fill="url(#s{id})"/>"#,
        r1(cx),
        r1(cy),
        r1(rx),
        r1(ry)
    );
}

// ---------------------------------------------------------------------------
// Drawings (all in an 800 × 1000 box)
// ---------------------------------------------------------------------------

struct Obj {
    body: String,
    defs: String,
    /// Floor shadow: cx, cy, rx, ry.
    floor: (f64, f64, f64, f64),
    /// Point the close-up crop centres on.
    focus: (f64, f64),
    /// Horizontal extent of the drawing, for laying out banners.
    span: f64,
}

fn object(sil: Silhouette, p: &Pal, id: &str) -> Obj {
    let mut defs = String::new();
    let (inner, floor, focus) = match sil {
        Silhouette::Tee => (tee(p), (400., 862., 215., 26.), (400., 300.)),
        Silhouette::Shirt => (shirt(p), (400., 866., 225., 26.), (400., 280.)),
        Silhouette::Knit => (knit(p), (400., 852., 235., 26.), (400., 300.)),
        Silhouette::Dress => (dress(p), (400., 896., 245., 26.), (400., 330.)),
        Silhouette::Trousers => (trousers(p), (400., 892., 200., 24.), (400., 250.)),
        Silhouette::Coat => (coat(p), (400., 918., 235., 26.), (400., 300.)),
        Silhouette::Bag => (bag(p), (400., 850., 235., 26.), (400., 460.)),
        Silhouette::Shoe => (shoe(p), (425., 684., 330., 28.), (490., 590.)),
        Silhouette::Scarf => (scarf(p), (400., 872., 180., 22.), (400., 330.)),
        Silhouette::Cap => (cap(p), (400., 672., 270., 24.), (420., 500.)),
        Silhouette::Belt => (belt(p), (404., 676., 250., 26.), (400., 620.)),
        Silhouette::Eyewear => (
            eyewear(p, id, &mut defs),
            (400., 650., 270., 22.),
            (400., 495.),
        ),
        Silhouette::Candle => (
            candle(p, id, &mut defs),
            (400., 816., 175., 22.),
            (400., 430.),
        ),
        Silhouette::Vase => (
            vase(p, id, &mut defs),
            (400., 858., 205., 24.),
            (400., 420.),
        ),
    };
    let span = match sil {
        Silhouette::Shoe => 700.,
        Silhouette::Cap | Silhouette::Eyewear => 600.,
        Silhouette::Tee | Silhouette::Coat | Silhouette::Knit => 540.,
        Silhouette::Shirt | Silhouette::Belt => 520.,
        Silhouette::Dress | Silhouette::Vase => 450.,
        Silhouette::Bag => 420.,
        Silhouette::Trousers => 320.,
        Silhouette::Scarf | Silhouette::Candle => 300.,
    };
    let body = format!(
        r#"<g stroke="{}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round">{inner}</g>"#,
        p.line
    );
    Obj {
        body,
        defs,
        floor,
        focus,
        span,
    }
}

/// Side shading and a soft highlight shared by the garments.
fn garment_light(p: &Pal, left: &str, right: &str, hi: &str) -> String {
    format!(
        r#"<path fill="{i}" opacity=".14" stroke="none" d="{left}{right}"/><path fill="{l}" opacity=".22" stroke="none" d="{hi}"/>"#,
        i = p.inner,
        l = p.light
    )
}

fn tee(p: &Pal) -> String {
    let Pal {
        base, inner, seam, ..
    } = p;
    let mut s = format!(
        r#"<path fill="{inner}" d="M318 190C350 202 450 202 482 190C448 238 352 238 318 190Z"/><path fill="{base}" d="M318 190C352 238 448 238 482 190L575 222L668 338L602 392L560 352L562 820C455 836 345 836 238 820L240 352L198 392L132 338L225 222Z"/>"#
    );
    s += &garment_light(
        p,
        "M240 360C262 500 250 660 262 824L238 820Z",
        "M560 360C538 500 552 660 538 826L562 820Z",
        "M290 262C322 400 312 600 334 812L298 808C286 600 292 400 266 262Z",
    );
    let _ = write!(
        s,
        r#"<path fill="none" stroke="{seam}" stroke-width="10" d="M322 196C354 238 446 238 478 196"/><path fill="none" stroke="{seam}" stroke-width="2" stroke-dasharray="6 5" d="M142 325L208 380M658 325L592 380M240 802C345 816 455 816 560 802"/><path fill="none" stroke="{seam}" stroke-width="2" opacity=".6" d="M292 612C336 634 378 636 420 618M462 702C494 716 520 720 546 714M236 352L226 232M564 352L574 232"/>"#
    );
    s
}

fn shirt(p: &Pal) -> String {
    let Pal {
        base,
        inner,
        seam,
        light,
        dark,
        ..
    } = p;
    let mut s = format!(
        r#"<path fill="{dark}" d="M330 185C360 172 440 172 470 185L452 202C430 192 370 192 348 202Z"/><path fill="{base}" d="M330 185L470 185L560 215C600 260 636 450 648 690L598 702C588 540 575 430 562 345L562 805C530 835 470 846 400 838C330 846 270 835 238 805L238 345C225 430 212 540 202 702L152 690C164 450 200 260 240 215Z"/><path fill="{base}" d="M152 690L202 702L200 752L148 742ZM648 690L598 702L600 752L652 742Z"/>"#
    );
    s += &garment_light(
        p,
        "M238 345L238 805L266 826L258 360Z",
        "M562 345L562 805L534 826L542 360Z",
        "M290 250C318 400 306 620 326 826L292 818C282 620 290 400 266 252Z",
    );
    let _ = write!(
        s,
        r#"<path fill="none" stroke="{seam}" stroke-width="2" d="M388 236V840M412 236V840M272 330H342V405L307 416L272 405ZM202 702C210 600 222 450 238 345M598 702C590 600 578 450 562 345"/><path fill="{inner}" stroke="none" d="M372 232L400 236L428 232L400 262Z"/><path fill="{base}" d="M330 185L400 238L370 272L314 206ZM470 185L400 238L430 272L486 206Z"/><g fill="{light}" stroke="{seam}" stroke-width="1.5"><circle cx="400" cy="262" r="5"/><circle cx="400" cy="340" r="6"/><circle cx="400" cy="430" r="6"/><circle cx="400" cy="520" r="6"/><circle cx="400" cy="610" r="6"/><circle cx="400" cy="700" r="6"/><circle cx="176" cy="726" r="4"/><circle cx="624" cy="726" r="4"/></g>"#
    );
    s
}

fn knit(p: &Pal) -> String {
    let Pal {
        base, inner, seam, ..
    } = p;
    let mut s = format!(
        r#"<path fill="{inner}" d="M320 190C350 202 450 202 480 190C450 230 350 230 320 190Z"/><path fill="{base}" d="M320 190C350 228 450 228 480 190L575 222C615 270 650 470 660 700L600 712C590 540 575 430 562 360L564 780L236 780L238 360C225 430 210 540 200 712L140 700C150 470 185 270 225 222Z"/><path fill="none" stroke="{seam}" stroke-width="2" stroke-dasharray="3 7" opacity=".45" d="M290 250V770M340 236V770M400 232V770M460 236V770M510 250V770"/>"#
    );
    s += &garment_light(
        p,
        "M238 360L236 780L262 780L258 380Z",
        "M562 360L564 780L538 780L542 380Z",
        "M286 262C314 420 304 600 318 772L288 772C280 600 288 420 262 264Z",
    );
    let _ = write!(
        s,
        r#"<path fill="none" stroke="{seam}" stroke-width="2" d="M200 712C210 560 222 440 238 360M600 712C590 560 578 440 562 360"/><path fill="{base}" d="M236 778H564V834H236ZM140 700L200 712L197 768L137 758ZM660 700L600 712L603 768L663 758Z"/><path fill="none" stroke="{seam}" stroke-width="48" stroke-linecap="butt" stroke-dasharray="2 6" opacity=".6" d="M238 806H562M139 730L198 740M661 730L602 740"/><path fill="none" stroke="{base}" stroke-width="20" d="M320 190C350 228 450 228 480 190"/><path fill="none" stroke="{seam}" stroke-width="18" stroke-linecap="butt" stroke-dasharray="2 5" opacity=".7" d="M320 190C350 228 450 228 480 190"/>"#
    );
    s
}

fn dress(p: &Pal) -> String {
    let Pal {
        base,
        inner,
        seam,
        light,
        ..
    } = p;
    format!(
        r#"<path fill="none" stroke="{seam}" stroke-width="7" d="M346 158L337 250M454 158L463 250"/><path fill="{inner}" d="M335 248C360 238 440 238 465 248L400 318Z"/><path fill="{base}" d="M330 440L470 440C520 600 585 760 625 870C500 902 300 902 175 870C215 760 280 600 330 440Z"/><path fill="{base}" d="M335 248L400 318L465 248C488 300 482 380 470 440L330 440C318 380 312 300 335 248Z"/><path fill="{inner}" opacity=".13" stroke="none" d="M370 446C355 600 320 760 288 893L330 896C350 760 375 600 386 446ZM430 446C445 600 480 760 516 894L556 889C516 760 470 600 446 446ZM330 440C280 600 215 760 175 870L205 880C245 760 300 600 340 446Z"/><path fill="{light}" opacity=".22" stroke="none" d="M398 446C398 600 408 760 420 898L452 897C440 760 420 600 410 446ZM350 270L366 290C360 340 358 390 362 436L346 436C340 380 340 320 350 270Z"/><path fill="none" stroke="{seam}" stroke-width="4" d="M330 440H470"/><path fill="none" stroke="{seam}" stroke-width="2" opacity=".55" d="M372 448C360 600 330 760 300 892M430 448C442 600 472 760 506 894M400 448C402 600 408 760 414 898"/>"#
    )
}

fn trousers(p: &Pal) -> String {
    let Pal {
        base,
        inner,
        seam,
        light,
        ..
    } = p;
    format!(
        r#"<path fill="{base}" d="M282 205H518C530 400 545 650 552 880H442L400 352L358 880H248C255 650 270 400 282 205Z"/><path fill="{inner}" opacity=".16" stroke="none" d="M400 352L358 880H384L402 392ZM400 352L442 880H420L398 392ZM282 205C270 400 255 650 248 880H270C276 650 290 400 300 212Z"/><path fill="{light}" opacity=".2" stroke="none" d="M452 230C470 420 480 650 486 876H510C504 650 494 420 474 226Z"/><path fill="{base}" d="M280 168H520V207H280Z"/><path fill="{base}" d="M306 162h10v52h-10zM372 162h10v52h-10zM418 162h10v52h-10zM484 162h10v52h-10z"/><circle cx="400" cy="188" r="6" fill="{seam}" stroke="none"/><path fill="none" stroke="{seam}" stroke-width="2" d="M400 207V348M300 212L338 302M500 212L462 302"/><path fill="none" stroke="{seam}" stroke-width="2" stroke-dasharray="5 4" d="M422 210V318C422 332 412 340 400 342M252 864H356M444 864H548"/><path fill="none" stroke="{seam}" stroke-width="2" opacity=".45" d="M325 215L306 872M475 215L494 872"/>"#
    )
}

fn coat(p: &Pal) -> String {
    let Pal {
        base,
        inner,
        seam,
        dark,
        ..
    } = p;
    let mut s = format!(
        r#"<path fill="{base}" d="M338 172H462L582 214C622 280 652 480 664 762L608 774C598 600 588 470 574 380L582 902C470 916 330 916 218 902L226 380C212 470 202 600 192 774L136 762C148 480 178 280 218 214Z"/><path fill="{inner}" d="M338 172H462L400 470Z"/><path fill="{dark}" d="M338 172C370 160 430 160 462 172L450 186C420 178 380 178 350 186Z"/>"#
    );
    s += &garment_light(
        p,
        "M226 380L218 902L252 908L250 400Z",
        "M574 380L582 902L548 908L550 400Z",
        "M280 300C300 500 290 700 300 904L270 902C262 700 270 500 256 302Z",
    );
    let _ = write!(
        s,
        r#"<path fill="none" stroke="{seam}" stroke-width="2" d="M192 774C204 600 214 470 226 380M608 774C596 600 586 470 574 380M193 742L139 731M607 742L661 731M430 470L436 910"/><path fill="{base}" d="M338 172L292 230L322 262L296 292L396 468ZM462 172L508 230L478 262L504 292L404 468Z"/><path fill="none" stroke="{seam}" stroke-width="2" opacity=".6" d="M330 250L390 440M470 250L410 440"/><path fill="{base}" d="M252 650h92v24h-92zM456 650h92v24h-92z"/><g fill="{inner}" stroke-width="2"><circle cx="372" cy="530" r="9"/><circle cx="440" cy="530" r="9"/><circle cx="372" cy="622" r="9"/><circle cx="440" cy="622" r="9"/></g>"#
    );
    s
}

fn shoe_one(p: &Pal, fill: &str) -> String {
    let Pal {
        inner,
        seam,
        light,
        sole,
        ..
    } = p;
    format!(
        r#"<path fill="{sole}" d="M150 624L652 624C686 624 704 634 698 650L152 652Z"/><path fill="{sole}" d="M152 648H252V672H156Z"/><path fill="{fill}" d="M160 520C148 560 150 600 158 628H640C672 628 690 610 680 590C665 560 600 535 520 520L430 500C390 520 330 540 280 535C240 530 200 515 180 508Z"/><path fill="{inner}" d="M180 508C200 515 240 530 280 535C330 540 390 520 430 500C392 506 330 518 282 518C242 516 206 510 180 508Z"/><path fill="none" stroke="{seam}" stroke-width="2" stroke-dasharray="5 4" d="M432 506C470 562 560 588 650 604M164 612H640"/><path fill="none" stroke="{seam}" stroke-width="2" d="M174 522C184 562 196 600 202 626"/><path fill="none" stroke="{light}" stroke-width="6" opacity=".4" d="M490 542C550 554 620 574 664 596"/>"#
    )
}

fn shoe(p: &Pal) -> String {
    format!(
        r#"<g transform="translate(-85 -60) scale(1.1)"><g transform="translate(70 -46)">{}</g>{}</g>"#,
        shoe_one(p, &p.dark),
        shoe_one(p, &p.base)
    )
}

fn bag(p: &Pal) -> String {
    let Pal {
        base,
        inner,
        seam,
        light,
        dark,
        line,
        ..
    } = p;
    format!(
        r#"<path fill="none" stroke="{inner}" stroke-width="18" d="M322 432C322 262 478 262 478 432"/><path fill="{base}" d="M232 430H568L602 818C603 832 594 842 580 842H220C206 842 197 832 198 818Z"/><path fill="{inner}" opacity=".15" stroke="none" d="M232 430L198 818C200 830 210 840 222 842L262 462ZM568 430L602 818C600 830 590 840 578 842L538 462Z"/><path fill="{dark}" opacity=".6" stroke="none" d="M233 432H567L570 462H230Z"/><path fill="none" stroke="{seam}" stroke-width="2" d="M230 462H570"/><path fill="none" stroke="{seam}" stroke-width="2" stroke-dasharray="6 5" d="M246 478L216 826H584L554 478"/><path fill="none" stroke="{light}" stroke-width="10" opacity=".25" d="M300 500C296 620 290 720 286 800"/><path fill="none" stroke="{line}" stroke-width="26" d="M300 438C300 228 500 228 500 438"/><path fill="none" stroke="{base}" stroke-width="19" d="M300 438C300 228 500 228 500 438"/><path fill="none" stroke="{seam}" stroke-width="2" stroke-dasharray="5 5" d="M300 430C300 236 500 236 500 430"/><path fill="{dark}" d="M287 426h26v56h-26zM487 426h26v56h-26z"/><g fill="{light}" stroke-width="1.5"><circle cx="300" cy="468" r="4"/><circle cx="500" cy="468" r="4"/></g>"#
    )
}

fn scarf(p: &Pal) -> String {
    let Pal {
        base,
        dark,
        seam,
        line,
        ..
    } = p;
    let mut s = format!(
        r#"<ellipse cx="400" cy="300" rx="140" ry="62" fill="none" stroke="{line}" stroke-width="66"/><ellipse cx="400" cy="300" rx="140" ry="62" fill="none" stroke="{base}" stroke-width="60"/><path fill="none" stroke="{dark}" stroke-width="60" d="M260 300A140 62 0 0 1 540 300"/><ellipse cx="400" cy="300" rx="140" ry="62" fill="none" stroke="{seam}" stroke-width="54" stroke-linecap="butt" stroke-dasharray="2 10" opacity=".35"/><path fill="{dark}" d="M298 330C330 336 360 340 392 344C388 500 382 650 376 806C344 802 312 798 280 792C286 640 292 480 298 330Z"/><path fill="{base}" d="M404 344C440 340 470 334 504 326C512 480 522 640 532 796C500 802 466 806 434 810C430 650 416 500 404 344Z"/><path fill="none" stroke="{seam}" stroke-width="2" opacity=".45" d="M326 340L310 796M356 344L344 800M436 346L460 806M470 340L498 800"/><g stroke="{base}" stroke-width="4">"#
    );
    for i in 0..10 {
        let t = i as f64 / 9.0;
        let (x1, y1) = (284.0 + 88.0 * t, 794.0 + 12.0 * t);
        let (x2, y2) = (438.0 + 90.0 * t, 810.0 - 13.0 * t);
        let _ = write!(
            s,
            r#"<path d="M{} {}l-3 40M{} {}l3 40"/>"#,
            r1(x1),
            r1(y1),
            r1(x2),
            r1(y2)
        );
    }
    s.push_str("</g>");
    s
}

fn cap(p: &Pal) -> String {
    let Pal {
        base,
        inner,
        seam,
        dark,
        light,
        ..
    } = p;
    // Side view, brim to the right.
    format!(
        r#"<g transform="translate(-163 -29) scale(1.15)"><path fill="{base}" d="M240 560C236 420 320 318 430 316C530 318 584 400 588 548L588 562C480 570 340 570 240 560Z"/><path fill="{inner}" d="M262 561C266 532 290 520 314 528C320 540 320 552 318 564Z"/><path fill="{inner}" opacity=".14" stroke="none" d="M430 316C530 318 584 400 588 548L588 562L510 566C508 450 480 360 430 316Z"/><path fill="{light}" opacity=".25" stroke="none" d="M300 420C320 370 360 336 400 324C356 372 334 440 330 520L300 524C296 480 294 450 300 420Z"/><path fill="none" stroke="{seam}" stroke-width="3" d="M428 318C386 378 364 470 360 566M428 318C476 370 504 460 510 566"/><path fill="none" stroke="{seam}" stroke-width="2" stroke-dasharray="5 4" d="M244 546C340 556 480 556 586 546"/><ellipse cx="428" cy="318" rx="15" ry="7" fill="{dark}"/><g fill="{inner}" stroke="none"><circle cx="380" cy="404" r="5"/><circle cx="482" cy="396" r="5"/></g><path fill="{base}" d="M552 522C646 520 716 550 752 586C756 598 746 606 732 606C680 602 620 592 552 574Z"/><path fill="{inner}" opacity=".5" stroke="none" d="M556 575C620 592 680 602 732 606C704 616 640 610 560 590Z"/><path fill="none" stroke="{seam}" stroke-width="2" stroke-dasharray="5 4" d="M570 534C646 534 704 560 734 590"/></g>"#
    )
}

fn belt(p: &Pal) -> String {
    let Pal {
        base,
        inner,
        seam,
        line,
        dark,
        ..
    } = p;
    let metal = "#b99a5b";
    let metal_line = "#7d6638";
    format!(
        r#"<ellipse cx="400" cy="520" rx="220" ry="140" fill="none" stroke="{line}" stroke-width="62"/><ellipse cx="400" cy="520" rx="220" ry="140" fill="none" stroke="{base}" stroke-width="56"/><ellipse cx="400" cy="520" rx="220" ry="140" fill="none" stroke="{seam}" stroke-width="44" stroke-linecap="butt" stroke-dasharray="6 5" opacity=".5"/><ellipse cx="400" cy="520" rx="220" ry="140" fill="none" stroke="{base}" stroke-width="40"/><path fill="none" stroke="{dark}" stroke-width="56" d="M180 520A220 140 0 0 1 620 520"/><ellipse cx="400" cy="512" rx="160" ry="92" fill="none" stroke="{line}" stroke-width="56"/><ellipse cx="400" cy="512" rx="160" ry="92" fill="none" stroke="{dark}" stroke-width="50"/><ellipse cx="400" cy="512" rx="160" ry="92" fill="none" stroke="{seam}" stroke-width="38" stroke-linecap="butt" stroke-dasharray="6 5" opacity=".5"/><ellipse cx="400" cy="512" rx="160" ry="92" fill="none" stroke="{dark}" stroke-width="34"/><g fill="{inner}" stroke="none"><circle cx="478" cy="656" r="5"/><circle cx="510" cy="652" r="5"/><circle cx="542" cy="645" r="5"/></g><path fill="{dark}" d="M306 632h16v58h-16z"/><rect x="338" y="616" width="96" height="86" rx="16" fill="none" stroke="{metal_line}" stroke-width="15"/><rect x="338" y="616" width="96" height="86" rx="16" fill="none" stroke="{metal}" stroke-width="10"/><path fill="none" stroke="{metal_line}" stroke-width="8" d="M344 659H440"/><path fill="none" stroke="{metal}" stroke-width="5" d="M344 659H440"/>"#
    )
}

fn eyewear(p: &Pal, id: &str, defs: &mut String) -> String {
    let Pal {
        base, line, light, ..
    } = p;
    let _ = write!(
        defs,
        r##"<linearGradient id="l{id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4a4744"/><stop offset="1" stop-color="#1c1b1a"/></linearGradient>"##
    );
    format!(
        r##"<path fill="none" stroke="{line}" stroke-width="16" d="M200 444L118 458M600 444L682 458"/><path fill="none" stroke="{base}" stroke-width="10" d="M200 444L118 458M600 444L682 458"/><g fill="url(#l{id})" opacity=".9" stroke="none"><rect x="196" y="420" width="186" height="150" rx="64"/><rect x="418" y="420" width="186" height="150" rx="64"/></g><path fill="#fff" opacity=".22" stroke="none" d="M222 470C236 440 262 430 300 428L232 520C220 506 216 488 222 470ZM444 470C458 440 484 430 522 428L454 520C442 506 438 488 444 470Z"/><g fill="none" stroke="{line}" stroke-width="25"><rect x="196" y="420" width="186" height="150" rx="64"/><rect x="418" y="420" width="186" height="150" rx="64"/><path d="M382 462C392 442 408 442 418 462"/></g><g fill="none" stroke="{base}" stroke-width="18"><rect x="196" y="420" width="186" height="150" rx="64"/><rect x="418" y="420" width="186" height="150" rx="64"/><path d="M382 462C392 442 408 442 418 462"/></g><path fill="none" stroke="{light}" stroke-width="3" opacity=".6" d="M214 432C240 418 300 414 350 420M436 432C462 418 522 414 572 420"/><g fill="{light}" stroke="none"><circle cx="204" cy="440" r="4"/><circle cx="596" cy="440" r="4"/></g>"##
    )
}

fn candle(p: &Pal, id: &str, defs: &mut String) -> String {
    let Pal {
        base, inner, line, ..
    } = p;
    let _ = write!(
        defs,
        r##"<radialGradient id="g{id}"><stop offset="0" stop-color="#ffd98a" stop-opacity=".6"/><stop offset="1" stop-color="#ffd98a" stop-opacity="0"/></radialGradient><linearGradient id="f{id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff1b8"/><stop offset=".55" stop-color="#f7b548"/><stop offset="1" stop-color="#e0702a"/></linearGradient>"##
    );
    format!(
        r##"<circle cx="400" cy="380" r="110" fill="url(#g{id})" stroke="none"/><path fill="{base}" d="M270 440V776C270 796 286 810 306 810H494C514 810 530 796 530 776V440Z"/><path fill="{inner}" opacity=".22" stroke="none" d="M496 442H528V776C528 794 514 808 494 808H488C498 800 500 790 500 776Z"/><rect x="288" y="462" width="14" height="318" rx="7" fill="#fff" opacity=".28" stroke="none"/><ellipse cx="400" cy="440" rx="130" ry="24" fill="{inner}"/><ellipse cx="400" cy="452" rx="116" ry="17" fill="#f1e9da" stroke="#d6cab4" stroke-width="2"/><rect x="318" y="570" width="164" height="120" rx="4" fill="#f6f2ea" stroke="{line}" stroke-width="1.5"/><circle cx="400" cy="630" r="18" fill="none" stroke="#c2b9a8" stroke-width="2"/><path fill="none" stroke="#2b2522" stroke-width="4" d="M400 452V424"/><path fill="url(#f{id})" stroke="none" d="M400 322C426 364 434 398 400 430C366 398 374 364 400 322Z"/><ellipse cx="400" cy="408" rx="8" ry="15" fill="#fff7dc" stroke="none"/>"##
    )
}

fn vase(p: &Pal, id: &str, defs: &mut String) -> String {
    let Pal {
        base, inner, seam, ..
    } = p;
    let c = Rgb::parse(base);
    let _ = write!(
        defs,
        r#"<linearGradient id="v{id}" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="{}"/><stop offset=".45" stop-color="{base}"/><stop offset="1" stop-color="{}"/></linearGradient>"#,
        c.shade(0.22).hex(),
        c.shade(-0.25).hex()
    );
    format!(
        r##"<g fill="none" stroke="#66734d" stroke-width="4"><path d="M404 304C398 224 420 164 472 112"/><path d="M402 250C380 220 350 200 320 190"/></g><g fill="#87976a" stroke="none"><ellipse cx="436" cy="196" rx="24" ry="8" transform="rotate(-52 436 196)"/><ellipse cx="456" cy="142" rx="22" ry="8" transform="rotate(-30 456 142)"/><ellipse cx="416" cy="168" rx="20" ry="7" transform="rotate(-110 416 168)"/><ellipse cx="346" cy="196" rx="22" ry="7" transform="rotate(20 346 196)"/><ellipse cx="478" cy="112" rx="16" ry="6" transform="rotate(-45 478 112)"/></g><path fill="url(#v{id})" d="M362 300H438V338C438 378 430 400 462 428C562 470 612 560 612 660C612 782 530 852 400 852C270 852 188 782 188 660C188 560 238 470 338 428C370 400 362 378 362 338Z"/><ellipse cx="400" cy="300" rx="38" ry="9" fill="{inner}"/><path fill="none" stroke="#fff" stroke-width="14" opacity=".25" d="M252 612C256 532 300 480 352 458"/><path fill="none" stroke="{seam}" stroke-width="2" opacity=".3" d="M196 704C300 724 500 724 604 704M216 770C320 790 480 790 584 770"/>"##
    )
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Silhouette; 14] = [
        Silhouette::Tee,
        Silhouette::Shirt,
        Silhouette::Knit,
        Silhouette::Dress,
        Silhouette::Trousers,
        Silhouette::Coat,
        Silhouette::Bag,
        Silhouette::Shoe,
        Silhouette::Scarf,
        Silhouette::Cap,
        Silhouette::Belt,
        Silhouette::Eyewear,
        Silhouette::Candle,
        Silhouette::Vase,
    ];

    fn check(svg: &str, max: usize) {
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
        assert_eq!(svg.matches("<defs").count(), svg.matches("</defs>").count());
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        assert!(!svg.contains("<text") && !svg.contains("href") && !svg.contains("font"));
        assert!(!svg.contains('&'));
        assert!(svg.len() < max, "{} bytes", svg.len());
        // Every tag is closed: count '<' and '>' and self-closing/paired balance.
        assert_eq!(svg.matches('<').count(), svg.matches('>').count());
        let mut depth = 0i32;
        let mut rest = svg;
        while let Some(i) = rest.find('<') {
            let j = rest[i..].find('>').unwrap() + i;
            let tag = &rest[i + 1..j];
            if tag.starts_with('/') {
                depth -= 1;
            } else if !tag.ends_with('/') {
                depth += 1;
            }
            assert!(depth >= 0);
            rest = &rest[j + 1..];
        }
        assert_eq!(depth, 0, "unbalanced tags");
    }

    #[test]
    fn every_product_svg_is_well_formed() {
        for sil in ALL {
            for colour in [
                "#f4f1ea", "#1d1d1f", "#c19a6b", "#6b1f2e", "#b9cde0", "nonsense", "#abc",
            ] {
                for v in 0..4 {
                    let svg = product_svg(sil, colour, v);
                    check(&svg, 8 * 1024);
                }
            }
        }
    }

    #[test]
    fn variants_differ_and_output_is_deterministic() {
        for sil in ALL {
            let a: Vec<String> = (0..4).map(|v| product_svg(sil, "#c19a6b", v)).collect();
            for i in 0..4 {
                for j in i + 1..4 {
                    assert_ne!(a[i], a[j]);
                }
                assert_eq!(a[i], product_svg(sil, "#c19a6b", i as u32));
            }
            assert_ne!(
                product_svg(sil, "#c19a6b", 4),
                product_svg(sil, "#c19a6b", 8)
            );
        }
    }

    #[test]
    fn banners_are_well_formed() {
        let sils = [
            Silhouette::Coat,
            Silhouette::Knit,
            Silhouette::Bag,
            Silhouette::Shoe,
        ];
        let svg = banner_svg(&sils, &["#c19a6b", "#1f2a44", "#efe6d2"], 7);
        check(&svg, 40 * 1024);
        assert!(svg.contains(r#"viewBox="0 0 1600 700""#));
        assert_eq!(
            svg,
            banner_svg(&sils, &["#c19a6b", "#1f2a44", "#efe6d2"], 7)
        );
        assert_ne!(
            svg,
            banner_svg(&sils, &["#c19a6b", "#1f2a44", "#efe6d2"], 8)
        );
        check(&banner_svg(&[], &[], 1), 40 * 1024);
        check(&banner_svg(&ALL, &["#f4f1ea"], 3), 60 * 1024);
    }

    #[test]
    fn colour_helpers() {
        assert_eq!(Rgb::parse("#efe6d2").hex(), "#efe6d2");
        assert_eq!(Rgb::parse("abc").hex(), "#aabbcc");
        assert_eq!(Rgb::parse("zzz").hex(), "#969696");
        assert_eq!(Rgb::parse("#808080").shade(1.0).hex(), "#ffffff");
        assert_eq!(Rgb::parse("#808080").shade(-1.0).hex(), "#000000");
        // Light colours get a clearly darker outline.
        let p = Pal::new(Rgb::parse("#f4f1ea"));
        assert!(Rgb::parse(&p.line).lum() < 0.6);
    }
}
