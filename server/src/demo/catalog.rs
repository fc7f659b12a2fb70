//! The demo catalogue of Atelier: categories and products, generated from curated
//! lists (garment types × fits × materials) with a seeded random generator, so the
//! output is identical on every run. Pure data: no I/O, no database.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::collections::HashSet;

/// Which drawing `images::product_svg` uses for a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Silhouette {
    Tee,
    Shirt,
    Knit,
    Dress,
    Trousers,
    Coat,
    Bag,
    Shoe,
    Scarf,
    Cap,
    Belt,
    Eyewear,
    Candle,
    Vase,
}

#[derive(Debug, Clone)]
pub struct DemoCategory {
    /// e.g. "knitwear"
    pub slug: &'static str,
    /// English, e.g. "Knitwear"
    pub name: &'static str,
    /// Italian, e.g. "Maglieria"
    pub name_it: &'static str,
    /// One or two sentences, English.
    pub description: &'static str,
    /// Display order, 1..
    pub position: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoColour {
    /// e.g. "Ecru"
    pub name: String,
    /// e.g. "#efe6d2"
    pub hex: String,
}

#[derive(Debug, Clone)]
pub struct DemoProduct {
    /// Unique, category prefix + number, e.g. "KN-1004".
    pub style_code: String,
    /// Unique, lowercase kebab-case, e.g. "merino-crew-neck-sweater".
    pub slug: String,
    pub name: String,
    pub name_it: String,
    pub description: String,
    pub description_it: String,
    pub category_slug: &'static str,
    /// Drawing for `images::product_svg` (accessories and home mix several).
    pub silhouette: Silhouette,
    pub material: String,
    pub care: String,
    /// EUR cents.
    pub price_minor: i64,
    /// "SS26", "FW26" or "FW27".
    pub season: &'static str,
    pub featured: bool,
    /// 2–5 distinct colours.
    pub colours: Vec<DemoColour>,
    /// In display order.
    pub sizes: Vec<String>,
    pub weight_grams: i32,
    /// 0..400; FW27 items are the newest.
    pub created_days_ago: i32,
}

/// All categories, in display order.
pub fn categories() -> Vec<DemoCategory> {
    CATS.iter()
        .enumerate()
        .map(|(i, c)| DemoCategory {
            slug: c.slug,
            name: c.name,
            name_it: c.name_it,
            description: c.description,
            position: i as i32 + 1,
        })
        .collect()
}

/// The named colour palette every product colour is drawn from.
#[cfg(test)]
pub fn palette() -> Vec<DemoColour> {
    COLOURS
        .iter()
        .map(|(name, hex)| DemoColour {
            name: (*name).to_string(),
            hex: (*hex).to_string(),
        })
        .collect()
}

/// All products, grouped by category in display order.
pub fn products() -> Vec<DemoProduct> {
    let mut out: Vec<DemoProduct> = Vec::new();
    let mut names: HashSet<String> = HashSet::new();
    let mut slugs: HashSet<String> = HashSet::new();

    for (ci, cat) in CATS.iter().enumerate() {
        let mut rng = StdRng::seed_from_u64(0xA7E1_1E00 + ci as u64);

        // Candidate (kind, adjective, material) triples, shuffled per kind.
        let mut queues: Vec<Vec<(usize, Option<usize>, usize)>> = cat
            .kinds
            .iter()
            .enumerate()
            .map(|(ki, k)| {
                let mut v = Vec::new();
                for m in k.mats {
                    let mi = find_mat(cat, m);
                    v.push((ki, None, mi));
                    for a in k.adjs {
                        let ai = find_adj(cat, a);
                        let ad = &cat.adjs[ai];
                        if ad.only.is_empty() || ad.only.contains(m) {
                            v.push((ki, Some(ai), mi));
                        }
                    }
                }
                v.shuffle(&mut rng);
                v
            })
            .collect();

        // Round-robin over the kinds so every category mixes its garment types.
        let mut picked = Vec::new();
        'fill: loop {
            let mut progressed = false;
            for q in queues.iter_mut() {
                while let Some(c) = q.pop() {
                    let (en, _) = product_names(cat, c);
                    let slug = slugify(&en);
                    if names.contains(&en) || slugs.contains(&slug) {
                        continue;
                    }
                    names.insert(en);
                    slugs.insert(slug);
                    picked.push(c);
                    progressed = true;
                    break;
                }
                if picked.len() >= cat.target {
                    break 'fill;
                }
            }
            if !progressed {
                break;
            }
        }

        let first = out.len();
        for (n, c) in picked.into_iter().enumerate() {
            out.push(build_product(cat, c, n, &mut rng));
        }

        // Featured: one per category, two in the hero categories (14 in total).
        let mut idx: Vec<usize> = (first..out.len()).collect();
        idx.shuffle(&mut rng);
        let n_feat = if HERO.contains(&cat.slug) { 2 } else { 1 };
        for &i in idx.iter().take(n_feat) {
            out[i].featured = true;
        }
    }
    out
}

const HERO: &[&str] = &["knitwear", "outerwear", "shoes", "bags"];

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

type Cand = (usize, Option<usize>, usize);

fn find_mat(cat: &Cat, name: &str) -> usize {
    cat.mats
        .iter()
        .position(|m| m.name == name)
        .unwrap_or_else(|| panic!("unknown material {name} in {}", cat.slug))
}

fn find_adj(cat: &Cat, name: &str) -> usize {
    cat.adjs
        .iter()
        .position(|a| a.en == name)
        .unwrap_or_else(|| panic!("unknown adjective {name} in {}", cat.slug))
}

fn product_names(cat: &Cat, (ki, ai, mi): Cand) -> (String, String) {
    let k = &cat.kinds[ki];
    let m = &cat.mats[mi];
    let mut en = String::new();
    let mut it = k.it.to_string();
    let mut it_after = String::new();
    if let Some(ai) = ai {
        let a = &cat.adjs[ai];
        en.push_str(a.en);
        en.push(' ');
        let (after, form) = match a.it.strip_prefix('+') {
            Some(rest) => (true, inflect(rest, k.g)),
            None => (false, inflect(a.it, k.g)),
        };
        if after {
            it_after = format!(" {form}");
        } else {
            it.push(' ');
            it.push_str(&form);
        }
    }
    en.push_str(m.name);
    en.push(' ');
    en.push_str(k.en);
    it.push(' ');
    it.push_str(m.it);
    it.push_str(&it_after);
    (en, it)
}

fn build_product(cat: &Cat, c: Cand, n: usize, rng: &mut StdRng) -> DemoProduct {
    let (ki, ai, mi) = c;
    let k = &cat.kinds[ki];
    let m = &cat.mats[mi];
    let a = ai.map(|i| &cat.adjs[i]);
    let (name, name_it) = product_names(cat, c);

    // Description: template, two distinct details and a styling note.
    let templates = if k.templates.is_empty() {
        cat.templates
    } else {
        k.templates
    };
    let t = templates[rng.random_range(0..templates.len())];
    let d1 = rng.random_range(0..k.details.len());
    let mut d2 = rng.random_range(0..k.details.len() - 1);
    if d2 >= d1 {
        d2 += 1;
    }
    let style = cat.styles[rng.random_range(0..cat.styles.len())];
    let fit = a.map(|a| a.fit).unwrap_or(k.fit);
    let parts = Parts {
        k,
        m,
        fit,
        d1: k.details[d1],
        d2: k.details[d2],
        style,
        verb: cat.verb,
    };
    let description = render(t.0, &parts, false);
    let description_it = render(t.1, &parts, true);

    // Price and weight.
    let eur = k.eur * m.price * a.map(|a| a.price).unwrap_or(1.0);
    let price_minor = retail_price(eur);
    let weight_grams = (((k.grams as f64) * m.weight / 10.0).round() as i32 * 10).max(40);

    // Season and age.
    let warm = (m.warm + k.warm).clamp(-1, 1);
    let r: f64 = rng.random();
    let season = match warm {
        1 if r < 0.3 => "FW27",
        1 => "FW26",
        -1 => "SS26",
        _ if r < 0.45 => "SS26",
        _ if r < 0.83 => "FW26",
        _ => "FW27",
    };
    let created_days_ago = match season {
        "FW27" => rng.random_range(0..=40),
        "FW26" => rng.random_range(45..=220),
        _ => rng.random_range(180..=400),
    };

    // Colours: 2–5 distinct from the most specific palette.
    let pal = if !m.palette.is_empty() {
        m.palette
    } else if !k.palette.is_empty() {
        k.palette
    } else {
        cat.palette
    };
    let mut pal: Vec<&str> = pal.to_vec();
    pal.shuffle(rng);
    let n_col = [2, 3, 3, 4, 4, 5][rng.random_range(0..6)].min(pal.len());
    let colours = pal
        .iter()
        .take(n_col)
        .map(|name| DemoColour {
            name: (*name).to_string(),
            hex: colour_hex(name).to_string(),
        })
        .collect();

    DemoProduct {
        style_code: format!("{}-{}", cat.prefix, 1001 + n),
        slug: slugify(&name),
        name,
        name_it,
        description,
        description_it,
        category_slug: cat.slug,
        silhouette: k.sil,
        material: m.comp.to_string(),
        care: m.care.to_string(),
        price_minor,
        season,
        featured: false,
        colours,
        sizes: sizes(k.sizes),
        weight_grams,
        created_days_ago,
    }
}

/// Realistic retail price in cents: €49, €129, €150, €1,250 …
fn retail_price(eur: f64) -> i64 {
    let p = if eur < 100.0 {
        ((eur / 10.0).round() * 10.0 - 1.0).max(19.0)
    } else if eur < 1000.0 {
        let r = (eur / 10.0).round() * 10.0;
        if (r as i64) % 50 == 0 { r } else { r - 1.0 }
    } else {
        (eur / 50.0).round() * 50.0
    };
    p as i64 * 100
}

fn colour_hex(name: &str) -> &'static str {
    COLOURS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, h)| *h)
        .unwrap_or_else(|| panic!("unknown colour {name}"))
}

fn sizes(s: Sz) -> Vec<String> {
    let v: Vec<String> = match s {
        Sz::Std => ["XS", "S", "M", "L", "XL"].map(String::from).to_vec(),
        Sz::Women => ["XXS", "XS", "S", "M", "L"].map(String::from).to_vec(),
        Sz::Ext => ["XS", "S", "M", "L", "XL", "XXL"]
            .map(String::from)
            .to_vec(),
        Sz::ItTrousers => (44..=54).step_by(2).map(|n| n.to_string()).collect(),
        Sz::Waist => [28, 29, 30, 31, 32, 33, 34, 36]
            .iter()
            .map(|n| n.to_string())
            .collect(),
        Sz::ShoesW => (36..=41).map(|n| n.to_string()).collect(),
        Sz::ShoesM => (40..=46).map(|n| n.to_string()).collect(),
        Sz::ShoesU => (36..=45).map(|n| n.to_string()).collect(),
        Sz::Belt => (75..=100).step_by(5).map(|n| n.to_string()).collect(),
        Sz::One => vec!["One size".to_string()],
    };
    v
}

/// Lowercase kebab-case from an English name.
fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(ch.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

fn inflect(s: &str, g: G) -> String {
    if s.contains('|') {
        s.split('|').nth(g.idx()).unwrap_or(s).to_string()
    } else {
        s.to_string()
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// English kind in running text: lowercase except proper names.
fn lower_en(s: &str) -> String {
    let mut l = s.to_lowercase();
    for p in ["Chelsea", "Breton", "Oxford", "Pima", "V-neck"] {
        l = l.replace(&p.to_lowercase(), p);
    }
    l
}

fn starts_vowel(s: &str) -> bool {
    matches!(s.chars().next(), Some('a' | 'e' | 'i' | 'o' | 'u'))
}

/// Italian nouns that take "lo"/"uno"/"gli".
fn needs_lo(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() {
        return false;
    }
    let cons = |c: u8| !b"aeiou".contains(&c);
    (b[0] == b's' && b.len() > 1 && cons(b[1]))
        || b[0] == b'z'
        || b[0] == b'x'
        || b[0] == b'y'
        || s.starts_with("gn")
        || s.starts_with("ps")
        || s.starts_with("pn")
}

fn it_indef(noun: &str, g: G) -> String {
    match g {
        G::M if needs_lo(noun) => format!("uno {noun}"),
        G::M => format!("un {noun}"),
        G::F if starts_vowel(noun) => format!("un'{noun}"),
        G::F => format!("una {noun}"),
        G::Mp | G::Fp => format!("un paio di {noun}"),
    }
}

fn it_def(noun: &str, g: G) -> String {
    match g {
        G::M | G::F if starts_vowel(noun) => format!("l'{noun}"),
        G::M if needs_lo(noun) => format!("lo {noun}"),
        G::M => format!("il {noun}"),
        G::F => format!("la {noun}"),
        G::Mp if starts_vowel(noun) || needs_lo(noun) => format!("gli {noun}"),
        G::Mp => format!("i {noun}"),
        G::Fp => format!("le {noun}"),
    }
}

fn en_indef(noun: &str, g: G) -> String {
    if g.plural() {
        format!("a pair of {noun}")
    } else if starts_vowel(noun) {
        format!("an {noun}")
    } else {
        format!("a {noun}")
    }
}

struct Parts<'a> {
    k: &'a Kind,
    m: &'a Mat,
    fit: Pair,
    d1: Pair,
    d2: Pair,
    style: Pair,
    verb: Pair,
}

/// Replaces `{key}` placeholders; unknown keys are kept verbatim.
fn fill(t: &str, f: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(t.len() + 64);
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('}').map(|j| j + i) else {
            break;
        };
        let key = &rest[i + 1..j];
        match f(key) {
            Some(v) => out.push_str(&v),
            None => {
                out.push('{');
                out.push_str(key);
                out.push('}');
            }
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}

fn render(t: &str, p: &Parts, it: bool) -> String {
    let g = p.k.g;
    let pick = |pair: Pair| if it { pair.1 } else { pair.0 }.to_string();
    let kind = if it {
        lower_first(p.k.it)
    } else {
        lower_en(p.k.en)
    };
    // Pass 1: content.
    let text = fill(t, |key| {
        Some(match key {
            "kind" => kind.clone(),
            "a_kind" => en_indef(&kind, g),
            "A_kind" => cap(&en_indef(&kind, g)),
            "un" => it_indef(&kind, g),
            "Un" => cap(&it_indef(&kind, g)),
            "il" => it_def(&kind, g),
            "Il" => cap(&it_def(&kind, g)),
            "q" => ["questo", "questa", "questi", "queste"][g.idx()].to_string(),
            "Q" => ["Questo", "Questa", "Questi", "Queste"][g.idx()].to_string(),
            "mat" => pick(p.m.desc),
            "feel" => pick(p.m.feel),
            "fit" => pick(p.fit),
            "d1" => pick(p.d1),
            "D1" => cap(&pick(p.d1)),
            "d2" => pick(p.d2),
            "style" => pick(p.style),
            "Verb" => pick(p.verb),
            _ => return None,
        })
    });
    // Pass 2: Italian gender/number agreement (also used for English number).
    fill(&text, |key| {
        if key == "o" {
            return Some(["o", "a", "i", "e"][g.idx()].to_string());
        }
        if let Some(r) = key.strip_prefix("g:") {
            return r.split('|').nth(g.idx()).map(String::from);
        }
        if let Some(r) = key.strip_prefix("n:") {
            return r.split('|').nth(usize::from(g.plural())).map(String::from);
        }
        None
    })
}

// ---------------------------------------------------------------------------
// Data model
// ---------------------------------------------------------------------------

/// Grammatical gender and number of the Italian noun.
#[derive(Clone, Copy, PartialEq, Eq)]
enum G {
    M,
    F,
    Mp,
    #[allow(dead_code)]
    Fp,
}

impl G {
    fn idx(self) -> usize {
        match self {
            G::M => 0,
            G::F => 1,
            G::Mp => 2,
            G::Fp => 3,
        }
    }
    fn plural(self) -> bool {
        matches!(self, G::Mp | G::Fp)
    }
}

#[derive(Clone, Copy)]
enum Sz {
    Std,
    Women,
    Ext,
    ItTrousers,
    Waist,
    ShoesW,
    ShoesM,
    ShoesU,
    Belt,
    One,
}

/// (English, Italian)
type Pair = (&'static str, &'static str);

struct Adj {
    en: &'static str,
    /// Italian; "m|f|mp|fp" when it agrees, a leading '+' puts it after the material.
    it: &'static str,
    fit: Pair,
    price: f64,
    /// Materials it may combine with (empty: all).
    only: &'static [&'static str],
}

const fn adj(
    en: &'static str,
    it: &'static str,
    fit_en: &'static str,
    fit_it: &'static str,
) -> Adj {
    Adj {
        en,
        it,
        fit: (fit_en, fit_it),
        price: 1.0,
        only: &[],
    }
}

struct Mat {
    /// In English product names, e.g. "Merino".
    name: &'static str,
    /// In Italian product names, e.g. "in merino".
    it: &'static str,
    /// In descriptions, e.g. ("extra-fine merino wool", "lana merino extrafine").
    desc: Pair,
    /// A full sentence about the material.
    feel: Pair,
    comp: &'static str,
    care: &'static str,
    price: f64,
    weight: f64,
    /// -1 summer, 0 any season, 1 winter.
    warm: i8,
    palette: &'static [&'static str],
}

#[allow(clippy::too_many_arguments)]
const fn mat(
    name: &'static str,
    it: &'static str,
    desc: Pair,
    feel: Pair,
    comp: &'static str,
    care: &'static str,
    price: f64,
    warm: i8,
) -> Mat {
    Mat {
        name,
        it,
        desc,
        feel,
        comp,
        care,
        price,
        weight: 1.0,
        warm,
        palette: &[],
    }
}

struct Kind {
    en: &'static str,
    it: &'static str,
    g: G,
    sil: Silhouette,
    eur: f64,
    grams: i32,
    sizes: Sz,
    mats: &'static [&'static str],
    adjs: &'static [&'static str],
    /// Default fit phrase when the product has no adjective.
    fit: Pair,
    details: &'static [Pair],
    warm: i8,
    palette: &'static [&'static str],
    templates: &'static [Pair],
}

