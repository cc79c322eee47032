//! What the app keeps in the browser's local storage: the current work (restored on reload) and
//! the reader's saved scenarios. Storage that is disabled, full or holds corrupt data becomes a
//! message; corrupt data is moved aside, never overwritten. Compiled only for wasm32.

use crate::browser::{self, StorageProblem};
use crate::saved::{self, SavedList};
use crate::scenario::Scenario;

const CURRENT: &str = "compute-coverage.current";
const SAVED: &str = "compute-coverage.saved";

/// The current work as last stored. `Ok(None)` when there is none.
///
/// # Errors
/// A message when storage is unavailable or the stored work cannot be read (it is then kept
/// under another key so it is not lost).
pub fn load_current() -> Result<Option<Scenario>, String> {
    let Some(text) = browser::load(CURRENT).map_err(|e| e.to_string())? else {
        return Ok(None);
    };
    match Scenario::from_json(&text) {
        Ok(s) => Ok(Some(s)),
        Err(e) => {
            let _ = browser::store(&format!("{CURRENT}.unreadable"), &text);
            Err(format!("your last work in this browser could not be read ({e}); it was kept aside and the default scenario is shown"))
        }
    }
}

/// Stores the current work.
///
/// # Errors
/// [`StorageProblem`] when storage is disabled or full.
pub fn store_current(scenario: &Scenario) -> Result<(), StorageProblem> {
    browser::store(CURRENT, &scenario.to_json_compact())
}

/// The saved scenarios, and a message if they could not all be read.
pub fn load_saved() -> (SavedList, Option<String>) {
    match browser::load(SAVED) {
        Ok(None) => (SavedList::default(), None),
        Ok(Some(text)) => match saved::parse(&text) {
            Ok(list) => {
                let note = (!list.unreadable.is_empty()).then(|| {
                    format!(
                        "{} saved scenario(s) could not be read by this version and are kept unchanged",
                        list.unreadable.len()
                    )
                });
                (list, note)
            }
            Err(e) => {
                // Keep the unreadable text under another key before anything new is saved.
                let _ = browser::store(&format!("{SAVED}.unreadable"), &text);
                (
                    SavedList::default(),
                    Some(format!("{e}; the data was kept aside")),
                )
            }
        },
        Err(e) => (SavedList::default(), Some(e.to_string())),
    }
}

/// Stores the saved scenarios.
///
/// # Errors
/// [`StorageProblem`] when storage is disabled or full.
pub fn store_saved(list: &SavedList) -> Result<(), StorageProblem> {
    browser::store(SAVED, &list.to_json())
}
