//! Text and number boxes that keep what the user is typing.
//!
//! Yew writes a `value={…}` attribute back into the box on every render of
//! its component, even when the value did not change; a box whose change is
//! sent on blur or Enter then loses what was typed whenever anything else
//! re-renders the component first (uncertainty bands arriving, another
//! field chosen, a notice). These boxes carry no `value` attribute: the
//! hook writes the value when it changes, and the change handlers write
//! back the value in use after each change.

use web_sys::HtmlInputElement;
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
