//! A hidden polite live region that says a field's message once the field is left or
//! committed (not on every keystroke, which would interrupt the typing).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldStatusProps {
    /// The last message said, and a count so the same message said twice is announced twice.
    pub said: (u32, AttrValue),
}

/// A hidden polite live region for a field's message, said once the field is left.
#[function_component(FieldStatus)]
pub fn field_status(props: &FieldStatusProps) -> Html {
    // A no-break space on every other message makes a repeat a change screen readers announce.
    let pad = if props.said.0 % 2 == 1 { "\u{a0}" } else { "" };
    html! {
        <div id="field-status" class="visually-hidden" role="status">{ format!("{}{pad}", props.said.1) }</div>
    }
}
