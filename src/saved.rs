//! Saved scenarios: the list a reader keeps in the browser (named, with when they were saved),
//! stored as JSON. Reading a stored list never fails silently: corrupt or foreign data is
//! reported, and entries that are no longer valid are kept aside rather than dropped.

use crate::scenario::{Draft, Scenario};
use serde::{Deserialize, Serialize};

/// One saved scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The reader's name for it.
    pub name: String,
    /// When it was saved (ISO 8601 text from the browser clock).
    pub saved_at: String,
    pub scenario: Draft,
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SavedList {
    pub entries: Vec<Saved>,
    /// Stored entries that could not be read: not shown, but written back unchanged so nothing
    /// a reader saved is lost (a later version may read them).
    pub unreadable: Vec<String>,
}

/// Why the stored list could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorruptList(pub String);

impl std::fmt::Display for CorruptList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the saved scenarios in this browser could not be read ({})",
            self.0
        )
    }
}

/// Reads the stored list. Entries whose scenario no longer validates are counted, not shown.
///
/// # Errors
/// [`CorruptList`] when the text is not a list at all.
pub fn parse(text: &str) -> Result<SavedList, CorruptList> {
    // Each entry is read on its own (from its raw text, with the same parser as files), so one
    // bad entry does not hide the others.
    let raw: Vec<Box<serde_json::value::RawValue>> =
        serde_json::from_str(text).map_err(|e| CorruptList(e.to_string()))?;
    let mut list = SavedList::default();
    for entry in raw {
        match serde_json::from_str::<Saved>(entry.get()) {
            Ok(saved) if Scenario::new(saved.scenario.clone()).is_ok() => list.entries.push(saved),
            _ => list.unreadable.push(entry.get().to_string()),
        }
    }
    Ok(list)
}

impl SavedList {
    /// The list as stored: the readable entries, then the unreadable ones unchanged.
    pub fn to_json(&self) -> String {
        let parts: Vec<String> = self
            .entries
            .iter()
            .filter_map(|e| serde_json::to_string(e).ok())
            .chain(self.unreadable.iter().cloned())
            .collect();
        format!("[{}]", parts.join(","))
    }
}

/// A name not yet used in the list: `name`, else `name (2)`, `name (3)`...
pub fn unique_name(entries: &[Saved], name: &str) -> String {
    let base = name.trim();
    let base = if base.is_empty() {
        "Untitled scenario"
    } else {
        base
    };
    let taken = |n: &str| entries.iter().any(|e| e.name == n);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base} ({i})"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn entry(name: &str) -> Saved {
        Saved {
            name: name.into(),
            saved_at: "2026-11-26T12:00:00Z".into(),
            scenario: presets::blank().draft().clone(),
        }
    }

    #[test]
    fn round_trip() {
        let entries = vec![entry("a"), entry("b")];
        let stored = SavedList {
            entries: entries.clone(),
            unreadable: Vec::new(),
        };
        let list = parse(&stored.to_json()).unwrap();
        assert_eq!(list.entries, entries);
        assert!(list.unreadable.is_empty());
    }

    #[test]
    fn corrupt_text_is_reported_and_bad_entries_counted() {
        assert!(parse("not json")
            .unwrap_err()
            .to_string()
            .contains("could not be read"));
        assert!(parse("{\"a\":1}").is_err());
        let mut bad = entry("bad");
        bad.scenario.deals[0].years = 0;
        let text = format!(
            "[{}, {{\"x\": 1}}, {}]",
            serde_json::to_string(&entry("ok")).unwrap(),
            serde_json::to_string(&bad).unwrap()
        );
        let list = parse(&text).unwrap();
        assert_eq!(list.entries.len(), 1);
        assert_eq!(list.unreadable.len(), 2);
        // Writing the list back keeps what could not be read.
        let again = parse(&list.to_json()).unwrap();
        assert_eq!(again.unreadable.len(), 2);
        assert_eq!(again.entries, list.entries);
    }

    #[test]
    fn names_are_made_unique() {
        let entries = vec![entry("Mine"), entry("Mine (2)")];
        assert_eq!(unique_name(&entries, "Mine"), "Mine (3)");
        assert_eq!(unique_name(&entries, "Other"), "Other");
        assert_eq!(unique_name(&entries, "  "), "Untitled scenario");
    }
}
