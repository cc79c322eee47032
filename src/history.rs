//! Undo and redo: a bounded list of earlier snapshots and of undone ones, each with a short
//! label of the change it stands for. Pure and generic, so it is tested on the host; the
//! calculator keeps one of its forms in [`crate::state::State`].
//!
//! Snapshots are shared (`Rc`), so copying a history (the reducer does it on every change)
//! copies pointers, never forms. Typing in one field is one change: edits with the same open
//! group key join the entry made by the first of them until the group is committed (the
//! field is left) or another change comes in.

use std::rc::Rc;

/// How many changes can be undone; older ones are dropped.
pub const LIMIT: usize = 100;

/// One earlier (or undone) snapshot and what the change from it was.
#[derive(Debug)]
struct Entry<T> {
    snapshot: Rc<T>,
    label: Rc<str>,
}

// By hand: copying an entry copies its pointers, whether or not `T` itself can be copied.
impl<T> Clone for Entry<T> {
    fn clone(&self) -> Self {
        Entry {
            snapshot: Rc::clone(&self.snapshot),
            label: Rc::clone(&self.label),
        }
    }
}

/// The changes that can be undone and redone.
#[derive(Debug)]
pub struct History<T, K> {
    /// Oldest first; the last one is what Undo goes back to.
    past: Vec<Entry<T>>,
    /// Most recently undone last; the last one is what Redo goes forward to.
    future: Vec<Entry<T>>,
    /// The group that the next change with the same key joins (the field being typed in).
    open: Option<K>,
}

impl<T, K: Copy> Clone for History<T, K> {
    fn clone(&self) -> Self {
        History {
            past: self.past.clone(),
            future: self.future.clone(),
            open: self.open,
        }
    }
}

impl<T, K> Default for History<T, K> {
    fn default() -> Self {
        History {
            past: Vec::new(),
            future: Vec::new(),
            open: None,
        }
    }
}

/// Two histories are equal when they share the same snapshots: comparing forms by value on
/// every render would cost more than it saves.
impl<T, K: PartialEq> PartialEq for History<T, K> {
    fn eq(&self, other: &Self) -> bool {
        fn same<T>(a: &[Entry<T>], b: &[Entry<T>]) -> bool {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(x, y)| Rc::ptr_eq(&x.snapshot, &y.snapshot) && x.label == y.label)
        }
        self.open == other.open
            && same(&self.past, &other.past)
            && same(&self.future, &other.future)
    }
}

/// One step of undo or redo: the entry stepped to and both lists after the step.
struct Moved<T> {
    entry: Entry<T>,
    from: Vec<Entry<T>>,
    to: Vec<Entry<T>>,
}

/// One step of undo (from the past to the future) or of redo (from the future to the past):
/// the last entry of `from` comes off, and `current` goes onto `to` under its label so that the
/// step can be taken back. `None` when `from` is empty.
fn step<T>(from: &[Entry<T>], to: &[Entry<T>], current: Rc<T>) -> Option<Moved<T>> {
    let mut from = from.to_vec();
    let entry = from.pop()?;
    let mut to = to.to_vec();
    to.push(Entry {
        snapshot: current,
        label: entry.label.clone(),
    });
    Some(Moved { entry, from, to })
}

/// Where a step of undo or redo leads: the history after it, the snapshot to show, and the
/// label of the change undone or redone.
pub struct Step<T, K> {
    pub history: History<T, K>,
    pub snapshot: Rc<T>,
    pub label: Rc<str>,
}

impl<T, K> Step<T, K> {
    /// The step to `entry`'s snapshot, with the history's lists after it (no group open).
    fn to(entry: Entry<T>, past: Vec<Entry<T>>, future: Vec<Entry<T>>) -> Step<T, K> {
        Step {
            history: History {
                past,
                future,
                open: None,
            },
            snapshot: entry.snapshot,
            label: entry.label,
        }
    }
}

impl<T, K: PartialEq + Copy> History<T, K> {
    /// The history after a change away from `before`, labelled `label`. With a `group` equal
    /// to the open one the change joins the last entry (the same field typed in again);
    /// either way nothing is left to redo.
    pub fn record(&self, before: Rc<T>, label: &str, group: Option<K>) -> History<T, K> {
        let mut past = self.past.clone();
        if group.is_none() || group != self.open || past.is_empty() {
            if past.len() >= LIMIT {
                past.remove(0);
            }
            past.push(Entry {
                snapshot: before,
                label: label.into(),
            });
        }
        History {
            past,
            future: Vec::new(),
            open: group,
        }
    }

    /// Closes the open group (the field was left): the next edit to it is a change of its
    /// own. `None` when no group is open.
    pub fn commit(&self) -> Option<History<T, K>> {
        self.open.as_ref()?;
        Some(History {
            past: self.past.clone(),
            future: self.future.clone(),
            open: None,
        })
    }

    /// Goes back one change from `current`; `None` when there is nothing to undo.
    pub fn undo(&self, current: Rc<T>) -> Option<Step<T, K>> {
        let m = step(&self.past, &self.future, current)?;
        Some(Step::to(m.entry, m.from, m.to))
    }

    /// Goes forward one undone change from `current`; `None` when there is nothing to redo.
    pub fn redo(&self, current: Rc<T>) -> Option<Step<T, K>> {
        let m = step(&self.future, &self.past, current)?;
        Some(Step::to(m.entry, m.to, m.from))
    }

