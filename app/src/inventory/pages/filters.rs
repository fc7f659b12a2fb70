//! The inventory lists' filters as the URL carries them: reading a query
//! string into a query, and writing a query back into links (pages, sort
//! headers, CSV downloads). Pages and CSV exports read the same way, so a
//! download holds exactly the rows of the list it was started from.

use crate::inventory::model::{
    LowStockQuery, MovementKind, MovementQuery, StockFilter, StockQuery, StockSort, TransferQuery,
    TransferStatus,
};
use crate::listing::SortDir;
use time::{Date, Month};

/// A page number from the URL: 1 when missing or not a number.
pub fn page_number(text: Option<String>) -> u32 {
    text.and_then(|t| t.trim().parse::<u32>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
}

fn text(get: &impl Fn(&str) -> Option<String>, key: &str) -> String {
    get(key).map(|v| v.trim().to_owned()).unwrap_or_default()
}

/// A location code from the URL (codes are upper case).
fn location(get: &impl Fn(&str) -> Option<String>) -> String {
    text(get, "location").to_uppercase()
}

pub fn stock_query(get: impl Fn(&str) -> Option<String>) -> StockQuery {
    StockQuery {
        q: text(&get, "q"),
        location: location(&get),
        only: StockFilter::parse(get("only").as_deref()),
        sort: StockSort::parse(get("sort").as_deref()),
        dir: SortDir::parse(get("dir").as_deref()),
        page: page_number(get("page")),
    }
}

/// The filters and order of a stock list, without its page.
pub fn stock_params(query: &StockQuery) -> Vec<(&'static str, String)> {
    vec![
        ("q", query.q.clone()),
        ("location", query.location.clone()),
        (
            "only",
            if query.only == StockFilter::All {
                String::new()
            } else {
                query.only.as_str().to_owned()
            },
        ),
        (
            "sort",
            if query.sort == StockSort::Sku {
                String::new()
            } else {
                query.sort.as_str().to_owned()
            },
        ),
        (
            "dir",
            if query.dir == SortDir::Asc {
                String::new()
            } else {
                query.dir.as_str().to_owned()
            },
        ),
    ]
}

pub fn movement_query(get: impl Fn(&str) -> Option<String>) -> MovementQuery {
    MovementQuery {
        q: text(&get, "q"),
        location: location(&get),
        kind: MovementKind::parse(&text(&get, "kind")),
        from: parse_date(&text(&get, "from")),
        to: parse_date(&text(&get, "to")),
        page: page_number(get("page")),
    }
}

/// The filters of a ledger list, without its page.
pub fn movement_params(query: &MovementQuery) -> Vec<(&'static str, String)> {
    vec![
        ("q", query.q.clone()),
        ("location", query.location.clone()),
        (
            "kind",
            query
                .kind
                .map(|k| k.as_str().to_owned())
                .unwrap_or_default(),
        ),
        ("from", query.from.map(iso_date).unwrap_or_default()),
        ("to", query.to.map(iso_date).unwrap_or_default()),
    ]
}

pub fn transfer_query(get: impl Fn(&str) -> Option<String>) -> TransferQuery {
    TransferQuery {
        status: TransferStatus::parse(&text(&get, "status")),
        location: location(&get),
        page: page_number(get("page")),
    }
}

pub fn transfer_params(query: &TransferQuery) -> Vec<(&'static str, String)> {
    vec![
        (
            "status",
            query
                .status
                .map(|s| status_slug(s).to_owned())
                .unwrap_or_default(),
        ),
        ("location", query.location.clone()),
    ]
}

pub fn low_stock_query(get: impl Fn(&str) -> Option<String>) -> LowStockQuery {
    LowStockQuery {
        location: location(&get),
        page: page_number(get("page")),
    }
}

pub fn low_stock_params(query: &LowStockQuery) -> Vec<(&'static str, String)> {
    vec![("location", query.location.clone())]
}

/// `params` plus a page number (left out for the first page).
pub fn with_page(
    mut params: Vec<(&'static str, String)>,
    page: u32,
) -> Vec<(&'static str, String)> {
    if page > 1 {
        params.push(("page", page.to_string()));
    }
    params
}

pub const TRANSFER_STATUSES: [TransferStatus; 4] = [
    TransferStatus::Draft,
    TransferStatus::InTransit,
    TransferStatus::Received,
    TransferStatus::Cancelled,
];

/// How a transfer status is written in URLs (and in the database).
pub fn status_slug(status: TransferStatus) -> &'static str {
    match status {
        TransferStatus::Draft => "draft",
        TransferStatus::InTransit => "in_transit",
        TransferStatus::Received => "received",
        TransferStatus::Cancelled => "cancelled",
    }
}

/// `2026-11-24` (what `<input type="date">` sends).
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if !(1900..=9999).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::table::url_with;
    use std::collections::HashMap;
    use time::macros::date;

    fn getter(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn a_stock_url_reads_back_into_the_same_query() {
        let query = stock_query(getter(&[
            ("q", " merino "),
            ("location", "wh-mil"),
            ("only", "reserved"),
            ("sort", "available"),
            ("dir", "desc"),
            ("page", "3"),
        ]));
        assert_eq!(query.q, "merino");
        assert_eq!(query.location, "WH-MIL");
        assert_eq!(query.only, StockFilter::Reserved);
        assert_eq!(query.sort, StockSort::Available);
        assert_eq!(query.dir, SortDir::Desc);
        assert_eq!(query.page, 3);
        let url = url_with("/s", &with_page(stock_params(&query), query.page));
        assert_eq!(
            url,
            "/s?q=merino&location=WH-MIL&only=reserved&sort=available&dir=desc&page=3"
        );
    }

    #[test]
    fn defaults_stay_out_of_urls_and_nonsense_reads_as_defaults() {
        let query = stock_query(getter(&[("page", "zero"), ("sort", "colour")]));
        assert_eq!(
            query,
            StockQuery {
                page: 1,
                ..StockQuery::default()
            }
        );
        assert_eq!(url_with("/s", &with_page(stock_params(&query), 1)), "/s");
    }

    #[test]
    fn ledger_filters_read_dates_and_kinds() {
        let query = movement_query(getter(&[
            ("kind", "receipt"),
            ("from", "2026-11-01"),
            ("to", "2026-02-30"),
        ]));
        assert_eq!(query.kind, Some(MovementKind::Receipt));
        assert_eq!(query.from, Some(date!(2026 - 11 - 01)));
        assert_eq!(query.to, None, "no 30 February");
        assert_eq!(
            url_with("/m", &movement_params(&query)),
            "/m?kind=receipt&from=2026-11-01"
        );
        assert_eq!(iso_date(date!(2027 - 01 - 05)), "2027-01-05");
    }

    #[test]
    fn transfer_statuses_round_trip() {
        for status in TRANSFER_STATUSES {
            assert_eq!(TransferStatus::parse(status_slug(status)), Some(status));
        }
        let query = transfer_query(getter(&[("status", "in_transit")]));
        assert_eq!(query.status, Some(TransferStatus::InTransit));
    }
}
