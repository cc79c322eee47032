//! Which move through the browser's history a change of the calculator's scenario makes, so
//! that Back and Forward and the Undo and Redo buttons agree about a switch of preset. Pure,
//! so it is tested on the host; the calculator keeps one [`Address`] and carries out its
//! [`Move`]s (`browser::set_hash`).
//!
//! A switch of preset pushes an entry of its own, which records the link of the entry under
//! it; every other change replaces the current entry's address. The decision that makes the
//! two histories agree: **undoing a switch goes back in the browser's history itself**, rather
//! than rewriting the switch's entry to the scenario before it. Rewriting would leave two
//! entries showing the same scenario, so the next Back would seem to do nothing; going back
//! leaves the switch's entry ahead, where Forward finds it, and the next Back leaves the page
//! for wherever the reader came from. Redoing that switch pushes its entry again, as the
//! switch itself did. Each rule checks the browser's entries themselves (the link recorded
//! under the current entry, the links of entries gone back from), so a step that matches no
//! switch's entry just replaces the address.

/// How the address follows a change of scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The address already shows the scenario (the browser moved to it, or nothing changed).
    Stay,
    /// Replace the current entry's address: an edit, which Back should not step through.
    Replace,
    /// A new entry above the current one: a switch of preset, or redoing one.
    Push,
    /// Go back one entry: the entry under the current one shows exactly this scenario (undoing
    /// a switch).
    Back,
}

/// What the calculator remembers of the entries its switches of preset made.
#[derive(Debug, Default)]
pub struct Address {
    /// The links of switch entries gone back from (by Undo or by Back), most recent last: they
    /// are still ahead in the browser's history, and redoing one pushes it again.
    ahead: Vec<String>,
    /// One of our own Backs is under way: the `popstate` it fires is not the reader's.
    going_back: bool,
}

impl Address {
    /// The move for a change to the scenario whose link is `to`, with the address showing
    /// `here`; `under` is the link the current entry records under it (pushed by a switch),
    /// and `switch` says the change is a switch of preset.
    pub fn step(&mut self, to: &str, here: &str, under: Option<&str>, switch: bool) -> Move {
        if here == to {
            Move::Stay
        } else if switch {
            // Pushing drops the entries ahead.
            self.ahead.clear();
            Move::Push
        } else if under == Some(to) {
            self.ahead.push(here.to_string());
            self.going_back = true;
            Move::Back
        } else if self.ahead.last().is_some_and(|a| a == to) {
            self.ahead.pop();
            Move::Push
        } else {
            Move::Replace
        }
    }

    /// The reader's Back left the switch's entry at `from` (and undid that switch).
    pub fn went_back(&mut self, from: String) {
        self.ahead.push(from);
    }

    /// The reader's Forward reached the entry at `to`.
    pub fn went_forward(&mut self, to: &str) {
        if self.ahead.last().is_some_and(|a| a == to) {
            self.ahead.pop();
        }
    }