    /// What Undo would undo, if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.past.last().map(|e| &*e.label)
    }

    /// What Redo would redo, if anything.
    pub fn redo_label(&self) -> Option<&str> {
        self.future.last().map(|e| &*e.label)
    }

    /// The snapshot Undo would go back to.
    pub fn previous(&self) -> Option<&T> {
        self.past.last().map(|e| &*e.snapshot)
    }

    /// The snapshot Redo would go forward to.
    pub fn next(&self) -> Option<&T> {
        self.future.last().map(|e| &*e.snapshot)
    }

    /// How many changes can be undone.
    pub fn depth(&self) -> usize {
        self.past.len()
    }

    /// Whether a group is open (a field is being typed in).
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type H = History<i32, char>;
    /// A change to the value: `(new value, label, group)`.
    type Change<'a> = (i32, &'a str, Option<char>);

    /// Applies changes to a value.
    fn run(changes: &[Change]) -> (H, i32) {
        changes
            .iter()
            .fold((H::default(), 0), |(h, current), &(next, label, group)| {
                (h.record(Rc::new(current), label, group), next)
            })
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let (h, current) = run(&[(1, "one", None), (2, "two", None), (3, "three", None)]);
        assert_eq!(h.depth(), 3);
        assert_eq!(h.undo_label(), Some("three"));
        let back = h.undo(Rc::new(current)).unwrap();
        assert_eq!((*back.snapshot, &*back.label), (2, "three"));
        assert_eq!(back.history.redo_label(), Some("three"));
        let back2 = back.history.undo(back.snapshot).unwrap();
        assert_eq!(*back2.snapshot, 1);
        let fwd = back2.history.redo(back2.snapshot).unwrap();
        assert_eq!((*fwd.snapshot, &*fwd.label), (2, "two"));
        let fwd2 = fwd.history.redo(fwd.snapshot).unwrap();
        assert_eq!(*fwd2.snapshot, 3);
        assert!(
            fwd2.history.redo(fwd2.snapshot.clone()).is_none(),
            "nothing left to redo"
        );
        assert_eq!(fwd2.history.depth(), 3);
    }

    #[test]
    fn nothing_to_undo_or_redo_at_the_start() {
        let h = H::default();
        assert!(h.undo(Rc::new(0)).is_none());
        assert!(h.redo(Rc::new(0)).is_none());
        assert_eq!((h.undo_label(), h.redo_label()), (None, None));
        assert!(h.commit().is_none());
    }

    #[test]
    fn a_new_change_drops_what_was_undone() {
        let (h, current) = run(&[(1, "one", None), (2, "two", None)]);
        let back = h.undo(Rc::new(current)).unwrap();
        let h = back.history.record(back.snapshot, "other", None);
        assert_eq!(h.redo_label(), None);
        assert_eq!(h.undo_label(), Some("other"));
        assert_eq!(h.previous(), Some(&1));
    }

    #[test]
    fn typing_in_one_field_is_one_change_until_it_is_committed() {
        // (changes, undo depth after, value undo goes back to)
        let cases: [(&[Change], usize, i32); 5] = [
            // Keystrokes in field a: one entry, back to before the first.
            (
                &[
                    (1, "a", Some('a')),
                    (12, "a", Some('a')),
                    (123, "a", Some('a')),
                ],
                1,
                0,
            ),
            // Field a, then field b: two entries.
            (&[(1, "a", Some('a')), (2, "b", Some('b'))], 2, 1),
            // Field a, a click (no group), field a again: three entries.
            (
                &[(1, "a", Some('a')), (2, "x", None), (3, "a", Some('a'))],
                3,
                2,
            ),
            // Clicks never join each other.
            (&[(1, "x", None), (2, "x", None)], 2, 1),
            // A field after a click.
            (
                &[(1, "x", None), (2, "a", Some('a')), (3, "a", Some('a'))],
                2,
                1,
            ),
        ];
        for (changes, depth, back_to) in cases {
            let (h, _) = run(changes);
            assert_eq!(h.depth(), depth, "{changes:?}");
            assert_eq!(h.previous(), Some(&back_to), "{changes:?}");
        }
    }

    #[test]
    fn committing_closes_the_group() {
        let (h, current) = run(&[(1, "a", Some('a')), (2, "a", Some('a'))]);
        assert!(h.is_open());
        let h = h.commit().unwrap();
        assert!(!h.is_open());
        let h = h.record(Rc::new(current), "a", Some('a'));
        assert_eq!(
            h.depth(),
            2,
            "an edit after leaving the field is a change of its own"
        );
        assert_eq!(h.previous(), Some(&2));
    }

    #[test]
    fn undo_closes_the_group() {
        let (h, current) = run(&[(1, "a", Some('a'))]);
        let back = h.undo(Rc::new(current)).unwrap();
        let h = back.history.record(back.snapshot, "a", Some('a'));
        assert_eq!(h.depth(), 1);
        assert_eq!(h.redo_label(), None);
    }

    #[test]
    fn the_history_is_bounded() {
        let changes: Vec<Change> = (1..=LIMIT as i32 + 25).map(|i| (i, "n", None)).collect();
        let (mut h, mut current) = run(&changes);
        assert_eq!(h.depth(), LIMIT);
        let mut steps = 0;
        while let Some(step) = h.undo(Rc::new(current)) {
            h = step.history;
            current = *step.snapshot;
            steps += 1;
        }
        assert_eq!(steps, LIMIT);
        assert_eq!(
            current, 25,
            "the oldest changes were dropped, the newest kept"
        );
    }

    #[test]
    fn equality_is_by_shared_snapshot() {
        let (h, _) = run(&[(1, "one", None)]);
        assert_eq!(h, h.clone());
        let other = H::default().record(Rc::new(0), "one", None);
        assert_ne!(
            h, other,
            "equal values in different snapshots are different entries"
        );
    }
}
