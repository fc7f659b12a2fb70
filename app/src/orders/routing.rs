//! Routing and splitting: which locations ship which units of an order, as
//! a pure function of the order lines, what each location offers and the
//! channel's policy. The order process loads the input, stores the decision
//! as JSON (the back office shows its reasons) and then reserves and
//! promises exactly the placements decided here.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

/// The exact search for the fewest locations tries every combination, which
/// grows exponentially: only this many of the most preferred useful
/// locations take part (4,095 combinations at most).
const SEARCH_POOL: usize = 12;

/// One order line to place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineToRoute {
    pub line_no: i32,
    pub variant_id: Uuid,
    pub sku: String,
    /// Positive after validation; a line without units needs no placement.
    pub quantity: i32,
}

/// Units of a variant that become shippable at a location on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supply {
    pub ship_date: Date,
    pub quantity: i32,
}

/// What one location has of one variant, net of other orders' claims.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantOffer {
    /// In stock now; ships on the location's `stock_ship_date`.
    pub available: i32,
    pub incoming: Vec<Supply>,
}

/// A location that might ship (part of) the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub location_id: Uuid,
    pub code: String,
    /// Lower is preferred.
    pub priority: i32,
    pub active: bool,
    pub serves_channel: bool,
    pub ships_to_destination: bool,
    /// When units in stock today would ship, by the location's calendar.
    pub stock_ship_date: Date,
    /// By variant; a missing variant is not there at all.
    pub offers: HashMap<Uuid, VariantOffer>,
}

/// The channel's routing policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// Whether the order, and a line, may ship from several locations.
    pub split_allowed: bool,
    /// At most this many locations (at least 1); 1 without splitting.
    pub max_parts: u32,
    /// Fewest locations first, then priority; otherwise fill by priority.
    pub prefer_fewest_parts: bool,
    /// Units count only if they ship by today plus this many days.
    pub date_tolerance_days: i64,
}

impl Policy {
    fn parts_allowed(&self) -> usize {
        if self.split_allowed {
            usize::try_from(self.max_parts.max(1)).unwrap_or(usize::MAX)
        } else {
            1
        }
    }
}

/// Units of one line that ship from one location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub line_no: i32,
    pub location_id: Uuid,
    pub location_code: String,
    /// `from_stock + from_supply`.
    pub quantity: i32,
    /// To reserve from the location's stock.
    pub from_stock: i32,
    /// To promise from its incoming supply.
    pub from_supply: i32,
    /// The latest date of the stock and supply used.
    pub ship_date: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Every line is fully placed within the tolerance.
    Routed,
    /// These lines can ship only after the deadline, or only from more
    /// locations than allowed: staff decide.
    CheckAnnounced { lines: Vec<i32> },
    /// No eligible location can ever deliver these lines.
    NotAnnounced { lines: Vec<i32> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Chosen,
    NotNeeded,
    Rejected,
}

/// Why a location was or was not used, for the back office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationReason {
    pub location_code: String,
    pub verdict: Verdict,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    /// Empty unless routed: a partial plan would reserve stock for an order
    /// that staff may still send elsewhere or cancel.
    pub placements: Vec<Placement>,
    /// One per candidate: chosen first, then by priority.
    pub reasons: Vec<LocationReason>,
    /// The latest acceptable ship date.
    pub deadline: Date,
}

/// Decides which eligible locations ship which units of each line.
#[must_use]
pub fn route(
    lines: &[LineToRoute],
    candidates: &[Candidate],
    policy: &Policy,
    today: Date,
) -> Decision {
    let deadline = add_days(today, policy.date_tolerance_days);
    let demand = Demand::of(lines);
    let capacities: Vec<Capacity> = candidates
        .iter()
        .map(|c| Capacity::of(c, &demand.needs, deadline))
        .collect();
    let mut eligible: Vec<usize> = (0..candidates.len())
        .filter(|&i| ineligibility(&candidates[i]).is_empty())
        .collect();
    // Code and id break ties in priority, so that the same input always
    // gives the same decision whatever order the candidates come in.
    eligible.sort_by_key(|&i| preference(&candidates[i]));
    let parts_allowed = policy.parts_allowed();
    let routing = Routing {
        demand: &demand,
        capacities: &capacities,
        eligible: &eligible,
        parts_allowed,
    };

    let (outcome, placed) = match routing.choose(policy.prefer_fewest_parts) {
        Some(chosen) => (Outcome::Routed, routing.allocate(&chosen)),
        None => (routing.unplaceable(), Vec::new()),
    };
    let reasons = routing.reasons(&outcome, &placed, deadline);
    Decision {
        outcome,
        placements: placed.into_iter().map(|(_, p)| p).collect(),
        reasons,
        deadline,
    }
}

/// `today + days`, saturating at the calendar's ends instead of panicking on
/// a nonsensical tolerance.
fn add_days(today: Date, days: i64) -> Date {
    let julian = i64::from(today.to_julian_day()).saturating_add(days);
    let julian = julian.clamp(
        i64::from(Date::MIN.to_julian_day()),
        i64::from(Date::MAX.to_julian_day()),
    );
    i32::try_from(julian)
        .ok()
        .and_then(|j| Date::from_julian_day(j).ok())
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

fn preference(candidate: &Candidate) -> (i32, &str, Uuid) {
    (candidate.priority, &candidate.code, candidate.location_id)
}

/// Why a candidate may not ship this order at all; empty if it may.
fn ineligibility(candidate: &Candidate) -> Vec<&'static str> {
    let mut why = Vec::new();
    if !candidate.active {
        why.push("is not active");
    }
    if !candidate.serves_channel {
        why.push("does not serve the order's channel");
    }
    if !candidate.ships_to_destination {
        why.push("does not ship to the destination country");
    }
    why
}

/// What the order needs of one variant; several lines may share it.
struct Need<'a> {
    variant_id: Uuid,
    sku: &'a str,
    units: i64,
}

/// The order's lines in line order, and its needs by variant.
struct Demand<'a> {
    lines: Vec<&'a LineToRoute>,
    needs: Vec<Need<'a>>,
    need_of_variant: HashMap<Uuid, usize>,
}