#[allow(clippy::too_many_arguments)]
const fn kind(
    en: &'static str,
    it: &'static str,
    g: G,
    sil: Silhouette,
    eur: f64,
    grams: i32,
    sizes: Sz,
    mats: &'static [&'static str],
    adjs: &'static [&'static str],
    fit: Pair,
    details: &'static [Pair],
) -> Kind {
    Kind {
        en,
        it,
        g,
        sil,
        eur,
        grams,
        sizes,
        mats,
        adjs,
        fit,
        details,
        warm: 0,
        palette: &[],
        templates: &[],
    }
}

struct Cat {
    slug: &'static str,
    name: &'static str,
    name_it: &'static str,
    description: &'static str,
    prefix: &'static str,
    target: usize,
    /// Participle for the first template, e.g. ("Knitted", "Lavorat{o}").
    verb: Pair,
    templates: &'static [Pair],
    styles: &'static [Pair],
    palette: &'static [&'static str],
    adjs: &'static [Adj],
    mats: &'static [Mat],
    kinds: &'static [Kind],
}

use Silhouette as S;

// ---------------------------------------------------------------------------
// Colours
// ---------------------------------------------------------------------------

const COLOURS: &[(&str, &str)] = &[
    ("Black", "#1d1d1f"),
    ("Optic White", "#fafaf7"),
    ("Chalk", "#f4f1ea"),
    ("Ecru", "#efe6d2"),
    ("Oatmeal", "#d9cdb6"),
    ("Sand", "#d6c3a1"),
    ("Stone", "#b9b1a3"),
    ("Taupe", "#8b7d6b"),
    ("Camel", "#c19a6b"),
    ("Tan", "#b8875b"),
    ("Cognac", "#9a5632"),
    ("Tobacco", "#7a5634"),
    ("Chocolate", "#4b3325"),
    ("Rust", "#b0532c"),
    ("Terracotta", "#c06b4d"),
    ("Bordeaux", "#6b1f2e"),
    ("Plum", "#5e3a55"),
    ("Dusty Rose", "#d4a5a0"),
    ("Blush", "#ecd3c9"),
    ("Butter", "#f1e3a6"),
    ("Mustard", "#c99a2e"),
    ("Olive", "#6b6a3a"),
    ("Moss", "#5d6b45"),
    ("Sage", "#a9b59b"),
    ("Forest", "#2f4a3a"),
    ("Petrol", "#2e5561"),
    ("Powder Blue", "#b9cde0"),
    ("Denim", "#4a6a8c"),
    ("Navy", "#1f2a44"),
    ("Slate", "#5b6670"),
    ("Charcoal", "#3a3a3c"),
    ("Grey Melange", "#a7a7a5"),
    ("Tortoise", "#6a4327"),
    ("Honey", "#c08b45"),
    ("Gold", "#c8a15a"),
    ("Silver", "#bcbfc3"),
    ("Gunmetal", "#54575b"),
];

// ---------------------------------------------------------------------------
// Shared description templates
// ---------------------------------------------------------------------------

const APPAREL_T: &[Pair] = &[
    (
        "{Verb} from {mat}, {n:this|these} {kind} {n:has|have} {fit}. {feel} {n:It is|They are} finished with {d1} and {d2}. {style}",
        "{Verb} in {mat}, {q} {kind} {n:ha|hanno} {fit}. {feel} {n:È|Sono} rifinit{o} con {d1} e {d2}. {style}",
    ),
    (
        "{A_kind} in {mat}, defined by {fit}. {feel} Details include {d1} and {d2}. {style}",
        "{Un} in {mat}, caratterizzat{o} da {fit}. {feel} Tra i dettagli, {d1} e {d2}. {style}",
    ),
    (
        "The {kind} {n:returns|return} every season; this version is made from {mat} and has {fit}, plus {d1} and {d2}. {feel} {style}",
        "{Il} {n:torna|tornano} ogni stagione: questa versione è in {mat} e ha {fit}, oltre a {d1} e {d2}. {feel} {style}",
    ),
    (
        "{feel} {n:This|These} {kind} {n:has|have} {fit}, {d1} and {d2}. {style}",
        "{feel} {Q} {kind} in {mat} {n:ha|hanno} {fit}, {d1} e {d2}. {style}",
    ),
];

// ---------------------------------------------------------------------------
// Knitwear
// ---------------------------------------------------------------------------

const KNIT_ADJS: &[Adj] = &[
    adj(
        "Relaxed",
        "rilassato|rilassata|rilassati|rilassate",
        "a relaxed fit with a softly dropped shoulder",
        "una vestibilità rilassata con spalla leggermente scesa",
    ),
    adj(
        "Ribbed",
        "a coste",
        "an all-over rib that holds its shape",
        "una lavorazione a coste che mantiene la forma",
    ),
    adj(
        "Cropped",
        "corto|corta|corti|corte",
        "a cropped length that sits just above the waist",
        "una lunghezza corta che si ferma appena sopra la vita",
    ),
    adj(
        "Oversized",
        "oversize",
        "a generous oversized shape",
        "una linea ampia e oversize",
    ),
    adj(
        "Fine-Gauge",
        "a maglia fine",
        "a fine-gauge knit that layers easily",
        "una maglia fine che si sovrappone con facilità",
    ),
    Adj {
        price: 1.1,
        ..adj(
            "Chunky",
            "a maglia grossa",
            "a chunky knit with real texture",
            "una maglia grossa dalla texture decisa",
        )
    },
    adj(
        "Slim",
        "slim",
        "a slim, close-to-body fit",
        "una vestibilità slim, vicina al corpo",
    ),
];

const MERINO: Mat = mat(
    "Merino",
    "in merino",
    ("extra-fine merino wool", "lana merino extrafine"),
    (
        "The yarn is soft and breathable, warm without any bulk.",
        "Il filato è morbido e traspirante, caldo senza appesantire.",
    ),
    "100% extra-fine merino wool",
    "Hand wash cold, dry flat",
    1.0,
    1,
);
const CASHMERE: Mat = mat(
    "Cashmere",
    "in cashmere",
    ("pure Mongolian cashmere", "puro cashmere della Mongolia"),
    (
        "Pure cashmere is remarkably light and soft, and gets softer with every wear.",
        "Il cashmere puro è straordinariamente leggero e morbido, e diventa più soffice a ogni utilizzo.",
    ),
    "100% cashmere",
    "Hand wash cold or dry clean, dry flat",
    2.3,
    1,
);
const LAMBSWOOL: Mat = mat(
    "Lambswool",
    "in lana d'agnello",
    (
        "brushed Scottish lambswool",
        "lana d'agnello scozzese spazzolata",
    ),
    (
        "The brushed yarn has a lofty handle and genuine warmth.",
        "Il filato spazzolato ha una mano voluminosa e un calore autentico.",
    ),
    "100% lambswool",
    "Hand wash cold, dry flat",
    0.9,
    1,
);
const ALPACA: Mat = mat(
    "Alpaca",
    "in alpaca",
    (
        "a brushed baby alpaca blend",
        "un misto alpaca baby spazzolato",
    ),
    (
        "Baby alpaca has a light, airy halo and is surprisingly warm for its weight.",
        "L'alpaca baby ha un alone leggero e arioso ed è sorprendentemente calda per il suo peso.",
    ),
    "56% baby alpaca, 34% merino wool, 10% polyamide",
    "Hand wash cold, dry flat",
    1.25,
    1,
);

const KNIT_MATS: &[Mat] = &[
    MERINO,
    CASHMERE,
    LAMBSWOOL,
    ALPACA,
    mat(
        "Cotton",
        "in cotone",
        ("organic cotton yarn", "filato di cotone biologico"),
        (
            "Organic cotton yarn is breathable and easy to care for, ideal between seasons.",
            "Il filato di cotone biologico è traspirante e facile da curare, ideale nelle mezze stagioni.",
        ),
        "100% organic cotton",
        "Machine wash cold on a wool cycle, dry flat",
        0.75,
        0,
    ),
    Mat {
        weight: 0.7,
        ..mat(
            "Mohair",
            "in mohair",
            ("a kid mohair and silk blend", "un misto mohair kid e seta"),
            (
                "Kid mohair is feather-light, with a soft, brushed surface.",
                "Il mohair kid è leggerissimo, con una superficie morbida e spazzolata.",
            ),
            "70% kid mohair, 30% silk",
            "Hand wash cold, dry flat",
            1.3,
            1,
        )
    },
];

const KNIT_KINDS: &[Kind] = &[
    kind(
        "Crew-Neck Sweater",
        "Maglione girocollo",
        G::M,
        S::Knit,
        160.0,
        420,
        Sz::Std,
        &["Merino", "Cashmere", "Lambswool", "Cotton"],
        &["Relaxed", "Ribbed", "Fine-Gauge", "Oversized"],
        (
            "a classic, true-to-size fit",
            "una vestibilità classica e regolare",
        ),
        &[
            ("ribbed trims", "bordi a coste"),
            (
                "a neat tubular neckline",
                "uno scollo rifinito a maglia tubolare",
            ),
            ("saddle shoulders", "spalle a sella"),
            ("fully fashioned seams", "cuciture fully fashioned"),
        ],
    ),
    kind(
        "V-Neck Sweater",
        "Maglione scollo a V",
        G::M,
        S::Knit,
        150.0,
        380,
        Sz::Std,
        &["Merino", "Cashmere", "Lambswool"],
        &["Relaxed", "Fine-Gauge", "Slim"],
        ("a clean, regular fit", "una vestibilità regolare e pulita"),
        &[
            ("a deep V-neck", "uno scollo a V profondo"),
            ("ribbed trims", "bordi a coste"),
            ("a straight hem", "un fondo dritto"),
            ("set-in sleeves", "maniche a giro"),
        ],
    ),
    kind(
        "Cardigan",
        "Cardigan",
        G::M,
        S::Knit,
        190.0,
        480,
        Sz::Std,
        &["Merino", "Alpaca", "Lambswool", "Cotton", "Mohair"],
        &["Relaxed", "Cropped", "Chunky", "Oversized"],
        ("an easy, straight fit", "una vestibilità dritta e comoda"),
        &[
            ("horn buttons", "bottoni in corno"),
            ("two patch pockets", "due tasche applicate"),
            ("a V-neck front", "uno scollo a V"),
            ("ribbed button bands", "bordi a coste"),
        ],
    ),
    kind(
        "Roll-Neck Sweater",
        "Dolcevita",
        G::M,
        S::Knit,
        170.0,
        440,
        Sz::Std,
        &["Merino", "Cashmere", "Lambswool"],
        &["Fine-Gauge", "Ribbed", "Slim", "Chunky"],
        (
            "a close, regular fit",
            "una vestibilità regolare e avvolgente",
        ),
        &[
            (
                "a generous fold-over collar",
                "un ampio collo da risvoltare",
            ),
            ("long ribbed cuffs", "polsini lunghi a coste"),
            ("a ribbed hem", "un fondo a coste"),
            ("fully fashioned seams", "cuciture fully fashioned"),
        ],
    ),
    kind(
        "Cable-Knit Sweater",
        "Maglione a trecce",
        G::M,
        S::Knit,
        210.0,
        620,
        Sz::Std,
        &["Lambswool", "Merino", "Alpaca", "Cotton"],
        &["Chunky", "Relaxed", "Oversized"],
        (
            "a comfortable, slightly boxy fit",
            "una vestibilità comoda e leggermente squadrata",
        ),
        &[
            ("a central cable panel", "un pannello centrale a trecce"),
            ("a ribbed crew neck", "un girocollo a coste"),
            ("saddle shoulders", "spalle a sella"),
            ("deep ribbed cuffs", "polsini alti a coste"),
        ],
    ),
    kind(
        "Knit Polo",
        "Polo",
        G::F,
        S::Knit,
        140.0,
        300,
        Sz::Std,
        &["Merino", "Cotton", "Cashmere"],
        &["Relaxed", "Ribbed", "Fine-Gauge"],
        ("a neat, regular fit", "una vestibilità regolare e ordinata"),
        &[
            ("an open spread collar", "un collo aperto alla francese"),
            ("a three-button placket", "un'abbottonatura a tre bottoni"),
            ("ribbed cuffs", "polsini a coste"),
            ("mother-of-pearl buttons", "bottoni in madreperla"),
        ],
    ),
    kind(
        "Sweater Vest",
        "Gilet",
        G::M,
        S::Knit,
        120.0,
        260,
        Sz::Std,
        &["Merino", "Lambswool", "Cotton", "Alpaca"],
        &["Ribbed", "Cropped", "Chunky"],
        (
            "a neat fit that layers over shirts",
            "una vestibilità ordinata, da sovrapporre alle camicie",
        ),
        &[
            ("a V-neck", "uno scollo a V"),
            ("ribbed armholes", "giromanica a coste"),
            ("a ribbed hem", "un fondo a coste"),
        ],
    ),
];

const KNIT_STYLES: &[Pair] = &[
    (
        "Wear it over a crisp shirt or on its own with tailored trousers.",
        "Da indossare sopra una camicia o con pantaloni sartoriali.",
    ),
    (
        "Easy to layer under a coat from autumn to early spring.",
        "Facile da sovrapporre sotto un cappotto, dall'autunno all'inizio della primavera.",
    ),
    (
        "A long-lasting piece designed to be worn for years.",
        "Un capo duraturo, pensato per essere indossato per anni.",
    ),
    (
        "Pair it with denim at the weekend or wide-leg trousers during the week.",
        "{g:Abbinalo|Abbinala|Abbinali|Abbinale} al denim nel fine settimana o a pantaloni ampi durante la settimana.",
    ),
    (
        "Knitted in a family-run mill in northern Italy.",
        "Realizzat{o} in un maglificio a conduzione familiare del nord Italia.",
    ),
];

// ---------------------------------------------------------------------------
// Shirts & Tops
// ---------------------------------------------------------------------------

const REGULAR_FIT: Pair = (
    "a classic, true-to-size fit",
    "una vestibilità classica e regolare",
);

