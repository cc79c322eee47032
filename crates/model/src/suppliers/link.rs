//! The Suppliers page's set of companies in the address, so a shared link reopens it:
//! `#c=p.openai-2025-11&c=s1.<data>`, one `c=` entry per company in order. A built-in scenario
//! used as shipped is named by its preset id (`p.<id>`), which keeps the usual link short; any
//! other scenario is carried whole in the calculator's compact, versioned link format
//! ([`codec`]: `s1.` and the deflated JSON). The key `c` is this format's version 1: a later
//! format takes another key, and a key this version does not know is reported, not guessed at.
//! Decoding is bounded like the calculator's: the fragment's length, the number of companies,
//! and each scenario's size (by [`codec::decode`]).

use crate::codec::{self, LinkError};
use crate::engine::name_key;
use crate::narrative;
use crate::presets::{self, Preset, PRESETS};
use crate::scenario::Scenario;
use std::fmt;

/// Most companies the page holds at once.
pub const MAX_COMPANIES: usize = 8;
/// Longest fragment accepted: eight scenarios at the calculator's own bound would never fit in
/// an address, so the bound is the calculator's, once.
pub const MAX_FRAGMENT: usize = codec::MAX_FRAGMENT;
/// The key of one company's entry.
const KEY: &str = "c=";
/// The prefix of an entry naming a built-in scenario.
const PRESET: &str = "p.";

/// One company of the set.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A built-in scenario as shipped.
    Preset(&'static Preset),
    /// Any other scenario (a saved one, a file, a changed preset).
    Scenario(Box<Scenario>),
}

impl Entry {
    /// The entry for a scenario: by preset id when it is a built-in scenario unchanged.
    pub fn of(scenario: &Scenario) -> Entry {
        presets::PRESETS
            .iter()
            .find(|p| p.scenario() == *scenario)
            .map_or_else(
                || Entry::Scenario(Box::new(scenario.clone())),
                Entry::Preset,
            )
    }

    pub fn scenario(&self) -> Scenario {
        match self {
            Entry::Preset(p) => p.scenario(),
            Entry::Scenario(s) => (**s).clone(),
        }
    }
}

/// Why a Suppliers link could not be opened. Positions count from 1, as a reader would.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SetLinkError {
    /// The fragment is too long to be one of ours.
    TooLong(usize),
    /// A part of the fragment is not a `c=` entry (another format, or not a link of this page).
    NotASet(String),
    /// More companies than the page holds.
    TooMany(usize),
    /// An entry names a built-in scenario this version does not have.
    UnknownPreset { at: usize, id: String },
    /// An entry's scenario cannot be read.
    Company { at: usize, error: LinkError },
}

impl fmt::Display for SetLinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetLinkError::TooLong(n) => {
                write!(f, "the link is too long to be a set of companies ({n} characters)")
            }
            SetLinkError::NotASet(part) => write!(
                f,
                "the link's #… part is not a set of companies of this page (it has \"{}\")",
                part.chars().take(24).collect::<String>()
            ),
            SetLinkError::TooMany(n) => write!(
                f,
                "the link holds {n} companies; this page shows at most {MAX_COMPANIES}"
            ),
            SetLinkError::UnknownPreset { at, id } => write!(
                f,
                "company {at} of the link is a built-in scenario this version does not have (\"{}\")",
                id.chars().take(40).collect::<String>()
            ),
            SetLinkError::Company { at, error } => write!(f, "company {at} of the link: {error}"),
        }
    }
}

impl std::error::Error for SetLinkError {}

/// The built-in scenarios the page shows when its link names none: OpenAI and Anthropic.
pub fn default_presets() -> impl Iterator<Item = &'static Preset> {
    PRESETS.iter().filter(|p| p.id != "blank").take(2)
}

