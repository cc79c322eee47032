//! Permalinks: the whole scenario in the URL fragment, compact and versioned. A link is
//! `#s1.<data>`, where `1` is the link format and `<data>` is the scenario's compact JSON,
//! deflated and base64url-encoded. Decoding checks every step and says what is wrong with a
//! damaged, truncated, oversized or newer link instead of guessing.

use crate::scenario::{Scenario, ScenarioError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;

/// The prefix of a scenario fragment, with the link format's version.
pub const PREFIX: &str = "s1.";
/// Longest fragment accepted (characters). A full scenario of 100 deals with notes encodes to
/// well under this; anything longer is not a link this app made.
pub const MAX_FRAGMENT: usize = 200_000;
/// Most bytes a link may inflate to, so a small crafted link cannot exhaust memory.
pub const MAX_JSON: usize = 2_000_000;
/// Deflate level: the best compression; encoding a scenario takes well under a millisecond.
const LEVEL: u8 = 9;
/// Most broken rules a link's message lists before "and N more problems".
const SHOWN: usize = 3;

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    /// The fragment holds no scenario (nothing to decode).
    Empty,
    /// The fragment does not start like a scenario link.
    NotAScenario,
    /// A link format newer than this app reads.
    NewerFormat(String),
    /// The fragment is too long to be one of ours.
    TooLong(usize),
    /// The text is not valid base64url: damaged in copying.
    Damaged,
    /// The data does not inflate: cut short or altered.
    Truncated,
    /// The data inflates to something too large.
    TooLarge,
    /// The data is not a scenario this app accepts.
    Scenario(ScenarioError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(f, "the link holds no scenario"),
            LinkError::NotAScenario => write!(f, "the link's #… part is not a Compute Coverage scenario"),
            LinkError::NewerFormat(v) => write!(
                f,
                "this link was made by a newer version of Compute Coverage (link format {v}); this app reads format 1"
            ),
            LinkError::TooLong(n) => write!(f, "the link is too long to be a scenario ({n} characters)"),
            LinkError::Damaged => write!(f, "the link is damaged: it holds characters a scenario link never has (was it changed in copying?)"),
            LinkError::Truncated => write!(f, "the link is damaged or cut short: its data does not unpack"),
            LinkError::TooLarge => write!(f, "the link unpacks to far more data than a scenario holds"),
            // Said inside "This link could not be opened: …", so in lower case like the rest.
            LinkError::Scenario(ScenarioError::NewerVersion { found }) => write!(
                f,
                "its scenario was saved by a newer version ({found}); this app reads version {}",
                crate::scenario::FORMAT_VERSION
            ),
            // A short crafted link can break hundreds of rules: the banner names the first few.
            LinkError::Scenario(ScenarioError::Invalid(errors)) if errors.len() > SHOWN => {
                write!(f, "the link's scenario is not valid: ")?;
                for e in &errors[..SHOWN] {
                    write!(f, "{e}; ")?;
                }
                write!(f, "and {} more problems", errors.len() - SHOWN)
            }
            LinkError::Scenario(e) => write!(f, "the link's scenario is not valid: {e}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// Encodes a scenario as a URL fragment (without the `#`).
///
/// # Examples
/// ```
/// use coverage_model::{codec, presets};
/// let s = presets::openai_november_2025();
/// let fragment = codec::encode(&s);
/// assert!(fragment.starts_with("s1."));
/// assert_eq!(codec::decode(&fragment).unwrap(), s);
/// ```
pub fn encode(scenario: &Scenario) -> String {
    let json = scenario.to_json_compact();
    from_deflated(&miniz_oxide::deflate::compress_to_vec(
        json.as_bytes(),
        LEVEL,
    ))
}

/// The fragment (without the `#`) for a scenario whose compact JSON
/// (`Scenario::to_json_compact`) another compressor has deflated (raw deflate, no header):
/// the calculator uses the browser's own, so that page does not carry a compressor.
/// [`decode`] reads it like any other link.
pub fn from_deflated(packed: &[u8]) -> String {
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// `bytes` as raw deflate in stored blocks, uncompressed: valid deflate that every inflater
/// reads, for a browser with no compressor of its own (its links are longer, not different).
pub fn stored_deflate(bytes: &[u8]) -> Vec<u8> {
    /// The most one stored block holds.
    const BLOCK: usize = 65_535;
    let mut out = Vec::with_capacity(bytes.len() + 5 * (bytes.len() / BLOCK + 1));
    let mut blocks = bytes.chunks(BLOCK).peekable();
    if blocks.peek().is_none() {
        // One final empty block.
        return vec![1, 0, 0, 0xff, 0xff];
    }
    while let Some(block) = blocks.next() {
        // BFINAL on the last block, BTYPE 00 (stored); the rest of the byte pads to the
        // boundary, where each block's length and its complement follow.
        out.push(u8::from(blocks.peek().is_none()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out
}

/// Decodes a URL fragment (with or without the leading `#`) into a scenario.
///
/// # Errors
/// A [`LinkError`] saying what is wrong with the link.
pub fn decode(fragment: &str) -> Result<Scenario, LinkError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if f.is_empty() {
        return Err(LinkError::Empty);
    }
    if f.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong(f.chars().count()));
    }
    let data = match f.strip_prefix(PREFIX) {
        Some(data) => data,
        None => return Err(version_problem(f)),
    };
    let packed = URL_SAFE_NO_PAD
        .decode(data.as_bytes())
        .map_err(|_| LinkError::Damaged)?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON).map_err(|e| {
            if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                LinkError::TooLarge
            } else {
                LinkError::Truncated
            }
        })?;
    let text = String::from_utf8(json).map_err(|_| LinkError::Truncated)?;
    Scenario::from_json(&text).map_err(LinkError::Scenario)
}

/// Whether a fragment is meant as a scenario link (so an unrelated `#section` anchor is left
/// alone rather than reported as a broken link).
pub fn is_scenario_fragment(fragment: &str) -> bool {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    f.len() > 1 && f.starts_with('s') && f[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// `s2.…`: a newer link format; anything else: not ours.
fn version_problem(f: &str) -> LinkError {
    let digits: String = f.chars().skip(1).take_while(char::is_ascii_digit).collect();
    if f.starts_with('s') && !digits.is_empty() && f[1 + digits.len()..].starts_with('.') {
        match digits.parse::<u64>() {
            Ok(v) if v > 1 => LinkError::NewerFormat(digits),
            _ => LinkError::NotAScenario,
        }
    } else {
        LinkError::NotAScenario
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;

    #[test]
    fn every_preset_round_trips() {
        for p in PRESETS.iter() {
            let s = p.scenario();
            let link = encode(&s);
            assert_eq!(decode(&link).as_ref(), Ok(&s), "preset {}", p.id);
            assert_eq!(
                decode(&format!("#{link}")).as_ref(),
                Ok(&s),
                "with the hash"
            );
            // Compression keeps links short enough to paste anywhere.
            assert!(
                link.len() < 4000,
                "preset {} link is {} chars",
                p.id,
                link.len()
            );
        }
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let good = encode(&PRESETS[0].scenario());
        let data = &good[PREFIX.len()..];
        let cases: Vec<(String, LinkError)> = vec![
            (String::new(), LinkError::Empty),
            ("#".into(), LinkError::Empty),
            ("hello".into(), LinkError::NotAScenario),
            (format!("s2.{data}"), LinkError::NewerFormat("2".into())),
            (format!("s1.{data}!!"), LinkError::Damaged),
            (
                format!("s1.{}", &data[..(data.len() / 2) & !3]),
                LinkError::Truncated,
            ),
            (
                format!(
                    "s1.{}",
                    URL_SAFE_NO_PAD.encode(b"garbage that is not deflate")
                ),
                LinkError::Truncated,
            ),
            (
                format!("s1.{}", "A".repeat(MAX_FRAGMENT)),
                LinkError::TooLong(MAX_FRAGMENT + 3),
            ),
        ];
        for (link, expected) in cases {
            let got = decode(&link).unwrap_err();
            assert_eq!(got, expected, "link {:.40}", link);
            assert!(!got.to_string().is_empty());
        }
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        let zeros = vec![b' '; MAX_JSON + 10];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        let link = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
        assert!(link.len() < 10_000);
        assert_eq!(decode(&link), Err(LinkError::TooLarge));
    }

    #[test]
    fn links_from_stored_deflate_open_like_any_other() {
        for preset in PRESETS {
            let s = preset.scenario();
            let json = s.to_json_compact();
            let link = from_deflated(&stored_deflate(json.as_bytes()));
            assert_eq!(decode(&link), Ok(s.clone()), "{}", preset.id);
            // Longer than the compressed link, and the same scenario.
            assert!(link.len() > encode(&s).len());
        }
        // Several blocks, the last one partial; and nothing at all.
        let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        for bytes in [&data[..], &data[..65_535], &data[..65_536], &[]] {
            let packed = stored_deflate(bytes);
            let unpacked = miniz_oxide::inflate::decompress_to_vec(&packed);
            assert!(unpacked.is_ok_and(|u| u == bytes), "{} bytes", bytes.len());
        }
    }

    #[test]
    fn valid_data_that_is_not_a_scenario_is_rejected_with_the_reason() {
        let encode_json = |json: &str| {
            format!(
                "{PREFIX}{}",
                URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
            )
        };
        let newer = PRESETS[0]
            .json()
            .replacen("\"version\":1", "\"version\":2", 1);
        let e = decode(&encode_json(&newer)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "its scenario was saved by a newer version (2); this app reads version 1"
        );
        let e = decode(&encode_json("[1,2,3]")).unwrap_err();
        assert!(e.to_string().contains("must be a JSON object"), "{e}");
        let e = decode(&encode_json("{\"version\":1}")).unwrap_err();
        assert!(e.to_string().contains("missing"), "{e}");
    }

    #[test]
    fn a_link_breaking_many_rules_names_the_first_few() {
        let mut d = crate::presets::blank().draft().clone();
        let deal = d.deals[0].clone();
        d.deals = vec![deal; 100];
        for deal in &mut d.deals {
            deal.years = 0;
        }
        let json = serde_json::to_string(&d).unwrap();
        let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
        let link = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
        assert!(link.len() < 1000, "a short link: {}", link.len());
        let message = decode(&link).unwrap_err().to_string();
        assert_eq!(
            message,
            "the link's scenario is not valid: The term must be between 1 and 30 years; got 0 (at deals[0].years); \
             The term must be between 1 and 30 years; got 0 (at deals[1].years); \
             The term must be between 1 and 30 years; got 0 (at deals[2].years); and 97 more problems"
        );
    }

    #[test]
    fn scenario_fragments_are_told_from_anchors() {
        assert!(is_scenario_fragment("#s1.abc"));
        assert!(is_scenario_fragment("s2.abc"));
        assert!(!is_scenario_fragment("#results"));
        assert!(!is_scenario_fragment("#f-revenue-base"));
        assert!(!is_scenario_fragment("#s"));
    }
}
