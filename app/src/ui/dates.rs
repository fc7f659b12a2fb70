//! Dates for people: "12 Nov 2026".

use time::OffsetDateTime;

pub fn format_date(at: OffsetDateTime) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {}",
        at.day(),
        MONTHS[at.month() as usize - 1],
        at.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn formats_day_month_year() {
        assert_eq!(format_date(datetime!(2026-11-03 10:00 UTC)), "3 Nov 2026");
    }
}