impl<'a> Demand<'a> {
    fn of(lines: &'a [LineToRoute]) -> Demand<'a> {
        let mut sorted: Vec<&LineToRoute> = lines.iter().collect();
        sorted.sort_by_key(|l| l.line_no);
        let mut needs: Vec<Need> = Vec::new();
        let mut need_of_variant = HashMap::new();
        for line in &sorted {
            let n = *need_of_variant.entry(line.variant_id).or_insert_with(|| {
                needs.push(Need {
                    variant_id: line.variant_id,
                    sku: &line.sku,
                    units: 0,
                });
                needs.len() - 1
            });
            needs[n].units += units_of(line);
        }
        Demand {
            lines: sorted,
            needs,
            need_of_variant,
        }
    }

    fn need_of(&self, line: &LineToRoute) -> usize {
        self.need_of_variant[&line.variant_id]
    }

    fn nothing_needed(&self) -> bool {
        self.needs.iter().all(|n| n.units == 0)
    }

    /// The lines left (partly) open when, in line order, each takes what it
    /// needs from `units` by variant.
    fn open_lines(&self, units: &[i64]) -> (Vec<i32>, i64) {
        let mut left = units.to_vec();
        let mut open_lines = Vec::new();
        let mut open_units = 0;
        for line in &self.lines {
            let n = self.need_of(line);
            let wanted = units_of(line);
            let taken = wanted.min(left[n]);
            left[n] -= taken;
            if taken < wanted {
                open_lines.push(line.line_no);
                open_units += wanted - taken;
            }
        }
        open_lines.dedup();
        (open_lines, open_units)
    }
}

fn units_of(line: &LineToRoute) -> i64 {
    i64::from(line.quantity.max(0))
}

/// What one candidate can give of each need (indexed like the needs).
struct Capacity<'a> {
    candidate: &'a Candidate,
    /// Stock that ships by the deadline.
    stock: Vec<i64>,
    /// Supply that ships by the deadline, by date.
    supply: Vec<Vec<(Date, i64)>>,
    /// Stock and supply by the deadline: what counts for routing.
    within: Vec<i64>,
    /// Everything, whenever it ships: whether it could ever deliver.
    ever: Vec<i64>,
    /// When it could ship all of the need, if ever; for the reasons.
    complete_by: Vec<Option<Date>>,
}

impl<'a> Capacity<'a> {
    fn of(candidate: &'a Candidate, needs: &[Need], deadline: Date) -> Capacity<'a> {
        let mut capacity = Capacity {
            candidate,
            stock: Vec::with_capacity(needs.len()),
            supply: Vec::with_capacity(needs.len()),
            within: Vec::with_capacity(needs.len()),
            ever: Vec::with_capacity(needs.len()),
            complete_by: Vec::with_capacity(needs.len()),
        };
        for need in needs {
            let offer = candidate.offers.get(&need.variant_id);
            let available = offer.map_or(0, |o| i64::from(o.available.max(0)));
            let mut incoming: Vec<(Date, i64)> = offer
                .map(|o| o.incoming.as_slice())
                .unwrap_or_default()
                .iter()
                .filter(|s| s.quantity > 0)
                .map(|s| (s.ship_date, i64::from(s.quantity)))
                .collect();
            incoming.sort_by_key(|(date, _)| *date);

            let stock = if candidate.stock_ship_date <= deadline {
                available
            } else {
                0
            };
            let supply: Vec<(Date, i64)> = incoming
                .iter()
                .copied()
                .filter(|(date, _)| *date <= deadline)
                .collect();
            let mut points = incoming.clone();
            points.push((candidate.stock_ship_date, available));
            points.sort_by_key(|(date, _)| *date);
            let mut cumulative = 0;
            let complete_by = points.iter().find_map(|(date, units)| {
                cumulative += units;
                (cumulative >= need.units).then_some(*date)
            });

            capacity
                .within
                .push(stock + supply.iter().map(|(_, u)| u).sum::<i64>());
            capacity
                .ever
                .push(available + incoming.iter().map(|(_, u)| u).sum::<i64>());
            capacity.stock.push(stock);
            capacity.supply.push(supply);
            capacity.complete_by.push(complete_by);
        }
        capacity
    }

    /// Whether it has, by the deadline, any of what is still `open`.
    fn helps(&self, open: &[i64]) -> bool {
        open.iter().zip(&self.within).any(|(o, w)| *o > 0 && *w > 0)
    }

    fn completes(&self, open: &[i64]) -> bool {
        open.iter().zip(&self.within).all(|(o, w)| w >= o)
    }
}

/// The shared input of the steps of one decision.
struct Routing<'r, 'a> {
    demand: &'r Demand<'a>,
    /// By candidate index.
    capacities: &'r [Capacity<'a>],
    /// Candidate indexes, most preferred first.
    eligible: &'r [usize],
    parts_allowed: usize,
}

/// How a set of locations ranks among equally small ones: by their sorted
/// priorities, then codes.
type TieBreak<'a> = (Vec<i32>, Vec<&'a str>, Vec<Uuid>);