const SHIRT_ADJS: &[Adj] = &[
    adj(
        "Relaxed",
        "rilassato|rilassata|rilassati|rilassate",
        "a relaxed fit with a dropped shoulder",
        "una vestibilità rilassata con spalla scesa",
    ),
    adj(
        "Oversized",
        "oversize",
        "a roomy oversized cut",
        "un taglio ampio e oversize",
    ),
    adj(
        "Cropped",
        "cropped",
        "a cropped, boxy length",
        "una lunghezza corta e squadrata",
    ),
    adj(
        "Tailored",
        "sciancrato|sciancrata|sciancrati|sciancrate",
        "a tailored, gently shaped fit",
        "una vestibilità sartoriale, leggermente sciancrata",
    ),
    Adj {
        only: &["Poplin", "Oxford", "Linen", "Silk"],
        ..adj(
            "Striped",
            "a righe",
            "a fine yarn-dyed stripe",
            "una sottile riga tinta in filo",
        )
    },
    Adj {
        only: &["Linen", "Poplin", "Chambray", "Silk", "Crepe"],
        ..adj(
            "Short-Sleeve",
            "a maniche corte",
            "short sleeves for warmer days",
            "maniche corte per le giornate più calde",
        )
    },
];

const LINEN: Mat = mat(
    "Linen",
    "in lino",
    ("washed European linen", "lino europeo lavato"),
    (
        "The linen is airy and breathable, and creases beautifully.",
        "Il lino è arioso e traspirante e si stropiccia con naturalezza.",
    ),
    "100% linen",
    "Machine wash 30°C, line dry",
    1.1,
    -1,
);
const SILK: Mat = mat(
    "Silk",
    "in seta",
    ("fluid sand-washed silk", "seta sabbiata fluida"),
    (
        "The sand-washed silk has a soft matte sheen and drapes beautifully.",
        "La seta sabbiata ha una lucentezza opaca e un drappeggio morbido.",
    ),
    "100% silk",
    "Hand wash cold or dry clean",
    1.9,
    0,
);
const CREPE: Mat = mat(
    "Crepe",
    "in crêpe",
    ("fluid viscose crêpe", "crêpe di viscosa fluido"),
    (
        "The crêpe falls softly and moves with the body.",
        "Il crêpe cade morbido e segue i movimenti del corpo.",
    ),
    "100% viscose",
    "Hand wash cold, do not tumble dry",
    0.9,
    0,
);
const POPLIN: Mat = mat(
    "Poplin",
    "in popeline",
    ("crisp cotton poplin", "popeline di cotone compatto"),
    (
        "The tightly woven cotton is crisp, smooth and cool against the skin.",
        "Il cotone a trama fitta è fresco, liscio e piacevole sulla pelle.",
    ),
    "100% cotton poplin",
    "Machine wash 30°C, iron medium",
    1.0,
    0,
);
const CORDUROY: Mat = mat(
    "Corduroy",
    "in velluto a coste",
    (
        "fine-wale cotton corduroy",
        "velluto a coste sottili di cotone",
    ),
    (
        "The soft pile adds warmth and a rich, matte texture.",
        "Il pelo morbido aggiunge calore e una texture ricca e opaca.",
    ),
    "99% cotton, 1% elastane",
    "Machine wash 30°C inside out",
    1.1,
    1,
);

const SHIRT_MATS: &[Mat] = &[
    POPLIN,
    mat(
        "Oxford",
        "in oxford",
        ("soft-washed Oxford cotton", "cotone oxford lavato"),
        (
            "The cotton is garment-washed for a soft, lived-in handle from day one.",
            "Il cotone è lavato in capo per una mano morbida e vissuta fin dal primo giorno.",
        ),
        "100% cotton",
        "Machine wash 30°C, tumble dry low",
        0.95,
        0,
    ),
    LINEN,
    SILK,
    mat(
        "Chambray",
        "in chambray",
        ("lightweight cotton chambray", "chambray di cotone leggero"),
        (
            "The yarn-dyed chambray is light and soft, and fades gently over time.",
            "Il chambray tinto in filo è leggero e morbido, e sbiadisce con delicatezza nel tempo.",
        ),
        "100% cotton",
        "Machine wash 30°C",
        0.95,
        0,
    ),
    mat(
        "Flannel",
        "in flanella",
        ("brushed cotton flannel", "flanella di cotone spazzolata"),
        (
            "The brushed surface feels warm and soft in the cooler months.",
            "La superficie spazzolata è calda e morbida, perfetta per i mesi più freschi.",
        ),
        "100% cotton",
        "Machine wash 30°C, tumble dry low",
        1.0,
        1,
    ),
    CREPE,
    CORDUROY,
];

const SHIRT_KINDS: &[Kind] = &[
    kind(
        "Shirt",
        "Camicia",
        G::F,
        S::Shirt,
        120.0,
        280,
        Sz::Std,
        &["Poplin", "Oxford", "Linen", "Chambray", "Flannel"],
        &["Relaxed", "Oversized", "Tailored", "Striped"],
        REGULAR_FIT,
        &[
            ("a point collar", "un collo a punta"),
            ("mother-of-pearl buttons", "bottoni in madreperla"),
            ("a single chest pocket", "un taschino sul petto"),
            ("a curved shirttail hem", "un fondo arrotondato"),
        ],
    ),
    Kind {
        warm: -1,
        ..kind(
            "Camp-Collar Shirt",
            "Camicia con collo cubano",
            G::F,
            S::Shirt,
            130.0,
            240,
            Sz::Std,
            &["Linen", "Silk", "Poplin", "Crepe"],
            &["Relaxed", "Cropped", "Striped", "Short-Sleeve"],
            ("a straight, easy fit", "una vestibilità dritta e comoda"),
            &[
                ("an open camp collar", "un collo cubano aperto"),
                (
                    "a straight hem with side vents",
                    "un fondo dritto con spacchetti laterali",
                ),
                ("corozo buttons", "bottoni in corozo"),
                ("French seams", "cuciture all'inglese"),
            ],
        )
    },
    kind(
        "Band-Collar Shirt",
        "Camicia collo alla coreana",
        G::F,
        S::Shirt,
        125.0,
        260,
        Sz::Std,
        &["Linen", "Poplin", "Chambray", "Oxford"],
        &["Relaxed", "Oversized", "Striped"],
        (
            "a relaxed, straight fit",
            "una vestibilità dritta e rilassata",
        ),
        &[
            ("a neat band collar", "un collo alla coreana"),
            ("a concealed placket", "un'abbottonatura nascosta"),
            ("a curved hem", "un fondo arrotondato"),
            ("a box pleat at the back", "una piega centrale sul retro"),
        ],
    ),
    kind(
        "Blouse",
        "Blusa",
        G::F,
        S::Shirt,
        150.0,
        200,
        Sz::Women,
        &["Silk", "Crepe", "Poplin"],
        &["Relaxed", "Cropped", "Oversized", "Short-Sleeve"],
        ("a fluid, easy fit", "una vestibilità fluida e morbida"),
        &[
            ("covered buttons", "bottoni rivestiti"),
            (
                "a softly gathered yoke",
                "uno sprone leggermente arricciato",
            ),
            ("a rounded collar", "un colletto arrotondato"),
            ("a narrow rolled hem", "un orlo sottile arrotolato"),
        ],
    ),
    kind(
        "Tie-Neck Blouse",
        "Blusa con fiocco",
        G::F,
        S::Shirt,
        170.0,
        210,
        Sz::Women,
        &["Silk", "Crepe"],
        &["Relaxed", "Short-Sleeve"],
        (
            "a fluid, slightly blousy fit",
            "una vestibilità fluida e morbida sul busto",
        ),
        &[
            ("a long self-tie at the neck", "un lungo fiocco al collo"),
            ("covered buttons", "bottoni rivestiti"),
            ("French seams", "cuciture all'inglese"),
        ],
    ),
    kind(
        "Overshirt",
        "Sovracamicia",
        G::F,
        S::Shirt,
        160.0,
        480,
        Sz::Std,
        &["Flannel", "Chambray", "Linen", "Corduroy"],
        &["Relaxed", "Oversized"],
        (
            "a roomy fit made for layering",
            "una vestibilità comoda, pensata per essere sovrapposta",
        ),
        &[
            ("two flap chest pockets", "due taschini con pattina"),
            ("horn buttons", "bottoni in corno"),
            ("a straight hem", "un fondo dritto"),
            ("a box pleat at the back", "una piega centrale sul retro"),
        ],
    ),
    kind(
        "Tunic",
        "Tunica",
        G::F,
        S::Shirt,
        140.0,
        230,
        Sz::Women,
        &["Linen", "Silk", "Poplin"],
        &["Relaxed", "Striped"],
        (
            "a long, easy shape that falls below the hip",
            "una linea lunga e morbida che scende sotto i fianchi",
        ),
        &[
            ("a split neckline", "uno scollo con spacco"),
            ("side slits", "spacchi laterali"),
            (
                "tabs to roll up the sleeves",
                "linguette per arrotolare le maniche",
            ),
        ],
    ),
];

const SHIRT_STYLES: &[Pair] = &[
    (
        "Tuck it into high-waisted trousers or wear it loose over denim.",
        "Da portare dentro pantaloni a vita alta o fuori, sopra il denim.",
    ),
    (
        "It looks just as good buttoned up as it does open over a tee.",
        "Sta bene sia abbottonat{o} fino al collo sia apert{o} sopra una t-shirt.",
    ),
    (
        "Made in Italy by a small shirt-maker in Puglia.",
        "Realizzat{o} in Italia da un piccolo laboratorio di camiceria in Puglia.",
    ),
    (
        "A wardrobe essential that moves easily from office to weekend.",
        "Un essenziale del guardaroba che passa con naturalezza dall'ufficio al fine settimana.",
    ),
];

// ---------------------------------------------------------------------------
// T-Shirts
// ---------------------------------------------------------------------------

const TEE_ADJS: &[Adj] = &[
    adj(
        "Boxy",
        "boxy",
        "a boxy shape with a dropped shoulder",
        "una linea squadrata con spalla scesa",
    ),
    adj(
        "Relaxed",
        "rilassato|rilassata|rilassati|rilassate",
        "a relaxed, easy fit",
        "una vestibilità comoda e rilassata",
    ),
    adj(
        "Fitted",
        "aderente|aderente|aderenti|aderenti",
        "a close, fitted shape",
        "una linea aderente e pulita",
    ),
    adj(
        "Oversized",
        "oversize",
        "a generous oversized shape",
        "una linea ampia e oversize",
    ),
    adj(
        "Cropped",
        "cropped",
        "a cropped length that hits at the waist",
        "una lunghezza corta che arriva in vita",
    ),
    Adj {
        only: &["Organic Cotton", "Heavyweight", "Linen"],
        ..adj(
            "Striped",
            "a righe",
            "a classic yarn-dyed stripe",
            "una classica riga tinta in filo",
        )
    },
];

const TEE_MATS: &[Mat] = &[
    mat(
        "Heavyweight",
        "in jersey pesante",
        (
            "heavyweight 240 g/m² cotton jersey",
            "jersey di cotone pesante da 240 g/m²",
        ),
        (
            "The dense jersey keeps its shape and gets better with every wash.",
            "Il jersey compatto mantiene la forma e migliora a ogni lavaggio.",
        ),
        "100% organic cotton",
        "Machine wash 30°C inside out",
        1.2,
        0,
    ),
    mat(
        "Organic Cotton",
        "in cotone biologico",
        (
            "soft organic cotton jersey",
            "morbido jersey di cotone biologico",
        ),
        (
            "The organic jersey is breathable, soft and made for everyday wear.",
            "Il jersey biologico è traspirante, morbido e pensato per tutti i giorni.",
        ),
        "100% organic cotton",
        "Machine wash 30°C",
        1.0,
        0,
    ),
    mat(
        "Pima Cotton",
        "in cotone Pima",
        ("long-staple Pima cotton", "cotone Pima a fibra lunga"),
        (
            "The long fibres give a smooth, silky surface with a subtle sheen.",
            "Le fibre lunghe donano una superficie liscia e setosa, con una leggera lucentezza.",
        ),
        "100% Pima cotton",
        "Machine wash 30°C, dry flat",
        1.3,
        0,
    ),
    mat(
        "Slub Cotton",
        "in cotone fiammato",
        (
            "textured slub cotton",
            "cotone fiammato dalla texture irregolare",
        ),
        (
            "The irregular yarn gives a dry, textured handle and an easy look.",
            "Il filato irregolare dona una mano asciutta e materica e un aspetto disinvolto.",
        ),
        "100% cotton",
        "Machine wash 30°C",
        1.0,
        0,
    ),
    mat(
        "Linen",
        "in jersey di lino",
        ("linen jersey", "jersey di lino"),
        (
            "Linen jersey is cool, light and airy in the heat.",
            "Il jersey di lino è fresco, leggero e arioso anche nelle giornate calde.",
        ),
        "100% linen",
        "Machine wash 30°C, dry flat",
        1.3,
        -1,
    ),
];

const TEE_NECK: Pair = ("a ribbed crew neck", "un girocollo a costine");
const TEE_STITCH: Pair = ("double-needle stitching", "cuciture a doppio ago");
const TEE_FIT: Pair = ("a straight, easy fit", "una vestibilità dritta e comoda");

const TEE_KINDS: &[Kind] = &[
    kind(
        "Tee",
        "T-shirt",
        G::F,
        S::Tee,
        55.0,
        200,
        Sz::Std,
        &[
            "Heavyweight",
            "Organic Cotton",
            "Pima Cotton",
            "Slub Cotton",
            "Linen",
        ],
        &[
            "Boxy",
            "Relaxed",
            "Fitted",
            "Oversized",
            "Cropped",
            "Striped",
        ],
        TEE_FIT,
        &[
            TEE_NECK,
            TEE_STITCH,
            ("a taped back neck", "una fettuccia di rinforzo sul collo"),
            (
                "side seams that stay straight",
                "cuciture laterali che restano dritte",
            ),
        ],
    ),
    kind(
        "Long-Sleeve Tee",
        "T-shirt a maniche lunghe",
        G::F,
        S::Tee,
        69.0,
        260,
        Sz::Std,
        &[
            "Heavyweight",
            "Organic Cotton",
            "Pima Cotton",
            "Slub Cotton",
        ],
        &["Relaxed", "Fitted", "Boxy", "Striped"],
        TEE_FIT,
        &[TEE_NECK, ("ribbed cuffs", "polsini a costine"), TEE_STITCH],
    ),
    kind(
        "Pocket Tee",
        "T-shirt con taschino",
        G::F,
        S::Tee,
        59.0,
        210,
        Sz::Std,
        &["Heavyweight", "Slub Cotton", "Organic Cotton"],
        &["Boxy", "Relaxed"],
        TEE_FIT,
        &[
            ("a patch chest pocket", "un taschino applicato sul petto"),
            TEE_NECK,
            ("a straight hem", "un fondo dritto"),
        ],
    ),
    kind(
        "Henley",
        "Serafino",
        G::M,
        S::Tee,
        79.0,
        260,
        Sz::Std,
        &["Slub Cotton", "Organic Cotton", "Linen"],
        &["Relaxed", "Fitted"],
        TEE_FIT,
        &[
            ("a three-button placket", "un'abbottonatura a tre bottoni"),
            ("tonal buttons", "bottoni in tono"),
            ("ribbed cuffs", "polsini a costine"),
        ],
    ),
    kind(
        "Breton Top",
        "Maglia alla marinara",
        G::F,
        S::Tee,
        85.0,
        280,
        Sz::Std,
        &["Organic Cotton", "Heavyweight"],
        &["Relaxed", "Boxy", "Cropped"],
        (
            "a straight, slightly boxy fit",
            "una vestibilità dritta, leggermente squadrata",
        ),
        &[
            ("a wide boat neck", "un ampio scollo a barchetta"),
            (
                "classic yarn-dyed stripes",
                "le classiche righe tinte in filo",
            ),
            ("side vents", "spacchetti laterali"),
        ],
    ),
    kind(
        "Polo Shirt",
        "Polo",
        G::F,
        S::Tee,
        89.0,
        260,
        Sz::Std,
        &["Pima Cotton", "Organic Cotton", "Heavyweight"],
        &["Relaxed", "Fitted", "Boxy"],
        TEE_FIT,
        &[
            ("a ribbed collar", "un colletto a costine"),
            ("a two-button placket", "un'abbottonatura a due bottoni"),
            ("ribbed sleeve cuffs", "bordini a costine sulle maniche"),
            ("a longer back hem", "un fondo più lungo sul retro"),
        ],
    ),
];

