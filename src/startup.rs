//! Which scenario a page opens with, decided from what the browser gave (the address, the work
//! kept in this browser, the saved list, storage errors) without touching the browser: a link's
//! scenario, else the kept work, else the default. A broken link is reported and never replaces
//! the kept work; opening someone's link first keeps the reader's own work in the saved list.
//! The browser reads and writes stay in a thin wrapper in each page.

use crate::codec;
use crate::notices::{capitalise, Tone};
use crate::presets::{Preset, PRESETS};
use crate::saved::{SavedAction, SavedList};
use crate::scenario::Scenario;

/// What the browser gave at start.
#[derive(Debug, Clone)]
pub struct Read {
    /// What is wrong with the address's query parameters, one sentence part each
    /// ("unknown value … for theme=").
    pub query_problems: Vec<String>,
    /// The address's fragment, without the `#`.
    pub fragment: String,
    /// The work kept in this browser, or why it could not be read.
    pub kept: Result<Option<Scenario>, String>,
    /// The saved scenarios as read.
    pub saved: SavedList,
    /// Why the saved scenarios could not all be read.
    pub saved_note: Option<String>,
    /// The browser clock, for an entry saved at start.
    pub now: String,
}

/// What the page starts with.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    pub scenario: Scenario,
    /// The built-in scenario the start equals, if any (its notes and sources are shown).
    pub preset: Option<&'static Preset>,
    pub notices: Vec<(Tone, String)>,
    /// The saved list to show: as read, or with the reader's work kept aside.
    pub saved: SavedList,
    /// The change made to the saved list, which the wrapper must write to storage and report
    /// with [`Start::stored`].
    pub saved_change: Option<SavedAction>,
}

/// The first scenario of the calculator and everything said about it.
pub fn choose(read: Read) -> Start {
    let mut notices: Vec<(Tone, String)> = read
        .query_problems
        .iter()
        .map(|p| (Tone::Warning, format!("This page's address has an {p}.")))
        .collect();
    let mut say = |tone: Tone, text: String| {
        // Disabled storage fails both reads with the same message: it is said once.
        if !notices.iter().any(|(_, said)| *said == text) {
            notices.push((tone, text));
        }
    };
    if let Some(note) = &read.saved_note {
        say(Tone::Warning, capitalise(note));
    }
    let kept = match read.kept {
        Ok(kept) => kept,
        Err(message) => {
            say(Tone::Warning, capitalise(&message));
            None
        }
    };
    let from_link = match link(&read.fragment, kept.is_some()) {
        Ok(link) => link,
        Err(message) => {
            say(Tone::Error, message);
            None
        }
    };
    let mut saved = read.saved;
    let mut saved_change = None;
    let scenario = match (from_link, kept) {
        (Some(link), kept) => {
            // Opening someone's link must not lose your own unsaved work: keep it in the list.
            if let Some(kept) = kept.filter(|k| *k != link) {
                let change = SavedAction::KeepBeforeLink {
                    scenario: kept.draft().clone(),
                    at: read.now,
                };
                if let Some(next) = saved.apply(change.clone()) {
                    saved = next;
                    saved_change = Some(change);
                }
            }
            link
        }
        (None, Some(kept)) => kept,
        (None, None) => PRESETS[0].scenario(),
    };
    Start {
        preset: preset_of(&scenario),
        scenario,
        notices,
        saved,
        saved_change,
    }
}

impl Start {
    /// What writing the changed saved list gave: the reader is told where the previous work
    /// went, or that it is listed for this visit only.
    pub fn stored(&mut self, result: Result<(), String>) {
        let text = match result {
            Ok(()) => (Tone::Info, "You opened a shared scenario. Your previous work was saved under \"Your scenarios\".".to_string()),
            Err(problem) => (
                Tone::Warning,
                format!(
                    "You opened a shared scenario. Your previous work is listed under \"Your scenarios\" for this visit only: {problem}."
                ),
            ),
        };
        if !self.notices.contains(&text) {
            self.notices.push(text);
        }
    }
}

/// The first scenario of the uncertainty page: the link's, else the kept work, else the
/// default. Nothing is saved aside here: the page changes only the ranges, and the calculator
/// it links back to does the keeping.
pub fn choose_uncertainty(
    fragment: &str,
    kept: Result<Option<Scenario>, String>,
) -> (Scenario, Vec<(Tone, String)>) {
    let mut notices = Vec::new();
    let (kept, kept_error) = match kept {
        Ok(k) => (k, None),
        Err(m) => (None, Some(m)),
    };
    if let Some(m) = kept_error {
        notices.push((Tone::Warning, capitalise(&m)));
    }
    match link(fragment, kept.is_some()) {
        Ok(Some(s)) => return (s, notices),
        Ok(None) => {}
        Err(message) => notices.push((Tone::Error, message)),
    }
    (kept.unwrap_or_else(|| PRESETS[0].scenario()), notices)
}

/// The built-in scenario equal to `s`, if any.
pub fn preset_of(s: &Scenario) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.scenario() == *s)
}

/// The scenario in the fragment: `Ok(None)` when the fragment is not a scenario link (no
/// fragment, or `#results` from the skip link), the message when it is one and is broken.
fn link(fragment: &str, has_kept: bool) -> Result<Option<Scenario>, String> {
    if !codec::is_scenario_fragment(fragment) {
        return Ok(None);
    }
    codec::decode(fragment).map(Some).map_err(|e| {
        let fallback = if has_kept {
            "Your last work in this browser is shown instead"
        } else {
            "The default scenario is shown instead"
        };
        format!("This link could not be opened: {e}. {fallback}.")
    })
}

#[cfg(test)]
mod tests;
