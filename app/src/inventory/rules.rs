//! Pure inventory rules: what a valid reservation is, how much can be
//! promised by when, what a count changes, what is low on stock, what a
//! valid location is. No I/O: the database layer enforces the same limits
//! with constraints and guarded updates; these explain and pre-check them.

use super::model::{
    AtpPoint, Channel, LocationForm, LocationKind, ReservationLine, Shortage, Supply,
};
use crate::error::{FieldError, FieldErrors};
use std::collections::BTreeMap;
use time::{Date, Duration};
use uuid::Uuid;

pub const MAX_LINES_PER_RESERVATION: usize = 500;
pub const MAX_QUANTITY_PER_LINE: i32 = 100_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReservationError {
    #[error("nothing to reserve")]
    Empty,
    #[error("too many lines in one reservation (at most {MAX_LINES_PER_RESERVATION})")]
    TooManyLines,
    #[error("line {0} appears twice")]
    DuplicateLine(i32),
    #[error(
        "line {line_no} has quantity {quantity}; it must be between 1 and {MAX_QUANTITY_PER_LINE}"
    )]
    BadQuantity { line_no: i32, quantity: i32 },
}

/// Checks the lines of one reservation and sums them per SKU (two lines of
/// the same SKU draw on the same balance). Sorted by SKU id, so concurrent
/// reservations lock balances in one order and cannot deadlock.
pub fn demand_per_variant(lines: &[ReservationLine]) -> Result<Vec<(Uuid, i32)>, ReservationError> {
    if lines.is_empty() {
        return Err(ReservationError::Empty);
    }
    if lines.len() > MAX_LINES_PER_RESERVATION {
        return Err(ReservationError::TooManyLines);
    }
    let mut seen = std::collections::HashSet::new();
    let mut demand: BTreeMap<Uuid, i32> = BTreeMap::new();
    for line in lines {
        if !seen.insert(line.line_no) {
            return Err(ReservationError::DuplicateLine(line.line_no));
        }
        if !(1..=MAX_QUANTITY_PER_LINE).contains(&line.quantity) {
            return Err(ReservationError::BadQuantity {
                line_no: line.line_no,
                quantity: line.quantity,
            });
        }
        *demand.entry(line.variant_id).or_default() += line.quantity;
    }
    Ok(demand.into_iter().collect())
}

/// All-or-nothing: the SKUs that lack stock for `demand`, given what is
/// available. Empty means everything can be reserved.
pub fn shortages(demand: &[(Uuid, i32)], available: impl Fn(Uuid) -> i32) -> Vec<Shortage> {
    demand
        .iter()
        .filter_map(|&(variant_id, requested)| {
            let available = available(variant_id).max(0);
            (available < requested).then_some(Shortage {
                variant_id,
                requested,
                available,
            })
        })
        .collect()
}

/// Available to promise by date at one location.
///
/// Stock on hand (less what is reserved) can be promised today. Incoming
/// supply adds to it from its expected date; supply that is late (expected
/// before today, not yet received) counts from tomorrow. What is already
/// promised against incoming supply uses the earliest supply first. The
/// result starts today and has a point for every date the quantity grows;
/// it never decreases and is never negative.
pub fn atp_timeline(
    available_now: i32,
    supply: &[Supply],
    promised: i32,
    today: Date,
) -> Vec<AtpPoint> {
    let tomorrow = today + Duration::days(1);
    let mut arrivals: BTreeMap<Date, i64> = BTreeMap::new();
    for s in supply.iter().filter(|s| s.quantity > 0) {
        *arrivals.entry(s.date.max(tomorrow)).or_default() += i64::from(s.quantity);
    }
    let now = i64::from(available_now.max(0));
    let promised = i64::from(promised.max(0));
    let mut points = vec![AtpPoint {
        date: today,
        quantity: clamp(now),
    }];
    let mut arrived = 0i64;
    for (date, quantity) in arrivals {
        arrived += quantity;
        let free_supply = (arrived - promised).max(0);
        let total = clamp(now + free_supply);
        if total > points.last().map_or(0, |p| p.quantity) {
            points.push(AtpPoint {
                date,
                quantity: total,
            });
        }
    }
    points
}

