//! The result in one sentence, in a polite live region so screen readers announce changes.

use crate::engine::Projection;
use crate::narrative;
use crate::scenario::Scenario;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummarySentenceProps {
    pub scenario: Rc<Scenario>,
    pub projection: Rc<Projection>,
}

/// The summary sentence.
#[function_component(SummarySentence)]
pub fn summary_sentence(props: &SummarySentenceProps) -> Html {
    let text = narrative::summary_sentence(&props.scenario, &props.projection);
    html! {
        <p class="summary-sentence" id="summary-sentence" aria-live="polite">{ text }</p>
    }
}
