//! Messages about the page itself (a broken link, storage that cannot be used, a rejected
//! import) as one reducer: every notice raised is kept, however many arrive in the same tick,
//! because each one is applied to the latest list, never to a copy taken at the last render.

use std::rc::Rc;

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// One message, with optional detail lines (e.g. every validation problem of an import).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Assigned by [`Notices`]: unique for the life of the page, so a dismissed notice's id is
    /// never reused by a later one (a click on a stale button cannot dismiss the wrong one).
    pub id: u32,
    pub tone: Tone,
    pub text: String,
    pub details: Vec<String>,
}

/// What can happen to the list of notices.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeAction {
    /// Show a message. The same text and details already shown are not shown twice (storage
    /// that stays full would otherwise repeat its warning on every edit).
    Push {
        tone: Tone,
        text: String,
        details: Vec<String>,
    },
    /// Hide the notice with this id (nothing happens if it is already gone).
    Dismiss { id: u32 },
}

impl NoticeAction {
    /// A message without detail lines.
    pub fn push(tone: Tone, text: impl Into<String>) -> NoticeAction {
        NoticeAction::Push {
            tone,
            text: text.into(),
            details: Vec::new(),
        }
    }
}

/// The notices on show, and the next id to give out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notices {
    list: Vec<Notice>,
    next_id: u32,
}

impl Notices {
    /// The notices of the page's start, in order.
    pub fn new(initial: impl IntoIterator<Item = (Tone, String)>) -> Notices {
        initial
            .into_iter()
            .fold(Notices::default(), |notices, (tone, text)| {
                notices
                    .apply(NoticeAction::push(tone, text))
                    .unwrap_or(notices)
            })
    }

    /// The notices on show, oldest first.
    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    /// The list after `action`, or `None` when it changes nothing (a repeated message, an id
    /// already dismissed), so the caller can keep the same value and skip a re-render.
    pub fn apply(&self, action: NoticeAction) -> Option<Notices> {
        match action {
            NoticeAction::Push {
                tone,
                text,
                details,
            } => {
                if self
                    .list
                    .iter()
                    .any(|n| n.text == text && n.details == details)
                {
                    return None;
                }
                let mut next = self.clone();
                next.list.push(Notice {
                    id: self.next_id,
                    tone,
                    text,
                    details,
                });
                // Wrapping after four billion notices in one visit is harmless: the old ones
                // are long dismissed or deduplicated.
                next.next_id = self.next_id.wrapping_add(1);
                Some(next)
            }
            NoticeAction::Dismiss { id } => {
                if !self.list.iter().any(|n| n.id == id) {
                    return None;
                }
                let mut next = self.clone();
                next.list.retain(|n| n.id != id);
                Some(next)
            }
        }
    }
}

