//! The built-in scenarios, written from the public figures in the team's `presets.md`, each with
//! the sources and assumptions behind it. The scenarios themselves are JSON files in the file
//! format (`src/presets/*.json`), so they read exactly like a file a user would share.

use crate::scenario::Scenario;
use std::cell::RefCell;

/// A cited source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub label: &'static str,
    /// A web address, where one is known.
    pub url: Option<&'static str>,
}

/// A built-in scenario with its provenance. Two presets are the same when their ids are (see
/// the `PartialEq` below).
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    /// Short stable id (used in links and the picker).
    pub id: &'static str,
    pub title: &'static str,
    /// One line on what the scenario shows.
    pub summary: &'static str,
    /// Which figures are assumptions and how the preset was calibrated.
    pub notes: &'static [&'static str],
    /// Sources of the figures that are not attached to a single deal.
    pub sources: &'static [Source],
    json: &'static str,
}

/// By id: the ids are unique (a test checks), so comparing them says the same as comparing
/// every field, without the code and time to compare every note and source (the calculator's
/// state compares the preset it started from on every change).
impl PartialEq for Preset {
    fn eq(&self, other: &Preset) -> bool {
        self.id == other.id
    }
}

impl Eq for Preset {}

impl Preset {
    /// The scenario. The JSON is part of the program and checked by the tests, so it is valid.
    /// Read once per thread and cloned after: the calculator asks for every preset on each
    /// edit (its link to the Suppliers page places the scenario beside them), and reading the
    /// JSON is most of that cost (about 1.8 ms an edit in the browser).
    pub fn scenario(&self) -> Scenario {
        thread_local! {
            static READ: RefCell<Vec<(&'static str, Scenario)>> = const { RefCell::new(Vec::new()) };
        }
        READ.with(|read| {
            if let Some((_, s)) = read.borrow().iter().find(|(id, _)| *id == self.id) {
                return s.clone();
            }
            let s = Scenario::from_json(self.json)
                .expect("built-in scenarios are valid (checked by tests)");
            read.borrow_mut().push((self.id, s.clone()));
            s
        })
    }

    /// The scenario's JSON text as shipped.
    pub fn json(&self) -> &'static str {
        self.json
    }
}

/// Every built-in scenario; the first is the default.
pub const PRESETS: [Preset; 3] = [
    Preset {
        id: "openai-2025-11",
        title: "OpenAI, November 2025",
        summary: "About $1.2 trillion of announced compute deals against OpenAI's reported revenue plan.",
        notes: &[
            "Deals overlap: Oracle is part of Stargate, and the Nvidia, AMD and Broadcom chip deals supply hardware that also sits inside cloud contracts, so counting every headline figure counts some hardware twice. Untick deals or count firm contracts only to see the firm core.",
            "Priced deal by deal the list sums to about $1,225B: over the \"more than $1 trillion\" of the article, under Sam Altman's \"about $1.4 trillion over 8 years\".",
            "Existing compute is a calibrated assumption: the announced deals mostly start in 2026, yet OpenAI spent heavily on compute in 2025. Its size (8.5) makes 2025 net cash flow about -$8.5B, the reported 2025 burn.",
            "The reported plan of $115B cumulative burn through 2029 predates most of these deals. It is shown as a marker, not used to tune the model: the gap between the two is part of the story.",
            "Assumptions: non-compute costs fall from 35% of revenue in 2025 to 25% in 2030; Microsoft's revenue share of about 20% runs through 2030; revenue grows 15% a year after 2030; the remaining $30B of the March 2025 round arrives in 2025, after the $17.5B of cash reported at 30 June 2025.",
        ],
        sources: &[
            Source { label: "AWS $38B over 7 years: AP / Reuters, 3 Nov 2025", url: Some("https://www.computing.co.uk/news/2025/ai/amazon-inks-38bn-deal-with-openai-for-nvidia-powered-cloud-services") },
            Source { label: "Revenue 2025 about $13B (CFO); $100B by 2028 and about $200B in 2030 (company plan, 2025)", url: None },
            Source { label: "H1 2025: revenue $4.3B, burn $2.5B, cash $17.5B at 30 June: The Information, 29-30 Sep 2025", url: None },
            Source { label: "Burn plan of $8B (2025), $17B, $35B, $45B, $115B through 2029: The Information via TechSpot, 5 Sep 2025", url: None },
            Source { label: "Microsoft's revenue share about 20%: Microsoft / OpenAI, 2025", url: None },
            Source { label: "Cost per GW: Nvidia (Aug 2025), Bernstein; Altman, 28 Oct 2025", url: None },
        ],
        json: include_str!(concat!(env!("OUT_DIR"), "/openai-november-2025.json")),
    },
    Preset {
        id: "anthropic-2025-11",
        title: "Anthropic, November 2025",
        summary: "Anthropic's announced compute deals against its reported revenue plan.",
        notes: &[
            "Anthropic's AWS commitment is not public (Amazon has invested $8B), so it is not counted from 2026: the scenario understates what Anthropic owes.",
            "Existing compute is a calibrated assumption: the announced deals start in 2026, yet Anthropic spent heavily on compute in 2025, largely on AWS. Its size (6) makes 2025 net cash flow about -$2.9B, the reported 2025 burn of nearly $3B.",
            "Assumptions: the terms of each deal; non-compute costs from 35% of revenue in 2025 to 25% in 2030; 15% growth after 2028; opening cash of $13B, the size of its September 2025 funding round (not in the shared figures: adjust it).",
        ],
        sources: &[
            Source { label: "Revenue plan 4.7 (2025), 15.2, 38.9, up to 70 (2028); cash-flow positive 2027, later 2028: the-decoder.com, Nov 2025", url: None },
            Source { label: "Google TPUs, 23 Oct 2025; Microsoft Azure $30B, 18 Nov 2025; Fluidstack $50B, 12 Nov 2025", url: None },
            Source { label: "2025 burn of nearly $3B on about $4.2B of revenue, break-even in 2028: The Wall Street Journal, 13 Nov 2025", url: Some("https://apps.digitimes.com/news/a20251113PD207/anthropic-openai-2028-startup-revenue.html") },
        ],
        json: include_str!(concat!(env!("OUT_DIR"), "/anthropic-november-2025.json")),
    },
    Preset {
        id: "blank",
        title: "Blank scenario",
        summary: "One deal and constant growth: a starting point for your own figures.",
        notes: &["Every figure here is a placeholder to replace with your own."],
        sources: &[],
        json: include_str!(concat!(env!("OUT_DIR"), "/blank.json")),
    },
];

