//! Planned ship dates: when a location can ship goods it has in stock, or
//! goods it is still waiting for. Pure calendar rules; the caller passes
//! "now" so every answer can be tested against a fixed instant.
//!
//! Dates are the location's own: a warehouse in Rome ships on Rome's
//! Monday, whatever the server's clock or UTC say. jiff does the time-zone
//! conversion (the system's tz database, or jiff's bundled copy where the
//! machine has none); everything else stays in `time`, like the rest of the app.

use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

/// Bounds every day-by-day walk, so bad input (a corrupt calendar, a date at
/// the end of time) ends in a best-effort answer instead of a hang.
const MAX_DAYS_SCANNED: u32 = 366;

/// Monday to Friday (ISO numbers): used when a calendar names no valid day.
const DEFAULT_WORKING_DAYS: [u8; 5] = [1, 2, 3, 4, 5];

/// How one location ships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippingCalendar {
    /// IANA name, e.g. "Europe/Rome".
    pub time_zone: String,
    /// ISO weekdays (1 = Monday … 7 = Sunday) on which the location ships.
    pub working_days: Vec<u8>,
    /// Local (hour, minute) from which an order no longer ships the same day.
    /// A value past 23:59 (e.g. (24, 0)) means there is no same-day cut-off.
    pub cutoff: (u8, u8),
    /// Working days between goods arriving and being ready to ship.
    /// Negative counts as 0; more than a year's worth is capped.
    pub handling_days: i32,
}

