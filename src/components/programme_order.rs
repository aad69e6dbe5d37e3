//! Budget mode's programme order: the five programmes as a list with
//! up/down buttons, stored as the order code of `budget.order` (e.g. 12345).

use eduplan_model::catalogue::levers::order_of;
use yew::prelude::*;

use crate::context::use_ctx;
use crate::i18n::Strings;
use crate::state::Action;

pub fn programme_name(p: u8, t: &Strings) -> &'static str {
    match p {
        1 => t.programme_1,
        2 => t.programme_2,
        3 => t.programme_3,
        4 => t.programme_4,
        _ => t.programme_5,
    }
}

/// The order code with positions `i` and `j` swapped.
fn swapped(order: [u8; 5], i: usize, j: usize) -> f64 {
    let mut o = order;
    o.swap(i, j);
    o.iter().fold(0.0, |code, d| code * 10.0 + f64::from(*d))
}

#[function_component]
pub fn ProgrammeOrder() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let order = order_of(ctx.state.lever_value("budget.order")).unwrap_or([1, 2, 3, 4, 5]);
    let set = |code: f64| {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.dispatch(Action::SetLever("budget.order".into(), code));
            ctx.dispatch(Action::Commit);
        })
    };
    html! {
        <div class="lever programme-order" data-lever="budget.order">
            <div class="lever-head"><span class="lever-label" id="order-label">{ t.programme_order }</span></div>
            <ol class="programmes" aria-labelledby="order-label">
                { for order.iter().enumerate().map(|(i, p)| {
                    let name = programme_name(*p, t);
                    html! {
                        <li data-programme={p.to_string()}>
                            <span class="programme-name">{ name }</span>
                            <button type="button" class="move-up" disabled={i == 0} onclick={set(swapped(order, i, i.saturating_sub(1)))}
                                aria-label={format!("{}: {}", t.move_up, name)} title={t.move_up}>{ "▲" }</button>
                            <button type="button" class="move-down" disabled={i == 4} onclick={set(swapped(order, i, (i + 1).min(4)))}
                                aria-label={format!("{}: {}", t.move_down, name)} title={t.move_down}>{ "▼" }</button>
                        </li>
                    }
                }) }
            </ol>
            <p class="lever-help">{ t.programme_order_help }</p>
        </div>
    }
}
