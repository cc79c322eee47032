//! The Suppliers page's set of companies (at most eight), and every change to it: open the set
//! a link holds (or the defaults, with a message when the link cannot be read), add a built-in,
//! saved or imported scenario (saying why not when the set is full or already holds it), remove
//! one, and the link that reopens the set. Pure, so every rule is tested on the host.

use crate::presets::{self, PRESETS};
use crate::scenario::Scenario;
use coverage_model::suppliers::link::{self, Entry};
use std::fmt;

pub use coverage_model::suppliers::link::MAX_COMPANIES;

/// Where a company of the set came from, as the page labels it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A built-in scenario.
    BuiltIn,
    /// One of "Your scenarios", by its saved name.
    Saved(String),
    /// A scenario file, by its file name.
    File(String),
    /// A scenario carried whole by the link the page was opened with.
    Link,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::BuiltIn => write!(f, "built-in"),
            Origin::Saved(name) => write!(f, "saved as \"{name}\""),
            Origin::File(name) => write!(f, "from {name}"),
            Origin::Link => write!(f, "from the link"),
        }
    }
}

/// One company of the set.
#[derive(Debug, Clone, PartialEq)]
pub struct Company {
    pub scenario: Scenario,
    pub origin: Origin,
}

/// Why a scenario was not added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddError {
    /// The set already holds [`MAX_COMPANIES`].
    Full,
    /// The very same scenario is already in the set (by its name there).
    AlreadyIn(String),
}

impl fmt::Display for AddError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddError::Full => write!(
                f,
                "This page compares at most {MAX_COMPANIES} companies, so the table and charts stay readable: remove one first."
            ),
            AddError::AlreadyIn(name) => write!(f, "\"{name}\" is already in the set."),
        }
    }
}

/// The companies, in the order added.
#[derive(Debug, Clone, PartialEq)]
pub struct Companies {
    pub list: Vec<Company>,
}

impl Companies {
    /// The built-in OpenAI and Anthropic scenarios.
    pub fn defaults() -> Companies {
        Companies {
            list: link::default_presets()
                .map(|p| Company {
                    scenario: p.scenario(),
                    origin: Origin::BuiltIn,
                })
                .collect(),
        }
    }

    /// The set a link's fragment holds; the defaults when it holds none, and the defaults with
    /// a message saying what is wrong when it cannot be read.
    pub fn open(fragment: &str) -> (Companies, Option<String>) {
        match link::decode(fragment) {
            Ok(Some(entries)) => {
                let list = entries
                    .into_iter()
                    .map(|e| Company {
                        origin: match e {
                            Entry::Preset(_) => Origin::BuiltIn,
                            Entry::Scenario(_) => Origin::Link,
                        },
                        scenario: e.scenario(),
                    })
                    .collect();
                (Companies { list }, None)
            }
            Ok(None) => (Companies::defaults(), None),
            Err(e) => (
                Companies::defaults(),
                Some(format!(
                    "This link could not be opened: {e}. The default companies are shown instead."
                )),
            ),
        }
    }

    /// The fragment of the link that reopens the set (built-in scenarios by id).
    pub fn fragment(&self) -> String {
        let entries: Vec<Entry> = self.list.iter().map(|c| Entry::of(&c.scenario)).collect();
        link::encode(&entries)
    }

    pub fn scenarios(&self) -> Vec<Scenario> {
        self.list.iter().map(|c| c.scenario.clone()).collect()
    }

    /// Adds a company at the end.
    ///
    /// # Errors
    /// [`AddError`] when the set is full or already holds the same scenario.
    pub fn add(&mut self, scenario: Scenario, origin: Origin) -> Result<(), AddError> {
        if let Some(same) = self.list.iter().find(|c| c.scenario == scenario) {
            return Err(AddError::AlreadyIn(same.scenario.name.clone()));
        }
        if self.list.len() >= MAX_COMPANIES {
            return Err(AddError::Full);
        }
        self.list.push(Company { scenario, origin });
        Ok(())
    }

    /// Removes the company at `index`; `false` when there is none.
    pub fn remove(&mut self, index: usize) -> bool {
        if index < self.list.len() {
            self.list.remove(index);
            true
        } else {
            false
        }
    }

    /// The built-in scenarios not yet in the set (the ones the page offers to add).
    pub fn presets_to_add(&self) -> Vec<&'static presets::Preset> {
        PRESETS
            .iter()
            .filter(|p| !self.list.iter().any(|c| c.scenario == p.scenario()))
            .collect()
    }
}