const TEE_STYLES: &[Pair] = &[
    (
        "A foundation for every outfit, worn on its own or under knitwear.",
        "Una base per ogni look, da sol{o} o sotto la maglieria.",
    ),
    (
        "Pre-washed, so it keeps its size and shape.",
        "Prelavat{o}, per mantenere taglia e forma nel tempo.",
    ),
    (
        "Made in Portugal in a family-run factory.",
        "Prodott{o} in Portogallo in una fabbrica a conduzione familiare.",
    ),
    (
        "Tuck it into tailored trousers to dress it up.",
        "{g:Portalo|Portala|Portali|Portale} dentro pantaloni sartoriali per un look più elegante.",
    ),
];

// ---------------------------------------------------------------------------
// Dresses & Skirts
// ---------------------------------------------------------------------------

const DRESS_ADJS: &[Adj] = &[
    adj(
        "Midi",
        "midi",
        "a midi length that falls below the knee",
        "una lunghezza midi che cade sotto il ginocchio",
    ),
    adj(
        "Maxi",
        "lungo|lunga|lunghi|lunghe",
        "a sweeping ankle length",
        "una lunghezza fino alla caviglia",
    ),
    Adj {
        only: &["Satin", "Crepe", "Wool"],
        ..adj(
            "Pleated",
            "plissettato|plissettata|plissettati|plissettate",
            "sharp pleats that move as you walk",
            "pieghe nette che si muovono a ogni passo",
        )
    },
    adj(
        "Belted",
        "con cintura",
        "a self-tie belt that defines the waist",
        "una cintura in tono che segna il punto vita",
    ),
    Adj {
        only: &["Poplin", "Linen"],
        ..adj(
            "Tiered",
            "a balze",
            "soft tiers that add volume to the hem",
            "balze morbide che danno volume all'orlo",
        )
    },
    adj(
        "Sleeveless",
        "smanicato|smanicata|smanicati|smanicate",
        "a clean sleeveless line",
        "una linea pulita senza maniche",
    ),
];

const DRESS_MATS: &[Mat] = &[
    SILK,
    mat(
        "Satin",
        "in raso",
        ("fluid satin", "raso fluido"),
        (
            "The satin has a liquid drape and a soft, luminous sheen.",
            "Il raso ha un drappeggio fluido e una morbida lucentezza.",
        ),
        "70% acetate, 30% viscose",
        "Dry clean only",
        1.2,
        0,
    ),
    CREPE,
    POPLIN,
    LINEN,
    mat(
        "Wool",
        "in lana",
        ("lightweight tropical wool", "lana tropicale leggera"),
        (
            "The fine worsted wool is breathable and resists creasing.",
            "La lana pettinata è traspirante e resiste alle pieghe.",
        ),
        "100% virgin wool",
        "Dry clean only",
        1.3,
        1,
    ),
    mat(
        "Rib-Knit",
        "in maglia a coste",
        (
            "stretch rib-knit viscose",
            "maglia a coste in viscosa elasticizzata",
        ),
        (
            "The rib follows the body without clinging.",
            "La maglia a coste segue il corpo senza fasciarlo.",
        ),
        "80% viscose, 20% polyamide",
        "Hand wash cold, dry flat",
        1.0,
        0,
    ),
];

const DRESS_KINDS: &[Kind] = &[
    kind(
        "Slip Dress",
        "Abito sottoveste",
        G::M,
        S::Dress,
        220.0,
        250,
        Sz::Women,
        &["Silk", "Satin", "Crepe"],
        &["Midi", "Maxi"],
        (
            "a bias cut that skims the body",
            "un taglio in sbieco che sfiora il corpo",
        ),
        &[
            ("adjustable spaghetti straps", "spalline sottili regolabili"),
            (
                "a softly draped cowl neck",
                "uno scollo morbidamente drappeggiato",
            ),
            ("French seams", "cuciture all'inglese"),
            ("a narrow rolled hem", "un orlo sottile arrotolato"),
        ],
    ),
    kind(
        "Shirt Dress",
        "Abito chemisier",
        G::M,
        S::Dress,
        210.0,
        380,
        Sz::Women,
        &["Poplin", "Linen", "Silk"],
        &["Belted", "Midi", "Maxi", "Sleeveless"],
        ("an easy, straight shape", "una linea dritta e morbida"),
        &[
            ("a point collar", "un collo a punta"),
            ("a full button front", "un'abbottonatura completa"),
            ("side-seam pockets", "tasche nelle cuciture laterali"),
            ("a curved hem", "un orlo arrotondato"),
        ],
    ),
    kind(
        "Wrap Dress",
        "Abito a portafoglio",
        G::M,
        S::Dress,
        230.0,
        340,
        Sz::Women,
        &["Crepe", "Silk", "Linen"],
        &["Midi", "Maxi", "Sleeveless"],
        (
            "a wrap front that ties at the waist",
            "un davanti a portafoglio che si annoda in vita",
        ),
        &[
            ("a deep V-neck", "uno scollo a V profondo"),
            ("a long self-tie", "una lunga cintura da annodare"),
            ("a discreet inner button", "un bottone interno discreto"),
        ],
    ),
    kind(
        "Column Dress",
        "Abito a colonna",
        G::M,
        S::Dress,
        190.0,
        320,
        Sz::Women,
        &["Rib-Knit", "Crepe"],
        &["Midi", "Maxi", "Sleeveless"],
        ("a long, narrow line", "una linea lunga e affusolata"),
        &[
            ("a high round neck", "un girocollo alto"),
            ("a back slit", "uno spacco posteriore"),
            ("a hem that falls straight", "un orlo che cade dritto"),
        ],
    ),
    kind(
        "Dress",
        "Abito",
        G::M,
        S::Dress,
        180.0,
        330,
        Sz::Women,
        &["Poplin", "Linen"],
        &["Tiered", "Sleeveless", "Belted"],
        ("a relaxed, flowing shape", "una linea morbida e fluida"),
        &[
            ("a square neckline", "uno scollo quadrato"),
            ("hidden side pockets", "tasche laterali nascoste"),
            ("covered buttons at the back", "bottoni rivestiti sul retro"),
        ],
    ),
    kind(
        "Skirt",
        "Gonna",
        G::F,
        S::Dress,
        160.0,
        300,
        Sz::Women,
        &["Wool", "Satin", "Silk", "Linen"],
        &["Pleated", "Midi", "Maxi"],
        (
            "a high waist and an A-line shape",
            "una vita alta e una linea ad A",
        ),
        &[
            ("a concealed side zip", "una zip laterale nascosta"),
            ("a clean, flat waistband", "una cintura piatta e pulita"),
            ("a full lining", "una fodera completa"),
            ("side pockets", "tasche laterali"),
        ],
    ),
    kind(
        "Wrap Skirt",
        "Gonna a portafoglio",
        G::F,
        S::Dress,
        150.0,
        280,
        Sz::Women,
        &["Linen", "Wool", "Crepe"],
        &["Midi", "Maxi"],
        (
            "a wrap front that ties at the side",
            "un davanti a portafoglio che si annoda sul fianco",
        ),
        &[
            ("a long self-tie", "un lungo laccio da annodare"),
            ("an asymmetric hem", "un orlo asimmetrico"),
            ("a hidden inner button", "un bottone interno nascosto"),
        ],
    ),
];

const DRESS_STYLES: &[Pair] = &[
    (
        "Wear it with sandals in summer, or with boots and a knit when it turns cold.",
        "Da indossare con i sandali d'estate, o con stivaletti e un maglione quando fa freddo.",
    ),
    (
        "Easy to dress up or down, from lunch to dinner.",
        "Facile da rendere più elegante o più casual, dal pranzo alla cena.",
    ),
    (
        "Made in a small atelier just outside Florence.",
        "Realizzat{o} in un piccolo atelier alle porte di Firenze.",
    ),
    (
        "A piece that travels well and never looks overdone.",
        "Un capo che viaggia bene e non risulta mai eccessivo.",
    ),
];

// ---------------------------------------------------------------------------
// Trousers
// ---------------------------------------------------------------------------

const TROUSER_ADJS: &[Adj] = &[
    adj(
        "Relaxed",
        "rilassato|rilassata|rilassati|rilassate",
        "a relaxed fit through the seat and thigh",
        "una vestibilità comoda su fianchi e cosce",
    ),
    adj(
        "Wide-Leg",
        "a gamba larga",
        "a high waist and a generous wide leg",
        "una vita alta e una gamba ampia",
    ),
    adj(
        "Straight-Leg",
        "a gamba dritta",
        "a straight leg with a clean break",
        "una gamba dritta dalla caduta pulita",
    ),
    adj(
        "Tapered",
        "affusolato|affusolata|affusolati|affusolate",
        "a tapered leg that narrows to the ankle",
        "una gamba affusolata che si stringe alla caviglia",
    ),
    adj(
        "Pleated",
        "con pinces",
        "front pleats for extra room through the hip",
        "pinces sul davanti per più agio sui fianchi",
    ),
    adj(
        "Cropped",
        "alla caviglia",
        "an ankle-skimming cropped length",
        "una lunghezza alla caviglia",
    ),
];

const TROUSER_MATS: &[Mat] = &[
    mat(
        "Wool",
        "in lana",
        ("Italian wool gabardine", "gabardine di lana italiano"),
        (
            "The gabardine has a fine diagonal weave, a soft drape and a crease that holds.",
            "Il gabardine ha una fine armatura diagonale, un drappeggio morbido e una piega che resta.",
        ),
        "100% virgin wool",
        "Dry clean only",
        1.4,
        0,
    ),
    mat(
        "Wool Flannel",
        "in flanella di lana",
        ("brushed wool flannel", "flanella di lana spazzolata"),
        (
            "The brushed cloth is soft, warm and quietly textured.",
            "Il tessuto spazzolato è morbido, caldo e discretamente materico.",
        ),
        "100% virgin wool",
        "Dry clean only",
        1.5,
        1,
    ),
    CREPE,
    LINEN,
    CORDUROY,
    mat(
        "Cotton Twill",
        "in twill di cotone",
        ("garment-dyed cotton twill", "twill di cotone tinto in capo"),
        (
            "The twill is sturdy yet soft, with a subtle washed-out tone.",
            "Il twill è robusto ma morbido, con un tono leggermente slavato.",
        ),
        "98% cotton, 2% elastane",
        "Machine wash 30°C",
        1.0,
        0,
    ),
    mat(
        "Selvedge",
        "in denim cimosato",
        ("Japanese selvedge denim", "denim cimosato giapponese"),
        (
            "The rigid 13 oz denim softens and fades to your shape.",
            "Il denim rigido da 13 once si ammorbidisce e sbiadisce seguendo la tua forma.",
        ),
        "100% cotton",
        "Wash rarely, cold and inside out",
        1.3,
        0,
    ),
    mat(
        "Stonewashed",
        "in denim lavato",
        (
            "stonewashed organic denim",
            "denim biologico lavato con pietre",
        ),
        (
            "The denim is soft and broken-in from the first wear.",
            "Il denim è morbido e vissuto fin dal primo utilizzo.",
        ),
        "99% organic cotton, 1% elastane",
        "Machine wash 30°C inside out",
        1.0,
        0,
    ),
    mat(
        "Ripstop",
        "in ripstop",
        ("cotton ripstop", "ripstop di cotone"),
        (
            "The grid weave is light, tough and tear-resistant.",
            "La trama a griglia è leggera, robusta e resistente agli strappi.",
        ),
        "100% cotton",
        "Machine wash 30°C",
        1.0,
        0,
    ),
];

const SLANT_POCKETS: Pair = ("slanted side pockets", "tasche laterali oblique");

const TROUSER_KINDS: &[Kind] = &[
    kind(
        "Trousers",
        "Pantaloni",
        G::Mp,
        S::Trousers,
        190.0,
        560,
        Sz::ItTrousers,
        &["Wool", "Wool Flannel", "Crepe", "Linen", "Corduroy"],
        &["Wide-Leg", "Straight-Leg", "Tapered", "Pleated", "Cropped"],
        (
            "a mid-rise waist and a straight leg",
            "una vita media e una gamba dritta",
        ),
        &[
            ("a hook-and-bar closure", "una chiusura con gancio"),
            SLANT_POCKETS,
            ("a pressed centre crease", "una piega centrale stirata"),
            ("jetted back pockets", "tasche posteriori a filetto"),
        ],
    ),
    kind(
        "Drawstring Trousers",
        "Pantaloni con coulisse",
        G::Mp,
        S::Trousers,
        150.0,
        450,
        Sz::Std,
        &["Linen", "Cotton Twill", "Crepe"],
        &["Relaxed", "Wide-Leg", "Tapered", "Cropped"],
        (
            "an easy fit with an elasticated waist",
            "una vestibilità comoda con vita elastica",
        ),
        &[
            ("an adjustable drawstring", "una coulisse regolabile"),
            ("deep side pockets", "tasche laterali profonde"),
            ("a back patch pocket", "una tasca posteriore applicata"),
        ],
    ),
    kind(
        "Chino",
        "Chino",
        G::M,
        S::Trousers,
        140.0,
        520,
        Sz::Waist,
        &["Cotton Twill", "Linen"],
        &["Relaxed", "Pleated", "Tapered", "Straight-Leg"],
        (
            "a regular rise and a straight, easy leg",
            "una vita regolare e una gamba dritta e comoda",
        ),
        &[
            ("a button fly", "una patta con bottoni"),
            SLANT_POCKETS,
            (
                "button-through back pockets",
                "tasche posteriori con bottone",
            ),
            ("a garment-dyed finish", "una tintura in capo"),
        ],
    ),
    kind(
        "Jeans",
        "Jeans",
        G::Mp,
        S::Trousers,
        160.0,
        750,
        Sz::Waist,
        &["Selvedge", "Stonewashed"],
        &["Relaxed", "Straight-Leg", "Wide-Leg", "Tapered"],
        (
            "a classic five-pocket fit",
            "una classica vestibilità a cinque tasche",
        ),
        &[
            ("a button fly", "una patta con bottoni"),
            ("copper rivets", "rivetti in rame"),
            ("a leather back patch", "un'etichetta in pelle sul retro"),
            ("chain-stitched hems", "orli con punto catenella"),
        ],
    ),
    kind(
        "Cargo Trousers",
        "Pantaloni cargo",
        G::Mp,
        S::Trousers,
        170.0,
        620,
        Sz::Std,
        &["Cotton Twill", "Ripstop"],
        &["Relaxed", "Tapered", "Wide-Leg"],
        (
            "a comfortable, utilitarian fit",
            "una vestibilità comoda e funzionale",
        ),
        &[
            ("bellows cargo pockets", "tasche cargo a soffietto"),
            (
                "adjustable ankle tabs",
                "linguette regolabili alla caviglia",
            ),
            ("a button-and-zip fly", "una chiusura con zip e bottone"),
        ],
    ),
];

const TROUSER_STYLES: &[Pair] = &[
    (
        "Pair with loafers and a fine knit, or sneakers and a tee.",
        "Da abbinare a mocassini e una maglia sottile, oppure a sneaker e una t-shirt.",
    ),
    (
        "Designed to stay comfortable all day, from desk to dinner.",
        "Pensat{o} per essere comod{o} tutto il giorno, dall'ufficio alla cena.",
    ),
    (
        "Made in Italy by a specialist trouser maker in the Marche.",
        "Confezionat{o} in Italia da un laboratorio specializzato nelle Marche.",
    ),
    (
        "A long-lasting staple designed to be worn season after season.",
        "Un classico duraturo, pensato per essere indossato stagione dopo stagione.",
    ),
];

// ---------------------------------------------------------------------------
// Outerwear
// ---------------------------------------------------------------------------

const OUTER_ADJS: &[Adj] = &[
    adj(
        "Double-Breasted",
        "doppiopetto",
        "a double-breasted front with peak lapels",
        "un'abbottonatura doppiopetto con revers a lancia",
    ),
    adj(
        "Single-Breasted",
        "monopetto",
        "a single-breasted front with notch lapels",
        "un'abbottonatura monopetto con revers classici",
    ),
    adj(
        "Oversized",
        "oversize",
        "a generous, enveloping shape",
        "una linea ampia e avvolgente",
    ),
    adj(
        "Belted",
        "con cintura",
        "a tie belt to cinch the waist",
        "una cintura da annodare in vita",
    ),
    adj(
        "Relaxed",
        "rilassato|rilassata|rilassati|rilassate",
        "a relaxed, boxy fit",
        "una vestibilità comoda e squadrata",
    ),
    adj(
        "Hooded",
        "con cappuccio",
        "a roomy hood",
        "un ampio cappuccio",
    ),
    adj(
        "Cropped",
        "corto|corta|corti|corte",
        "a cropped length that sits at the hip",
        "una lunghezza corta che arriva ai fianchi",
    ),
];

