//! Reading a price list from CSV: every row checked, every problem reported
//! with its row and column, so staff fix the file once. Pure: the caller
//! looks the style codes up and applies the rows in one transaction.
//!
//! Columns (header required, any order): `style_code`, `colour` (empty: every
//! colour), `size` (empty: every size), `wholesale`, `retail` — prices in
//! major units with a point, e.g. `42.50`.

use super::model::ImportProblem;

const COLUMNS: [&str; 5] = ["style_code", "colour", "size", "wholesale", "retail"];

/// A row that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceRow {
    /// 2 is the first row after the header, as a spreadsheet numbers it.
    pub row: usize,
    pub style_code: String,
    pub colour: String,
    pub size: String,
    pub wholesale_minor: i64,
    pub retail_minor: i64,
}

/// Parses the file; `Err` holds every problem found (nothing is applied then).
pub fn parse_prices(text: &str) -> Result<Vec<PriceRow>, Vec<ImportProblem>> {
    let problem = |row: usize, column: &str, problem: String| ImportProblem {
        row,
        column: column.to_owned(),
        problem,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.to_ascii_lowercase()).collect(),
        Err(e) => {
            return Err(vec![problem(
                1,
                "",
                format!("The file is not readable CSV: {e}"),
            )]);
        }
    };
    let mut index = [0usize; 5];
    let mut problems = Vec::new();
    for (i, column) in COLUMNS.iter().enumerate() {
        match header.iter().position(|h| h == column) {
            Some(at) => index[i] = at,
            None => problems.push(problem(
                1,
                column,
                format!("The header has no \"{column}\" column."),
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (n, record) in reader.records().enumerate() {
        let row = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem(row, "", format!("Unreadable row: {e}")));
                continue;
            }
        };
        let cell = |i: usize| record.get(index[i]).unwrap_or("").to_owned();
        let (style_code, colour, size) = (cell(0), cell(1), cell(2));
        let before = problems.len();
        if style_code.is_empty() {
            problems.push(problem(
                row,
                "style_code",
                "The style code is missing.".into(),
            ));
        }
        if colour.is_empty() && !size.is_empty() {
            problems.push(problem(
                row,
                "colour",
                "A price for one size needs its colour too.".into(),
            ));
        }
        let wholesale =
            parse_amount(&cell(3)).map_err(|e| problems.push(problem(row, "wholesale", e)));
        let retail = parse_amount(&cell(4)).map_err(|e| problems.push(problem(row, "retail", e)));
        if let (Ok(w), Ok(r)) = (wholesale, retail) {
            if w == 0 {
                problems.push(problem(
                    row,
                    "wholesale",
                    "The wholesale price must be above 0.".into(),
                ));
            }
            if r < w {
                problems.push(problem(
                    row,
                    "retail",
                    "The retail price is below the wholesale price.".into(),
                ));
            }
        }
        let key = (style_code.clone(), colour.clone(), size.clone());
        if let Some(first) = seen.insert(key, row) {
            problems.push(problem(
                row,
                "style_code",
                format!("The same price is already on row {first}."),
            ));
        }
        if problems.len() == before {
            rows.push(PriceRow {
                row,
                style_code,
                colour,
                size,
                wholesale_minor: wholesale.unwrap_or_default(),
                retail_minor: retail.unwrap_or_default(),
            });
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(problem(2, "", "The file has no prices.".into()));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// "42.5" or "42.50" or "42" → 4250; no sign, at most two decimals.
pub fn parse_amount(text: &str) -> Result<i64, String> {
    let bad = || format!("\"{text}\" is not an amount like 42.50.");
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || whole.len() > 9 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    if fraction.len() > 2 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let cents = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| bad())? * 10,
        _ => fraction.parse::<i64>().map_err(|_| bad())?,
    };
    Ok(whole.parse::<i64>().map_err(|_| bad())? * 100 + cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_exactly() {
        assert_eq!(parse_amount("42.5"), Ok(4_250));
        assert_eq!(parse_amount("42.05"), Ok(4_205));
        assert_eq!(parse_amount("42"), Ok(4_200));
        for bad in ["", "-1", "4,20", "1.234", "abc", ".5"] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_good_file_gives_its_rows() {
        let rows = parse_prices("Style_Code,colour,size,wholesale,retail\nKN-1001,,,40,99.90\nKN-1001,Navy,XL,42.5,99.90\n")
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].row, 3);
        assert_eq!(
            (rows[1].wholesale_minor, rows[1].retail_minor),
            (4_250, 9_990)
        );
    }

    #[test]
    fn every_problem_is_reported_with_row_and_column() {
        let problems = parse_prices(
            "style_code,colour,size,wholesale,retail\n\
             KN-1,,,40,30\n\
             ,Navy,,x,50\n\
             KN-1,,M,10,20\n\
             KN-1,,,41,90\n",
        )
        .unwrap_err();
        let found: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.row, p.column.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (2, "retail"),
                (3, "style_code"),
                (3, "wholesale"),
                (4, "colour"),
                (5, "style_code")
            ]
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let problems = parse_prices("style_code,colour,wholesale\nKN-1,,40\n").unwrap_err();
        let columns: Vec<&str> = problems.iter().map(|p| p.column.as_str()).collect();
        assert_eq!(columns, vec!["size", "retail"]);
    }
}