impl<'a> Routing<'_, 'a> {
    fn needed(&self) -> Vec<i64> {
        self.demand.needs.iter().map(|n| n.units).collect()
    }

    /// Eligible locations with something the order needs by the deadline,
    /// most preferred first; no workable set needs any other.
    fn useful(&self) -> Vec<usize> {
        let needed = self.needed();
        self.eligible
            .iter()
            .copied()
            .filter(|&i| self.capacities[i].helps(&needed))
            .collect()
    }

    fn open_after(&self, set: &[usize]) -> Vec<i64> {
        let mut open = self.needed();
        for &i in set {
            for (o, w) in open.iter_mut().zip(&self.capacities[i].within) {
                *o = (*o - w).max(0);
            }
        }
        open
    }

    fn covers(&self, set: &[usize]) -> bool {
        self.open_after(set).iter().all(|o| *o == 0)
    }

    fn tie_break(&self, set: &[usize]) -> TieBreak<'a> {
        let candidates = set.iter().map(|&i| self.capacities[i].candidate);
        (
            candidates.clone().map(|c| c.priority).collect(),
            candidates.clone().map(|c| c.code.as_str()).collect(),
            candidates.map(|c| c.location_id).collect(),
        )
    }

    /// The locations to ship from, most preferred first, or none if no
    /// allowed set has everything by the deadline. The other strategy is the
    /// fallback, so that the preference only picks among workable sets and
    /// never turns a routable order into a staff task: filling by priority
    /// can spend the allowed parts on the wrong locations, and the exact
    /// search sees only the best `SEARCH_POOL`.
    fn choose(&self, prefer_fewest_parts: bool) -> Option<Vec<usize>> {
        if self.demand.nothing_needed() {
            return Some(Vec::new());
        }
        let useful = self.useful();
        let pool = &useful[..useful.len().min(SEARCH_POOL)];
        if prefer_fewest_parts {
            self.fewest_parts(pool)
                .or_else(|| self.fill_by_priority(&useful))
        } else {
            self.fill_by_priority(&useful)
                .or_else(|| self.fewest_parts(pool))
        }
    }

    /// The smallest covering set of the pool; among equally small ones the
    /// one with the best priorities.
    fn fewest_parts(&self, pool: &[usize]) -> Option<Vec<usize>> {
        for size in 1..=self.parts_allowed.min(pool.len()) {
            let mut best: Option<(TieBreak, Vec<usize>)> = None;
            for_each_combination(pool.len(), size, |combination| {
                let set: Vec<usize> = combination.iter().map(|&k| pool[k]).collect();
                if self.covers(&set) {
                    let key = self.tie_break(&set);
                    if best.as_ref().is_none_or(|(best_key, _)| key < *best_key) {
                        best = Some((key, set));
                    }
                }
            });
            if let Some((_, set)) = best {
                return Some(set);
            }
        }
        None
    }

    /// Walks the locations by priority and takes each that has something
    /// still open; the last allowed part must complete the order, or a
    /// preferred but partial location would use it up.
    fn fill_by_priority(&self, useful: &[usize]) -> Option<Vec<usize>> {
        let mut open = self.needed();
        let mut chosen = Vec::new();
        for &i in useful {
            if open.iter().all(|o| *o == 0) || chosen.len() >= self.parts_allowed {
                break;
            }
            let capacity = &self.capacities[i];
            let last_part = chosen.len() + 1 == self.parts_allowed;
            if capacity.helps(&open) && (!last_part || capacity.completes(&open)) {
                for (o, w) in open.iter_mut().zip(&capacity.within) {
                    *o = (*o - w).max(0);
                }
                chosen.push(i);
            }
        }
        open.iter().all(|o| *o == 0).then_some(chosen)
    }

    /// Each line in line order takes from the chosen locations in order of
    /// preference: stock first, then supply by date. What a location has is
    /// shared by the lines of the same variant.
    fn allocate(&self, chosen: &[usize]) -> Vec<(usize, Placement)> {
        let mut stock: Vec<Vec<i64>> = chosen
            .iter()
            .map(|&i| self.capacities[i].stock.clone())
            .collect();
        let mut supply: Vec<Vec<Vec<(Date, i64)>>> = chosen
            .iter()
            .map(|&i| self.capacities[i].supply.clone())
            .collect();
        let mut placed = Vec::new();
        for line in &self.demand.lines {
            let n = self.demand.need_of(line);
            let mut open = units_of(line);
            for (part, &i) in chosen.iter().enumerate() {
                if open == 0 {
                    break;
                }
                let candidate = self.capacities[i].candidate;
                let from_stock = open.min(stock[part][n]);
                stock[part][n] -= from_stock;
                open -= from_stock;
                let mut ship_date = (from_stock > 0).then_some(candidate.stock_ship_date);
                let mut from_supply = 0;
                for (date, units) in &mut supply[part][n] {
                    let taken = open.min(*units);
                    if taken > 0 {
                        *units -= taken;
                        open -= taken;
                        from_supply += taken;
                        ship_date = ship_date.max(Some(*date));
                    }
                }
                if let Some(ship_date) = ship_date {
                    placed.push((
                        i,
                        Placement {
                            line_no: line.line_no,
                            location_id: candidate.location_id,
                            location_code: candidate.code.clone(),
                            quantity: to_i32(from_stock + from_supply),
                            from_stock: to_i32(from_stock),
                            from_supply: to_i32(from_supply),
                            ship_date,
                        },
                    ));
                }
            }
        }
        placed
    }

    /// The outcome when no allowed set has everything by the deadline.
    fn unplaceable(&self) -> Outcome {
        let mut ever = vec![0; self.demand.needs.len()];
        for &i in self.eligible {
            for (total, units) in ever.iter_mut().zip(&self.capacities[i].ever) {
                *total += units;
            }
        }
        let (never, _) = self.demand.open_lines(&ever);
        if !never.is_empty() {
            return Outcome::NotAnnounced { lines: never };
        }
        // Everything could ship, just later or from more locations: name
        // the lines that even the best allowed set leaves open.
        let useful = self.useful();
        let pool = &useful[..useful.len().min(SEARCH_POOL)];
        let open_lines_of = |set: &[usize]| {
            let mut within = vec![0; self.demand.needs.len()];
            for &i in set {
                for (total, units) in within.iter_mut().zip(&self.capacities[i].within) {
                    *total += units;
                }
            }
            self.demand.open_lines(&within)
        };
        // Fewest open lines, then fewest open units, then best priorities.
        let ranked = |set: &[usize]| {
            let (lines, units) = open_lines_of(set);
            ((lines.len(), units, self.tie_break(set)), lines)
        };
        let mut best = ranked(&[]);
        for size in 1..=self.parts_allowed.min(pool.len()) {
            for_each_combination(pool.len(), size, |combination| {
                let set: Vec<usize> = combination.iter().map(|&k| pool[k]).collect();
                let candidate = ranked(&set);
                if candidate.0 < best.0 {
                    best = candidate;
                }
            });
        }
        Outcome::CheckAnnounced { lines: best.1 }
    }

    /// One row per candidate, chosen first, then by priority.
    fn reasons(
        &self,
        outcome: &Outcome,
        placed: &[(usize, Placement)],
        deadline: Date,
    ) -> Vec<LocationReason> {
        // Locations without a placement were not needed after all.
        let chosen: Vec<usize> = self
            .eligible
            .iter()
            .copied()
            .filter(|&i| placed.iter().any(|(p, _)| *p == i))
            .collect();
        let needed = self.needed();
        let mut rows: Vec<(&Candidate, LocationReason)> = self
            .capacities
            .iter()
            .enumerate()
            .map(|(i, capacity)| {
                let candidate = capacity.candidate;
                let (verdict, reason) = if chosen.contains(&i) {
                    (Verdict::Chosen, self.chosen_reason(i, placed))
                } else if !ineligibility(candidate).is_empty() {
                    (Verdict::Rejected, join(&ineligibility(candidate)))
                } else {
                    self.unchosen_reason(capacity, outcome, &needed, &chosen, deadline)
                };
                let reason = LocationReason {
                    location_code: candidate.code.clone(),
                    verdict,
                    reason,
                };
                (candidate, reason)
            })
            .collect();
        rows.sort_by_key(|(candidate, reason)| {
            (reason.verdict != Verdict::Chosen, preference(candidate))
        });
        rows.into_iter().map(|(_, reason)| reason).collect()
    }

    fn chosen_reason(&self, i: usize, placed: &[(usize, Placement)]) -> String {
        let candidate = self.capacities[i].candidate;
        let mine: Vec<&Placement> = placed
            .iter()
            .filter(|(p, _)| *p == i)
            .map(|(_, placement)| placement)
            .collect();
        let ordered = |line_no: i32| {
            self.demand
                .lines
                .iter()
                .find(|l| l.line_no == line_no)
                .map_or(0, |l| l.quantity)
        };
        let whole: Vec<i32> = mine
            .iter()
            .filter(|p| p.quantity == ordered(p.line_no))
            .map(|p| p.line_no)
            .collect();
        let partial: Vec<i32> = mine
            .iter()
            .filter(|p| p.quantity != ordered(p.line_no))
            .map(|p| p.line_no)
            .collect();
        let mut which = Vec::new();
        if !whole.is_empty() {
            which.push(format!(
                "{} {}",
                plural(whole.len(), "line", "lines"),
                numbers(&whole)
            ));
        }
        if !partial.is_empty() {
            let parts = plural(partial.len(), "part of line", "parts of lines");
            which.push(format!("{parts} {}", numbers(&partial)));
        }

        let from_stock: i64 = mine.iter().map(|p| i64::from(p.from_stock)).sum();
        let from_supply: i64 = mine.iter().map(|p| i64::from(p.from_supply)).sum();
        let mut sources = Vec::new();
        if from_stock > 0 {
            sources.push(format!(
                "{} from stock on {}",
                units(from_stock),
                candidate.stock_ship_date
            ));
        }
        if from_supply > 0 {
            let latest = mine
                .iter()
                .filter(|p| p.from_supply > 0)
                .map(|p| p.ship_date)
                .max()
                .unwrap_or(candidate.stock_ship_date);
            sources.push(format!(
                "{} from incoming supply by {latest}",
                units(from_supply)
            ));
        }
        format!(
            "ships {}: {}; priority {}",
            join(&which),
            join(&sources),
            candidate.priority
        )
    }

    fn unchosen_reason(
        &self,
        capacity: &Capacity,
        outcome: &Outcome,
        needed: &[i64],
        chosen: &[usize],
        deadline: Date,
    ) -> (Verdict, String) {
        let candidate = capacity.candidate;
        let chosen_codes: Vec<&str> = chosen
            .iter()
            .map(|&i| self.capacities[i].candidate.code.as_str())
            .collect();
        let shortfalls = self.shortfalls(capacity, deadline).join("; ");
        // Without splitting, a location with only part of the order is of
        // no use at all, which is worth saying first.
        let alone = if self.parts_allowed == 1 && capacity.helps(needed) {
            "cannot ship the whole order alone: "
        } else {
            ""
        };
        if *outcome != Outcome::Routed {
            // Every eligible location falls short somewhere, or it alone
            // would have been routed to.
            return (Verdict::Rejected, format!("{alone}{shortfalls}"));
        }
        if self.demand.nothing_needed() {
            return (
                Verdict::NotNeeded,
                "not needed: the order has nothing to ship".to_owned(),
            );
        }
        if shortfalls.is_empty() {
            // The chosen come most preferred first.
            let best_chosen = chosen
                .first()
                .map(|&i| self.capacities[i].candidate.priority);
            let reason = match best_chosen {
                Some(best) if candidate.priority > best => format!(
                    "could ship everything too, but has a lower priority ({})",
                    candidate.priority
                ),
                _ => format!(
                    "could ship everything too, but {} is preferred",
                    join(&chosen_codes)
                ),
            };
            return (Verdict::NotNeeded, reason);
        }
        if capacity.helps(needed) && self.parts_allowed > 1 {
            return (
                Verdict::NotNeeded,
                format!(
                    "has part of the order, but is not needed: the order ships from {}",
                    join(&chosen_codes)
                ),
            );
        }
        (Verdict::Rejected, format!("{alone}{shortfalls}"))
    }

    /// What the location lacks of each variant by the deadline, and whether
    /// later supply would make up for it (which staff weigh when deciding).
    fn shortfalls(&self, capacity: &Capacity, deadline: Date) -> Vec<String> {
        self.demand
            .needs
            .iter()
            .enumerate()
            .filter(|(n, need)| capacity.within[*n] < need.units)
            .map(|(n, need)| {
                let within = capacity.within[n];
                let ever = capacity.ever[n];
                let has = if within == 0 {
                    format!("has none of the {} of {}", units(need.units), need.sku)
                } else {
                    format!("has only {within} of {} of {}", units(need.units), need.sku)
                };
                let later = match capacity.complete_by[n] {
                    Some(date) => format!("all {} by {date}", need.units),
                    None if ever > within => format!("{ever} at most with later supply"),
                    None if ever == 0 => "none incoming either".to_owned(),
                    None => "no more incoming".to_owned(),
                };
                format!("{has} within the tolerance (by {deadline}; {later})")
            })
            .collect()
    }
}