const OUTER_MATS: &[Mat] = &[
    mat(
        "Wool",
        "in lana",
        ("Italian virgin wool", "lana vergine italiana"),
        (
            "The dense, brushed cloth is warm and holds a clean shape.",
            "Il tessuto compatto e spazzolato è caldo e mantiene una linea pulita.",
        ),
        "100% virgin wool",
        "Dry clean only",
        1.0,
        1,
    ),
    mat(
        "Wool-Cashmere",
        "in lana e cashmere",
        ("a wool and cashmere blend", "un misto lana e cashmere"),
        (
            "The blend feels luxuriously soft, with a gently brushed surface.",
            "Il misto ha una mano morbidissima e una superficie delicatamente spazzolata.",
        ),
        "80% virgin wool, 20% cashmere",
        "Dry clean only",
        1.6,
        1,
    ),
    mat(
        "Gabardine",
        "in gabardine",
        (
            "water-repellent cotton gabardine",
            "gabardine di cotone idrorepellente",
        ),
        (
            "The dense weave shrugs off wind and light rain.",
            "La trama fitta protegge da vento e pioggia leggera.",
        ),
        "100% cotton",
        "Dry clean only",
        0.9,
        0,
    ),
    Mat {
        weight: 0.8,
        ..mat(
            "Recycled Nylon",
            "in nylon riciclato",
            (
                "recycled nylon ripstop with recycled padding",
                "ripstop di nylon riciclato con imbottitura riciclata",
            ),
            (
                "The padded nylon is light, packable and properly warm.",
                "Il nylon imbottito è leggero, comprimibile e davvero caldo.",
            ),
            "Shell: 100% recycled polyamide; padding: 100% recycled polyester",
            "Machine wash 30°C on a gentle cycle",
            0.85,
            1,
        )
    },
    mat(
        "Suede",
        "in camoscio",
        ("soft goat suede", "morbido camoscio di capra"),
        (
            "The suede has a velvety nap that softens further with wear.",
            "Il camoscio ha un pelo vellutato che si ammorbidisce ancora con l'uso.",
        ),
        "100% goat leather (suede); lining: 100% cupro",
        "Specialist leather clean only",
        1.0,
        0,
    ),
    mat(
        "Leather",
        "in pelle",
        ("supple lambskin nappa", "morbida nappa d'agnello"),
        (
            "The leather is buttery from day one and takes on a patina with time.",
            "La pelle è morbidissima fin dal primo giorno e acquista una patina con il tempo.",
        ),
        "100% lambskin leather; lining: 100% cupro",
        "Specialist leather clean only",
        1.1,
        0,
    ),
    mat(
        "Waxed Cotton",
        "in cotone cerato",
        ("British waxed cotton", "cotone cerato inglese"),
        (
            "The waxed finish is weatherproof and develops a rich patina over time.",
            "La finitura cerata resiste alle intemperie e sviluppa nel tempo una ricca patina.",
        ),
        "100% cotton with a wax finish",
        "Do not wash; re-wax when needed",
        1.0,
        0,
    ),
    mat(
        "Canvas",
        "in tela di cotone",
        ("heavy cotton canvas", "tela di cotone pesante"),
        (
            "The sturdy canvas breaks in beautifully and ages with character.",
            "La tela robusta si ammorbidisce con l'uso e invecchia con carattere.",
        ),
        "100% organic cotton",
        "Machine wash 30°C",
        0.7,
        0,
    ),
    LINEN,
    CORDUROY,
];

const OUTER_KINDS: &[Kind] = &[
    Kind {
        warm: 1,
        ..kind(
            "Overcoat",
            "Cappotto",
            G::M,
            S::Coat,
            520.0,
            1800,
            Sz::Ext,
            &["Wool", "Wool-Cashmere"],
            &["Double-Breasted", "Single-Breasted", "Oversized", "Belted"],
            (
                "a straight, knee-length cut",
                "un taglio dritto alla lunghezza del ginocchio",
            ),
            &[
                ("horn buttons", "bottoni in corno"),
                ("deep welt pockets", "profonde tasche a filetto"),
                ("a back vent", "uno spacco posteriore"),
                ("a cupro half lining", "una mezza fodera in cupro"),
            ],
        )
    },
    kind(
        "Trench Coat",
        "Trench",
        G::M,
        S::Coat,
        450.0,
        1300,
        Sz::Ext,
        &["Gabardine", "Waxed Cotton"],
        &["Double-Breasted", "Single-Breasted", "Oversized", "Cropped"],
        (
            "a classic belted silhouette",
            "una silhouette classica con cintura",
        ),
        &[
            ("a storm flap", "una patta antipioggia"),
            ("buckled cuff straps", "cinturini con fibbia ai polsi"),
            ("a removable belt", "una cintura rimovibile"),
            ("a check cotton lining", "una fodera in cotone a quadri"),
        ],
    ),
    kind(
        "Blazer",
        "Blazer",
        G::M,
        S::Coat,
        390.0,
        900,
        Sz::Std,
        &["Wool", "Linen", "Wool-Cashmere", "Corduroy"],
        &["Single-Breasted", "Double-Breasted", "Relaxed", "Oversized"],
        (
            "a softly structured shoulder",
            "una spalla morbida e destrutturata",
        ),
        &[
            ("flap pockets", "tasche con pattina"),
            (
                "a half-canvas construction",
                "una costruzione in mezza tela",
            ),
            ("working cuff buttons", "bottoni funzionanti ai polsini"),
            ("a patch breast pocket", "un taschino applicato"),
        ],
    ),
    kind(
        "Field Jacket",
        "Field jacket",
        G::F,
        S::Coat,
        330.0,
        1100,
        Sz::Std,
        &["Waxed Cotton", "Canvas", "Gabardine"],
        &["Relaxed", "Hooded", "Cropped"],
        (
            "a straight, hip-length fit",
            "una vestibilità dritta, alla lunghezza dei fianchi",
        ),
        &[
            ("four bellows pockets", "quattro tasche a soffietto"),
            ("a corduroy collar", "un collo in velluto a coste"),
            (
                "a two-way zip under a storm flap",
                "una zip a doppio cursore sotto una patta antivento",
            ),
            (
                "an adjustable drawcord waist",
                "una coulisse regolabile in vita",
            ),
        ],
    ),
    Kind {
        warm: 1,
        ..kind(
            "Puffer Jacket",
            "Giubbotto imbottito",
            G::M,
            S::Coat,
            290.0,
            900,
            Sz::Std,
            &["Recycled Nylon"],
            &["Hooded", "Cropped", "Oversized"],
            (
                "a boxy, hip-length shape",
                "una linea squadrata alla lunghezza dei fianchi",
            ),
            &[
                ("a high stand collar", "un collo alto a listino"),
                ("zipped hand pockets", "tasche con zip"),
                ("elasticated cuffs", "polsini elasticizzati"),
                ("a two-way zip", "una zip a doppio cursore"),
            ],
        )
    },
    kind(
        "Biker Jacket",
        "Giacca biker",
        G::F,
        S::Coat,
        620.0,
        1500,
        Sz::Std,
        &["Leather", "Suede"],
        &["Cropped", "Oversized"],
        (
            "a close, structured fit",
            "una vestibilità asciutta e strutturata",
        ),
        &[
            ("an asymmetric zip", "una zip asimmetrica"),
            ("a snap-down collar", "un collo con bottoni a pressione"),
            ("zipped cuffs", "polsini con zip"),
            ("brushed silver hardware", "minuterie in argento spazzolato"),
        ],
    ),
    kind(
        "Quilted Jacket",
        "Giacca trapuntata",
        G::F,
        S::Coat,
        260.0,
        700,
        Sz::Std,
        &["Recycled Nylon"],
        &["Cropped", "Relaxed", "Oversized"],
        (
            "a light, straight fit made for layering",
            "una vestibilità dritta e leggera, perfetta da sovrapporre",
        ),
        &[
            ("diamond quilting", "una trapuntatura a rombi"),
            ("a collarless neckline", "uno scollo senza collo"),
            ("snap fastenings", "chiusure a pressione"),
            ("welt pockets", "tasche a filetto"),
        ],
    ),
    kind(
        "Chore Jacket",
        "Giacca da lavoro",
        G::F,
        S::Coat,
        220.0,
        800,
        Sz::Std,
        &["Canvas", "Linen", "Corduroy"],
        &["Relaxed", "Cropped"],
        (
            "a boxy, workwear-inspired fit",
            "una vestibilità squadrata ispirata al workwear",
        ),
        &[
            ("three patch pockets", "tre tasche applicate"),
            ("corozo buttons", "bottoni in corozo"),
            ("a point collar", "un collo a punta"),
            ("triple-stitched seams", "cuciture triple"),
        ],
    ),
];

const OUTER_STYLES: &[Pair] = &[
    (
        "Cut with enough room to layer over knitwear.",
        "Tagliat{o} con lo spazio giusto per essere indossat{o} sopra la maglieria.",
    ),
    (
        "A piece to wear for many winters, getting better with age.",
        "Un capo da indossare per molti inverni, che migliora con il tempo.",
    ),
    (
        "Throw it over tailoring during the week and a hoodie at the weekend.",
        "{g:Indossalo|Indossala|Indossali|Indossale} sopra un completo in settimana e su una felpa nel fine settimana.",
    ),
    (
        "Made in Italy by a specialist outerwear maker near Treviso.",
        "Realizzat{o} in Italia da un laboratorio specializzato in capispalla vicino a Treviso.",
    ),
];

// ---------------------------------------------------------------------------
// Shoes
// ---------------------------------------------------------------------------

const SHOE_ADJS: &[Adj] = &[
    adj(
        "Lug-Sole",
        "con suola carrarmato",
        "a chunky lug sole with great grip",
        "una suola carrarmato con un ottimo grip",
    ),
    adj(
        "Square-Toe",
        "a punta quadrata",
        "a modern square toe",
        "una moderna punta quadrata",
    ),
    adj(
        "Almond-Toe",
        "a punta a mandorla",
        "a refined almond toe",
        "un'elegante punta a mandorla",
    ),
    Adj {
        price: 1.2,
        only: &["Suede", "Leather"],
        ..adj(
            "Shearling-Lined",
            "+foderato in shearling|foderata in shearling|foderati in shearling|foderate in shearling",
            "a warm shearling lining",
            "una calda fodera in shearling",
        )
    },
];

const SHOE_LEATHER: Mat = mat(
    "Leather",
    "in pelle",
    (
        "full-grain Italian calf leather",
        "pelle di vitello italiana pieno fiore",
    ),
    (
        "The leather is polished by hand and softens with every wear.",
        "La pelle è lucidata a mano e si ammorbidisce a ogni utilizzo.",
    ),
    "Upper: calf leather; lining: leather; sole: leather and rubber",
    "Wipe clean and treat with a neutral cream",
    1.0,
    0,
);
const SHOE_SUEDE: Mat = mat(
    "Suede",
    "in camoscio",
    ("soft Italian suede", "morbido camoscio italiano"),
    (
        "The suede has a velvety nap and a relaxed, lived-in look.",
        "Il camoscio ha un pelo vellutato e un aspetto morbido e vissuto.",
    ),
    "Upper: calf suede; lining: leather; sole: rubber",
    "Brush regularly and use a suede protector",
    1.0,
    0,
);

const SHOE_MATS: &[Mat] = &[
    SHOE_LEATHER,
    SHOE_SUEDE,
    mat(
        "Nappa",
        "in nappa",
        ("supple nappa leather", "morbida pelle nappa"),
        (
            "The nappa is soft and flexible, so there is almost no breaking in.",
            "La nappa è morbida e flessibile, quasi non serve rodarla.",
        ),
        "Upper: nappa leather; lining: leather; sole: leather",
        "Wipe clean with a soft dry cloth",
        1.05,
        0,
    ),
    Mat {
        weight: 0.8,
        ..mat(
            "Canvas",
            "in tela",
            ("organic cotton canvas", "tela di cotone biologico"),
            (
                "The canvas is light and breathable, made for warm days.",
                "La tela è leggera e traspirante, pensata per le giornate calde.",
            ),
            "Upper: organic cotton canvas; sole: natural rubber",
            "Spot clean with a damp cloth",
            0.5,
            -1,
        )
    },
];

const SHOE_KINDS: &[Kind] = &[
    kind(
        "Penny Loafer",
        "Mocassino penny",
        G::M,
        S::Shoe,
        290.0,
        950,
        Sz::ShoesU,
        &["Leather", "Suede"],
        &["Lug-Sole", "Square-Toe", "Almond-Toe"],
        (
            "a classic last with a low heel",
            "una forma classica con tacco basso",
        ),
        &[
            ("a hand-sewn apron toe", "una punta cucita a mano"),
            (
                "a leather sole with a rubber insert",
                "una suola in cuoio con inserto in gomma",
            ),
            (
                "a cushioned leather footbed",
                "un plantare imbottito in pelle",
            ),
            ("a cut-out strap", "una mascherina traforata"),
        ],
    ),
    Kind {
        warm: 1,
        ..kind(
            "Chelsea Boot",
            "Stivaletto Chelsea",
            G::M,
            S::Shoe,
            340.0,
            1300,
            Sz::ShoesU,
            &["Leather", "Suede"],
            &["Lug-Sole", "Square-Toe", "Almond-Toe", "Shearling-Lined"],
            (
                "a slim, ankle-height shape",
                "una linea affusolata all'altezza della caviglia",
            ),
            &[
                ("elastic side gussets", "inserti elastici laterali"),
                ("a pull tab at the heel", "un tirante sul tallone"),
                ("a stacked leather heel", "un tacco in cuoio stratificato"),
                ("a Goodyear-welted sole", "una suola con cucitura Goodyear"),
            ],
        )
    },
    kind(
        "Derby Shoe",
        "Scarpa derby",
        G::F,
        S::Shoe,
        310.0,
        1100,
        Sz::ShoesM,
        &["Leather", "Suede"],
        &["Lug-Sole", "Almond-Toe"],
        ("a roomy, comfortable last", "una forma comoda e avvolgente"),
        &[
            (
                "open lacing with waxed laces",
                "un'allacciatura aperta con lacci cerati",
            ),
            ("a Goodyear-welted sole", "una suola con cucitura Goodyear"),
            ("a cushioned footbed", "un plantare imbottito"),
        ],
    ),
    kind(
        "Low-Top Sneaker",
        "Sneaker bassa",
        G::F,
        S::Shoe,
        220.0,
        900,
        Sz::ShoesU,
        &["Leather", "Suede", "Canvas", "Nappa"],
        &[],
        (
            "a clean, minimal profile",
            "un profilo pulito ed essenziale",
        ),
        &[
            ("a stitched cupsole", "una suola a cassetta cucita"),
            ("waxed cotton laces", "lacci in cotone cerato"),
            ("a padded collar", "un collarino imbottito"),
            (
                "a removable leather insole",
                "una soletta in pelle estraibile",
            ),
        ],
    ),
    kind(
        "Ballet Flat",
        "Ballerina",
        G::F,
        S::Shoe,
        240.0,
        500,
        Sz::ShoesW,
        &["Leather", "Suede", "Nappa"],
        &["Square-Toe", "Almond-Toe"],
        (
            "a soft, flexible construction",
            "una costruzione morbida e flessibile",
        ),
        &[
            ("a thin elastic topline", "un sottile bordo elastico"),
            ("a leather sole", "una suola in cuoio"),
            ("a cushioned insole", "una soletta imbottita"),
            ("a tiny bow at the toe", "un piccolo fiocco sulla punta"),
        ],
    ),
    kind(
        "Mule",
        "Mule",
        G::F,
        S::Shoe,
        260.0,
        600,
        Sz::ShoesW,
        &["Leather", "Suede", "Nappa"],
        &["Square-Toe", "Almond-Toe"],
        (
            "a backless shape on a low block heel",
            "una forma aperta sul tallone con un tacco largo e basso",
        ),
        &[
            ("a padded footbed", "un plantare imbottito"),
            ("a stacked heel", "un tacco stratificato"),
            ("a leather sole", "una suola in cuoio"),
        ],
    ),
    Kind {
        warm: -1,
        ..kind(
            "Sandal",
            "Sandalo",
            G::M,
            S::Shoe,
            210.0,
            550,
            Sz::ShoesU,
            &["Leather", "Nappa", "Suede"],
            &["Lug-Sole", "Square-Toe"],
            (
                "crossed straps that hold the foot securely",
                "fasce incrociate che sostengono bene il piede",
            ),
            &[
                (
                    "an adjustable ankle strap",
                    "un cinturino regolabile alla caviglia",
                ),
                ("a moulded footbed", "un plantare anatomico"),
                ("a brushed brass buckle", "una fibbia in ottone spazzolato"),
            ],
        )
    },
    Kind {
        warm: 1,
        ..kind(
            "Ankle Boot",
            "Tronchetto",
            G::M,
            S::Shoe,
            360.0,
            1100,
            Sz::ShoesW,
            &["Leather", "Suede"],
            &["Square-Toe", "Almond-Toe", "Shearling-Lined"],
            (
                "a sleek shape on a 5 cm block heel",
                "una linea slanciata su un tacco largo di 5 cm",
            ),
            &[
                ("an inside zip", "una zip interna"),
                ("a leather sole", "una suola in cuoio"),
                ("a stacked block heel", "un tacco largo stratificato"),
            ],
        )
    },
    kind(
        "Desert Boot",
        "Polacchino",
        G::M,
        S::Shoe,
        260.0,
        1000,
        Sz::ShoesM,
        &["Suede", "Leather"],
        &["Shearling-Lined"],
        (
            "a soft, unstructured shape",
            "una forma morbida e destrutturata",
        ),
        &[
            ("two-eyelet lacing", "un'allacciatura a due occhielli"),
            ("a natural crepe sole", "una suola in para naturale"),
            ("a cushioned footbed", "un plantare imbottito"),
        ],
    ),
];

