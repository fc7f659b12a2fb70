//! Money is integer minor units plus an ISO currency; this formats it for people.

/// `12900, "EUR"` → `€129.00`; thousands are grouped: `€1,290.00`.
pub fn format_money(minor: i64, currency: &str) -> String {
    let symbol = match currency {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        "CHF" => "CHF ",
        other => return format!("{} {other}", group(minor, ',', '.')),
    };
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{symbol}{}", group(minor.abs(), ',', '.'))
}

/// For files: `-123456` → `-1234.56` (no grouping, a point, no symbol).
pub fn decimal(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// The amount without sign or symbol: `123456` → `1,234.56` (with `,` and `.`).
pub fn group(minor: i64, thousands: char, decimal: char) -> String {
    let units = (minor.abs() / 100).to_string();
    let cents = minor.abs() % 100;
    let mut grouped = String::with_capacity(units.len() + units.len() / 3);
    for (i, digit) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    format!("{grouped}{decimal}{cents:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_for_files_have_no_grouping() {
        assert_eq!(decimal(123456), "1234.56");
        assert_eq!(decimal(-5), "-0.05");
    }

    #[test]
    fn formats_euros_with_grouping() {
        assert_eq!(format_money(12900, "EUR"), "€129.00");
        assert_eq!(format_money(5, "EUR"), "€0.05");
        assert_eq!(format_money(123456789, "EUR"), "€1,234,567.89");
        assert_eq!(format_money(-2500, "EUR"), "-€25.00");
        assert_eq!(format_money(100000, "SEK"), "1,000.00 SEK");
    }
}
