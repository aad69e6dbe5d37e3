//! Text and number boxes that keep what the user is typing.
//!
//! Yew writes a `value={…}` attribute back into the box on every render of
//! its component, even when the value did not change; a box whose change is
//! sent on blur or Enter then loses what was typed whenever anything else
//! re-renders the component first (uncertainty bands arriving, another
//! field chosen, a notice). These boxes carry no `value` attribute: the
//! hook writes the value when it changes, and the change handlers write
//! back the value in use after each change. The forms of the schools view
//! read their boxes when sent instead ([`read`], [`set_initial`]).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A node ref for an `<input>` whose shown value follows `value` only when
/// `value` changes (and on mount). Put it on the box as `ref={…}` instead of
/// a `value` attribute.
#[hook]
pub fn use_field_value(value: String) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(value, move |v| {
            if let Some(i) = node.cast::<HtmlInputElement>() {
                if i.value() != *v {
                    i.set_value(v);
                }
            }
        });
    }
    node
}

/// Puts a box's first value in, for a box read when its form is sent rather
/// than bound to state (the forms of the schools view).
pub fn set_initial(r: &NodeRef, value: &str) {
    if let Some(i) = r.cast::<HtmlInputElement>() {
        i.set_value(value);
    }
}

/// What a box holds now ("" when it is not mounted).
pub fn read(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// A year `<select>`'s change handler: the chosen year into `year`.
pub fn on_year(year: UseStateHandle<i32>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        if let Ok(y) = e.target_unchecked_into::<HtmlSelectElement>().value().parse() {
            year.set(y);
        }
    })
}
