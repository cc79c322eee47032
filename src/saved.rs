//! Saved scenarios: the list a reader keeps in the browser (named, with when they were saved),
//! stored as JSON, and every change to it (save, save as, overwrite, rename, delete, keep work
//! aside before a link replaces it) as a pure reducer. Reading a stored list never fails
//! silently: corrupt or foreign data is reported, and entries that are no longer valid are kept
//! aside rather than dropped.

use crate::scenario::{push_json_str, Draft, Scenario};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Longest name a reader can give a saved scenario (the input's `maxlength`).
pub const MAX_NAME: usize = 80;

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
            .map(Saved::to_json)
            .chain(self.unreadable.iter().cloned())
            .collect();
        format!("[{}]", parts.join(","))
    }
}

impl Saved {
    /// The entry as stored: the bytes serde_json writes from the derived `Serialize` (kept for
    /// the tests, which check the two agree), written by hand so the page carries no serializer.
    fn to_json(&self) -> String {
        let mut out = String::from("{\"name\":");
        push_json_str(&mut out, &self.name);
        out.push_str(",\"saved_at\":");
        push_json_str(&mut out, &self.saved_at);
        out.push_str(",\"scenario\":");
        out.push_str(&self.scenario.to_json_compact());
        out.push('}');
        out
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

/// A change to the saved list. An entry is named by its place and its name: an action from a
/// button drawn before the list changed (another tab's save, a double click) then does nothing
/// rather than change the wrong entry.
#[derive(Debug, Clone, PartialEq)]
pub enum SavedAction {
    /// Save a scenario at the top of the list under `name` (save as), or under the scenario's
    /// own name when `name` is blank; a name already used gets " (2)", " (3)"...
    Save {
        name: String,
        scenario: Draft,
        at: String,
    },
    /// Replace the scenario of an entry with `scenario`, keeping its name; it moves to the top.
    Overwrite {
        index: usize,
        name: String,
        scenario: Draft,
        at: String,
    },
    /// Give an entry a new name (made unique among the others; blank becomes the default).
    Rename {
        index: usize,
        name: String,
        to: String,
    },
    /// Remove an entry.
    Delete { index: usize, name: String },
    /// Keep the reader's own work at the top, under "… (before opening a link)", because a
    /// link is about to replace it on the page.
    KeepBeforeLink { scenario: Draft, at: String },
    /// Keep the reader's own work at the top, under "… (before switching preset)", because a
    /// preset chosen in "Start from" is about to replace it on the page.
    KeepBeforeSwitch { scenario: Draft, at: String },
}

/// The name of work kept aside before a link replaced it.
pub fn before_link_name(scenario_name: &str) -> String {
    format!("{} (before opening a link)", short(scenario_name))
}

/// A scenario's name cut to leave room for what is added to it.
fn short(name: &str) -> String {
    name.chars().take(50).collect()
}

fn clip(name: &str) -> String {
    name.chars().take(MAX_NAME).collect()
}

impl SavedList {
    /// Puts work kept aside at the top, under a name no other entry has.
    fn keep_at_top(&mut self, name: String, scenario: Draft, at: String) {
        let name = unique_name(&self.entries, &name);
        self.entries.insert(
            0,
            Saved {
                name,
                saved_at: at,
                scenario,
            },
        );
    }

    /// The entry at `index` if it still has that name.
    fn find(&self, index: usize, name: &str) -> Option<&Saved> {
        self.entries.get(index).filter(|e| e.name == name)
    }

    /// The list after `action`, or `None` when it changes nothing (the entry is gone or
    /// renamed, or the rename keeps the name).
    pub fn apply(&self, action: SavedAction) -> Option<SavedList> {
        let mut next = self.clone();
        match action {
            SavedAction::Save { name, scenario, at } => {
                let wanted = if name.trim().is_empty() {
                    scenario.name.clone()
                } else {
                    name
                };
                let name = unique_name(&self.entries, &clip(&wanted));
                next.entries.insert(
                    0,
                    Saved {
                        name,
                        saved_at: at,
                        scenario,
                    },
                );
            }
            SavedAction::KeepBeforeLink { scenario, at } => {
                let name = before_link_name(&scenario.name);
                next.keep_at_top(name, scenario, at);
            }
            SavedAction::KeepBeforeSwitch { scenario, at } => {
                let name = format!("{} (before switching preset)", short(&scenario.name));
                next.keep_at_top(name, scenario, at);
            }
            SavedAction::Overwrite {
                index,
                name,
                scenario,
                at,
            } => {
                let old = self.find(index, &name)?;
                if old.scenario == scenario {
                    return None;
                }
                next.entries.remove(index);
                next.entries.insert(
                    0,
                    Saved {
                        name,
                        saved_at: at,
                        scenario,
                    },
                );
            }
            SavedAction::Rename { index, name, to } => {
                self.find(index, &name)?;
                let others: Vec<Saved> = self
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != index)
                    .map(|(_, e)| e.clone())
                    .collect();
                let to = unique_name(&others, &clip(&to));
                if to == name {
                    return None;
                }
                next.entries[index].name = to;
            }
            SavedAction::Delete { index, name } => {
                self.find(index, &name)?;
                next.entries.remove(index);
            }
        }
        Some(next)
    }

    /// The scenario of the entry at `index` if it still has that name and still validates
    /// (entries are checked when read, so this fails only for a stale button).
    pub fn open(&self, index: usize, name: &str) -> Option<Scenario> {
        self.find(index, name)
            .and_then(|e| Scenario::new(e.scenario.clone()).ok())
    }
}

/// The list as the page holds it, with a count of changes: storage is written when the count
/// moves, so the list read at start is not written back for nothing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SavedState {
    /// Shared with the panel that shows it, so a render does not copy the list.
    pub list: Rc<SavedList>,
    pub revision: u32,
}

