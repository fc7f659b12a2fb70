use super::api::{UpdateCartLine, get_cart, get_cart_units};
use super::model::{CartLine, CartView};
use super::rules::{FREE_SHIPPING_FROM_MINOR, MAX_QUANTITY};
use crate::catalog::availability::{Availability, LineProblem};
use crate::ui::form::{FormAlert, ReturnTo, action_error};
use crate::ui::money::format_money;
use crate::ui::status::{EmptyState, ErrorNotice, Loading};
use leptos::prelude::*;
use leptos_meta::Title;

/// The storefront's knowledge that the bag changed: the header's count
/// (and anything else showing the bag) reads again when it moves.
#[derive(Clone, Copy)]
pub struct CartState {
    version: RwSignal<u32>,
}

impl CartState {
    pub fn provide() {
        provide_context(CartState {
            version: RwSignal::new(0),
        });
    }

    pub fn get() -> Option<CartState> {
        use_context::<CartState>()
    }

    pub fn changed(&self) {
        self.version.update(|v| *v += 1);
    }

    pub fn version(&self) -> u32 {
        self.version.get()
    }
}

/// The header's bag link with the number of units in it.
#[component]
pub fn CartLink() -> impl IntoView {
    let state = CartState::get();
    let units = Resource::new(move || state.map(|s| s.version()), |_| get_cart_units());
    let count = move || {
        Suspend::new(async move {
            let n = units.await.unwrap_or(0);
            (n > 0).then(|| view! { <span class="cart-count" data-testid="cart-count">{n}</span> })
        })
    };
    let label = move || {
        Suspend::new(async move {
            match units.await.unwrap_or(0) {
                0 => "Shopping bag, empty".to_owned(),
                1 => "Shopping bag, 1 item".to_owned(),
                n => format!("Shopping bag, {n} items"),
            }
        })
    };
    view! {
        <a class="cart-link" href="/cart">
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                <path d="M6 8h12l-1 12H7L6 8z M9 8V6a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.7"/>
            </svg>
            <span aria-hidden="true">"Bag"</span>
            <span class="visually-hidden"><Transition fallback=|| "Shopping bag">{label}</Transition></span>
            <Transition fallback=|| ()>{count}</Transition>
        </a>
    }
}

pub fn availability_text(availability: Availability) -> String {
    match availability {
        Availability::InStock => "In stock".to_owned(),
        Availability::OnlyLeft(n) => format!("Only {n} left"),
        Availability::ShipsIn(1) => "Ships tomorrow".to_owned(),
        Availability::ShipsIn(days) => format!("Ships in {days} days"),
        Availability::SoldOut => "Sold out".to_owned(),
    }
}

fn problem_text(problem: LineProblem) -> String {
    match problem {
        LineProblem::SoldOut => "Sold out since you added it. Remove it to check out.".to_owned(),
        LineProblem::OnlyLeft(n) => format!("Only {n} left: lower the quantity to check out."),
        LineProblem::NoLongerSold => "No longer sold. Remove it to check out.".to_owned(),
    }
}

#[component]
pub fn CartPage() -> impl IntoView {
    let update = ServerAction::<UpdateCartLine>::new();
    let cart = Resource::new(move || update.version().get(), |_| get_cart());
    let state = CartState::get();
    Effect::new(move |previous: Option<usize>| {
        let now = update.version().get();
        if previous.is_some_and(|p| p != now)
            && let Some(state) = state
        {
            state.changed();
        }
        now
    });
    let error = action_error(update);
    view! {
        <Title text="Shopping bag"/>
        <header class="page-header"><h1>"Shopping bag"</h1></header>
        <FormAlert error/>
        <Transition fallback=|| view! { <Loading label="Loading your bag…"/> }>
            {move || Suspend::new(async move {
                match cart.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(bag) if bag.is_empty() => view! {
                        <EmptyState title="Your bag is empty">
                            <p>"Find something you love and it will wait for you here."</p>
                            <a class="button primary" href="/">"Continue shopping"</a>
                        </EmptyState>
                    }.into_any(),
                    Ok(bag) => view! { <CartContents bag update/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CartContents(bag: CartView, update: ServerAction<UpdateCartLine>) -> impl IntoView {
    let currency = bag.currency.clone();
    let can_check_out = bag.can_check_out();
    let to_free = FREE_SHIPPING_FROM_MINOR - bag.subtotal_minor;
    view! {
        <div class="cart-layout">
            <ul class="cart-lines" aria-label="Items in your bag">
                {bag.lines.into_iter().map(|line| view! { <CartLineView line update/> }).collect_view()}
            </ul>
            <aside class="cart-summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">"Summary"</h2>
                <dl class="totals">
                    <dt>{format!("Subtotal ({} items)", bag.units)}</dt>
                    <dd>{format_money(bag.subtotal_minor, &currency)}</dd>
                    <dt>"Shipping"</dt>
                    <dd>"Calculated at checkout"</dd>
                </dl>
                <p class="muted small">
                    {if to_free > 0 {
                        format!("Add {} for free standard shipping.", format_money(to_free, &currency))
                    } else {
                        "Free standard shipping in the EU.".to_owned()
                    }}
                </p>
                {if can_check_out {
                    view! { <a class="button primary wide" href="/checkout">"Check out"</a> }.into_any()
                } else {
                    view! { <p class="alert warning" role="status">"Some items need your attention before you can check out."</p> }.into_any()
                }}
                <a class="button wide" href="/">"Continue shopping"</a>
            </aside>
        </div>
    }
}

#[component]
fn CartLineView(line: CartLine, update: ServerAction<UpdateCartLine>) -> impl IntoView {
    let CartLine {
        sku,
        product,
        slug,
        colour,
        size,
        image_url,
        quantity,
        unit_price_minor,
        line_total_minor,
        availability,
        problem,
    } = line;
    let id = format!("qty-{sku}");
    let currency = "EUR";
    let name = format!("{product}, {colour}, {size}");
    let remove_label = format!("Remove {name}");
    let sku_for_remove = sku.clone();
    view! {
        <li class="cart-line" class:has-problem=problem.is_some()>
            <a href=format!("/p/{slug}") class="cart-line-image" tabindex="-1" aria-hidden="true">
                {image_url.map(|src| view! { <img src=src alt="" width="96" height="120" loading="lazy"/> })}
            </a>
            <div class="cart-line-info">
                <h2 class="cart-line-name"><a href=format!("/p/{slug}")>{product}</a></h2>
                <p class="muted">{format!("{colour} · {size}")}</p>
                <p class="muted small">{format!("{} each · {}", format_money(unit_price_minor, currency), availability_text(availability))}</p>
                {problem.map(|p| view! { <p class="line-problem" role="alert">{problem_text(p)}</p> })}
            </div>
            <ActionForm action=update attr:class="cart-line-quantity">
                <input type="hidden" name="sku" value=sku.clone()/>
                <ReturnTo path="/cart"/>
                <label for=id.clone()>"Quantity"</label>
                <select id=id name="quantity">
                    {(1..=MAX_QUANTITY).map(|n| view! {
                        <option value=n.to_string() selected=n == quantity>{n}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button small">"Update"</button>
            </ActionForm>
            <p class="cart-line-total">{format_money(line_total_minor, currency)}</p>
            <ActionForm action=update attr:class="cart-line-remove">
                <input type="hidden" name="sku" value=sku_for_remove/>
                <input type="hidden" name="quantity" value="0"/>
                <ReturnTo path="/cart"/>
                <button type="submit" class="link-button" aria-label=remove_label>"Remove"</button>
            </ActionForm>
        </li>
    }
}