const SHOE_T: &[Pair] = &[
    (
        "{A_kind} in {mat} with {fit}. {feel} It features {d1} and {d2}. {style}",
        "{Un} in {mat} con {fit}. {feel} Presenta {d1} e {d2}. {style}",
    ),
    (
        "Made on a last refined over several seasons, this {kind} in {mat} has {fit}. {D1} and {d2} complete the design. {feel} {style}",
        "Realizzat{o} su una forma perfezionata nel corso di diverse stagioni, {q} {kind} in {mat} ha {fit}. {D1} e {d2} completano il design. {feel} {style}",
    ),
    (
        "{feel} The {kind} combines {mat} with {fit}, {d1} and {d2}. {style}",
        "{feel} {Il} unisce {mat} a {fit}, {d1} e {d2}. {style}",
    ),
];

const SHOE_STYLES: &[Pair] = &[
    (
        "Made by hand in the Marche, the heart of Italian shoemaking.",
        "Realizzat{o} a mano nelle Marche, cuore della tradizione calzaturiera italiana.",
    ),
    (
        "We recommend taking your usual size.",
        "Consigliamo di scegliere la tua taglia abituale.",
    ),
    (
        "Wear with cropped trousers to show off the shape.",
        "Da portare con pantaloni alla caviglia per valorizzarne la forma.",
    ),
    (
        "Comes with a cotton dust bag.",
        "Fornit{o} con un sacchetto antipolvere in cotone.",
    ),
];

// ---------------------------------------------------------------------------
// Bags
// ---------------------------------------------------------------------------

const BAG_ADJS: &[Adj] = &[
    Adj {
        price: 0.75,
        ..adj(
            "Mini",
            "mini",
            "a compact size for the essentials",
            "un formato compatto per l'essenziale",
        )
    },
    Adj {
        price: 1.2,
        ..adj(
            "Large",
            "grande|grande|grandi|grandi",
            "a generous size that fits a 15-inch laptop",
            "una capienza generosa, adatta a un portatile da 15 pollici",
        )
    },
    adj(
        "Soft",
        "morbido|morbida|morbidi|morbide",
        "an unstructured body that slouches softly",
        "una struttura morbida che si adagia con naturalezza",
    ),
    adj(
        "Structured",
        "strutturato|strutturata|strutturati|strutturate",
        "a structured body that keeps its shape",
        "una struttura rigida che mantiene la forma",
    ),
    Adj {
        price: 1.3,
        only: &["Leather"],
        ..adj(
            "Woven",
            "intrecciato|intrecciata|intrecciati|intrecciate",
            "hand-woven leather strips",
            "strisce di pelle intrecciate a mano",
        )
    },
];

const BAG_LEATHER_PAL: &[&str] = &[
    "Black",
    "Cognac",
    "Tan",
    "Chocolate",
    "Bordeaux",
    "Ecru",
    "Olive",
    "Navy",
    "Taupe",
    "Butter",
];

const BAG_MATS: &[Mat] = &[
    Mat {
        palette: BAG_LEATHER_PAL,
        ..mat(
            "Leather",
            "in pelle",
            (
                "vegetable-tanned Italian leather",
                "pelle italiana conciata al vegetale",
            ),
            (
                "The leather develops a rich patina the more it is used.",
                "La pelle sviluppa una ricca patina con l'uso.",
            ),
            "100% calf leather; lining: 100% cotton",
            "Keep away from water and condition occasionally",
            1.0,
            0,
        )
    },
    Mat {
        palette: BAG_LEATHER_PAL,
        ..mat(
            "Grained Leather",
            "in pelle martellata",
            (
                "scratch-resistant grained calf leather",
                "pelle di vitello martellata resistente ai graffi",
            ),
            (
                "The pebbled surface is robust and easy to live with.",
                "La superficie martellata è robusta e facile da vivere.",
            ),
            "100% calf leather; lining: 100% cotton",
            "Wipe clean with a soft dry cloth",
            1.0,
            0,
        )
    },
    Mat {
        palette: &["Tobacco", "Chocolate", "Taupe", "Sand", "Olive", "Bordeaux"],
        ..mat(
            "Suede",
            "in camoscio",
            ("soft Italian suede", "morbido camoscio italiano"),
            (
                "The suede has a velvety nap and a warm, matte depth of colour.",
                "Il camoscio ha un pelo vellutato e un colore caldo e profondo.",
            ),
            "100% calf suede; lining: 100% cotton",
            "Brush regularly and use a suede protector",
            1.0,
            0,
        )
    },
    mat(
        "Canvas",
        "in tela",
        (
            "heavy cotton canvas with leather trims",
            "tela di cotone pesante con finiture in pelle",
        ),
        (
            "The canvas is sturdy and light, and only gets better with use.",
            "La tela è robusta e leggera, e migliora con l'uso.",
        ),
        "100% cotton canvas; trims: calf leather",
        "Spot clean with a damp cloth",
        0.5,
        0,
    ),
    mat(
        "Nylon",
        "in nylon",
        (
            "recycled nylon with leather trims",
            "nylon riciclato con finiture in pelle",
        ),
        (
            "The nylon is light, water-repellent and made for travel.",
            "Il nylon è leggero, idrorepellente e pensato per viaggiare.",
        ),
        "100% recycled polyamide; trims: calf leather",
        "Spot clean with a damp cloth",
        0.55,
        0,
    ),
    Mat {
        palette: &["Sand", "Ecru", "Black", "Tan", "Chalk"],
        ..mat(
            "Raffia",
            "in rafia",
            ("hand-woven raffia", "rafia intrecciata a mano"),
            (
                "Every piece is woven by hand, so each one is slightly different.",
                "Ogni pezzo è intrecciato a mano, per questo ognuno è leggermente diverso.",
            ),
            "100% raffia; lining: 100% cotton",
            "Keep dry; reshape by hand",
            0.6,
            -1,
        )
    },
];

const BAG_KINDS: &[Kind] = &[
    kind(
        "Tote",
        "Borsa shopper",
        G::F,
        S::Bag,
        390.0,
        900,
        Sz::One,
        &["Leather", "Grained Leather", "Canvas", "Nylon", "Raffia"],
        &["Mini", "Large", "Soft", "Structured", "Woven"],
        (
            "an open top and plenty of room",
            "un'apertura ampia e tanto spazio",
        ),
        &[
            ("an inner zip pocket", "una tasca interna con zip"),
            ("reinforced rolled handles", "manici arrotolati rinforzati"),
            ("a magnetic closure", "una chiusura magnetica"),
            ("hand-painted edges", "bordi dipinti a mano"),
        ],
    ),
    kind(
        "Shoulder Bag",
        "Borsa a spalla",
        G::F,
        S::Bag,
        450.0,
        700,
        Sz::One,
        &["Leather", "Grained Leather", "Suede", "Nylon"],
        &["Mini", "Soft", "Structured", "Woven"],
        (
            "a curved shape that sits neatly under the arm",
            "una forma curva che si porta comodamente sotto il braccio",
        ),
        &[
            ("an adjustable strap", "una tracolla regolabile"),
            ("a zip closure", "una chiusura con zip"),
            ("a suede-lined interior", "un interno foderato in camoscio"),
            ("a slip pocket", "una tasca interna piatta"),
        ],
    ),
    kind(
        "Crossbody Bag",
        "Borsa a tracolla",
        G::F,
        S::Bag,
        320.0,
        500,
        Sz::One,
        &["Leather", "Grained Leather", "Nylon", "Suede"],
        &["Mini", "Structured"],
        (
            "a compact shape with a long adjustable strap",
            "una forma compatta con una lunga tracolla regolabile",
        ),
        &[
            ("a magnetic flap", "una patta magnetica"),
            ("a card slot inside", "un porta carte interno"),
            ("brushed brass hardware", "minuterie in ottone spazzolato"),
        ],
    ),
    kind(
        "Bucket Bag",
        "Borsa a secchiello",
        G::F,
        S::Bag,
        360.0,
        600,
        Sz::One,
        &["Leather", "Suede", "Raffia", "Canvas"],
        &["Mini", "Soft", "Woven"],
        (
            "a drawstring top and a round base",
            "una chiusura a coulisse e un fondo rotondo",
        ),
        &[
            (
                "a detachable inner pouch",
                "una pochette interna removibile",
            ),
            ("a leather drawstring", "una coulisse in pelle"),
            ("a shoulder strap", "una tracolla"),
        ],
    ),
    kind(
        "Backpack",
        "Zaino",
        G::M,
        S::Bag,
        290.0,
        900,
        Sz::One,
        &["Nylon", "Canvas", "Grained Leather"],
        &["Large", "Soft", "Structured"],
        (
            "a padded laptop compartment",
            "uno scomparto imbottito per il portatile",
        ),
        &[
            ("padded shoulder straps", "spallacci imbottiti"),
            ("a zipped front pocket", "una tasca frontale con zip"),
            ("a water-repellent lining", "una fodera idrorepellente"),
            ("leather zip pulls", "tiretti in pelle"),
        ],
    ),
    kind(
        "Weekender",
        "Borsa da viaggio",
        G::F,
        S::Bag,
        520.0,
        1500,
        Sz::One,
        &["Leather", "Canvas", "Nylon"],
        &["Soft", "Structured"],
        (
            "room for two or three days away",
            "spazio per due o tre giorni fuori casa",
        ),
        &[
            ("a detachable shoulder strap", "una tracolla staccabile"),
            ("a zipped inner pocket", "una tasca interna con zip"),
            ("protective base studs", "piedini protettivi sul fondo"),
            (
                "a sleeve for a suitcase handle",
                "una fascia per il trolley",
            ),
        ],
    ),
    kind(
        "Clutch",
        "Pochette",
        G::F,
        S::Bag,
        260.0,
        350,
        Sz::One,
        &["Leather", "Suede", "Raffia"],
        &["Woven", "Soft"],
        ("a slim envelope shape", "una forma sottile a busta"),
        &[
            ("a magnetic closure", "una chiusura magnetica"),
            ("a wrist strap", "un laccetto da polso"),
            ("a suede-lined interior", "un interno foderato in camoscio"),
        ],
    ),
];

const BAG_T: &[Pair] = &[
    (
        "{A_kind} in {mat} with {fit}. {feel} Inside and out: {d1} and {d2}. {style}",
        "{Un} in {mat} con {fit}. {feel} Dentro e fuori: {d1} e {d2}. {style}",
    ),
    (
        "Crafted from {mat}, this {kind} has {fit}. With {d1} and {d2}, it is made for everyday use. {feel} {style}",
        "Realizzat{o} in {mat}, {q} {kind} ha {fit}. Con {d1} e {d2}, è pensat{o} per l'uso quotidiano. {feel} {style}",
    ),
    (
        "{feel} This {kind} has {fit}, and is finished with {d1} and {d2}. {style}",
        "{feel} {Q} {kind} ha {fit}, ed è rifinit{o} con {d1} e {d2}. {style}",
    ),
];

const BAG_STYLES: &[Pair] = &[
    (
        "Handmade in a small leather workshop near Florence.",
        "Realizzat{o} a mano in un piccolo laboratorio di pelletteria vicino a Firenze.",
    ),
    (
        "Each piece is inspected by hand before it leaves the workshop.",
        "Ogni pezzo viene controllato a mano prima di lasciare il laboratorio.",
    ),
    (
        "Comes with a cotton dust bag.",
        "Fornit{o} con un sacchetto antipolvere in cotone.",
    ),
    (
        "Looks just as right with tailoring as with denim.",
        "Sta bene sia con un completo sartoriale sia con il denim.",
    ),
];

// ---------------------------------------------------------------------------
// Accessories
// ---------------------------------------------------------------------------

const ACC_ADJS: &[Adj] = &[
    adj(
        "Oversized",
        "oversize",
        "a generous size to wrap twice",
        "una misura generosa da avvolgere due volte",
    ),
    adj(
        "Ribbed",
        "a coste",
        "a deep, springy rib",
        "una lavorazione a coste profonde",
    ),
    adj(
        "Fringed",
        "con frange",
        "hand-knotted fringed ends",
        "estremità con frange annodate a mano",
    ),
    adj(
        "Chunky",
        "a maglia grossa",
        "a chunky, textured knit",
        "una maglia grossa e materica",
    ),
    Adj {
        only: &["Cotton Twill", "Corduroy"],
        ..adj(
            "Washed",
            "lavato|lavata|lavati|lavate",
            "a soft, garment-washed finish",
            "una morbida finitura lavata in capo",
        )
    },
    adj(
        "Slim",
        "sottile|sottile|sottili|sottili",
        "a slim 2.5 cm strap",
        "una fascia sottile di 2,5 cm",
    ),
    adj(
        "Wide",
        "alto|alta|alti|alte",
        "a wide 4 cm strap",
        "una fascia alta 4 cm",
    ),
    adj(
        "Round",
        "rotondo|rotonda|rotondi|rotonde",
        "softly rounded lenses",
        "lenti morbidamente arrotondate",
    ),
    adj(
        "Square",
        "squadrato|squadrata|squadrati|squadrate",
        "a bold, square frame",
        "una montatura squadrata e decisa",
    ),
    adj(
        "Cat-Eye",
        "cat-eye",
        "a softly lifted cat-eye shape",
        "una forma cat-eye leggermente sollevata",
    ),
];

const EYEWEAR_CARE: &str = "Clean with the microfibre pouch provided";
const BELT_PAL: &[&str] = &["Black", "Cognac", "Chocolate", "Tan", "Tobacco", "Bordeaux"];