/// The default scenario's JSON without its notes and sources (build.rs writes it): a constant of
/// its own, not a field of [`Preset`], so only a page that asks for it carries it.
const DEFAULT_WITHOUT_NOTES: &str =
    include_str!(concat!(env!("OUT_DIR"), "/openai-november-2025.plain.json"));

/// The default scenario without its notes and sources: the same figures, for a view that never
/// shows where they come from (the embed page), so its download does not carry the notes.
pub fn default_without_notes() -> Scenario {
    Scenario::from_json(DEFAULT_WITHOUT_NOTES)
        .expect("built-in scenarios are valid (checked by tests)")
}

/// The preset with this id.
pub fn by_id(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The default scenario: OpenAI, November 2025.
pub fn openai_november_2025() -> Scenario {
    PRESETS[0].scenario()
}

/// Anthropic, November 2025.
pub fn anthropic_november_2025() -> Scenario {
    PRESETS[1].scenario()
}

/// The blank starting point.
pub fn blank() -> Scenario {
    PRESETS[2].scenario()
}

#[cfg(test)]
mod tests {
    use super::PRESETS;
    use crate::engine;
    use crate::scenario::Scenario;

    /// Presets compare by id, which says the same as comparing every field only if no two
    /// share one.
    #[test]
    fn ids_are_unique_so_presets_compare_by_id() {
        for (i, a) in PRESETS.iter().enumerate() {
            for (j, b) in PRESETS.iter().enumerate() {
                assert_eq!(a.id == b.id, i == j, "{} and {}", a.id, b.id);
                assert_eq!(a == b, i == j);
            }
        }
    }

    /// The scenario with every note and source cleared, as build.rs strips them.
    fn without_notes(s: &Scenario) -> Scenario {
        let mut d = s.draft().clone();
        for deal in &mut d.deals {
            (deal.note, deal.source) = (None, None);
        }
        for raise in &mut d.funding.raises {
            raise.note = None;
        }
        if let Some(f) = &mut d.financing {
            f.note = None;
        }
        for m in &mut d.markers {
            m.source = None;
        }
        Scenario::new(d).unwrap()
    }

    #[test]
    fn the_default_without_notes_is_the_default_less_its_notes() {
        let (full, plain) = (PRESETS[0].scenario(), super::default_without_notes());
        assert_eq!(plain, without_notes(&full));
        assert_eq!(engine::project(&plain), engine::project(&full));
        assert!(
            PRESETS[0].json().contains("\"note\""),
            "the preset keeps its notes"
        );
        let text = super::DEFAULT_WITHOUT_NOTES;
        assert!(
            !text.contains("\"note\"") && !text.contains("\"source\""),
            "{text}"
        );
        assert!(text.len() < PRESETS[0].json().len() / 2);
    }
}