fn clamp(quantity: i64) -> i32 {
    quantity.clamp(0, i64::from(i32::MAX)) as i32
}

/// The first date on which `quantity` can be promised, if any.
pub fn earliest_date(timeline: &[AtpPoint], quantity: i32) -> Option<Date> {
    timeline
        .iter()
        .find(|p| p.quantity >= quantity)
        .map(|p| p.date)
}

/// The sum of several locations' timelines: what the business can promise.
pub fn combine_timelines(timelines: &[Vec<AtpPoint>]) -> Vec<AtpPoint> {
    let mut dates: Vec<Date> = timelines.iter().flatten().map(|p| p.date).collect();
    dates.sort();
    dates.dedup();
    let at = |timeline: &Vec<AtpPoint>, date: Date| {
        timeline
            .iter()
            .take_while(|p| p.date <= date)
            .last()
            .map_or(0, |p| i64::from(p.quantity))
    };
    let mut points: Vec<AtpPoint> = Vec::new();
    for date in dates {
        let quantity = clamp(timelines.iter().map(|t| at(t, date)).sum());
        if points.last().is_none_or(|p| quantity > p.quantity) {
            points.push(AtpPoint { date, quantity });
        }
    }
    points
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountError {
    #[error("a count cannot be negative")]
    Negative,
    #[error(
        "{reserved} units are reserved for orders, but only {counted} were counted: \
         move or release those reservations first"
    )]
    BelowReserved { counted: i32, reserved: i32 },
}

/// The adjustment a cycle count makes: counted minus on hand. A count below
/// what is reserved is refused, because those units are promised to orders.
pub fn count_adjustment(on_hand: i32, reserved: i32, counted: i32) -> Result<i32, CountError> {
    if counted < 0 {
        return Err(CountError::Negative);
    }
    if counted < reserved {
        return Err(CountError::BelowReserved { counted, reserved });
    }
    Ok(counted - on_hand)
}

/// Below its reorder point: what is available plus what is on its way does
/// not reach the minimum. Returns how much to order (at least the usual
/// reorder quantity, and enough to get back to the minimum).
pub fn reorder_suggestion(
    available: i32,
    incoming: i32,
    min_available: i32,
    reorder_quantity: i32,
) -> Option<i32> {
    let projected = available.max(0) + incoming.max(0);
    (projected < min_available).then(|| reorder_quantity.max(min_available - projected))
}

/// A location as its form describes it, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct LocationInput {
    pub code: String,
    pub name: String,
    pub kind: LocationKind,
    pub country: String,
    pub city: String,
    pub address: String,
    pub postal_code: String,
    pub time_zone: String,
    pub working_days: Vec<u8>,
    pub cutoff_time: (u8, u8),
    pub handling_days: i32,
    pub channels: Vec<Channel>,
    pub ships_to: Vec<String>,
    pub priority: i32,
    pub active: bool,
}

/// Checks a location form and says what is wrong with each field.
pub fn parse_location(form: &LocationForm) -> Result<LocationInput, crate::error::AppError> {
    let mut errors = FieldErrors::new();
    let code = errors.check(parse_code(&form.code));
    let name = errors.check(required("name", &form.name, "a name", 100));
    let kind =
        errors.check(LocationKind::parse(form.kind.trim()).ok_or_else(|| {
            FieldError::new("kind", "invalid", "Choose warehouse, store or external.")
        }));
    let country = errors.check(parse_country("country", &form.country));
    let city = errors.check(required("city", &form.city, "a city", 100));
    let time_zone = errors.check(parse_time_zone(&form.time_zone));
    let working_days = errors.check(parse_working_days(&form.working_days));
    let cutoff_time = errors.check(parse_cutoff(&form.cutoff_time));
    let handling_days = errors.check(parse_number("handling_days", &form.handling_days, 0, 60));
    let channels = errors.check(parse_channels(&form.channels));
    let ships_to = errors.check(parse_countries("ships_to", &form.ships_to));
    let priority = errors.check(parse_number("priority", &form.priority, 0, 10_000));
    errors.finish()?;
    let missing = || crate::error::AppError::Internal;
    Ok(LocationInput {
        code: code.ok_or_else(missing)?,
        name: name.ok_or_else(missing)?,
        kind: kind.ok_or_else(missing)?,
        country: country.ok_or_else(missing)?,
        city: city.ok_or_else(missing)?,
        address: form.address.trim().to_owned(),
        postal_code: form.postal_code.trim().to_owned(),
        time_zone: time_zone.ok_or_else(missing)?,
        working_days: working_days.ok_or_else(missing)?,
        cutoff_time: cutoff_time.ok_or_else(missing)?,
        handling_days: handling_days.ok_or_else(missing)?,
        channels: channels.ok_or_else(missing)?,
        ships_to: ships_to.ok_or_else(missing)?,
        priority: priority.ok_or_else(missing)?,
        active: form.active.is_some(),
    })
}