const ACC_MATS: &[Mat] = &[
    CASHMERE,
    MERINO,
    LAMBSWOOL,
    ALPACA,
    mat(
        "Cashmere-Silk",
        "in cashmere e seta",
        (
            "a fine cashmere and silk blend",
            "un sottile misto cashmere e seta",
        ),
        (
            "The blend is light and warm, with a soft lustre.",
            "Il misto è leggero e caldo, con una morbida luminosità.",
        ),
        "70% cashmere, 30% silk",
        "Dry clean only",
        2.0,
        0,
    ),
    mat(
        "Silk Twill",
        "in twill di seta",
        ("heavy silk twill", "twill di seta pesante"),
        (
            "The silk is smooth and luminous, with a fluid drape.",
            "La seta è liscia e luminosa, con una caduta fluida.",
        ),
        "100% silk",
        "Dry clean only",
        1.0,
        0,
    ),
    mat(
        "Cotton Twill",
        "in twill di cotone",
        ("washed cotton twill", "twill di cotone lavato"),
        (
            "The twill is soft from the start and fades gently with time.",
            "Il twill è morbido fin da subito e sbiadisce con delicatezza nel tempo.",
        ),
        "100% organic cotton",
        "Hand wash cold, reshape while damp",
        1.0,
        0,
    ),
    mat(
        "Wool Flannel",
        "in flanella di lana",
        ("brushed wool flannel", "flanella di lana spazzolata"),
        (
            "The brushed wool is soft, warm and quietly textured.",
            "La lana spazzolata è morbida, calda e discretamente materica.",
        ),
        "100% virgin wool",
        "Spot clean only",
        1.2,
        1,
    ),
    CORDUROY,
    mat(
        "Nylon",
        "in nylon",
        ("recycled nylon", "nylon riciclato"),
        (
            "The nylon is light, packable and shower-proof.",
            "Il nylon è leggero, comprimibile e resistente agli spruzzi.",
        ),
        "100% recycled polyamide",
        "Hand wash cold",
        0.9,
        0,
    ),
    Mat {
        palette: BELT_PAL,
        comp: "100% calf leather; buckle: solid brass",
        care: "Wipe clean and treat with a neutral cream",
        ..SHOE_LEATHER
    },
    Mat {
        palette: &["Tobacco", "Chocolate", "Taupe", "Sand", "Black"],
        comp: "100% calf suede; buckle: solid brass",
        care: "Brush regularly and use a suede protector",
        ..SHOE_SUEDE
    },
    Mat {
        palette: BELT_PAL,
        ..mat(
            "Grained Leather",
            "in pelle martellata",
            ("grained calf leather", "pelle di vitello martellata"),
            (
                "The pebbled surface is robust and hides everyday marks.",
                "La superficie martellata è robusta e nasconde i segni del tempo.",
            ),
            "100% calf leather; buckle: solid brass",
            "Wipe clean with a soft dry cloth",
            1.0,
            0,
        )
    },
    Mat {
        palette: &["Black", "Tortoise", "Honey", "Olive", "Bordeaux", "Chalk"],
        ..mat(
            "Acetate",
            "in acetato",
            (
                "hand-polished Italian acetate",
                "acetato italiano lucidato a mano",
            ),
            (
                "Each frame is cut from a single block and polished by hand for a deep shine.",
                "Ogni montatura è ricavata da un unico blocco e lucidata a mano per una brillantezza profonda.",
            ),
            "Frame: cellulose acetate; lenses: CR-39",
            EYEWEAR_CARE,
            1.0,
            0,
        )
    },
    Mat {
        palette: &["Gold", "Silver", "Gunmetal", "Black"],
        ..mat(
            "Titanium",
            "in titanio",
            (
                "lightweight Japanese titanium",
                "titanio giapponese leggero",
            ),
            (
                "Titanium weighs almost nothing and is strong, flexible and hypoallergenic.",
                "Il titanio pesa quasi nulla ed è resistente, flessibile e anallergico.",
            ),
            "Frame: titanium; lenses: CR-39",
            EYEWEAR_CARE,
            1.3,
            0,
        )
    },
];

const KNIT_ACCESSORY: &[&str] = &["Cashmere", "Merino", "Lambswool", "Alpaca"];
const CAP_MATS: &[&str] = &["Cotton Twill", "Wool Flannel", "Corduroy", "Nylon"];
const SWEATBAND: Pair = ("a cotton sweatband", "una fascia interna in cotone");
const EYELETS: Pair = ("embroidered eyelets", "occhielli ricamati");
const HINGES: Pair = ("five-barrel hinges", "cerniere a cinque anelli");
const CASE: Pair = ("a leather case", "un astuccio in pelle");

const ACC_KINDS: &[Kind] = &[
    Kind {
        warm: 1,
        ..kind(
            "Scarf",
            "Sciarpa",
            G::F,
            S::Scarf,
            150.0,
            250,
            Sz::One,
            &["Cashmere", "Merino", "Lambswool", "Alpaca", "Cashmere-Silk"],
            &["Oversized", "Ribbed", "Fringed"],
            (
                "a generous length that wraps easily",
                "una lunghezza generosa che si avvolge con facilità",
            ),
            &[
                ("hand-finished edges", "bordi rifiniti a mano"),
                (
                    "a soft brushed surface",
                    "una superficie morbida e spazzolata",
                ),
                ("a reversible design", "un design reversibile"),
            ],
        )
    },
    kind(
        "Foulard",
        "Foulard",
        G::M,
        S::Scarf,
        160.0,
        90,
        Sz::One,
        &["Silk Twill", "Cashmere-Silk"],
        &[],
        (
            "a generous 90 cm square format",
            "un ampio formato quadrato da 90 cm",
        ),
        &[
            ("hand-rolled edges", "orli arrotolati a mano"),
            ("a soft, fluid drape", "una caduta morbida e fluida"),
            ("a tonal jacquard border", "un bordo jacquard in tono"),
        ],
    ),
    Kind {
        warm: 1,
        ..kind(
            "Beanie",
            "Berretto",
            G::M,
            S::Cap,
            95.0,
            100,
            Sz::One,
            KNIT_ACCESSORY,
            &["Ribbed", "Chunky"],
            (
                "a close, comfortable fit",
                "una vestibilità comoda e avvolgente",
            ),
            &[
                ("a deep turn-up", "un ampio risvolto"),
                ("fully fashioned shaping", "una lavorazione fully fashioned"),
                ("a small woven label", "una piccola etichetta tessuta"),
            ],
        )
    },
    kind(
        "Baseball Cap",
        "Cappellino da baseball",
        G::M,
        S::Cap,
        75.0,
        120,
        Sz::One,
        CAP_MATS,
        &["Washed"],
        (
            "a six-panel shape with a curved brim",
            "una forma a sei pannelli con visiera curva",
        ),
        &[
            (
                "an adjustable leather strap",
                "un cinturino regolabile in pelle",
            ),
            EYELETS,
            SWEATBAND,
        ],
    ),
    kind(
        "Bucket Hat",
        "Cappello alla pescatora",
        G::M,
        S::Cap,
        85.0,
        120,
        Sz::One,
        CAP_MATS,
        &["Washed"],
        (
            "a soft, downward-sloping brim",
            "una tesa morbida e inclinata verso il basso",
        ),
        &[
            ("a topstitched brim", "una tesa con impunture"),
            EYELETS,
            SWEATBAND,
        ],
    ),
    kind(
        "Belt",
        "Cintura",
        G::F,
        S::Belt,
        120.0,
        250,
        Sz::Belt,
        &["Leather", "Suede", "Grained Leather"],
        &["Slim", "Wide"],
        ("a classic 3 cm strap", "una fascia classica di 3 cm"),
        &[
            ("a solid brass buckle", "una fibbia in ottone massiccio"),
            ("hand-painted edges", "bordi dipinti a mano"),
            ("five adjustment holes", "cinque fori di regolazione"),
            ("a leather keeper", "un passante in pelle"),
        ],
    ),
    kind(
        "Sunglasses",
        "Occhiali da sole",
        G::Mp,
        S::Eyewear,
        190.0,
        150,
        Sz::One,
        &["Acetate", "Titanium"],
        &["Round", "Square", "Cat-Eye"],
        (
            "a classic, balanced shape",
            "una forma classica ed equilibrata",
        ),
        &[
            (
                "polarised category 3 lenses",
                "lenti polarizzate di categoria 3",
            ),
            HINGES,
            CASE,
            ("full UV400 protection", "una protezione UV400 totale"),
        ],
    ),
    kind(
        "Optical Frames",
        "Occhiali da vista",
        G::Mp,
        S::Eyewear,
        170.0,
        120,
        Sz::One,
        &["Acetate", "Titanium"],
        &["Round", "Square"],
        ("a light, comfortable fit", "una calzata leggera e comoda"),
        &[
            (
                "demo lenses ready for your prescription",
                "lenti dimostrative pronte per la tua prescrizione",
            ),
            HINGES,
            CASE,
        ],
    ),
];

const ACC_T: &[Pair] = &[
    (
        "{A_kind} in {mat} with {fit}. {feel} {n:It comes|They come} with {d1} and {d2}. {style}",
        "{Un} in {mat} con {fit}. {feel} Dotat{o} di {d1} e {d2}. {style}",
    ),
    (
        "A small piece that does a lot: {a_kind} in {mat}, with {d1} and {d2}. {n:It has|They have} {fit}. {feel} {style}",
        "Un piccolo dettaglio che fa la differenza: {un} in {mat}, con {d1} e {d2}. {n:Ha|Hanno} {fit}. {feel} {style}",
    ),
    (
        "{feel} We made {n:this|these} {kind} with {fit}, {d1} and {d2}. {style}",
        "{feel} Abbiamo realizzato {q} {kind} con {fit}, {d1} e {d2}. {style}",
    ),
];

const ACC_STYLES: &[Pair] = &[
    (
        "Packed in a recycled card box, ready to give.",
        "Confezionat{o} in una scatola di cartone riciclato, pront{o} da regalare.",
    ),
    (
        "The finishing touch for a simple outfit.",
        "Il tocco finale per un look essenziale.",
    ),
    (
        "Made in Italy in small batches.",
        "Prodott{o} in Italia in piccole serie.",
    ),
    (
        "Easy to pair with everything in the collection.",
        "Facile da abbinare a tutti i capi della collezione.",
    ),
];

// ---------------------------------------------------------------------------
// Home
// ---------------------------------------------------------------------------

const HOME_ADJS: &[Adj] = &[
    Adj {
        price: 1.3,
        ..adj(
            "Tall",
            "alto|alta|alti|alte",
            "a tall, slender profile",
            "un profilo alto e slanciato",
        )
    },
    Adj {
        price: 0.7,
        ..adj(
            "Small",
            "piccolo|piccola|piccoli|piccole",
            "a small size, perfect for a few stems",
            "un formato piccolo, perfetto per pochi steli",
        )
    },
    adj(
        "Ribbed",
        "rigato|rigata|rigati|rigate",
        "a finely ribbed surface",
        "una superficie finemente rigata",
    ),
    Adj {
        only: &["Stoneware"],
        ..adj(
            "Speckled",
            "puntinato|puntinata|puntinati|puntinate",
            "a speckled glaze",
            "uno smalto puntinato",
        )
    },
];

const CANDLE_COMP: &str = "Natural soy and rapeseed wax, cotton wick";
const CANDLE_CARE: &str =
    "Trim the wick to 5 mm before each use and burn for no more than three hours at a time";
const CANDLE_PAL: &[&str] = &[
    "Chalk",
    "Sage",
    "Terracotta",
    "Black",
    "Butter",
    "Powder Blue",
    "Dusty Rose",
    "Moss",
];

const fn scent(name: &'static str, it: &'static str, it_name: &'static str, notes: Pair) -> Mat {
    Mat {
        palette: CANDLE_PAL,
        ..mat(
            name,
            it,
            (name, it_name),
            notes,
            CANDLE_COMP,
            CANDLE_CARE,
            1.0,
            0,
        )
    }
}

const HOME_MATS: &[Mat] = &[
    scent(
        "Fig Leaf",
        "alla foglia di fico",
        "Foglia di Fico",
        (
            "Notes of green fig, crushed leaves and soft cedarwood.",
            "Note di fico verde, foglie sfregate e morbido legno di cedro.",
        ),
    ),
    scent(
        "Cedar & Vetiver",
        "al cedro e vetiver",
        "Cedro e Vetiver",
        (
            "Dry cedarwood and smoky vetiver over a base of warm musk.",
            "Legno di cedro secco e vetiver affumicato su una base di muschio caldo.",
        ),
    ),
    scent(
        "Tomato Leaf",
        "alla foglia di pomodoro",
        "Foglia di Pomodoro",
        (
            "Green tomato vine, basil and a hint of sea salt.",
            "Foglia di pomodoro, basilico e un accenno di sale marino.",
        ),
    ),
    scent(
        "Orange Blossom",
        "ai fiori d'arancio",
        "Fiori d'Arancio",
        (
            "Neroli, orange blossom and a touch of bitter orange peel.",
            "Neroli, fiori d'arancio e un tocco di scorza d'arancia amara.",
        ),
    ),
    scent(
        "Smoked Amber",
        "all'ambra fumé",
        "Ambra Fumé",
        (
            "Warm amber, birch smoke and a trace of vanilla.",
            "Ambra calda, fumo di betulla e una traccia di vaniglia.",
        ),
    ),
    scent(
        "Olive Wood",
        "al legno d'ulivo",
        "Legno d'Ulivo",
        (
            "Sun-warmed olive wood, bay leaf and dry grass.",
            "Legno d'ulivo scaldato dal sole, alloro ed erba secca.",
        ),
    ),
    Mat {
        palette: &["Chalk", "Ecru", "Sand", "Sage", "Black", "Stone", "Moss"],
        ..mat(
            "Stoneware",
            "in gres",
            ("hand-thrown stoneware", "gres tornito a mano"),
            (
                "Each piece is glazed by hand, so no two are exactly alike.",
                "Ogni pezzo è smaltato a mano, per questo non ne esistono due identici.",
            ),
            "Glazed stoneware",
            "Wipe clean with a damp cloth; watertight",
            1.0,
            0,
        )
    },
    Mat {
        palette: &["Terracotta", "Sand", "Chalk", "Rust", "Oatmeal"],
        ..mat(
            "Terracotta",
            "in terracotta",
            ("Tuscan terracotta", "terracotta toscana"),
            (
                "The unglazed outside has a warm, earthy texture.",
                "L'esterno non smaltato ha una texture calda e materica.",
            ),
            "Terracotta with a glazed interior",
            "Wipe clean with a damp cloth; watertight",
            0.8,
            0,
        )
    },
    Mat {
        palette: &[
            "Powder Blue",
            "Sage",
            "Butter",
            "Chalk",
            "Moss",
            "Dusty Rose",
        ],
        weight: 0.8,
        ..mat(
            "Glass",
            "in vetro soffiato",
            ("mouth-blown glass", "vetro soffiato a bocca"),
            (
                "Tiny bubbles and variations are the signature of mouth-blown glass.",
                "Piccole bolle e variazioni sono la firma del vetro soffiato a bocca.",
            ),
            "Mouth-blown glass",
            "Hand wash only",
            1.2,
            0,
        )
    },
    Mat {
        palette: &["Chalk", "Ecru", "Blush", "Stone", "Charcoal"],
        weight: 0.8,
        ..mat(
            "Porcelain",
            "in porcellana",
            ("matte bisque porcelain", "porcellana biscuit opaca"),
            (
                "The matte, unglazed surface is smooth and soft to the touch.",
                "La superficie opaca e non smaltata è liscia e morbida al tatto.",
            ),
            "Bisque porcelain with a glazed interior",
            "Hand wash only; watertight",
            1.1,
            0,
        )
    },
];

const CANDLE_T: &[Pair] = &[
    (
        "{A_kind} poured by hand in Tuscany, with {fit}. {feel} It comes with {d1} and {d2}. {style}",
        "{Un} colat{o} a mano in Toscana, con {fit}. {feel} Viene fornit{o} con {d1} e {d2}. {style}",
    ),
    (
        "{feel} Our {mat} fragrance is poured into {a_kind} with {fit}. {D1} and {d2} complete it. {style}",
        "{feel} La nostra fragranza {mat} è colata in {un} con {fit}. {D1} e {d2} completano l'insieme. {style}",
    ),
    (
        "{A_kind} scented with {mat}. {feel} It has {fit}, {d1} and {d2}. {style}",
        "{Un} alla fragranza {mat}. {feel} Ha {fit}, {d1} e {d2}. {style}",
    ),
];

const VASE_T: &[Pair] = &[
    (
        "{A_kind} in {mat}, with {fit}. {feel} It comes with {d1} and {d2}. {style}",
        "{Un} in {mat}, con {fit}. {feel} Dotat{o} di {d1} e {d2}. {style}",
    ),
    (
        "Made in a small Italian studio, this {kind} in {mat} has {fit}, {d1} and {d2}. {feel} {style}",
        "Realizzat{o} in un piccolo laboratorio italiano, {q} {kind} in {mat} ha {fit}, {d1} e {d2}. {feel} {style}",
    ),
    (
        "{feel} This {kind} in {mat} has {fit}, with {d1} and {d2}. {style}",
        "{feel} {Q} {kind} in {mat} ha {fit}, con {d1} e {d2}. {style}",
    ),
];