impl SavedState {
    pub fn new(list: SavedList) -> SavedState {
        SavedState {
            list: Rc::new(list),
            revision: 0,
        }
    }

    /// The state after `action`, or `None` when the list does not change.
    pub fn apply(&self, action: SavedAction) -> Option<SavedState> {
        self.list.apply(action).map(|list| SavedState {
            list: Rc::new(list),
            revision: self.revision.wrapping_add(1),
        })
    }
}

/// The Yew reducer: returns the same `Rc` when nothing changed so Yew skips the re-render.
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for SavedState {
    type Action = SavedAction;

    fn reduce(self: Rc<Self>, action: SavedAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// Applies actions in order the way Yew's reducer does (host tests, batches).
pub fn reduce_all(
    start: Rc<SavedState>,
    actions: impl IntoIterator<Item = SavedAction>,
) -> Rc<SavedState> {
    actions
        .into_iter()
        .fold(start, |state, action| match state.apply(action) {
            Some(next) => Rc::new(next),
            None => state,
        })
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

    /// The hand-written entry is what serde_json writes from the derive, so lists stored before
    /// keep reading and writing the same bytes.
    #[test]
    fn entries_are_written_as_serde_json_writes_them() {
        let names = [
            "a",
            "quote \" and \\ back",
            "tab\tline\nbell\u{7}",
            "שלום 💸",
        ];
        for name in names {
            let mut e = entry(name);
            e.saved_at = format!("{name}\u{1f}");
            e.scenario.name = name.into();
            assert_eq!(e.to_json(), serde_json::to_string(&e).unwrap(), "{name:?}");
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

    fn names(list: &SavedList) -> Vec<&str> {
        list.entries.iter().map(|e| e.name.as_str()).collect()
    }

    fn other_draft() -> Draft {
        presets::openai_november_2025().draft().clone()
    }

    fn list_of(names: &[&str]) -> SavedList {
        SavedList {
            entries: names.iter().map(|n| entry(n)).collect(),
            unreadable: vec!["{\"kept\": true}".into()],
        }
    }

    #[test]
    fn each_action_gives_the_expected_list() {
        let blank = presets::blank().draft().clone();
        let at = "2026-12-01T10:00:00Z".to_string();
        let longest = "x".repeat(MAX_NAME);
        // (action, names after; None when the list must not change)
        let cases: Vec<(SavedAction, Option<Vec<&str>>)> = vec![
            (
                SavedAction::Save {
                    name: "Mine".into(),
                    scenario: blank.clone(),
                    at: at.clone(),
                },
                Some(vec!["Mine", "a", "b"]),
            ),
            (
                SavedAction::Save {
                    name: " a ".into(),
                    scenario: blank.clone(),
                    at: at.clone(),
                },
                Some(vec!["a (2)", "a", "b"]),
            ),
            (
                SavedAction::Save {
                    name: "   ".into(),
                    scenario: other_draft(),
                    at: at.clone(),
                },
                Some(vec!["OpenAI, November 2025", "a", "b"]),
            ),
            (
                SavedAction::Save {
                    name: "x".repeat(200),
                    scenario: blank.clone(),
                    at: at.clone(),
                },
                Some(vec![&*longest, "a", "b"]),
            ),
            (
                SavedAction::KeepBeforeLink {
                    scenario: other_draft(),
                    at: at.clone(),
                },
                Some(vec![
                    "OpenAI, November 2025 (before opening a link)",
                    "a",
                    "b",
                ]),
            ),
            (
                SavedAction::KeepBeforeSwitch {
                    scenario: other_draft(),
                    at: at.clone(),
                },
                Some(vec![
                    "OpenAI, November 2025 (before switching preset)",
                    "a",
                    "b",
                ]),
            ),
            (
                SavedAction::Overwrite {
                    index: 1,
                    name: "b".into(),
                    scenario: other_draft(),
                    at: at.clone(),
                },
                Some(vec!["b", "a"]),
            ),
            (
                SavedAction::Overwrite {
                    index: 1,
                    name: "b".into(),
                    scenario: blank.clone(),
                    at: at.clone(),
                },
                None,
            ),
            (
                SavedAction::Overwrite {
                    index: 0,
                    name: "b".into(),
                    scenario: other_draft(),
                    at: at.clone(),
                },
                None,
            ),
            (
                SavedAction::Rename {
                    index: 0,
                    name: "a".into(),
                    to: "c".into(),
                },
                Some(vec!["c", "b"]),
            ),
            (
                SavedAction::Rename {
                    index: 0,
                    name: "a".into(),
                    to: "b".into(),
                },
                Some(vec!["b (2)", "b"]),
            ),
            (
                SavedAction::Rename {
                    index: 0,
                    name: "a".into(),
                    to: " a ".into(),
                },
                None,
            ),
            (
                SavedAction::Rename {
                    index: 0,
                    name: "a".into(),
                    to: "".into(),
                },
                Some(vec!["Untitled scenario", "b"]),
            ),
            (
                SavedAction::Rename {
                    index: 5,
                    name: "a".into(),
                    to: "z".into(),
                },
                None,
            ),
            (
                SavedAction::Delete {
                    index: 1,
                    name: "b".into(),
                },
                Some(vec!["a"]),
            ),
            (
                SavedAction::Delete {
                    index: 1,
                    name: "a".into(),
                },
                None,
            ),
            (
                SavedAction::Delete {
                    index: 9,
                    name: "b".into(),
                },
                None,
            ),
        ];
        for (action, want) in cases {
            let start = Rc::new(SavedState::new(list_of(&["a", "b"])));
            let end = reduce_all(start.clone(), [action.clone()]);
            match want {
                Some(want) => {
                    assert_eq!(names(&end.list), want, "{action:?}");
                    assert_eq!(end.revision, 1, "{action:?}");
                    // Entries this version cannot read are never dropped by an action.
                    assert_eq!(end.list.unreadable, start.list.unreadable, "{action:?}");
                }
                None => assert!(Rc::ptr_eq(&start, &end), "{action:?} changed the list"),
            }
        }
    }

    #[test]
    fn saved_and_overwritten_entries_carry_their_scenario_and_time() {
        let at = "2026-12-01T10:00:00Z".to_string();
        let end = reduce_all(
            Rc::new(SavedState::new(list_of(&["a", "b"]))),
            [SavedAction::Overwrite {
                index: 1,
                name: "b".into(),
                scenario: other_draft(),
                at: at.clone(),
            }],
        );
        assert_eq!(end.list.entries[0].scenario, other_draft());
        assert_eq!(end.list.entries[0].saved_at, at);
        assert_eq!(end.list.entries[1], entry("a"));
    }

    #[test]
    fn two_saves_in_a_row_are_both_kept() {
        // What a list copied at the last render lost: two saves before the page re-renders.
        let save = |name: &str| SavedAction::Save {
            name: name.into(),
            scenario: presets::blank().draft().clone(),
            at: "t".into(),
        };
        let end = reduce_all(
            Rc::new(SavedState::default()),
            [save("one"), save("two"), save("one")],
        );
        assert_eq!(names(&end.list), ["one (2)", "two", "one"]);
        assert_eq!(end.revision, 3);
    }

    #[test]
    fn open_checks_the_entry_is_still_there() {
        let list = list_of(&["a", "b"]);
        assert_eq!(
            list.open(1, "b").map(|s| s.draft().clone()),
            Some(presets::blank().draft().clone())
        );
        assert!(list.open(1, "a").is_none());
        assert!(list.open(2, "b").is_none());
        let mut broken = list_of(&["bad"]);
        broken.entries[0].scenario.deals[0].years = 0;
        assert!(
            broken.open(0, "bad").is_none(),
            "an invalid draft is not opened"
        );
    }
}