fn required(field: &str, value: &str, what: &str, max: usize) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        Err(FieldError::new(
            field,
            "required",
            format!("Please enter {what}."),
        ))
    } else if value.chars().count() > max {
        Err(FieldError::new(
            field,
            "too_long",
            format!("Use at most {max} characters."),
        ))
    } else {
        Ok(value.to_owned())
    }
}

/// Location codes: 2–20 upper-case letters, digits and dashes, e.g. "WH-MIL".
pub fn parse_code(input: &str) -> Result<String, FieldError> {
    let code = input.trim().to_uppercase();
    let valid = (2..=20).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && !code.starts_with('-')
        && !code.ends_with('-');
    if valid {
        Ok(code)
    } else {
        Err(FieldError::new(
            "code",
            "invalid",
            "Use 2–20 letters, digits and dashes, like WH-MIL.",
        ))
    }
}

fn parse_country(field: &str, input: &str) -> Result<String, FieldError> {
    let code = input.trim().to_uppercase();
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(FieldError::new(
            field,
            "invalid",
            "Use a two-letter country code, like IT or DE.",
        ))
    }
}

fn parse_countries(field: &str, input: &str) -> Result<Vec<String>, FieldError> {
    let mut countries = Vec::new();
    for part in input
        .split([',', ' ', ';'])
        .filter(|p| !p.trim().is_empty())
    {
        let code = parse_country(field, part).map_err(|_| {
            FieldError::new(
                field,
                "invalid",
                format!("“{}” is not a two-letter country code. Separate codes with commas: IT, FR, DE.", part.trim()),
            )
        })?;
        if !countries.contains(&code) {
            countries.push(code);
        }
    }
    Ok(countries)
}

/// An IANA time zone name such as "Europe/Rome" (whether it exists is
/// checked against the time zone database on the server).
fn parse_time_zone(input: &str) -> Result<String, FieldError> {
    let zone = input.trim();
    let plausible = zone == "UTC"
        || (zone.contains('/')
            && zone.len() <= 64
            && zone
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+')));
    if plausible {
        Ok(zone.to_owned())
    } else {
        Err(FieldError::new(
            "time_zone",
            "invalid",
            "Use a time zone name like Europe/Rome.",
        ))
    }
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// "1,2,3,4,5", "Mon,Tue,Wed", or ranges "Mon-Fri", "1-6".
pub fn parse_working_days(input: &str) -> Result<Vec<u8>, FieldError> {
    let error = || {
        FieldError::new(
            "working_days",
            "invalid",
            "Use weekdays like Mon-Fri or 1,2,3,4,5 (1 is Monday).",
        )
    };
    let day = |text: &str| -> Option<u8> {
        let text = text.trim().to_lowercase();
        text.parse::<u8>()
            .ok()
            .filter(|d| (1..=7).contains(d))
            .or_else(|| {
                WEEKDAYS
                    .iter()
                    .position(|w| text.starts_with(w))
                    .map(|i| i as u8 + 1)
            })
    };
    let mut days = Vec::new();
    for part in input.split(',').filter(|p| !p.trim().is_empty()) {
        match part.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (day(from).ok_or_else(error)?, day(to).ok_or_else(error)?);
                if from > to {
                    return Err(error());
                }
                days.extend(from..=to);
            }
            None => days.push(day(part).ok_or_else(error)?),
        }
    }
    days.sort_unstable();
    days.dedup();
    if days.is_empty() {
        return Err(FieldError::new(
            "working_days",
            "required",
            "A location needs at least one working day.",
        ));
    }
    Ok(days)
}