/// Calls `visit` with every `size`-combination of `0..n`, in lexicographic
/// order.
fn for_each_combination(n: usize, size: usize, mut visit: impl FnMut(&[usize])) {
    if size == 0 || size > n {
        return;
    }
    let mut combination: Vec<usize> = (0..size).collect();
    loop {
        visit(&combination);
        // Advance the rightmost index that can still move, reset the rest.
        let Some(i) = (0..size).rev().find(|&i| combination[i] < n - size + i) else {
            return;
        };
        combination[i] += 1;
        for j in i + 1..size {
            combination[j] = combination[j - 1] + 1;
        }
    }
}

/// Never saturates in practice: every placed quantity is at most a line's
/// quantity.
fn to_i32(units: i64) -> i32 {
    i32::try_from(units).unwrap_or(i32::MAX)
}

fn units(n: i64) -> String {
    if n == 1 {
        "1 unit".to_owned()
    } else {
        format!("{n} units")
    }
}

fn plural<'s>(count: usize, one: &'s str, many: &'s str) -> &'s str {
    if count == 1 { one } else { many }
}

fn numbers(line_nos: &[i32]) -> String {
    line_nos
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "a", "a and b", "a, b and c".
fn join<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 24);

    fn variant(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn line(line_no: i32, variant_no: u128, quantity: i32) -> LineToRoute {
        LineToRoute {
            line_no,
            variant_id: variant(variant_no),
            sku: format!("KN-{variant_no}"),
            quantity,
        }
    }

    fn days(n: i64) -> Date {
        add_days(TODAY, n)
    }

    /// An eligible location that ships stock today, with nothing in it yet.
    fn location(code: &str, priority: i32) -> Candidate {
        Candidate {
            // Distinct for distinct short codes.
            location_id: Uuid::from_u128(code.bytes().fold(0, |id, b| id << 8 | u128::from(b))),
            code: code.to_owned(),
            priority,
            active: true,
            serves_channel: true,
            ships_to_destination: true,
            stock_ship_date: TODAY,
            offers: HashMap::new(),
        }
    }

    impl Candidate {
        fn stock(mut self, variant_no: u128, units: i32) -> Self {
            self.offers
                .entry(variant(variant_no))
                .or_default()
                .available = units;
            self
        }

        fn incoming(mut self, variant_no: u128, in_days: i64, units: i32) -> Self {
            self.offers
                .entry(variant(variant_no))
                .or_default()
                .incoming
                .push(Supply {
                    ship_date: days(in_days),
                    quantity: units,
                });
            self
        }
    }

    fn split(max_parts: u32, prefer_fewest_parts: bool) -> Policy {
        Policy {
            split_allowed: true,
            max_parts,
            prefer_fewest_parts,
            date_tolerance_days: 7,
        }
    }

    fn no_split() -> Policy {
        Policy {
            split_allowed: false,
            max_parts: 3,
            prefer_fewest_parts: true,
            date_tolerance_days: 7,
        }
    }

    fn reason_of<'d>(decision: &'d Decision, code: &str) -> &'d LocationReason {
        decision
            .reasons
            .iter()
            .find(|r| r.location_code == code)
            .unwrap_or_else(|| panic!("no reason for {code}"))
    }

    fn codes_used(decision: &Decision) -> BTreeSet<&str> {
        decision
            .placements
            .iter()
            .map(|p| p.location_code.as_str())
            .collect()
    }

    #[test]
    fn one_location_with_everything_ships_it_all_and_priority_decides_which() {
        let lines = [line(1, 1, 2), line(2, 2, 1)];
        let candidates = [
            location("B", 2).stock(1, 5).stock(2, 5),
            location("A", 1).stock(1, 5).stock(2, 5),
            location("C", 0).incoming(1, 30, 1),
        ];
        let decision = route(&lines, &candidates, &split(3, true), TODAY);

        assert_eq!(decision.outcome, Outcome::Routed);
        assert_eq!(decision.deadline, days(7));
        assert_eq!(codes_used(&decision), BTreeSet::from(["A"]));
        assert_eq!(
            decision.placements[0],
            Placement {
                line_no: 1,
                location_id: candidates[1].location_id,
                location_code: "A".to_owned(),
                quantity: 2,
                from_stock: 2,
                from_supply: 0,
                ship_date: TODAY,
            }
        );
        assert_eq!(decision.reasons[0].location_code, "A");
        assert_eq!(decision.reasons[0].verdict, Verdict::Chosen);
        assert_eq!(
            decision.reasons[0].reason,
            "ships lines 1, 2: 3 units from stock on 2026-11-24; priority 1"
        );
        let b = reason_of(&decision, "B");
        assert_eq!(b.verdict, Verdict::NotNeeded);
        assert_eq!(
            b.reason,
            "could ship everything too, but has a lower priority (2)"
        );
        let c = reason_of(&decision, "C");
        assert_eq!(c.verdict, Verdict::Rejected);
        assert_eq!(
            c.reason,
            "has none of the 2 units of KN-1 within the tolerance (by 2026-12-01; 1 at most with later supply); \
             has none of the 1 unit of KN-2 within the tolerance (by 2026-12-01; none incoming either)"
        );
        let order: Vec<&str> = decision
            .reasons
            .iter()
            .map(|r| r.location_code.as_str())
            .collect();
        assert_eq!(order, ["A", "C", "B"]);
    }

    #[test]
    fn location_that_does_not_ship_to_the_country_is_rejected_with_why() {
        let lines = [line(1, 1, 1)];
        let mut abroad = location("A", 1).stock(1, 9);
        abroad.ships_to_destination = false;
        let mut closed = location("C", 3).stock(1, 9);
        closed.active = false;
        closed.serves_channel = false;
        let candidates = [abroad, location("B", 2).stock(1, 9), closed];
        let decision = route(&lines, &candidates, &split(2, true), TODAY);

        assert_eq!(decision.outcome, Outcome::Routed);
        assert_eq!(codes_used(&decision), BTreeSet::from(["B"]));
        let a = reason_of(&decision, "A");
        assert_eq!(a.verdict, Verdict::Rejected);
        assert_eq!(a.reason, "does not ship to the destination country");
        assert_eq!(
            reason_of(&decision, "C").reason,
            "is not active and does not serve the order's channel"
        );
        let order: Vec<&str> = decision
            .reasons
            .iter()
            .map(|r| r.location_code.as_str())
            .collect();
        assert_eq!(order, ["B", "A", "C"]);
    }

    #[test]
    fn a_line_no_location_has_in_full_is_split_over_two() {
        let lines = [line(1, 1, 5)];
        let candidates = [location("A", 1).stock(1, 3), location("B", 2).stock(1, 4)];
        let decision = route(&lines, &candidates, &split(2, true), TODAY);

        assert_eq!(decision.outcome, Outcome::Routed);
        let quantities: Vec<(&str, i32)> = decision
            .placements
            .iter()
            .map(|p| (p.location_code.as_str(), p.quantity))
            .collect();
        assert_eq!(quantities, [("A", 3), ("B", 2)]);
        assert_eq!(
            decision.placements.iter().map(|p| p.quantity).sum::<i32>(),
            5
        );
        assert_eq!(
            reason_of(&decision, "B").reason,
            "ships part of line 1: 2 units from stock on 2026-11-24; priority 2"
        );
    }

    #[test]
    fn without_splitting_an_order_no_single_location_has_needs_a_check() {
        let lines = [line(1, 1, 5)];
        let candidates = [location("A", 1).stock(1, 3), location("B", 2).stock(1, 4)];
        let decision = route(&lines, &candidates, &no_split(), TODAY);

        assert_eq!(decision.outcome, Outcome::CheckAnnounced { lines: vec![1] });
        assert!(decision.placements.is_empty());
        let a = reason_of(&decision, "A");
        assert_eq!(a.verdict, Verdict::Rejected);
        assert_eq!(
            a.reason,
            "cannot ship the whole order alone: has only 3 of 5 units of KN-1 \
             within the tolerance (by 2026-12-01; no more incoming)"
        );
    }

    #[test]
    fn without_splitting_the_first_location_with_everything_ships() {
        let lines = [line(1, 1, 2), line(2, 2, 2)];
        let candidates = [
            location("A", 1).stock(1, 2),
            location("B", 2).stock(1, 2).stock(2, 2),
        ];
        for prefer_fewest_parts in [true, false] {
            let policy = Policy {
                prefer_fewest_parts,
                ..no_split()
            };
            let decision = route(&lines, &candidates, &policy, TODAY);
            assert_eq!(decision.outcome, Outcome::Routed);
            assert_eq!(codes_used(&decision), BTreeSet::from(["B"]));
            let a = reason_of(&decision, "A");
            assert_eq!(a.verdict, Verdict::Rejected);
            assert!(a.reason.starts_with("cannot ship the whole order alone: "));
        }
    }

    #[test]
    fn fewest_parts_prefers_one_complete_location_over_two_preferred_partial_ones() {
        let lines = [line(1, 1, 2), line(2, 2, 2)];
        let candidates = [
            location("A", 1).stock(1, 2),
            location("B", 2).stock(2, 2),
            location("C", 3).stock(1, 2).stock(2, 2),
        ];
        let decision = route(&lines, &candidates, &split(3, true), TODAY);

        assert_eq!(decision.outcome, Outcome::Routed);
        assert_eq!(codes_used(&decision), BTreeSet::from(["C"]));
        let a = reason_of(&decision, "A");
        assert_eq!(a.verdict, Verdict::NotNeeded);
        assert_eq!(
            a.reason,
            "has part of the order, but is not needed: the order ships from C"
        );
    }

    #[test]
    fn fewest_parts_breaks_ties_by_the_priorities_of_the_set() {
        let lines = [line(1, 1, 2), line(2, 2, 2)];
        let candidates = [
            location("A", 1).stock(1, 2),
            location("B", 2).stock(2, 2),
            location("C", 1).stock(2, 2),
            location("D", 3).stock(1, 2),
        ];
        let decision = route(&lines, &candidates, &split(2, true), TODAY);
        assert_eq!(codes_used(&decision), BTreeSet::from(["A", "C"]));
    }

    #[test]
    fn by_priority_fills_from_the_preferred_locations_first() {
        let lines = [line(1, 1, 2), line(2, 2, 2)];
        let candidates = [
            location("A", 1).stock(1, 2),
            location("B", 2).stock(2, 1),
            location("C", 3).stock(1, 2).stock(2, 2),
            location("D", 4).stock(2, 5),
        ];
        let decision = route(&lines, &candidates, &split(3, false), TODAY);

        assert_eq!(decision.outcome, Outcome::Routed);
        let placed: Vec<(i32, &str, i32)> = decision
            .placements
            .iter()
            .map(|p| (p.line_no, p.location_code.as_str(), p.quantity))
            .collect();
        assert_eq!(placed, [(1, "A", 2), (2, "B", 1), (2, "C", 1)]);
        assert_eq!(reason_of(&decision, "D").verdict, Verdict::NotNeeded);
    }

    #[test]
    fn by_priority_keeps_the_last_part_for_a_location_that_completes_the_order() {
        let lines = [line(1, 1, 2), line(2, 2, 2)];
        let candidates = [
            location("A", 1).stock(1, 2),
            location("B", 2).stock(2, 1),
            location("C", 3).stock(2, 2),
            location("D", 4).stock(1, 2).stock(2, 2),
        ];
        let decision = route(&lines, &candidates, &split(2, false), TODAY);
        assert_eq!(decision.outcome, Outcome::Routed);
        assert_eq!(codes_used(&decision), BTreeSet::from(["A", "C"]));
    }

    #[test]
    fn by_priority_falls_back_to_any_workable_set() {
        let lines = [line(1, 1, 2), line(2, 2, 2)];
        let candidates = [
            location("A", 1).stock(1, 1),
            location("B", 2).stock(1, 2),
            location("C", 3).stock(2, 2),
        ];
        let decision = route(&lines, &candidates, &split(2, false), TODAY);
        assert_eq!(decision.outcome, Outcome::Routed);
        assert_eq!(codes_used(&decision), BTreeSet::from(["B", "C"]));
    }

    #[test]
    fn more_useful_locations_than_the_exact_search_takes_still_route() {
        let lines = [line(1, 1, 14)];
        let candidates: Vec<Candidate> = (0..16)
            .map(|i| location(&format!("L{i:02}"), i).stock(1, 1))
            .collect();
        let decision = route(&lines, &candidates, &split(20, true), TODAY);
        assert_eq!(decision.outcome, Outcome::Routed);
        assert_eq!(codes_used(&decision).len(), 14);
        assert_eq!(reason_of(&decision, "L15").verdict, Verdict::NotNeeded);
    }

    #[test]
    fn supply_within_the_tolerance_ships_on_its_date() {
        let lines = [line(1, 1, 5)];
        let candidates = [location("A", 1)
            .stock(1, 2)
            .incoming(1, 9, 10)
            .incoming(1, 3, 1)
            .incoming(1, 5, 2)];
        let decision = route(&lines, &candidates, &split(1, true), TODAY);

        assert_eq!(decision.outcome, Outcome::Routed);
        assert_eq!(
            decision.placements,
            [Placement {
                line_no: 1,
                location_id: candidates[0].location_id,
                location_code: "A".to_owned(),
                quantity: 5,
                from_stock: 2,
                from_supply: 3,
                ship_date: days(5),
            }]
        );
        assert_eq!(
            decision.reasons[0].reason,
            "ships line 1: 2 units from stock on 2026-11-24 and \
             3 units from incoming supply by 2026-11-29; priority 1"
        );
    }

    #[test]
    fn supply_beyond_the_tolerance_needs_a_check() {
        let lines = [line(1, 1, 1), line(2, 2, 5)];
        let candidates = [location("A", 1).stock(1, 1).stock(2, 2).incoming(2, 9, 10)];
        let decision = route(&lines, &candidates, &split(2, true), TODAY);

        assert_eq!(decision.outcome, Outcome::CheckAnnounced { lines: vec![2] });
        assert!(decision.placements.is_empty());
        assert_eq!(
            decision.reasons[0].reason,
            "has only 2 of 5 units of KN-2 within the tolerance \
             (by 2026-12-01; all 5 by 2026-12-03)"
        );
    }

    #[test]
    fn stock_that_ships_after_the_deadline_does_not_count() {
        let lines = [line(1, 1, 1)];
        let mut slow = location("A", 1).stock(1, 1);
        slow.stock_ship_date = days(8);
        let decision = route(&lines, &[slow], &split(2, true), TODAY);
        assert_eq!(decision.outcome, Outcome::CheckAnnounced { lines: vec![1] });
    }

    #[test]
    fn nothing_anywhere_is_not_announced() {
        let lines = [line(1, 1, 1), line(2, 2, 3)];
        let candidates = [location("A", 1).stock(1, 1).stock(2, 1)];
        let decision = route(&lines, &candidates, &split(2, true), TODAY);

        assert_eq!(decision.outcome, Outcome::NotAnnounced { lines: vec![2] });
        assert!(decision.placements.is_empty());
        assert_eq!(
            decision.reasons[0].reason,
            "has only 1 of 3 units of KN-2 within the tolerance (by 2026-12-01; no more incoming)"
        );

        let nowhere = route(&lines, &[], &split(2, true), TODAY);
        assert_eq!(nowhere.outcome, Outcome::NotAnnounced { lines: vec![1, 2] });
        assert!(nowhere.reasons.is_empty());
    }

    #[test]
    fn more_locations_than_allowed_needs_a_check() {
        let lines = [line(1, 1, 3)];
        let candidates = [
            location("A", 1).stock(1, 1),
            location("B", 2).stock(1, 1),
            location("C", 3).stock(1, 1),
        ];
        for prefer_fewest_parts in [true, false] {
            let decision = route(&lines, &candidates, &split(2, prefer_fewest_parts), TODAY);
            assert_eq!(decision.outcome, Outcome::CheckAnnounced { lines: vec![1] });
            assert!(
                decision
                    .reasons
                    .iter()
                    .all(|r| r.verdict == Verdict::Rejected)
            );
        }
        let decision = route(&lines, &candidates, &split(3, true), TODAY);
        assert_eq!(decision.outcome, Outcome::Routed);
        assert_eq!(codes_used(&decision).len(), 3);
    }

    #[test]
    fn lines_of_the_same_variant_share_the_stock() {
        let lines = [line(2, 1, 2), line(1, 1, 2)];
        let candidates = [location("A", 1).stock(1, 3), location("B", 2).stock(1, 3)];

        let decision = route(&lines, &candidates, &split(2, false), TODAY);
        let placed: Vec<(i32, &str, i32)> = decision
            .placements
            .iter()
            .map(|p| (p.line_no, p.location_code.as_str(), p.quantity))
            .collect();
        assert_eq!(placed, [(1, "A", 2), (2, "A", 1), (2, "B", 1)]);

        let decision = route(&lines, &candidates, &no_split(), TODAY);
        assert_eq!(decision.outcome, Outcome::CheckAnnounced { lines: vec![2] });
    }

    #[test]
    fn negative_offers_count_as_nothing() {
        let lines = [line(1, 1, 1)];
        let candidates = [location("A", 1).stock(1, -5).incoming(1, 1, -3)];
        let decision = route(&lines, &candidates, &split(2, true), TODAY);
        assert_eq!(decision.outcome, Outcome::NotAnnounced { lines: vec![1] });
    }

    #[test]
    fn an_absurd_tolerance_saturates_instead_of_panicking() {
        let lines = [line(1, 1, 1)];
        let candidates = [location("A", 1).stock(1, 1)];
        let late = Policy {
            date_tolerance_days: i64::MAX,
            ..split(1, true)
        };
        assert_eq!(route(&lines, &candidates, &late, TODAY).deadline, Date::MAX);
        let early = Policy {
            date_tolerance_days: i64::MIN,
            ..split(1, true)
        };
        let decision = route(&lines, &candidates, &early, TODAY);
        assert_eq!(decision.deadline, Date::MIN);
        assert_eq!(decision.outcome, Outcome::CheckAnnounced { lines: vec![1] });
    }

    #[test]
    fn decision_round_trips_as_json() {
        let lines = [line(1, 1, 5), line(2, 2, 1)];
        let candidates = [location("A", 1).stock(1, 3), location("B", 2).stock(1, 4)];
        for decision in [
            route(&lines, &candidates, &split(2, true), TODAY),
            route(&lines[..1], &candidates, &split(2, true), TODAY),
        ] {
            let json = serde_json::to_value(&decision).expect("serializes");
            let back: Decision = serde_json::from_value(json).expect("deserializes");
            assert_eq!(back, decision);
        }
    }

    // -----------------------------------------------------------------------
    // Properties, checked against brute force over every set of locations.

    #[derive(Debug, Clone)]
    struct Case {
        lines: Vec<LineToRoute>,
        candidates: Vec<Candidate>,
        policy: Policy,
    }

    /// (priority, active, serves, ships, stock ship day, offer per variant)
    type CandidateSpec = (
        i32,
        bool,
        bool,
        bool,
        i64,
        Vec<Option<(i32, Vec<(i64, i32)>)>>,
    );

    fn candidate_spec(variants: usize) -> impl Strategy<Value = CandidateSpec> {
        let offer = prop::option::weighted(
            0.9,
            (-1i32..10, prop::collection::vec((0i64..20, -1i32..8), 0..4)),
        );
        (
            0i32..4,
            prop::bool::weighted(0.9),
            prop::bool::weighted(0.9),
            prop::bool::weighted(0.9),
            0i64..4,
            prop::collection::vec(offer, variants),
        )
    }

    fn case() -> impl Strategy<Value = Case> {
        (1usize..=4)
            .prop_flat_map(|variants| {
                (
                    prop::collection::vec((0..variants as u128, 1i32..=6), 1..=5),
                    prop::collection::vec(candidate_spec(variants), 1..=6),
                    (any::<bool>(), 0u32..4, any::<bool>(), -2i64..12),
                )
            })
            .prop_map(
                |(line_specs, specs, (split_allowed, max_parts, prefer, tolerance))| {
                    let count = line_specs.len() as i32;
                    // Line numbers arrive in reverse to check that line order is restored.
                    let lines = line_specs
                        .into_iter()
                        .enumerate()
                        .map(|(i, (v, q))| line(10 * (count - i as i32), v + 1, q))
                        .collect();
                    let candidates = specs
                        .into_iter()
                        .enumerate()
                        .map(
                            |(i, (priority, active, serves, ships, stock_day, offers))| {
                                let mut c = location(&format!("L{i}"), priority);
                                c.location_id = Uuid::from_u128(100 + i as u128);
                                c.active = active;
                                c.serves_channel = serves;
                                c.ships_to_destination = ships;
                                c.stock_ship_date = days(stock_day);
                                for (v, offer) in offers.into_iter().enumerate() {
                                    if let Some((available, incoming)) = offer {
                                        c = c.stock(v as u128 + 1, available);
                                        for (day, units) in incoming {
                                            c = c.incoming(v as u128 + 1, day, units);
                                        }
                                    }
                                }
                                c
                            },
                        )
                        .collect();
                    Case {
                        lines,
                        candidates,
                        policy: Policy {
                            split_allowed,
                            max_parts,
                            prefer_fewest_parts: prefer,
                            date_tolerance_days: tolerance,
                        },
                    }
                },
            )
    }

    fn eligible(c: &Candidate) -> bool {
        c.active && c.serves_channel && c.ships_to_destination
    }

    fn stock_by(c: &Candidate, v: Uuid, deadline: Date) -> i64 {
        match c.offers.get(&v) {
            Some(o) if c.stock_ship_date <= deadline => i64::from(o.available.max(0)),
            _ => 0,
        }
    }

    fn supply_by(c: &Candidate, v: Uuid, deadline: Date) -> i64 {
        c.offers.get(&v).map_or(0, |o| {
            o.incoming
                .iter()
                .filter(|s| s.ship_date <= deadline)
                .map(|s| i64::from(s.quantity.max(0)))
                .sum()
        })
    }

    fn demand(lines: &[LineToRoute]) -> BTreeMap<Uuid, i64> {
        let mut demand = BTreeMap::new();
        for l in lines {
            *demand.entry(l.variant_id).or_insert(0) += i64::from(l.quantity);
        }
        demand
    }

    fn set_covers(set: &[&Candidate], demand: &BTreeMap<Uuid, i64>, deadline: Date) -> bool {
        demand.iter().all(|(v, units)| {
            let have: i64 = set
                .iter()
                .map(|c| stock_by(c, *v, deadline) + supply_by(c, *v, deadline))
                .sum();
            have >= *units
        })
    }

    /// The size of the smallest set of eligible locations that has
    /// everything by the deadline, if any.
    fn smallest_cover(case: &Case, deadline: Date) -> Option<usize> {
        let eligible: Vec<&Candidate> = case.candidates.iter().filter(|c| eligible(c)).collect();
        let demand = demand(&case.lines);
        (0u32..1 << eligible.len())
            .filter_map(|mask| {
                let set: Vec<&Candidate> = (0..eligible.len())
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| eligible[i])
                    .collect();
                set_covers(&set, &demand, deadline).then_some(set.len())
            })
            .min()
    }

    fn parts_allowed(policy: &Policy) -> usize {
        if policy.split_allowed {
            policy.max_parts.max(1) as usize
        } else {
            1
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn never_places_more_than_a_location_has(case in case()) {
            let decision = route(&case.lines, &case.candidates, &case.policy, TODAY);
            let mut used: HashMap<(Uuid, Uuid), (i64, i64)> = HashMap::new();
            for p in &decision.placements {
                let line = case.lines.iter().find(|l| l.line_no == p.line_no).expect("placed line exists");
                prop_assert!(p.quantity > 0 && p.from_stock >= 0 && p.from_supply >= 0);
                prop_assert_eq!(p.quantity, p.from_stock + p.from_supply);
                let entry = used.entry((p.location_id, line.variant_id)).or_default();
                entry.0 += i64::from(p.from_stock);
                entry.1 += i64::from(p.from_supply);
            }
            for ((location_id, v), (from_stock, from_supply)) in used {
                let c = case.candidates.iter().find(|c| c.location_id == location_id).expect("placed at a candidate");
                prop_assert!(eligible(c));
                prop_assert!(from_stock <= stock_by(c, v, decision.deadline));
                prop_assert!(from_supply <= supply_by(c, v, decision.deadline));
            }
        }

        #[test]
        fn routed_orders_are_placed_exactly_on_time_and_within_the_parts(case in case()) {
            let decision = route(&case.lines, &case.candidates, &case.policy, TODAY);
            prop_assert_eq!(decision.deadline, days(case.policy.date_tolerance_days));
            if decision.outcome != Outcome::Routed {
                prop_assert!(decision.placements.is_empty());
                return Ok(());
            }
            for line in &case.lines {
                let placed: i32 = decision.placements.iter().filter(|p| p.line_no == line.line_no).map(|p| p.quantity).sum();
                prop_assert_eq!(placed, line.quantity);
            }
            prop_assert!(decision.placements.iter().all(|p| p.ship_date <= decision.deadline));
            let locations: BTreeSet<Uuid> = decision.placements.iter().map(|p| p.location_id).collect();
            prop_assert!(locations.len() <= parts_allowed(&case.policy));
            let chosen: BTreeSet<&str> = decision.reasons.iter().filter(|r| r.verdict == Verdict::Chosen).map(|r| r.location_code.as_str()).collect();
            prop_assert_eq!(chosen, codes_used(&decision));
            let line_order: Vec<i32> = decision.placements.iter().map(|p| p.line_no).collect();
            prop_assert!(line_order.is_sorted());
        }

        #[test]
        fn outcome_agrees_with_brute_force(case in case()) {
            let decision = route(&case.lines, &case.candidates, &case.policy, TODAY);
            let smallest = smallest_cover(&case, decision.deadline);
            let allowed = parts_allowed(&case.policy);
            let ever_short: BTreeSet<Uuid> = demand(&case.lines)
                .into_iter()
                .filter(|(v, units)| {
                    let ever: i64 = case.candidates.iter().filter(|c| eligible(c)).map(|c| stock_by(c, *v, Date::MAX) + supply_by(c, *v, Date::MAX)).sum();
                    ever < *units
                })
                .map(|(v, _)| v)
                .collect();
            let variant_of = |line_no: &i32| case.lines.iter().find(|l| l.line_no == *line_no).map(|l| l.variant_id);
            match &decision.outcome {
                Outcome::Routed => {
                    prop_assert!(smallest.is_some_and(|s| s <= allowed));
                    if case.policy.prefer_fewest_parts {
                        let used = codes_used(&decision).len();
                        prop_assert_eq!(Some(used), smallest);
                    }
                }
                Outcome::CheckAnnounced { lines } => {
                    prop_assert!(smallest.is_none_or(|s| s > allowed));
                    prop_assert!(ever_short.is_empty());
                    prop_assert!(!lines.is_empty() && lines.is_sorted());
                }
                Outcome::NotAnnounced { lines } => {
                    prop_assert!(!lines.is_empty() && lines.is_sorted());
                    for line_no in lines {
                        prop_assert!(variant_of(line_no).is_some_and(|v| ever_short.contains(&v)));
                    }
                }
            }
        }

        #[test]
        fn every_candidate_gets_one_reason(case in case()) {
            let decision = route(&case.lines, &case.candidates, &case.policy, TODAY);
            prop_assert_eq!(decision.reasons.len(), case.candidates.len());
            for c in &case.candidates {
                let reasons: Vec<&LocationReason> = decision.reasons.iter().filter(|r| r.location_code == c.code).collect();
                prop_assert_eq!(reasons.len(), 1);
                prop_assert!(!reasons[0].reason.is_empty());
                if !eligible(c) {
                    prop_assert_eq!(reasons[0].verdict, Verdict::Rejected);
                }
            }
            let chosen_first = decision.reasons.iter().skip_while(|r| r.verdict == Verdict::Chosen).all(|r| r.verdict != Verdict::Chosen);
            prop_assert!(chosen_first);
        }

        #[test]
        fn the_order_of_the_candidates_does_not_matter(case in case()) {
            let decision = route(&case.lines, &case.candidates, &case.policy, TODAY);
            let mut reversed = case.candidates.clone();
            reversed.reverse();
            prop_assert_eq!(decision, route(&case.lines, &reversed, &case.policy, TODAY));
        }
    }
}
