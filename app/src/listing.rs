//! Lists with filters, sorting and pages, shared by every area's tables.
//! Filters live in the URL's query string, so a link reproduces the view.

use serde::{Deserialize, Serialize};

pub const PER_PAGE: u32 = 50;
/// A CSV export holds at most this many rows.
pub const EXPORT_LIMIT: i64 = 50_000;

/// One page of a longer list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    pub fn page_count(&self) -> u32 {
        (self.total.max(0) as u32)
            .div_ceil(self.per_page.max(1))
            .max(1)
    }

    /// "Showing 51–100 of 230".
    pub fn range_text(&self) -> String {
        if self.total == 0 {
            return "Nothing found".to_owned();
        }
        let first = i64::from(self.page.saturating_sub(1)) * i64::from(self.per_page) + 1;
        let last = (first + self.rows.len() as i64 - 1).max(first);
        format!("Showing {first}–{last} of {}", self.total)
    }
}

/// The SQL `LIMIT` and `OFFSET` of a page.
pub fn limit_offset(page: u32, per_page: u32) -> (i64, i64) {
    let per_page = i64::from(per_page.max(1));
    (per_page, i64::from(page.max(1) - 1) * per_page)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortDir {
    #[default]
    Asc,
    Desc,
}

impl SortDir {
    pub fn parse(text: Option<&str>) -> SortDir {
        match text {
            Some("desc") => SortDir::Desc,
            _ => SortDir::Asc,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }

    pub fn sql(self) -> &'static str {
        match self {
            SortDir::Asc => "ASC",
            SortDir::Desc => "DESC",
        }
    }

    pub fn flipped(self) -> SortDir {
        match self {
            SortDir::Asc => SortDir::Desc,
            SortDir::Desc => SortDir::Asc,
        }
    }
}

/// `%`, `_` and `\` in a search text match literally in a LIKE pattern.
pub fn like_pattern(query: &str) -> String {
    let escaped = query
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_and_describe_their_range() {
        let page = Page {
            rows: vec![1; 50],
            total: 230,
            page: 2,
            per_page: 50,
        };
        assert_eq!(page.page_count(), 5);
        assert_eq!(page.range_text(), "Showing 51–100 of 230");
        let empty: Page<u8> = Page {
            rows: vec![],
            total: 0,
            page: 1,
            per_page: 50,
        };
        assert_eq!(empty.page_count(), 1);
        assert_eq!(empty.range_text(), "Nothing found");
        assert_eq!(limit_offset(3, 50), (50, 100));
        assert_eq!(limit_offset(0, 50), (50, 0));
    }

    #[test]
    fn like_wildcards_in_queries_match_literally() {
        assert_eq!(like_pattern("50%_off"), "%50\\%\\_off%");
        assert_eq!(like_pattern("a\\b"), "%a\\\\b%");
    }

    #[test]
    fn sort_direction_reads_and_flips() {
        assert_eq!(SortDir::parse(Some("desc")), SortDir::Desc);
        assert_eq!(SortDir::parse(Some("sideways")), SortDir::Asc);
        assert_eq!(SortDir::Desc.flipped(), SortDir::Asc);
    }
}