pub fn format_working_days(days: &[u8]) -> String {
    days.iter()
        .filter_map(|d| WEEKDAYS.get(usize::from(d.saturating_sub(1))))
        .map(|w| {
            let mut w = w.to_string();
            w[..1].make_ascii_uppercase();
            w
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "HH:MM" in 24-hour time.
pub fn parse_cutoff(input: &str) -> Result<(u8, u8), FieldError> {
    let error = || FieldError::new("cutoff_time", "invalid", "Use a 24-hour time like 15:00.");
    let (h, m) = input.trim().split_once(':').ok_or_else(error)?;
    let h: u8 = h.parse().map_err(|_| error())?;
    let m: u8 = m.parse().map_err(|_| error())?;
    if h < 24 && m < 60 {
        Ok((h, m))
    } else {
        Err(error())
    }
}

fn parse_number(field: &str, input: &str, min: i32, max: i32) -> Result<i32, FieldError> {
    input
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            FieldError::new(
                field,
                "invalid",
                format!("Use a whole number from {min} to {max}."),
            )
        })
}

fn parse_channels(input: &str) -> Result<Vec<Channel>, FieldError> {
    let mut channels = Vec::new();
    for part in input.split([',', ' ']).filter(|p| !p.trim().is_empty()) {
        let channel = Channel::parse(part.trim()).ok_or_else(|| {
            FieldError::new(
                "channels",
                "invalid",
                format!(
                    "“{}” is not a sales channel (web, b2b, marketplace, store).",
                    part.trim()
                ),
            )
        })?;
        if !channels.contains(&channel) {
            channels.push(channel);
        }
    }
    Ok(channels)
}

/// A quantity typed into a form: a whole number within limits.
pub fn parse_quantity(field: &str, input: &str, min: i32, max: i32) -> Result<i32, FieldError> {
    parse_number(field, input, min, max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn v(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn line(line_no: i32, variant: u128, quantity: i32) -> ReservationLine {
        ReservationLine {
            line_no,
            variant_id: v(variant),
            quantity,
        }
    }

    #[test]
    fn demand_sums_lines_of_the_same_sku_in_a_stable_order() {
        let demand = demand_per_variant(&[line(1, 9, 2), line(2, 3, 1), line(3, 9, 3)]).unwrap();
        assert_eq!(demand, vec![(v(3), 1), (v(9), 5)]);
    }

    #[test]
    fn bad_reservations_are_refused() {
        assert_eq!(demand_per_variant(&[]), Err(ReservationError::Empty));
        assert_eq!(
            demand_per_variant(&[line(1, 1, 0)]),
            Err(ReservationError::BadQuantity {
                line_no: 1,
                quantity: 0
            })
        );
        assert_eq!(
            demand_per_variant(&[line(1, 1, -2)]),
            Err(ReservationError::BadQuantity {
                line_no: 1,
                quantity: -2
            })
        );
        assert_eq!(
            demand_per_variant(&[line(1, 1, 1), line(1, 2, 1)]),
            Err(ReservationError::DuplicateLine(1))
        );
    }

    #[test]
    fn shortages_name_every_missing_sku() {
        let demand = vec![(v(1), 3), (v(2), 2)];
        let available = |id: Uuid| if id == v(1) { 5 } else { 1 };
        assert_eq!(
            shortages(&demand, available),
            vec![Shortage {
                variant_id: v(2),
                requested: 2,
                available: 1
            }]
        );
        assert!(shortages(&demand, |_| 10).is_empty());
    }

    #[test]
    fn atp_adds_supply_on_its_date_after_promises() {
        let today = date!(2026 - 11 - 23);
        let supply = [
            Supply {
                date: date!(2026 - 12 - 01),
                quantity: 10,
            },
            Supply {
                date: date!(2026 - 12 - 10),
                quantity: 20,
            },
        ];
        let timeline = atp_timeline(5, &supply, 12, today);
        assert_eq!(
            timeline,
            vec![
                AtpPoint {
                    date: today,
                    quantity: 5
                },
                // The first 10 incoming are all promised already.
                AtpPoint {
                    date: date!(2026 - 12 - 10),
                    quantity: 23
                },
            ]
        );
        assert_eq!(earliest_date(&timeline, 5), Some(today));
        assert_eq!(earliest_date(&timeline, 6), Some(date!(2026 - 12 - 10)));
        assert_eq!(earliest_date(&timeline, 24), None);
    }

    #[test]
    fn late_supply_counts_from_tomorrow() {
        let today = date!(2026 - 11 - 23);
        let supply = [Supply {
            date: date!(2026 - 11 - 01),
            quantity: 4,
        }];
        assert_eq!(
            atp_timeline(0, &supply, 0, today),
            vec![
                AtpPoint {
                    date: today,
                    quantity: 0
                },
                AtpPoint {
                    date: date!(2026 - 11 - 24),
                    quantity: 4
                },
            ]
        );
    }

    #[test]
    fn timelines_of_locations_add_up() {
        let d = |day| Date::from_calendar_date(2026, time::Month::December, day).unwrap();
        let a = vec![
            AtpPoint {
                date: d(1),
                quantity: 2,
            },
            AtpPoint {
                date: d(5),
                quantity: 7,
            },
        ];
        let b = vec![
            AtpPoint {
                date: d(1),
                quantity: 1,
            },
            AtpPoint {
                date: d(3),
                quantity: 4,
            },
        ];
        assert_eq!(
            combine_timelines(&[a, b]),
            vec![
                AtpPoint {
                    date: d(1),
                    quantity: 3
                },
                AtpPoint {
                    date: d(3),
                    quantity: 6
                },
                AtpPoint {
                    date: d(5),
                    quantity: 11
                },
            ]
        );
    }

    #[test]
    fn counts_adjust_by_the_difference_but_never_below_reservations() {
        assert_eq!(count_adjustment(10, 2, 7), Ok(-3));
        assert_eq!(count_adjustment(10, 2, 12), Ok(2));
        assert_eq!(
            count_adjustment(10, 4, 3),
            Err(CountError::BelowReserved {
                counted: 3,
                reserved: 4
            })
        );
        assert_eq!(count_adjustment(10, 0, -1), Err(CountError::Negative));
    }

    #[test]
    fn reorder_when_projected_stock_is_below_the_minimum() {
        assert_eq!(reorder_suggestion(3, 0, 10, 20), Some(20));
        assert_eq!(reorder_suggestion(3, 0, 40, 20), Some(37));
        assert_eq!(reorder_suggestion(3, 10, 10, 20), None);
    }

    #[test]
    fn working_days_read_names_numbers_and_ranges() {
        assert_eq!(parse_working_days("Mon-Fri").unwrap(), vec![1, 2, 3, 4, 5]);
        assert_eq!(parse_working_days("1,2,3, 6").unwrap(), vec![1, 2, 3, 6]);
        assert_eq!(
            parse_working_days("tue-sat, mon").unwrap(),
            vec![1, 2, 3, 4, 5, 6]
        );
        assert!(parse_working_days("").is_err());
        assert!(parse_working_days("Fri-Mon").is_err());
        assert!(parse_working_days("8").is_err());
        assert_eq!(format_working_days(&[1, 2, 6]), "Mon, Tue, Sat");
    }

    #[test]
    fn a_location_form_reports_every_problem() {
        let form = LocationForm {
            code: "wh mil".into(),
            kind: "castle".into(),
            country: "Italy".into(),
            time_zone: "Rome".into(),
            working_days: "".into(),
            cutoff_time: "25:00".into(),
            handling_days: "-1".into(),
            channels: "web, fax".into(),
            ships_to: "IT, FRANCE".into(),
            priority: "x".into(),
            ..LocationForm::default()
        };
        let crate::error::AppError::Invalid(errors) = parse_location(&form).unwrap_err() else {
            panic!("expected field errors");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for field in [
            "code",
            "name",
            "kind",
            "country",
            "city",
            "time_zone",
            "working_days",
            "cutoff_time",
            "handling_days",
            "channels",
            "ships_to",
            "priority",
        ] {
            assert!(fields.contains(&field), "{field} is reported");
        }
    }

    #[test]
    fn a_good_location_form_parses() {
        let form = LocationForm {
            code: "wh-mil".into(),
            name: "Milan".into(),
            kind: "warehouse".into(),
            country: "it".into(),
            city: "Milano".into(),
            time_zone: "Europe/Rome".into(),
            working_days: "Mon-Fri".into(),
            cutoff_time: "15:30".into(),
            handling_days: "1".into(),
            channels: "web,b2b".into(),
            ships_to: "IT FR de".into(),
            priority: "10".into(),
            active: Some("on".into()),
            ..LocationForm::default()
        };
        let location = parse_location(&form).unwrap();
        assert_eq!(location.code, "WH-MIL");
        assert_eq!(location.country, "IT");
        assert_eq!(location.cutoff_time, (15, 30));
        assert_eq!(location.channels, vec![Channel::Web, Channel::B2b]);
        assert_eq!(location.ships_to, vec!["IT", "FR", "DE"]);
        assert!(location.active);
    }

    proptest! {
        #[test]
        fn atp_is_never_negative_never_decreases_and_never_exceeds_stock_plus_supply(
            available in -20i32..200,
            promised in 0i32..300,
            supply in proptest::collection::vec((0i64..90, 0i32..100), 0..8),
        ) {
            let today = date!(2026 - 11 - 23);
            let supply: Vec<Supply> = supply
                .into_iter()
                .map(|(days, quantity)| Supply { date: today + Duration::days(days - 10), quantity })
                .collect();
            let timeline = atp_timeline(available, &supply, promised, today);
            prop_assert_eq!(timeline[0].date, today);
            prop_assert_eq!(timeline[0].quantity, available.max(0));
            let total_supply: i32 = supply.iter().map(|s| s.quantity).sum();
            for pair in timeline.windows(2) {
                prop_assert!(pair[0].date < pair[1].date);
                prop_assert!(pair[0].quantity < pair[1].quantity);
            }
            let last = timeline.last().unwrap().quantity;
            prop_assert!(last >= 0);
            prop_assert_eq!(last, available.max(0) + (total_supply - promised).max(0));
            // Whatever is promised from a date is really there by then.
            for point in &timeline {
                prop_assert_eq!(earliest_date(&timeline, point.quantity).map(|d| d <= point.date), Some(true));
            }
        }

        #[test]
        fn reserving_never_takes_more_than_is_available(
            lines in proptest::collection::vec((0u128..5, 1i32..10), 1..12),
            stock in proptest::collection::vec(0i32..30, 5),
        ) {
            let lines: Vec<ReservationLine> = lines
                .iter()
                .enumerate()
                .map(|(i, (variant, quantity))| line(i as i32 + 1, *variant, *quantity))
                .collect();
            let demand = demand_per_variant(&lines).unwrap();
            let available = |id: Uuid| stock[id.as_u128() as usize];
            let short = shortages(&demand, available);
            for (variant, requested) in &demand {
                let fits = *requested <= available(*variant);
                prop_assert_eq!(fits, !short.iter().any(|s| s.variant_id == *variant));
            }
            let total: i32 = lines.iter().map(|l| l.quantity).sum();
            prop_assert_eq!(total, demand.iter().map(|(_, q)| q).sum::<i32>());
        }

        #[test]
        fn counts_never_leave_less_than_reserved(on_hand in 0i32..100, reserved in 0i32..100, counted in -5i32..120) {
            let reserved = reserved.min(on_hand);
            if let Ok(delta) = count_adjustment(on_hand, reserved, counted) {
                prop_assert!(on_hand + delta >= reserved);
                prop_assert_eq!(on_hand + delta, counted);
            }
        }
    }
}