impl ShippingCalendar {
    /// The location's local date and time at `now` (unknown zone → UTC, never panics).
    pub fn local_now(&self, now: OffsetDateTime) -> PrimitiveDateTime {
        // An unknown zone must not stop routing; UTC is the least surprising guess.
        let zone = jiff::tz::TimeZone::get(&self.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        in_zone(now, &zone).unwrap_or_else(|| utc_wall_clock(now))
    }

    /// Goods in stock: today if today is a working day and the local time is
    /// before the cut-off, else the next working day.
    pub fn ship_date_from_stock(&self, now: OffsetDateTime) -> Date {
        let local = self.local_now(now);
        let today = local.date();
        if self.is_working_day(today) && self.before_cutoff(local.time()) {
            return today;
        }
        match today.next_day() {
            Some(tomorrow) => self.next_working_day_on_or_after(tomorrow),
            None => today,
        }
    }

    /// Goods arriving on `arrival` (if that is in the past, treat as arriving
    /// tomorrow local): the arrival date plus `handling_days` working days;
    /// never earlier than [`ShippingCalendar::ship_date_from_stock`].
    ///
    /// Exactly: goods that arrive on a non-working day are received on the
    /// next working day, and each handling day moves to the following working
    /// day. With Mon–Fri and 1 handling day, a Saturday arrival is received
    /// Monday and ships Tuesday; a Monday arrival also ships Tuesday; with 0
    /// handling days a Monday arrival ships Monday (if that is not before the
    /// stock date, i.e. the cut-off has not passed).
    pub fn ship_date_from_supply(&self, arrival: Date, now: OffsetDateTime) -> Date {
        let today = self.local_now(now).date();
        // A promised arrival that has passed without the goods being booked
        // in is late: the earliest they can still come is tomorrow.
        let arrival = if arrival < today {
            today.next_day().unwrap_or(today)
        } else {
            arrival
        };
        let mut ready = self.next_working_day_on_or_after(arrival);
        let handling_days = self.handling_days.clamp(0, MAX_DAYS_SCANNED as i32);
        for _ in 0..handling_days {
            let Some(next) = ready.next_day() else { break };
            ready = self.next_working_day_on_or_after(next);
        }
        ready.max(self.ship_date_from_stock(now))
    }

    /// The working day on or after `date`.
    pub fn next_working_day_on_or_after(&self, date: Date) -> Date {
        let mut day = date;
        for _ in 0..MAX_DAYS_SCANNED {
            if self.is_working_day(day) {
                return day;
            }
            match day.next_day() {
                Some(next) => day = next,
                None => break,
            }
        }
        // Only reachable at the end of `time`'s range: the best we can say.
        day
    }

    /// Whether the location ships on `date`.
    pub fn is_working_day(&self, date: Date) -> bool {
        self.works_on(date.weekday())
    }

    fn works_on(&self, weekday: Weekday) -> bool {
        let iso = weekday.number_from_monday();
        // Numbers outside 1..=7 are ignored; with none left, the calendar is
        // unusable and Mon–Fri is the safe default (the DB forbids it anyway).
        if self.working_days.iter().any(|d| (1..=7).contains(d)) {
            self.working_days.contains(&iso)
        } else {
            DEFAULT_WORKING_DAYS.contains(&iso)
        }
    }

    /// Compared in minutes after midnight, so an impossible cut-off such as
    /// (24, 0) cannot panic and simply never cuts off.
    fn before_cutoff(&self, local: Time) -> bool {
        let (cutoff_hour, cutoff_minute) = self.cutoff;
        let cutoff = u32::from(cutoff_hour) * 60 + u32::from(cutoff_minute);
        let minute_of_day = u32::from(local.hour()) * 60 + u32::from(local.minute());
        minute_of_day < cutoff
    }
}

/// `now` on the wall clock of `zone`; `None` if a value falls outside the
/// range of either library.
fn in_zone(now: OffsetDateTime, zone: &jiff::tz::TimeZone) -> Option<PrimitiveDateTime> {
    let instant = jiff::Timestamp::new(now.unix_timestamp(), now.nanosecond() as i32).ok()?;
    let civil = zone.to_datetime(instant);
    let month = time::Month::try_from(u8::try_from(civil.month()).ok()?).ok()?;
    let date = Date::from_calendar_date(
        i32::from(civil.year()),
        month,
        u8::try_from(civil.day()).ok()?,
    )
    .ok()?;
    let clock = Time::from_hms_nano(
        u8::try_from(civil.hour()).ok()?,
        u8::try_from(civil.minute()).ok()?,
        u8::try_from(civil.second()).ok()?,
        u32::try_from(civil.subsec_nanosecond()).ok()?,
    )
    .ok()?;
    Some(PrimitiveDateTime::new(date, clock))
}

/// UTC without jiff, for instants jiff cannot represent; at the very edge of
/// `time`'s range the instant's own wall clock is the last resort.
fn utc_wall_clock(now: OffsetDateTime) -> PrimitiveDateTime {
    let utc = now.checked_to_offset(UtcOffset::UTC).unwrap_or(now);
    PrimitiveDateTime::new(utc.date(), utc.time())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    fn calendar(zone: &str, days: &[u8], cutoff: (u8, u8), handling_days: i32) -> ShippingCalendar {
        ShippingCalendar {
            time_zone: zone.to_owned(),
            working_days: days.to_vec(),
            cutoff,
            handling_days,
        }
    }

    /// Mon–Fri, cut-off 15:00, 1 handling day, in UTC: the plain case.
    fn weekdays_utc() -> ShippingCalendar {
        calendar("UTC", &[1, 2, 3, 4, 5], (15, 0), 1)
    }

    // 2024-06-03 is a Monday.
    #[test]
    fn before_cutoff_on_a_monday_ships_the_same_day() {
        let now = datetime!(2024-06-03 14:59:59 UTC);
        assert_eq!(
            weekdays_utc().ship_date_from_stock(now),
            date!(2024 - 06 - 03)
        );
    }

    #[test]
    fn at_or_after_cutoff_ships_the_next_working_day() {
        let cal = weekdays_utc();
        assert_eq!(
            cal.ship_date_from_stock(datetime!(2024-06-03 15:00 UTC)),
            date!(2024 - 06 - 04)
        );
        assert_eq!(
            cal.ship_date_from_stock(datetime!(2024-06-03 18:30 UTC)),
            date!(2024 - 06 - 04)
        );
    }

    #[test]
    fn friday_after_cutoff_ships_monday() {
        let now = datetime!(2024-06-07 16:00 UTC);
        assert_eq!(
            weekdays_utc().ship_date_from_stock(now),
            date!(2024 - 06 - 10)
        );
    }

    #[test]
    fn weekend_ships_monday() {
        let cal = weekdays_utc();
        assert_eq!(
            cal.ship_date_from_stock(datetime!(2024-06-08 09:00 UTC)),
            date!(2024 - 06 - 10)
        );
        assert_eq!(
            cal.ship_date_from_stock(datetime!(2024-06-09 09:00 UTC)),
            date!(2024 - 06 - 10)
        );
    }

    #[test]
    fn a_location_working_monday_to_saturday_ships_on_saturday() {
        let cal = calendar("UTC", &[1, 2, 3, 4, 5, 6], (12, 0), 0);
        assert_eq!(
            cal.ship_date_from_stock(datetime!(2024-06-07 13:00 UTC)),
            date!(2024 - 06 - 08)
        );
        assert_eq!(
            cal.ship_date_from_stock(datetime!(2024-06-08 11:00 UTC)),
            date!(2024 - 06 - 08)
        );
        assert_eq!(
            cal.ship_date_from_stock(datetime!(2024-06-08 12:00 UTC)),
            date!(2024 - 06 - 10)
        );
    }

    #[test]
    fn the_cutoff_is_local_time() {
        // 14:30 UTC on a summer Monday: 15:30 in London, 16:30 in Rome.
        let now = datetime!(2024-06-03 14:30 UTC);
        let london = calendar("Europe/London", &[1, 2, 3, 4, 5], (16, 0), 1);
        let rome = calendar("Europe/Rome", &[1, 2, 3, 4, 5], (16, 0), 1);
        assert_eq!(london.local_now(now), datetime!(2024-06-03 15:30));
        assert_eq!(rome.local_now(now), datetime!(2024-06-03 16:30));
        assert_eq!(london.ship_date_from_stock(now), date!(2024 - 06 - 03));
        assert_eq!(rome.ship_date_from_stock(now), date!(2024 - 06 - 04));
    }

    #[test]
    fn the_local_date_can_differ_from_the_utc_date() {
        // Sunday 20:00 UTC is already Monday 05:00 in Tokyo.
        let tokyo = calendar("Asia/Tokyo", &[1, 2, 3, 4, 5], (15, 0), 1);
        let now = datetime!(2024-06-02 20:00 UTC);
        assert_eq!(tokyo.local_now(now), datetime!(2024-06-03 05:00));
        assert_eq!(tokyo.ship_date_from_stock(now), date!(2024 - 06 - 03));

        // Saturday 01:00 UTC is still Friday 21:00 in New York: before a 22:00 cut-off.
        let new_york = calendar("America/New_York", &[1, 2, 3, 4, 5], (22, 0), 1);
        let now = datetime!(2024-06-08 01:00 UTC);
        assert_eq!(new_york.local_now(now), datetime!(2024-06-07 21:00));
        assert_eq!(new_york.ship_date_from_stock(now), date!(2024 - 06 - 07));
    }

    #[test]
    fn daylight_saving_changes_move_the_local_clock() {
        let rome = calendar("Europe/Rome", &[1, 2, 3, 4, 5, 6, 7], (14, 0), 0);
        // Spring forward on Sunday 2024-03-31 at 01:00 UTC (02:00 CET → 03:00 CEST).
        assert_eq!(
            rome.local_now(datetime!(2024-03-31 00:59:59 UTC)),
            datetime!(2024-03-31 01:59:59)
        );
        assert_eq!(
            rome.local_now(datetime!(2024-03-31 01:00 UTC)),
            datetime!(2024-03-31 03:00)
        );
        // 12:30 UTC is 13:30 the day before the change and 14:30 on the day.
        assert_eq!(
            rome.ship_date_from_stock(datetime!(2024-03-30 12:30 UTC)),
            date!(2024 - 03 - 30)
        );
        assert_eq!(
            rome.ship_date_from_stock(datetime!(2024-03-31 12:30 UTC)),
            date!(2024 - 04 - 01)
        );
        // Fall back on Sunday 2024-10-27: 12:30 UTC is 13:30 CET again.
        assert_eq!(
            rome.ship_date_from_stock(datetime!(2024-10-27 12:30 UTC)),
            date!(2024 - 10 - 27)
        );
        assert_eq!(
            rome.local_now(datetime!(2024-10-27 00:30 UTC)),
            datetime!(2024-10-27 02:30)
        );
        assert_eq!(
            rome.local_now(datetime!(2024-10-27 01:30 UTC)),
            datetime!(2024-10-27 02:30)
        );
    }

    #[test]
    fn an_unknown_zone_is_utc() {
        let cal = calendar("Mars/Olympus_Mons", &[1, 2, 3, 4, 5], (15, 0), 1);
        let now = datetime!(2024-06-03 14:30 +02:00);
        assert_eq!(cal.local_now(now), datetime!(2024-06-03 12:30));
        let empty = calendar("", &[1, 2, 3, 4, 5], (15, 0), 1);
        assert_eq!(empty.local_now(now), datetime!(2024-06-03 12:30));
    }

    #[test]
    fn no_valid_working_day_means_monday_to_friday() {
        let empty = calendar("UTC", &[], (15, 0), 1);
        let nonsense = calendar("UTC", &[0, 8, 200], (15, 0), 1);
        for cal in [empty, nonsense] {
            assert_eq!(
                cal.next_working_day_on_or_after(date!(2024 - 06 - 08)),
                date!(2024 - 06 - 10)
            );
            assert!(cal.is_working_day(date!(2024 - 06 - 07)));
        }
    }

    #[test]
    fn an_impossible_cutoff_never_cuts_off() {
        let cal = calendar("UTC", &[1, 2, 3, 4, 5], (24, 0), 0);
        assert_eq!(
            cal.ship_date_from_stock(datetime!(2024-06-03 23:59:59 UTC)),
            date!(2024 - 06 - 03)
        );
        let midnight = calendar("UTC", &[1, 2, 3, 4, 5], (0, 0), 0);
        assert_eq!(
            midnight.ship_date_from_stock(datetime!(2024-06-03 00:00 UTC)),
            date!(2024 - 06 - 04)
        );
    }

    #[test]
    fn supply_arriving_on_a_saturday_is_handled_from_monday() {
        // Received Monday (the next working day), one handling day: Tuesday.
        let now = datetime!(2024-06-03 09:00 UTC);
        let cal = weekdays_utc();
        assert_eq!(
            cal.ship_date_from_supply(date!(2024 - 06 - 08), now),
            date!(2024 - 06 - 11)
        );
        // A Monday arrival ships Tuesday too.
        assert_eq!(
            cal.ship_date_from_supply(date!(2024 - 06 - 10), now),
            date!(2024 - 06 - 11)
        );
        // A Friday arrival with one handling day skips the weekend.
        assert_eq!(
            cal.ship_date_from_supply(date!(2024 - 06 - 07), now),
            date!(2024 - 06 - 10)
        );
    }

    #[test]
    fn supply_with_no_handling_days_ships_on_arrival() {
        let cal = calendar("UTC", &[1, 2, 3, 4, 5], (15, 0), 0);
        let now = datetime!(2024-06-03 09:00 UTC);
        assert_eq!(
            cal.ship_date_from_supply(date!(2024 - 06 - 05), now),
            date!(2024 - 06 - 05)
        );
        // Arriving today before the cut-off: today; after it: no earlier than stock.
        assert_eq!(
            cal.ship_date_from_supply(date!(2024 - 06 - 03), now),
            date!(2024 - 06 - 03)
        );
        let late = datetime!(2024-06-03 16:00 UTC);
        assert_eq!(
            cal.ship_date_from_supply(date!(2024 - 06 - 03), late),
            date!(2024 - 06 - 04)
        );
    }

    #[test]
    fn late_supply_counts_from_tomorrow() {
        // Due last Thursday, still not here on Monday: arrives Tuesday at the
        // earliest, ships Wednesday with one handling day.
        let now = datetime!(2024-06-03 09:00 UTC);
        let cal = weekdays_utc();
        assert_eq!(
            cal.ship_date_from_supply(date!(2024 - 05 - 30), now),
            date!(2024 - 06 - 05)
        );
    }

    #[test]
    fn supply_uses_the_local_date_for_lateness() {
        // Monday 23:30 UTC is Tuesday 08:30 in Tokyo: a Monday arrival is late there.
        let tokyo = calendar("Asia/Tokyo", &[1, 2, 3, 4, 5], (15, 0), 1);
        let now = datetime!(2024-06-03 23:30 UTC);
        assert_eq!(
            tokyo.ship_date_from_supply(date!(2024 - 06 - 03), now),
            date!(2024 - 06 - 06)
        );
    }

    #[test]
    fn handling_days_are_clamped() {
        let now = datetime!(2024-06-03 09:00 UTC);
        let negative = calendar("UTC", &[1, 2, 3, 4, 5], (15, 0), -5);
        assert_eq!(
            negative.ship_date_from_supply(date!(2024 - 06 - 05), now),
            date!(2024 - 06 - 05)
        );
        let huge = calendar("UTC", &[1, 2, 3, 4, 5], (15, 0), i32::MAX);
        let ship = huge.ship_date_from_supply(date!(2024 - 06 - 05), now);
        assert!(ship > date!(2025 - 06 - 01) && ship < date!(2026 - 01 - 01));
    }

    #[test]
    fn the_end_of_time_does_not_panic() {
        let cal = calendar("Europe/Rome", &[1], (15, 0), 10);
        let _ = cal.ship_date_from_stock(OffsetDateTime::new_utc(Date::MAX, Time::MIDNIGHT));
        let _ = cal.ship_date_from_supply(
            Date::MAX,
            OffsetDateTime::new_utc(Date::MAX, Time::MIDNIGHT),
        );
        let _ = cal.local_now(OffsetDateTime::new_utc(Date::MIN, Time::MIDNIGHT));
        assert_eq!(cal.next_working_day_on_or_after(Date::MAX), Date::MAX);
    }

    const ZONES: [&str; 6] = [
        "UTC",
        "Europe/Rome",
        "Europe/London",
        "America/New_York",
        "Asia/Tokyo",
        "Pacific/Chatham",
    ];

    fn any_calendar() -> impl Strategy<Value = ShippingCalendar> {
        (
            prop::sample::select(ZONES.to_vec()),
            prop::sample::subsequence(vec![1u8, 2, 3, 4, 5, 6, 7], 1..=7),
            0u8..24,
            0u8..60,
            0i32..=60,
        )
            .prop_map(|(zone, days, hour, minute, handling)| {
                calendar(zone, &days, (hour, minute), handling)
            })
    }

    /// Any instant between 1990 and 2100.
    fn any_instant() -> impl Strategy<Value = OffsetDateTime> {
        (631_152_000i64..4_102_444_800)
            .prop_map(|s| OffsetDateTime::from_unix_timestamp(s).unwrap())
    }

    proptest! {
        #[test]
        fn stock_ships_on_a_working_day_within_a_week(cal in any_calendar(), now in any_instant()) {
            let today = cal.local_now(now).date();
            let ship = cal.ship_date_from_stock(now);
            prop_assert!(cal.is_working_day(ship));
            prop_assert!(ship >= today);
            prop_assert!(ship <= today + time::Duration::days(7));
        }

        #[test]
        fn supply_ships_on_a_working_day_no_earlier_than_stock_or_arrival(
            cal in any_calendar(),
            now in any_instant(),
            offset in -60i64..400,
        ) {
            let arrival = cal.local_now(now).date() + time::Duration::days(offset);
            let ship = cal.ship_date_from_supply(arrival, now);
            prop_assert!(cal.is_working_day(ship));
            prop_assert!(ship >= cal.ship_date_from_stock(now));
            prop_assert!(ship >= arrival);
        }

        #[test]
        fn next_working_day_is_the_first_on_or_after(cal in any_calendar(), now in any_instant()) {
            let from = now.date();
            let found = cal.next_working_day_on_or_after(from);
            prop_assert!(cal.is_working_day(found));
            let mut day = from;
            while day < found {
                prop_assert!(!cal.is_working_day(day));
                day = day.next_day().unwrap();
            }
        }
    }
}