    /// Whether a `popstate` ends our own Back (and, if so, that it has).
    pub fn ours(&mut self) -> bool {
        std::mem::take(&mut self.going_back)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A browser's history of scenario links, with the link each entry records under it, and
    /// the calculator's undo stack of links, driven as the app drives them: each change asks
    /// [`Address::step`] and carries out the move; Back and Forward visit an entry and undo or
    /// redo when it is one step away, as the app's `popstate` handler does.
    struct Tab {
        /// (link, what the entry records under it).
        entries: Vec<(String, Option<String>)>,
        at: usize,
        address: Address,
        /// The undo and redo stacks of scenarios.
        past: Vec<&'static str>,
        future: Vec<&'static str>,
        shown: &'static str,
    }

    impl Tab {
        /// Opened from another site (entry 0) on the scenario `first`.
        fn new(first: &'static str) -> Tab {
            Tab {
                entries: vec![("elsewhere".into(), None), (first.into(), None)],
                at: 1,
                address: Address::default(),
                past: Vec::new(),
                future: Vec::new(),
                shown: first,
            }
        }

        fn here(&self) -> &str {
            &self.entries[self.at].0
        }

        /// Carries out the move for the scenario now shown.
        fn follow(&mut self, switch: bool) {
            let (here, under) = self.entries[self.at].clone();
            match self
                .address
                .step(self.shown, &here, under.as_deref(), switch)
            {
                Move::Stay => {}
                Move::Replace => self.entries[self.at].0 = self.shown.into(),
                Move::Push => {
                    self.entries.truncate(self.at + 1);
                    self.entries.push((self.shown.into(), Some(here)));
                    self.at += 1;
                }
                Move::Back => {
                    self.at -= 1;
                    // The popstate of our own Back changes nothing.
                    assert!(self.address.ours());
                }
            }
        }

        fn change(&mut self, to: &'static str, switch: bool) {
            self.past.push(self.shown);
            self.future.clear();
            self.shown = to;
            self.follow(switch);
        }

        fn undo(&mut self) {
            let to = self.past.pop().expect("something to undo");
            self.future.push(self.shown);
            self.shown = to;
            self.follow(false);
        }

        fn redo(&mut self) {
            let to = self.future.pop().expect("something to redo");
            self.past.push(self.shown);
            self.shown = to;
            self.follow(false);
        }

        /// The browser's Back; false when it left the page.
        fn back(&mut self) -> bool {
            self.at -= 1;
            if self.at == 0 {
                return false;
            }
            assert!(!self.address.ours());
            let to = self.here().to_string();
            if self.past.last().is_some_and(|p| *p == to) {
                let from = self.entries[self.at + 1].0.clone();
                self.undo();
                self.address.went_back(from);
            }
            true
        }

        fn forward(&mut self) {
            self.at += 1;
            let to = self.here().to_string();
            if self.future.last().is_some_and(|f| *f == to) {
                self.redo();
                self.address.went_forward(&to);
            }
        }

        /// The shown scenario and the address agree.
        fn check(&self, what: &str) {
            assert_eq!(self.here(), self.shown, "{what}: {:?}", self.entries);
        }
    }

    #[test]
    fn undoing_a_switch_goes_back_so_the_next_back_leaves() {
        let mut tab = Tab::new("a");
        tab.change("a2", false);
        tab.change("b", true);
        tab.check("switched");
        assert_eq!(tab.entries.len(), 3, "the switch has its own entry");
        tab.undo();
        tab.check("undone");
        assert_eq!(tab.at, 1, "back on the entry before the switch");
        // The edit before the switch replaced the first entry, so there is nothing between.
        assert!(
            !tab.back(),
            "no dead Back press: it leaves for where the reader came from"
        );
    }

    #[test]
    fn redo_after_undoing_a_switch_pushes_it_again() {
        let mut tab = Tab::new("a");
        tab.change("b", true);
        tab.undo();
        tab.redo();
        tab.check("redone");
        assert_eq!((tab.at, tab.entries.len()), (2, 3));
        assert!(tab.back(), "Back undoes the switch again");
        assert_eq!(tab.shown, "a");
        tab.forward();
        assert_eq!(tab.shown, "b", "Forward redoes it");
        tab.check("forward");
    }

    #[test]
    fn back_then_forward_after_a_switch() {
        let mut tab = Tab::new("a");
        tab.change("b", true);
        assert!(tab.back());
        assert_eq!(tab.shown, "a");
        tab.check("back");
        tab.forward();
        assert_eq!(tab.shown, "b");
        tab.check("forward");
        // And Undo after Forward is Back again.
        tab.undo();
        assert_eq!((tab.shown, tab.at), ("a", 1));
    }

    #[test]
    fn redo_with_the_button_after_back_pushes_the_switch_again() {
        let mut tab = Tab::new("a");
        tab.change("b", true);
        assert!(tab.back());
        tab.redo();
        tab.check("redone");
        assert_eq!(tab.at, 2);
        assert!(tab.back(), "Back still undoes the switch");
        assert_eq!(tab.shown, "a");
    }

    #[test]
    fn edits_replace_and_undoing_them_replaces() {
        let mut tab = Tab::new("a");
        tab.change("b", true);
        tab.change("b2", false);
        tab.change("b3", false);
        assert_eq!(tab.entries.len(), 3, "edits add no entry");
        tab.undo();
        tab.check("an edit undone");
        assert_eq!(tab.at, 2, "undoing an edit stays on the switch's entry");
        tab.undo();
        tab.undo();
        tab.check("the switch undone");
        assert_eq!(tab.at, 1);
        tab.redo();
        tab.redo();
        tab.check("redone twice");
        assert_eq!((tab.at, tab.here()), (2, "b2"));
    }

    #[test]
    fn chained_switches_undo_one_entry_at_a_time() {
        let mut tab = Tab::new("a");
        tab.change("b", true);
        tab.change("c", true);
        tab.undo();
        tab.undo();
        tab.check("both undone");
        assert_eq!(tab.at, 1);
        tab.redo();
        tab.redo();
        tab.check("both redone");
        assert_eq!((tab.at, tab.entries.len()), (3, 4));
        assert!(tab.back() && tab.back());
        assert_eq!(tab.shown, "a");
        assert!(!tab.back());
    }

    #[test]
    fn a_new_switch_after_undoing_one_drops_what_was_ahead() {
        let mut tab = Tab::new("a");
        tab.change("b", true);
        tab.undo();
        tab.change("c", true);
        tab.check("switched elsewhere");
        assert_eq!(tab.entries.len(), 3, "the old entry ahead is gone");
        tab.undo();
        assert_eq!((tab.shown, tab.at), ("a", 1));
    }

    #[test]
    fn a_switch_that_changes_nothing_stays() {
        let mut address = Address::default();
        assert_eq!(address.step("a", "a", None, true), Move::Stay);
        assert_eq!(address.step("a", "a", Some("a"), false), Move::Stay);
        assert!(!address.ours());
    }
}
