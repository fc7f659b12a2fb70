//! A bar chart drawn as SVG, with the numbers also in a table for screen readers.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: i64,
    /// The value as people read it (e.g. "€1,290.00").
    pub display: String,
}

const WIDTH: i64 = 600;
const HEIGHT: i64 = 220;
const AXIS: i64 = 28;

/// Bar geometry: (x, y, width, height) per bar, scaled to the largest value.
pub fn layout(values: &[i64]) -> Vec<(i64, i64, i64, i64)> {
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let slot = WIDTH / values.len().max(1) as i64;
    let bar_width = (slot * 3 / 5).max(1);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let h = (v.max(&0) * (HEIGHT - AXIS - 10)) / max;
            let x = i as i64 * slot + (slot - bar_width) / 2;
            (x, HEIGHT - AXIS - h, bar_width, h)
        })
        .collect()
}

#[component]
pub fn BarChart(title: &'static str, bars: Vec<Bar>) -> impl IntoView {
    let geometry = layout(&bars.iter().map(|b| b.value).collect::<Vec<_>>());
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=title>
                <line x1="0" y1=HEIGHT - AXIS x2=WIDTH y2=HEIGHT - AXIS class="chart-axis"/>
                {bars.iter().zip(geometry).map(|(bar, (x, y, w, h))| view! {
                    <g>
                        <rect x=x y=y width=w height=h rx="3" class="chart-bar">
                            <title>{format!("{}: {}", bar.label, bar.display)}</title>
                        </rect>
                        <text x=x + w / 2 y=y - 6 text-anchor="middle" class="chart-value">{bar.display.clone()}</text>
                        <text x=x + w / 2 y=HEIGHT - 8 text-anchor="middle" class="chart-label">{bar.label.clone()}</text>
                    </g>
                }).collect_view()}
            </svg>
            <table class="visually-hidden">
                <caption>{title}</caption>
                <tbody>
                    {bars.into_iter().map(|bar| view! { <tr><th scope="row">{bar.label}</th><td>{bar.display}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallest_bar_fills_the_plot_and_zero_is_flat() {
        let bars = layout(&[0, 50, 100]);
        assert_eq!(bars.len(), 3);
        assert_eq!(bars[0].3, 0);
        assert_eq!(bars[2].3, HEIGHT - AXIS - 10);
        assert_eq!(bars[1].3 * 2, bars[2].3);
        assert!(
            bars.windows(2).all(|w| w[0].0 < w[1].0),
            "bars go left to right"
        );
    }

    #[test]
    fn empty_and_negative_values_do_not_break_the_layout() {
        assert!(layout(&[]).is_empty());
        assert_eq!(layout(&[-5])[0].3, 0);
    }
}