/// The Yew reducer: returns the same `Rc` when nothing changed so Yew skips the re-render.
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for Notices {
    type Action = NoticeAction;

    fn reduce(self: Rc<Self>, action: NoticeAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// Applies actions in order the way Yew's reducer does, for host tests and callers that
/// batch several actions.
pub fn reduce_all(
    start: Rc<Notices>,
    actions: impl IntoIterator<Item = NoticeAction>,
) -> Rc<Notices> {
    actions
        .into_iter()
        .fold(start, |state, action| match state.apply(action) {
            Some(next) => Rc::new(next),
            None => state,
        })
}

/// The first letter in upper case: messages built from lower-case clauses ("storage is
/// full...") open a sentence when shown on their own.
pub fn capitalise(s: &str) -> String {
    // ASCII only: every message is this app's own English text, and Unicode upper-casing would
    // add its conversion tables to the download.
    let mut s = s.to_string();
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(n: &Notices) -> Vec<&str> {
        n.list().iter().map(|n| n.text.as_str()).collect()
    }

    #[test]
    fn two_pushes_in_a_row_are_both_kept() {
        // What a stale snapshot lost: two notices raised before the page re-renders.
        let start = Rc::new(Notices::new([(
            Tone::Warning,
            "Storage is full.".to_string(),
        )]));
        let end = reduce_all(
            start,
            [
                NoticeAction::push(Tone::Info, "Imported \"A\"."),
                NoticeAction::push(Tone::Warning, "Your work is not kept."),
            ],
        );
        assert_eq!(
            texts(&end),
            [
                "Storage is full.",
                "Imported \"A\".",
                "Your work is not kept."
            ]
        );
        let ids: Vec<u32> = end.list().iter().map(|n| n.id).collect();
        assert_eq!(ids, [0, 1, 2]);
    }

    #[test]
    fn each_action_changes_the_list_or_keeps_the_same_value() {
        let base = Notices::new([
            (Tone::Error, "Bad link.".to_string()),
            (Tone::Info, "Saved.".to_string()),
        ]);
        // (action, texts after, whether anything changed)
        let cases: Vec<(NoticeAction, Vec<&str>, bool)> = vec![
            (
                NoticeAction::push(Tone::Info, "New."),
                vec!["Bad link.", "Saved.", "New."],
                true,
            ),
            (
                NoticeAction::push(Tone::Warning, "Saved."),
                vec!["Bad link.", "Saved."],
                false,
            ),
            (
                NoticeAction::Push {
                    tone: Tone::Error,
                    text: "Saved.".into(),
                    details: vec!["line 1".into()],
                },
                vec!["Bad link.", "Saved.", "Saved."],
                true,
            ),
            (NoticeAction::Dismiss { id: 0 }, vec!["Saved."], true),
            (
                NoticeAction::Dismiss { id: 7 },
                vec!["Bad link.", "Saved."],
                false,
            ),
        ];
        for (action, want, changes) in cases {
            let start = Rc::new(base.clone());
            let end = reduce_all(start.clone(), [action.clone()]);
            assert_eq!(texts(&end), want, "{action:?}");
            assert_eq!(!Rc::ptr_eq(&start, &end), changes, "{action:?}");
        }
    }

    #[test]
    fn ids_are_never_reused_after_a_dismissal() {
        let n = reduce_all(
            Rc::new(Notices::default()),
            [
                NoticeAction::push(Tone::Info, "a"),
                NoticeAction::push(Tone::Info, "b"),
                NoticeAction::Dismiss { id: 1 },
                NoticeAction::push(Tone::Info, "c"),
                // A stale dismiss of "b" must not hide "c".
                NoticeAction::Dismiss { id: 1 },
            ],
        );
        assert_eq!(texts(&n), ["a", "c"]);
        assert_eq!(n.list()[1].id, 2);
    }

    #[test]
    fn a_dismissed_message_can_be_shown_again() {
        let n = reduce_all(
            Rc::new(Notices::default()),
            [
                NoticeAction::push(Tone::Warning, "Storage is full."),
                NoticeAction::Dismiss { id: 0 },
                NoticeAction::push(Tone::Warning, "Storage is full."),
            ],
        );
        assert_eq!(texts(&n), ["Storage is full."]);
        assert_eq!(n.list()[0].id, 1);
    }

    #[test]
    fn start_notices_are_deduplicated_in_order() {
        let n = Notices::new([
            (Tone::Warning, "x".to_string()),
            (Tone::Error, "y".to_string()),
            (Tone::Warning, "x".to_string()),
        ]);
        assert_eq!(texts(&n), ["x", "y"]);
    }

    #[test]
    fn capitalise_handles_empty_and_leaves_non_ascii() {
        let cases = [
            ("", ""),
            ("storage", "Storage"),
            // Every message is this app's English text; a non-ASCII first letter is left as it is.
            ("énorme", "énorme"),
            ("A", "A"),
        ];
        for (input, want) in cases {
            assert_eq!(capitalise(input), want, "{input:?}");
        }
    }
}
