//! Table-driven checks of the start choice: each case is what the browser gave and what the
//! page must open with, say and write.

use super::*;
use crate::presets;
use crate::saved::Saved;

const NOW: &str = "2026-12-01T09:30:00Z";
const NO_STORAGE: &str = "this browser does not let the page store data (private browsing or blocked storage), so your work is not kept after you close it: copy the link or download the JSON to keep it";

/// The reader's own work: the OpenAI preset with other opening cash and a new name.
fn own_work() -> Scenario {
    let mut d = presets::openai_november_2025().draft().clone();
    d.name = "My OpenAI".into();
    d.funding.opening_cash = 99.0;
    Scenario::new(d).expect("valid")
}

fn saved_one() -> SavedList {
    SavedList {
        entries: vec![Saved {
            name: "Older".into(),
            saved_at: "2026-11-01T00:00:00Z".into(),
            scenario: presets::blank().draft().clone(),
        }],
        unreadable: vec![],
    }
}

fn read(fragment: &str, kept: Result<Option<Scenario>, String>) -> Read {
    Read {
        query_problems: vec![],
        fragment: fragment.into(),
        kept,
        saved: saved_one(),
        saved_note: None,
        now: NOW.into(),
    }
}

struct Case {
    what: &'static str,
    read: Read,
    /// Name of the scenario opened.
    opens: &'static str,
    preset: Option<&'static str>,
    /// (tone, a part of the text) of each notice, in order.
    says: Vec<(Tone, &'static str)>,
    /// Names in the saved list after start.
    saved: Vec<&'static str>,
    writes_saved: bool,
}

#[test]
fn the_start_is_chosen_as_specified() {
    let anthropic_link = codec::encode(&presets::anthropic_november_2025());
    let own_link = codec::encode(&own_work());
    let cases = vec![
        Case {
            what: "no link, no kept work: the default",
            read: read("", Ok(None)),
            opens: "OpenAI, November 2025",
            preset: Some("openai-2025-11"),
            says: vec![],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "kept work comes back",
            read: read("", Ok(Some(own_work()))),
            opens: "My OpenAI",
            preset: None,
            says: vec![],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "a fragment that is not a link (the skip link) is ignored",
            read: read("results", Ok(Some(own_work()))),
            opens: "My OpenAI",
            preset: None,
            says: vec![],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "a good link with different kept work: the link, the work kept aside",
            read: read(&anthropic_link, Ok(Some(own_work()))),
            opens: "Anthropic, November 2025",
            preset: Some("anthropic-2025-11"),
            says: vec![],
            saved: vec!["My OpenAI (before opening a link)", "Older"],
            writes_saved: true,
        },
        Case {
            what: "the same link as the kept work: nothing kept twice",
            read: read(&own_link, Ok(Some(own_work()))),
            opens: "My OpenAI",
            preset: None,
            says: vec![],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "a good link, nothing kept",
            read: read(&anthropic_link, Ok(None)),
            opens: "Anthropic, November 2025",
            preset: Some("anthropic-2025-11"),
            says: vec![],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "a broken link with kept work: the kept work, and why",
            read: read("s1.not-a-real-link", Ok(Some(own_work()))),
            opens: "My OpenAI",
            preset: None,
            says: vec![(
                Tone::Error,
                "This link could not be opened: the link is damaged or cut short: its data does not unpack. Your last work in this browser is shown instead.",
            )],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "a broken link without kept work: the default, and why",
            read: read("s1.not-a-real-link", Ok(None)),
            opens: "OpenAI, November 2025",
            preset: Some("openai-2025-11"),
            says: vec![(Tone::Error, "The default scenario is shown instead.")],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "a newer link format is reported, not guessed at",
            read: read("s9.abc", Ok(Some(own_work()))),
            opens: "My OpenAI",
            preset: None,
            says: vec![(Tone::Error, "This link could not be opened")],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "storage disabled: said once, the default",
            read: Read {
                saved: SavedList::default(),
                saved_note: Some(NO_STORAGE.into()),
                ..read("", Err(NO_STORAGE.into()))
            },
            opens: "OpenAI, November 2025",
            preset: Some("openai-2025-11"),
            says: vec![(Tone::Warning, "This browser does not let the page store data")],
            saved: vec![],
            writes_saved: false,
        },
        Case {
            what: "storage disabled with a link: the link, said once",
            read: Read {
                saved: SavedList::default(),
                saved_note: Some(NO_STORAGE.into()),
                ..read(&anthropic_link, Err(NO_STORAGE.into()))
            },
            opens: "Anthropic, November 2025",
            preset: Some("anthropic-2025-11"),
            says: vec![(Tone::Warning, "This browser does not let the page store data")],
            saved: vec![],
            writes_saved: false,
        },
        Case {
            what: "unreadable kept work and saved entries: both said, the default",
            read: Read {
                saved_note: Some("1 saved scenario(s) could not be read by this version and are kept unchanged".into()),
                ..read("", Err("your last work in this browser could not be read (x); it was kept aside and the default scenario is shown".into()))
            },
            opens: "OpenAI, November 2025",
            preset: Some("openai-2025-11"),
            says: vec![
                (Tone::Warning, "1 saved scenario(s) could not be read"),
                (Tone::Warning, "Your last work in this browser could not be read"),
            ],
            saved: vec!["Older"],
            writes_saved: false,
        },
        Case {
            what: "a bad query parameter is said, the link still opens",
            read: Read {
                query_problems: vec!["unknown value \"x\" for theme= (it is ignored)".into()],
                ..read(&anthropic_link, Ok(None))
            },
            opens: "Anthropic, November 2025",
            preset: Some("anthropic-2025-11"),
            says: vec![(Tone::Warning, "This page's address has an unknown value \"x\" for theme=")],
            saved: vec!["Older"],
            writes_saved: false,
        },
    ];
    for case in cases {
        let what = case.what;
        let start = choose(case.read);
        assert_eq!(start.scenario.name, case.opens, "{what}");
        assert_eq!(start.preset.map(|p| p.id), case.preset, "{what}");
        assert_eq!(
            start.notices.len(),
            case.says.len(),
            "{what}: {:?}",
            start.notices
        );
        for ((tone, text), (want_tone, part)) in start.notices.iter().zip(&case.says) {
            assert_eq!(tone, want_tone, "{what}: {text}");
            assert!(text.contains(part), "{what}: {text:?} lacks {part:?}");
        }
        let names: Vec<&str> = start
            .saved
            .entries
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, case.saved, "{what}");
        assert_eq!(start.saved_change.is_some(), case.writes_saved, "{what}");
    }
}

