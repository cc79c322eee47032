//! The result in one sentence, in a polite live region so screen readers announce changes.

use crate::engine::Projection;
use crate::narrative;
use crate::scenario::Scenario;
use yew::prelude::*;

/// The summary sentence. A plain function, not a component: it has no state of its own and the
/// root re-renders it only with new results, and each component type costs the download
/// about 1 KB of Yew's lifecycle code.
pub fn summary_sentence(scenario: &Scenario, projection: &Projection) -> Html {
    let text = narrative::summary_sentence(scenario, projection);
    html! {
        <p class="summary-sentence" id="summary-sentence" aria-live="polite">{ text }</p>
    }
}