/// The fragment of the calculator's link to this page: the scenario being edited beside the
/// default companies. It takes the place of the default of the same company (by
/// [`narrative::company`], so an edited OpenAI scenario stands where the built-in one was and
/// the page does not show OpenAI twice), and comes first when it is another company. `encoded`
/// is [`codec::encode`] of `current`, which the calculator has already made for its own link.
///
/// # Examples
/// ```
/// use coverage_model::{codec, presets};
/// use coverage_model::suppliers::link::beside_defaults;
/// let openai = presets::openai_november_2025();
/// let fragment = beside_defaults(&openai, &codec::encode(&openai));
/// assert_eq!(fragment, "c=p.openai-2025-11&c=p.anthropic-2025-11");
/// ```
pub fn beside_defaults(current: &Scenario, encoded: &str) -> String {
    let own = match PRESETS.iter().find(|p| p.scenario() == *current) {
        Some(p) => format!("{KEY}{PRESET}{}", p.id),
        None => format!("{KEY}{encoded}"),
    };
    let company = name_key(&narrative::company(current));
    let mut placed = false;
    let mut parts: Vec<String> = default_presets()
        .map(|p| {
            if !placed && name_key(&narrative::company(&p.scenario())) == company {
                placed = true;
                own.clone()
            } else {
                format!("{KEY}{PRESET}{}", p.id)
            }
        })
        .collect();
    if !placed {
        parts.insert(0, own);
    }
    parts.join("&")
}

/// The fragment (without `#`) of a set of companies; empty for an empty set.
///
/// # Examples
/// ```
/// use coverage_model::presets;
/// use coverage_model::suppliers::link::{decode, encode, Entry};
/// let set = [Entry::of(&presets::openai_november_2025()), Entry::of(&presets::blank())];
/// let fragment = encode(&set);
/// assert_eq!(fragment, "c=p.openai-2025-11&c=p.blank");
/// assert_eq!(decode(&fragment).unwrap(), Some(set.to_vec()));
/// ```
pub fn encode(entries: &[Entry]) -> String {
    let parts: Vec<String> = entries
        .iter()
        .map(|e| match e {
            Entry::Preset(p) => format!("{KEY}{PRESET}{}", p.id),
            Entry::Scenario(s) => format!("{KEY}{}", codec::encode(s)),
        })
        .collect();
    parts.join("&")
}