#[test]
fn work_kept_aside_is_the_reader_s_own_draft_at_the_read_time() {
    let link = codec::encode(&presets::anthropic_november_2025());
    let start = choose(read(&link, Ok(Some(own_work()))));
    let entry = &start.saved.entries[0];
    assert_eq!(entry.scenario, *own_work().draft());
    assert_eq!(entry.saved_at, NOW);
    // The change handed to the wrapper is the one applied to the list shown.
    let change = start.saved_change.clone().expect("a change to write");
    assert_eq!(saved_one().apply(change), Some(start.saved.clone()));
}

#[test]
fn writing_the_kept_work_is_reported_either_way() {
    let link = codec::encode(&presets::anthropic_november_2025());
    let mut ok = choose(read(&link, Ok(Some(own_work()))));
    ok.stored(Ok(()));
    assert_eq!(ok.notices.len(), 1);
    assert_eq!(ok.notices[0].0, Tone::Info);
    assert!(ok.notices[0].1.contains("saved under \"Your scenarios\""));

    let mut full = choose(read(&link, Ok(Some(own_work()))));
    full.stored(Err("this browser's storage for the page is full".into()));
    assert_eq!(full.notices.len(), 1);
    assert_eq!(full.notices[0].0, Tone::Warning);
    assert!(full.notices[0]
        .1
        .contains("for this visit only: this browser's storage for the page is full"));
}

#[test]
fn the_uncertainty_page_opens_the_link_else_the_kept_work_else_the_default() {
    let anthropic = presets::anthropic_november_2025();
    let link = codec::encode(&anthropic);
    // (fragment, kept, opens, notices: (tone, part))
    type Case<'a> = (
        &'a str,
        Result<Option<Scenario>, String>,
        &'a str,
        Vec<(Tone, &'a str)>,
    );
    let cases: Vec<Case> = vec![
        (
            &link,
            Ok(Some(own_work())),
            "Anthropic, November 2025",
            vec![],
        ),
        ("", Ok(Some(own_work())), "My OpenAI", vec![]),
        ("", Ok(None), "OpenAI, November 2025", vec![]),
        (
            "s1.broken",
            Ok(Some(own_work())),
            "My OpenAI",
            vec![(
                Tone::Error,
                "Your last work in this browser is shown instead.",
            )],
        ),
        (
            "s1.broken",
            Ok(None),
            "OpenAI, November 2025",
            vec![(Tone::Error, "The default scenario is shown instead.")],
        ),
        (
            &link,
            Err(NO_STORAGE.into()),
            "Anthropic, November 2025",
            vec![(
                Tone::Warning,
                "This browser does not let the page store data",
            )],
        ),
    ];
    for (fragment, kept, opens, says) in cases {
        let (s, notices) = choose_uncertainty(fragment, kept);
        assert_eq!(s.name, opens, "{fragment}");
        assert_eq!(notices.len(), says.len(), "{fragment}: {notices:?}");
        for ((tone, text), (want_tone, part)) in notices.iter().zip(&says) {
            assert_eq!(tone, want_tone, "{fragment}");
            assert!(text.contains(part), "{fragment}: {text:?} lacks {part:?}");
        }
    }
}