const SCENTS: &[&str] = &[
    "Fig Leaf",
    "Cedar & Vetiver",
    "Tomato Leaf",
    "Orange Blossom",
    "Smoked Amber",
    "Olive Wood",
];
const WICK: Pair = (
    "a lead-free cotton wick",
    "uno stoppino di cotone senza piombo",
);
const BASE: Pair = ("a weighted base", "una base appesantita");
const RIM: Pair = ("a hand-finished rim", "un bordo rifinito a mano");
const FELT: Pair = (
    "a protective felt pad underneath",
    "un feltrino protettivo sul fondo",
);

const HOME_KINDS: &[Kind] = &[
    Kind {
        templates: CANDLE_T,
        ..kind(
            "Scented Candle",
            "Candela profumata",
            G::F,
            S::Candle,
            58.0,
            650,
            Sz::One,
            SCENTS,
            &[],
            (
                "a burn time of around 55 hours",
                "una durata di circa 55 ore",
            ),
            &[
                (
                    "a reusable hand-blown glass vessel",
                    "un contenitore riutilizzabile in vetro soffiato a mano",
                ),
                WICK,
                (
                    "a recycled gift box",
                    "una scatola regalo in carta riciclata",
                ),
            ],
        )
    },
    Kind {
        templates: CANDLE_T,
        ..kind(
            "Travel Candle",
            "Candela da viaggio",
            G::F,
            S::Candle,
            32.0,
            250,
            Sz::One,
            SCENTS,
            &[],
            (
                "a burn time of around 25 hours",
                "una durata di circa 25 ore",
            ),
            &[
                ("a tin with a screw lid", "una latta con coperchio a vite"),
                WICK,
                (
                    "a compact size for travel",
                    "un formato compatto da viaggio",
                ),
            ],
        )
    },
    Kind {
        templates: CANDLE_T,
        ..kind(
            "Three-Wick Candle",
            "Candela a tre stoppini",
            G::F,
            S::Candle,
            110.0,
            1500,
            Sz::One,
            SCENTS,
            &[],
            (
                "a burn time of around 80 hours",
                "una durata di circa 80 ore",
            ),
            &[
                ("three cotton wicks", "tre stoppini di cotone"),
                (
                    "a wide glazed ceramic vessel",
                    "un ampio contenitore in ceramica smaltata",
                ),
                ("a ceramic lid", "un coperchio in ceramica"),
            ],
        )
    },
    kind(
        "Bud Vase",
        "Vaso monofiore",
        G::M,
        S::Vase,
        45.0,
        350,
        Sz::One,
        &["Stoneware", "Glass", "Porcelain"],
        &["Ribbed", "Speckled"],
        (
            "a narrow neck that holds a single stem",
            "un collo stretto che sostiene un solo stelo",
        ),
        &[BASE, RIM, FELT],
    ),
    kind(
        "Bottle Vase",
        "Vaso a bottiglia",
        G::M,
        S::Vase,
        95.0,
        1200,
        Sz::One,
        &["Stoneware", "Glass", "Terracotta"],
        &["Tall", "Ribbed", "Speckled"],
        (
            "a rounded body and a slim neck",
            "un corpo tondo e un collo sottile",
        ),
        &[BASE, RIM, FELT],
    ),
    kind(
        "Amphora Vase",
        "Vaso ad anfora",
        G::M,
        S::Vase,
        140.0,
        2200,
        Sz::One,
        &["Terracotta", "Stoneware"],
        &["Tall", "Small"],
        (
            "a classic amphora shape with two small handles",
            "una classica forma ad anfora con due piccoli manici",
        ),
        &[BASE, RIM, FELT],
    ),
];

const HOME_STYLES: &[Pair] = &[
    (
        "Made in Italy in small batches.",
        "Prodott{o} in Italia in piccole serie.",
    ),
    (
        "A thoughtful gift, or a quiet luxury for your own home.",
        "Un regalo pensato, o un piccolo lusso per la tua casa.",
    ),
    (
        "Designed to sit beautifully on a shelf, a table or a windowsill.",
        "Pensat{o} per stare bene su una mensola, un tavolo o un davanzale.",
    ),
    (
        "Each piece is packed by hand in recycled paper.",
        "Ogni pezzo è imballato a mano in carta riciclata.",
    ),
];

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

const CATS: &[Cat] = &[
    Cat {
        slug: "knitwear",
        name: "Knitwear",
        name_it: "Maglieria",
        description: "Sweaters, cardigans and vests in merino, cashmere and alpaca, knitted in northern Italy. Made to be worn for years.",
        prefix: "KN",
        target: 18,
        verb: ("Knitted", "Lavorat{o}"),
        templates: APPAREL_T,
        styles: KNIT_STYLES,
        palette: &[
            "Ecru",
            "Oatmeal",
            "Camel",
            "Charcoal",
            "Navy",
            "Bordeaux",
            "Olive",
            "Rust",
            "Grey Melange",
            "Forest",
            "Powder Blue",
            "Butter",
            "Chocolate",
            "Black",
            "Sage",
        ],
        adjs: KNIT_ADJS,
        mats: KNIT_MATS,
        kinds: KNIT_KINDS,
    },
    Cat {
        slug: "shirts-tops",
        name: "Shirts & Tops",
        name_it: "Camicie e top",
        description: "Crisp poplin, washed linen and fluid silk, cut into shirts, blouses and overshirts for every day.",
        prefix: "SH",
        target: 17,
        verb: ("Cut", "Tagliat{o}"),
        templates: APPAREL_T,
        styles: SHIRT_STYLES,
        palette: &[
            "Optic White",
            "Chalk",
            "Powder Blue",
            "Ecru",
            "Sand",
            "Navy",
            "Black",
            "Sage",
            "Dusty Rose",
            "Butter",
            "Stone",
            "Olive",
            "Denim",
        ],
        adjs: SHIRT_ADJS,
        mats: SHIRT_MATS,
        kinds: SHIRT_KINDS,
    },
    Cat {
        slug: "t-shirts",
        name: "T-Shirts",
        name_it: "T-shirt",
        description: "Everyday tees, polos and long sleeves in organic, Pima and heavyweight cotton.",
        prefix: "TS",
        target: 17,
        verb: ("Made", "Realizzat{o}"),
        templates: APPAREL_T,
        styles: TEE_STYLES,
        palette: &[
            "Optic White",
            "Black",
            "Ecru",
            "Navy",
            "Grey Melange",
            "Olive",
            "Sage",
            "Rust",
            "Powder Blue",
            "Charcoal",
            "Butter",
            "Dusty Rose",
            "Chocolate",
            "Terracotta",
        ],
        adjs: TEE_ADJS,
        mats: TEE_MATS,
        kinds: TEE_KINDS,
    },
    Cat {
        slug: "dresses-skirts",
        name: "Dresses & Skirts",
        name_it: "Abiti e gonne",
        description: "Slip dresses, shirt dresses and skirts in silk, linen and crêpe, designed to move with you.",
        prefix: "DR",
        target: 17,
        verb: ("Cut", "Tagliat{o}"),
        templates: APPAREL_T,
        styles: DRESS_STYLES,
        palette: &[
            "Black",
            "Ecru",
            "Chalk",
            "Sage",
            "Bordeaux",
            "Navy",
            "Terracotta",
            "Blush",
            "Olive",
            "Butter",
            "Plum",
            "Chocolate",
            "Powder Blue",
            "Sand",
        ],
        adjs: DRESS_ADJS,
        mats: DRESS_MATS,
        kinds: DRESS_KINDS,
    },
    Cat {
        slug: "trousers",
        name: "Trousers",
        name_it: "Pantaloni",
        description: "Tailored trousers, chinos and selvedge denim, cut for an easy, modern line.",
        prefix: "TR",
        target: 17,
        verb: ("Tailored", "Confezionat{o}"),
        templates: APPAREL_T,
        styles: TROUSER_STYLES,
        palette: &[
            "Black",
            "Navy",
            "Charcoal",
            "Sand",
            "Stone",
            "Camel",
            "Olive",
            "Ecru",
            "Chocolate",
            "Denim",
            "Taupe",
            "Slate",
            "Tobacco",
        ],
        adjs: TROUSER_ADJS,
        mats: TROUSER_MATS,
        kinds: TROUSER_KINDS,
    },
    Cat {
        slug: "outerwear",
        name: "Outerwear",
        name_it: "Capispalla",
        description: "Coats, trenches and jackets in Italian wool, gabardine and leather, built to last many seasons.",
        prefix: "OW",
        target: 18,
        verb: ("Tailored", "Confezionat{o}"),
        templates: APPAREL_T,
        styles: OUTER_STYLES,
        palette: &[
            "Camel",
            "Black",
            "Navy",
            "Charcoal",
            "Chocolate",
            "Olive",
            "Sand",
            "Stone",
            "Tobacco",
            "Bordeaux",
            "Forest",
            "Ecru",
            "Taupe",
        ],
        adjs: OUTER_ADJS,
        mats: OUTER_MATS,
        kinds: OUTER_KINDS,
    },
    Cat {
        slug: "shoes",
        name: "Shoes",
        name_it: "Scarpe",
        description: "Loafers, boots, sneakers and sandals, made by hand in the Marche.",
        prefix: "FW",
        target: 18,
        verb: ("Made", "Realizzat{o}"),
        templates: SHOE_T,
        styles: SHOE_STYLES,
        palette: &[
            "Black",
            "Tobacco",
            "Chocolate",
            "Cognac",
            "Ecru",
            "Chalk",
            "Sand",
            "Bordeaux",
            "Navy",
            "Taupe",
            "Optic White",
            "Olive",
        ],
        adjs: SHOE_ADJS,
        mats: SHOE_MATS,
        kinds: SHOE_KINDS,
    },
    Cat {
        slug: "bags",
        name: "Bags",
        name_it: "Borse",
        description: "Totes, shoulder bags and backpacks in vegetable-tanned leather, canvas and recycled nylon.",
        prefix: "BG",
        target: 17,
        verb: ("Crafted", "Realizzat{o}"),
        templates: BAG_T,
        styles: BAG_STYLES,
        palette: &[
            "Black",
            "Cognac",
            "Tan",
            "Chocolate",
            "Bordeaux",
            "Ecru",
            "Sand",
            "Olive",
            "Navy",
            "Taupe",
            "Forest",
            "Chalk",
        ],
        adjs: BAG_ADJS,
        mats: BAG_MATS,
        kinds: BAG_KINDS,
    },
    Cat {
        slug: "accessories",
        name: "Accessories",
        name_it: "Accessori",
        description: "Scarves, hats, belts and eyewear: the finishing touches.",
        prefix: "AC",
        target: 22,
        verb: ("Made", "Realizzat{o}"),
        templates: ACC_T,
        styles: ACC_STYLES,
        palette: &[
            "Camel",
            "Black",
            "Navy",
            "Bordeaux",
            "Grey Melange",
            "Ecru",
            "Rust",
            "Forest",
            "Chocolate",
            "Olive",
            "Powder Blue",
            "Charcoal",
            "Mustard",
            "Oatmeal",
        ],
        adjs: ACC_ADJS,
        mats: ACC_MATS,
        kinds: ACC_KINDS,
    },
    Cat {
        slug: "home",
        name: "Home",
        name_it: "Casa",
        description: "Hand-poured candles and vases in stoneware, terracotta and glass, for a calm, considered home.",
        prefix: "HM",
        target: 16,
        verb: ("Made", "Realizzat{o}"),
        templates: VASE_T,
        styles: HOME_STYLES,
        palette: &[
            "Chalk",
            "Ecru",
            "Sand",
            "Sage",
            "Terracotta",
            "Black",
            "Stone",
            "Butter",
            "Powder Blue",
            "Moss",
        ],
        adjs: HOME_ADJS,
        mats: HOME_MATS,
        kinds: HOME_KINDS,
    },
];

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn is_slug(s: &str) -> bool {
        !s.is_empty()
            && s.split('-').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
    }

    #[test]
    fn counts_and_categories() {
        let cats = categories();
        let prods = products();
        assert!(cats.len() >= 10, "{} categories", cats.len());
        assert!(prods.len() >= 160, "{} products", prods.len());
        let mut per: HashMap<&str, usize> = HashMap::new();
        for p in &prods {
            assert!(
                cats.iter().any(|c| c.slug == p.category_slug),
                "{} has unknown category {}",
                p.name,
                p.category_slug
            );
            *per.entry(p.category_slug).or_default() += 1;
        }
        for c in &cats {
            let n = per.get(c.slug).copied().unwrap_or(0);
            assert!(n >= 8, "category {} has only {n} products", c.slug);
            assert!(is_slug(c.slug));
        }
        let positions: HashSet<i32> = cats.iter().map(|c| c.position).collect();
        assert_eq!(positions.len(), cats.len());
        let featured = prods.iter().filter(|p| p.featured).count();
        assert!((12..=16).contains(&featured), "{featured} featured");
    }

    #[test]
    fn uniqueness_and_shape() {
        let prods = products();
        let mut codes = HashSet::new();
        let mut slugs = HashSet::new();
        let mut names = HashSet::new();
        let mut names_it = HashSet::new();
        for p in &prods {
            assert!(
                codes.insert(p.style_code.clone()),
                "dup code {}",
                p.style_code
            );
            assert!(slugs.insert(p.slug.clone()), "dup slug {}", p.slug);
            assert!(names.insert(p.name.clone()), "dup name {}", p.name);
            assert!(
                names_it.insert(p.name_it.clone()),
                "dup it name {}",
                p.name_it
            );
            assert!(is_slug(&p.slug), "bad slug {}", p.slug);
            assert!(p.price_minor > 0 && p.price_minor % 100 == 0);
            assert!((2..=5).contains(&p.colours.len()), "{}", p.name);
            let cn: HashSet<&str> = p.colours.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(cn.len(), p.colours.len(), "dup colour in {}", p.name);
            for c in &p.colours {
                assert!(c.hex.starts_with('#') && c.hex.len() == 7, "{}", c.hex);
            }
            assert!(!p.sizes.is_empty());
            let sz: HashSet<&String> = p.sizes.iter().collect();
            assert_eq!(sz.len(), p.sizes.len(), "dup size in {}", p.name);
            assert!(["SS26", "FW26", "FW27"].contains(&p.season));
            assert!((0..=400).contains(&p.created_days_ago));
            assert!(p.weight_grams > 0);
            for text in [&p.description, &p.description_it, &p.name_it] {
                assert!(!text.contains('{') && !text.contains('}'), "{text}");
                assert!(!text.contains("  "), "{text}");
            }
            let sentences = p.description.matches(". ").count() + 1;
            assert!((2..=5).contains(&sentences), "{}", p.description);
            assert!(!p.material.is_empty() && !p.care.is_empty());
        }
    }

    #[test]
    fn fw27_is_newest() {
        let prods = products();
        let fw27 = prods.iter().filter(|p| p.season == "FW27").count();
        assert!(fw27 >= 10 && fw27 * 3 < prods.len(), "{fw27} FW27");
        let max_new = prods
            .iter()
            .filter(|p| p.season == "FW27")
            .map(|p| p.created_days_ago)
            .max()
            .unwrap();
        let min_old = prods
            .iter()
            .filter(|p| p.season != "FW27")
            .map(|p| p.created_days_ago)
            .min()
            .unwrap();
        assert!(max_new < min_old);
    }

    #[test]
    fn deterministic() {
        let a = products();
        let b = products();
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(format!("{x:?}"), format!("{y:?}"));
        }
        assert_eq!(format!("{:?}", categories()), format!("{:?}", categories()));
    }

    #[test]
    fn palette_is_consistent() {
        let pal = palette();
        assert!(pal.len() >= 30);
        let names: HashSet<&str> = pal.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names.len(), pal.len());
        for p in products() {
            for c in &p.colours {
                assert!(pal.contains(c), "{} not in palette", c.name);
            }
        }
    }

    #[test]
    fn italian_articles() {
        assert_eq!(
            it_indef("stivaletto chelsea", G::M),
            "uno stivaletto chelsea"
        );
        assert_eq!(it_indef("abito", G::M), "un abito");
        assert_eq!(it_indef("ballerina", G::F), "una ballerina");
        assert_eq!(it_def("abito", G::M), "l'abito");
        assert_eq!(it_def("zaino", G::M), "lo zaino");
        assert_eq!(it_def("jeans", G::Mp), "i jeans");
        assert_eq!(
            slugify("Cedar & Vetiver Scented Candle"),
            "cedar-vetiver-scented-candle"
        );
    }
}