/// A scenario file's text as a company to add, or the messages saying why it cannot be (the
/// same as the calculator's import).
///
/// # Errors
/// Each problem of the file, one message per line.
pub fn read_file(text: Result<String, String>) -> Result<Scenario, Vec<String>> {
    text.map_err(|e| vec![e])
        .and_then(|t| Scenario::from_json(&t).map_err(|e| e.messages()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Scenario {
        let mut d = presets::blank().draft().clone();
        d.name = name.into();
        Scenario::new(d).unwrap()
    }

    #[test]
    fn defaults_are_openai_and_anthropic() {
        let c = Companies::defaults();
        let names: Vec<&str> = c.list.iter().map(|c| c.scenario.name.as_str()).collect();
        assert_eq!(names.len(), 2);
        assert!(
            names[0].starts_with("OpenAI") && names[1].starts_with("Anthropic"),
            "{names:?}"
        );
        assert_eq!(c.fragment(), "c=p.openai-2025-11&c=p.anthropic-2025-11");
        assert_eq!(
            c.presets_to_add().iter().map(|p| p.id).collect::<Vec<_>>(),
            ["blank"]
        );
    }

    #[test]
    fn adding_a_ninth_says_why_not_and_a_duplicate_is_refused() {
        let mut c = Companies::defaults();
        assert_eq!(
            c.add(presets::openai_november_2025(), Origin::BuiltIn),
            Err(AddError::AlreadyIn(
                presets::openai_november_2025().name.clone()
            ))
        );
        for i in 3..=MAX_COMPANIES {
            c.add(
                named(&format!("Company {i}")),
                Origin::File(format!("{i}.json")),
            )
            .unwrap();
        }
        assert_eq!(c.list.len(), MAX_COMPANIES);
        let e = c
            .add(named("Ninth"), Origin::Saved("Ninth".into()))
            .unwrap_err();
        assert_eq!(e, AddError::Full);
        assert!(e.to_string().contains("at most 8 companies"), "{e}");
        assert_eq!(c.list.len(), MAX_COMPANIES);
        assert!(c.remove(0));
        assert!(!c.remove(MAX_COMPANIES));
        c.add(named("Ninth"), Origin::Saved("Ninth".into()))
            .unwrap();
        assert_eq!(
            c.list[MAX_COMPANIES - 1].origin.to_string(),
            "saved as \"Ninth\""
        );
    }

    #[test]
    fn the_link_reopens_the_set_and_a_bad_link_gives_the_defaults_and_says_why() {
        let mut c = Companies::defaults();
        c.remove(0);
        c.add(named("From a file"), Origin::File("f.json".into()))
            .unwrap();
        let (back, message) = Companies::open(&c.fragment());
        assert_eq!(message, None);
        assert_eq!(back.scenarios(), c.scenarios());
        assert_eq!(back.list[0].origin, Origin::BuiltIn);
        assert_eq!(back.list[1].origin, Origin::Link);

        assert_eq!(Companies::open(""), (Companies::defaults(), None));
        let cases = [
            (
                "c=p.nothing",
                "company 1 of the link is a built-in scenario",
            ),
            ("s1.abc", "not a set of companies"),
            ("c=s1.%%%", "company 1 of the link: the link is damaged"),
        ];
        for (fragment, wanted) in cases {
            let (set, message) = Companies::open(fragment);
            assert_eq!(set, Companies::defaults(), "{fragment}");
            let message = message.unwrap();
            assert!(
                message.starts_with("This link could not be opened: "),
                "{message}"
            );
            assert!(message.contains(wanted), "{fragment}: {message}");
            assert!(message.ends_with("The default companies are shown instead."));
        }
    }

    #[test]
    fn a_file_is_read_with_the_calculators_messages() {
        assert!(read_file(Ok(presets::blank().to_json())).is_ok());
        assert_eq!(
            read_file(Err("the file could not be read".into())),
            Err(vec!["the file could not be read".to_string()])
        );
        let bad = read_file(Ok("{\"version\":1}".into())).unwrap_err();
        assert!(bad[0].contains("missing"), "{bad:?}");
        let mut d = presets::blank().draft().clone();
        d.deals[0].years = 0;
        d.end_year = d.start_year - 1;
        let json = serde_json::to_string(&d).unwrap();
        let messages = read_file(Ok(json)).unwrap_err();
        assert!(messages.len() >= 2, "every problem listed: {messages:?}");
    }
}