/// The set of companies a fragment (with or without `#`) holds; `Ok(None)` when it holds none
/// (no fragment: the page shows its defaults).
///
/// # Errors
/// A [`SetLinkError`] saying what is wrong, and with which company.
pub fn decode(fragment: &str) -> Result<Option<Vec<Entry>>, SetLinkError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if f.is_empty() {
        return Ok(None);
    }
    if f.len() > MAX_FRAGMENT {
        return Err(SetLinkError::TooLong(f.chars().count()));
    }
    let parts: Vec<&str> = f.split('&').filter(|p| !p.is_empty()).collect();
    if let Some(part) = parts.iter().find(|p| !p.starts_with(KEY)) {
        return Err(SetLinkError::NotASet((*part).to_string()));
    }
    // Counted before any scenario is inflated: a long list costs nothing to refuse.
    if parts.len() > MAX_COMPANIES {
        return Err(SetLinkError::TooMany(parts.len()));
    }
    let mut entries = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let at = i + 1;
        let value = &part[KEY.len()..];
        let entry =
            match value.strip_prefix(PRESET) {
                Some(id) => Entry::Preset(presets::by_id(id).ok_or_else(|| {
                    SetLinkError::UnknownPreset {
                        at,
                        id: id.to_string(),
                    }
                })?),
                None => Entry::Scenario(Box::new(
                    codec::decode(value).map_err(|error| SetLinkError::Company { at, error })?,
                )),
            };
        entries.push(entry);
    }
    Ok(Some(entries))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;

    fn changed_openai() -> Scenario {
        let mut d = presets::openai_november_2025().draft().clone();
        d.name = "OpenAI, slower".into();
        d.funding.opening_cash += 1.0;
        Scenario::new(d).unwrap()
    }

    #[test]
    fn a_set_round_trips_with_presets_by_id() {
        let set = vec![
            Entry::of(&PRESETS[1].scenario()),
            Entry::of(&changed_openai()),
            Entry::of(&PRESETS[0].scenario()),
        ];
        assert_eq!(set[0], Entry::Preset(&PRESETS[1]));
        assert!(matches!(set[1], Entry::Scenario(_)));
        let fragment = encode(&set);
        assert!(
            fragment.starts_with("c=p.anthropic-2025-11&c=s1."),
            "{fragment}"
        );
        assert!(fragment.ends_with("&c=p.openai-2025-11"), "{fragment}");
        assert_eq!(decode(&fragment), Ok(Some(set.clone())));
        assert_eq!(decode(&format!("#{fragment}")), Ok(Some(set)));
        assert_eq!(encode(&[]), "");
        assert_eq!(decode(""), Ok(None));
        assert_eq!(decode("#"), Ok(None));
    }

    #[test]
    fn the_calculators_scenario_stands_beside_the_other_default() {
        let names = |fragment: &str| -> Vec<String> {
            decode(fragment)
                .unwrap()
                .unwrap()
                .iter()
                .map(|e| e.scenario().name.clone())
                .collect()
        };
        let link = |s: &Scenario| beside_defaults(s, &codec::encode(s));
        let (openai, anthropic) = (&PRESETS[0], &PRESETS[1]);
        assert_eq!(
            link(&anthropic.scenario()),
            "c=p.openai-2025-11&c=p.anthropic-2025-11"
        );
        // An edited OpenAI scenario takes the built-in one's place, whole.
        let edited = changed_openai();
        let fragment = link(&edited);
        assert_eq!(
            fragment,
            format!("c={}&c=p.anthropic-2025-11", codec::encode(&edited))
        );
        let back = decode(&fragment).unwrap().unwrap();
        assert_eq!(back[0].scenario(), edited);
        // An edited Anthropic scenario stays second.
        let mut d = anthropic.scenario().draft().clone();
        d.funding.opening_cash += 2.0;
        let fragment = link(&Scenario::new(d).unwrap());
        assert!(
            fragment.starts_with("c=p.openai-2025-11&c=s1."),
            "{fragment}"
        );
        // Another company comes first, the defaults after it.
        assert_eq!(
            link(&presets::blank()),
            "c=p.blank&c=p.openai-2025-11&c=p.anthropic-2025-11"
        );
        let mut d = presets::blank().draft().clone();
        d.name = "Mistral, test".into();
        let fragment = link(&Scenario::new(d).unwrap());
        assert_eq!(names(&fragment)[0], "Mistral, test");
        assert_eq!(names(&fragment).len(), 3);
        assert_eq!(
            default_presets().map(|p| p.id).collect::<Vec<_>>(),
            [openai.id, anthropic.id]
        );
    }

    #[test]
    fn eight_full_scenarios_fit_in_a_link() {
        let set = vec![Entry::of(&changed_openai()); MAX_COMPANIES];
        let fragment = encode(&set);
        assert!(fragment.len() < 40_000, "{} characters", fragment.len());
        assert_eq!(decode(&fragment).unwrap().unwrap().len(), MAX_COMPANIES);
    }

    #[test]
    fn bad_links_say_what_is_wrong() {
        let nine = ["c=p.blank"; MAX_COMPANIES + 1].join("&");
        let good = codec::encode(&presets::blank());
        let cases: Vec<(String, SetLinkError)> = vec![
            (
                format!("c={}", "A".repeat(MAX_FRAGMENT)),
                SetLinkError::TooLong(MAX_FRAGMENT + 2),
            ),
            (good.clone(), SetLinkError::NotASet(good.clone())),
            (
                "c=p.blank&section-2".into(),
                SetLinkError::NotASet("section-2".into()),
            ),
            (nine, SetLinkError::TooMany(MAX_COMPANIES + 1)),
            (
                "c=p.blank&c=p.xai-2031".into(),
                SetLinkError::UnknownPreset {
                    at: 2,
                    id: "xai-2031".into(),
                },
            ),
            (
                format!("c=p.blank&c={}", &good[..good.len() / 2]),
                SetLinkError::Company {
                    at: 2,
                    error: LinkError::Truncated,
                },
            ),
            (
                "c=s9.abc".into(),
                SetLinkError::Company {
                    at: 1,
                    error: LinkError::NewerFormat("9".into()),
                },
            ),
        ];
        for (fragment, expected) in cases {
            let got = decode(&fragment).unwrap_err();
            assert_eq!(got, expected, "fragment {fragment:.40}");
            let message = got.to_string();
            assert!(!message.is_empty() && message.len() < 300, "{message}");
        }
        assert_eq!(
            decode("c=p.blank&c=p.nope").unwrap_err().to_string(),
            "company 2 of the link is a built-in scenario this version does not have (\"nope\")"
        );
    }
}
