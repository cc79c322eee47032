//! Hostile input, as a reader may be handed it in a link or a file (proptest): the URL-fragment
//! decoder, the JSON importer and the number readers never panic, every rejection says what is
//! wrong in a message of sensible length, and whatever they accept is a valid scenario whose
//! projection, figures, sentence, CSV and charts hold no NaN or infinity. The form's reducer is
//! driven with hostile typing too. The files under `tests/fixtures/hostile/` (crashers found by
//! fuzzing, and the end-to-end corpus) are replayed as regression tests.
#![cfg(not(target_arch = "wasm32"))]

// The scenario generator shared with the model crate's property tests.
#[path = "../crates/model/tests/common/mod.rs"]
mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::{all_finite, hostile_text, named_scenario, scenario};
use compute_coverage::charts::{self, ChartOptions, Theme};
use compute_coverage::embed::{self, Controls, Embed, EmbedTheme, View};
use compute_coverage::parse::{parse_int, parse_money, parse_number, parse_percent};
use compute_coverage::presets::PRESETS;
use compute_coverage::scenario::{Scenario, ScenarioError};
use compute_coverage::state::{Action, DealField, Field, GrowthKind, ProfileKind, State, Table};
use compute_coverage::{codec, engine, export, narrative};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Longest single message a rejection may show: a pasted novel must not become the banner.
const MAX_MESSAGE_CHARS: usize = 800;
/// Most problems one rejected file or link may list.
const MAX_MESSAGES: usize = 1000;

// ---------------------------------------------------------------------------------------------
// The checks every input goes through

/// A message a person can read: not empty, not a wall of text, no Rust debug noise.
fn check_message(input: &str, message: &str) -> Result<(), String> {
    let chars = message.chars().count();
    if message.trim().is_empty() {
        return Err(format!("empty message for input {:.80?}", input));
    }
    if chars > MAX_MESSAGE_CHARS {
        return Err(format!(
            "message of {chars} characters for input {:.80?}: {:.200}…",
            input, message
        ));
    }
    for noise in ["Some(", "None", "Err(", "Ok(", "panicked"] {
        if message.contains(noise) {
            return Err(format!("message shows {noise:?}: {message:.200}"));
        }
    }
    Ok(())
}

fn check_scenario_error(input: &str, e: &ScenarioError) -> Result<(), String> {
    let messages = e.messages();
    if messages.is_empty() || messages.len() > MAX_MESSAGES {
        return Err(format!(
            "{} messages for input {:.80?}",
            messages.len(),
            input
        ));
    }
    for m in &messages {
        check_message(input, m)?;
    }
    Ok(())
}

/// Strings shown to the reader must never print a broken number. The scenario's own names are
/// taken out first (a name may well say "NaN").
fn check_words(s: &Scenario, what: &str, text: &str) -> Result<(), String> {
    let mut names: Vec<String> = vec![s.name.clone(), narrative::company(s)];
    for d in &s.deals {
        names.push(d.name.clone());
        names.push(d.counterparty.clone());
    }
    names.extend(s.markers.iter().map(|m| m.label.clone()));
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut rest = text.to_string();
    for n in names.iter().filter(|n| !n.is_empty()) {
        rest = rest.replace(n.as_str(), " ");
    }
    for bad in ["NaN", "inf", "∞"] {
        if rest.contains(bad) && !rest.contains("infinit") {
            return Err(format!("{what} shows {bad:?}: {text:.300}"));
        }
    }
    Ok(())
}

/// Most units in the last place a number may move through a link or a file. Without serde_json's
/// `float_roundtrip` feature (7.8 KB gzip, more than the page's budget allows) its reader can land
/// a 16–17-digit number one or two ulps from the text written for it (proptest found
/// `403178.86946073675` one ulp low, `9.523844933943959e-299` two high): about 1e-16 of the
/// value, far below any figure the page shows, which round to three or four digits.
const MAX_ULPS: u64 = 4;

fn close_f64(a: f64, b: f64) -> bool {
    a == b || (a.signum() == b.signum() && a.to_bits().abs_diff(b.to_bits()) <= MAX_ULPS)
}

fn close_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => close_f64(x, y),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| close_value(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| close_value(v, w)))
        }
        _ => a == b,
    }
}

/// Equal scenarios, numbers allowed to differ by at most [`MAX_ULPS`].
fn same_to_the_last_digits(a: &Scenario, b: &Scenario) -> bool {
    let value =
        |s: &Scenario| serde_json::from_str::<Value>(&s.to_json_compact()).unwrap_or(Value::Null);
    // Read back through the same reader, so both sides carry the same rounding of the text.
    a == b || close_value(&value(a), &value(b)) || {
        let (x, y) = (
            serde_json::to_value(a.draft()).ok(),
            serde_json::to_value(b.draft()).ok(),
        );
        matches!((x, y), (Some(x), Some(y)) if close_value(&x, &y))
    }
}

/// Everything the page derives from an accepted scenario: the projection, the headline figures,
/// the summary sentence, the CSV, the three charts (into SVG, in both themes), the embed
/// snippet. None may panic; no number may be NaN or infinite.
fn check_accepted(s: &Scenario) -> Result<(), String> {
    // What is accepted is valid and survives its own round trips.
    let again =
        Scenario::new(s.draft().clone()).map_err(|e| format!("accepted but invalid: {e}"))?;
    if &again != s {
        return Err("validation changed the scenario".into());
    }
    let link = codec::encode(s);
    match codec::decode(&link) {
        Ok(back) if same_to_the_last_digits(&back, s) => {}
        other => return Err(format!("link round trip failed: {other:?} from {s:?}")),
    }
    match Scenario::from_json(&s.to_json()) {
        Ok(back) if same_to_the_last_digits(&back, s) => {}
        other => return Err(format!("JSON round trip failed: {other:?} from {s:?}")),
    }

    let p = engine::project(s);
    if p.rows.len() != s.horizon_len() {
        return Err(format!(
            "{} rows for {} years",
            p.rows.len(),
            s.horizon_len()
        ));
    }
    all_finite(&p)?;
    for year in [
        s.start_year - 1,
        s.start_year,
        s.start_year + 5,
        s.end_year + 1,
    ] {
        for f in narrative::headline_figures(s, &p, year) {
            check_words(s, f.id, &f.value)?;
            check_words(s, f.id, &f.explanation)?;
        }
    }
    check_words(s, "summary sentence", &narrative::summary_sentence(s, &p))?;
    let csv = export::projection_csv(&p);
    check_words(s, "CSV", &csv)?;
    // Names with quotes, commas and line breaks stay inside their cells (RFC 4180).
    let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| format!("CSV does not parse: {e}"))?;
    let columns = export::CSV_COLUMNS.len() + p.deals.len();
    if records.len() != p.rows.len() + 1 || records.iter().any(|r| r.len() != columns) {
        return Err(format!("CSV shape broken by the names: {csv:.300}"));
    }
    let names: Vec<&str> = records[0].iter().skip(export::CSV_COLUMNS.len()).collect();
    // A name a spreadsheet would run as a formula is defused with a leading apostrophe.
    let expected: Vec<String> = p
        .deals
        .iter()
        .map(
            |d| match d.name.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                true => format!("'{}", d.name),
                false => d.name.clone(),
            },
        )
        .collect();
    if names != expected {
        return Err(format!("CSV header {names:?}, deals {expected:?}"));
    }
    let file = export::file_name(&s.name, "projection", "csv");
    if !file
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
    {
        return Err(format!("unsafe file name {file:?}"));
    }
    for (theme, scale, highlight) in [
        (Theme::light(), 1.0, None),
        (Theme::dark(), 2.0, Some(s.end_year)),
    ] {
        let opts = ChartOptions {
            scale,
            theme,
            highlight_year: highlight,
            title: Some(s.name.clone()),
            footer: Some(format!("{} — source line", s.name)),
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            charts::draw_commitments(&root, &p, s, &opts).map_err(|e| format!("{e:?}"))?;
            charts::draw_coverage(&root, &p, s, &opts).map_err(|e| format!("{e:?}"))?;
            charts::draw_cash(&root, &p, s, &opts).map_err(|e| format!("{e:?}"))?;
            root.present().map_err(|e| format!("{e:?}"))?;
        }
        check_words(s, "chart SVG", &svg)?;
    }
    // The snippet a blogger pastes: the name is an attribute value, never markup.
    let embed = Embed {
        view: View::Cash,
        controls: Controls::Key,
        theme: EmbedTheme::Auto,
    };
    let base = "https://example.org/cc/";
    let src = embed::embed_url(base, embed, &link);
    let title = format!("{} — {}", embed.view.label(), s.name);
    let frame = embed::Frame {
        width: embed::fit::Width::Px(390),
        height: 600,
    };
    let snippet = embed::snippet(&src, &title, frame, base, true);
    if snippet.matches('<').count() != 4 || snippet.matches("\"").count() % 2 != 0 {
        return Err(format!("snippet markup broken by the name: {snippet:.300}"));
    }
    Ok(())
}

/// A URL fragment: rejected with a message, or a valid scenario.
fn check_link(fragment: &str) -> Result<(), String> {
    match codec::decode(fragment) {
        Ok(s) => check_accepted(&s),
        Err(e) => {
            if let codec::LinkError::Scenario(inner) = &e {
                check_scenario_error(fragment, inner)?;
            }
            // The page shows the whole of it in one banner.
            check_message(fragment, &e.to_string())
        }
    }
}

/// An imported file: rejected with messages, or a valid scenario.
fn check_json(text: &str) -> Result<(), String> {
    match Scenario::from_json(text) {
        Ok(s) => check_accepted(&s),
        Err(e) => check_scenario_error(text, &e),
    }
}

/// A field's text: a finite number in range, or a short message.
fn check_number(text: &str) -> Result<(), String> {
    for (name, got) in [
        ("parse_money", parse_money(text)),
        ("parse_percent", parse_percent(text)),
        ("parse_number", parse_number(text)),
        ("parse_int", parse_int(text).map(f64::from)),
    ] {
        match got {
            Ok(x) if !x.is_finite() => return Err(format!("{name}({text:.80?}) = {x}")),
            Ok(x) if x == 0.0 && x.is_sign_negative() => {
                return Err(format!("{name}({text:.80?}) = -0"))
            }
            Ok(_) => {}
            Err(e) => {
                let m = e.to_string();
                check_message(text, &m)?;
                if m.chars().count() > 120 {
                    return Err(format!("{name}({text:.80?}): long message {m:.200}"));
                }
            }
        }
    }
    if let Ok(i) = parse_int(text) {
        if i.abs() > 1_000_000 {
            return Err(format!("parse_int({text:.80?}) = {i}"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Mutations of valid inputs

fn preset_links() -> Vec<String> {
    PRESETS
        .iter()
        .map(|p| codec::encode(&p.scenario()))
        .collect()
}

/// One small change to a text: the ways links and files get damaged in copying and tampering.
#[derive(Debug, Clone)]
enum Edit {
    Truncate(Index),
    Delete(Index, usize),
    Insert(Index, String),
    Replace(Index, char),
    Duplicate(Index, usize),
    Swap(Index, Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    let token = prop_oneof![
        "[A-Za-z0-9_\\-]{1,8}",
        Just("1e309".to_string()),
        Just("-0".to_string()),
        Just("NaN".to_string()),
        Just("Infinity".to_string()),
        Just("123456789012345678901234567890".to_string()),
        Just("-2147483649".to_string()),
        Just("null".to_string()),
        Just("\"".to_string()),
        Just("[".to_string()),
        Just("{".to_string()),
        Just(",".to_string()),
        Just("\\u0000".to_string()),
        Just("%".to_string()),
        Just("=".to_string()),
        "\\PC{1,4}",
    ];
    prop_oneof![
        any::<Index>().prop_map(Edit::Truncate),
        (any::<Index>(), 1..64usize).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<Index>(), token).prop_map(|(i, t)| Edit::Insert(i, t)),
        (any::<Index>(), any::<char>()).prop_map(|(i, c)| Edit::Replace(i, c)),
        (any::<Index>(), 1..200usize).prop_map(|(i, n)| Edit::Duplicate(i, n)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
}

fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        if chars.is_empty() {
            break;
        }
        let len = chars.len();
        match e {
            Edit::Truncate(i) => chars.truncate(i.index(len)),
            Edit::Delete(i, n) => {
                let at = i.index(len);
                chars.drain(at..(at + n).min(len));
            }
            Edit::Insert(i, t) => {
                let at = i.index(len + 1);
                chars.splice(at..at, t.chars());
            }
            Edit::Replace(i, c) => chars[i.index(len)] = *c,
            Edit::Duplicate(i, n) => {
                let at = i.index(len);
                let piece: Vec<char> = chars[at..(at + n).min(len)].to_vec();
                chars.splice(at..at, piece);
            }
            Edit::Swap(a, b) => chars.swap(a.index(len), b.index(len)),
        }
    }
    chars.into_iter().collect()
}

/// Byte-level damage to the deflated data inside a link (valid base64 of broken data).
fn damage_bytes(bytes: &mut Vec<u8>, edits: &[(Index, u8, u8)]) {
    for (i, op, b) in edits {
        if bytes.is_empty() {
            return;
        }
        let at = i.index(bytes.len());
        match op % 4 {
            0 => bytes[at] ^= b | 1,
            1 => bytes.truncate(at),
            2 => bytes.insert(at, *b),
            _ => {
                bytes.remove(at);
            }
        }
    }
}

fn link_of_bytes(bytes: &[u8]) -> String {
    format!("{}{}", codec::PREFIX, URL_SAFE_NO_PAD.encode(bytes))
}

fn link_of_json(json: &str) -> String {
    link_of_bytes(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6))
}

/// A JSON value a hostile file may put anywhere.
fn hostile_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|x| serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)),
        prop_oneof![
            Just(0.0),
            Just(-0.0),
            Just(1e308),
            Just(-1e308),
            Just(f64::MIN_POSITIVE),
            Just(2147483648.0),
            Just(-1.0),
        ]
        .prop_map(Value::from),
        hostile_text().prop_map(Value::String),
        Just(Value::String("x".repeat(10_000))),
        Just(Value::Array(Vec::new())),
        Just(Value::Object(serde_json::Map::new())),
        Just(serde_json::json!([[[[[[[[[[1]]]]]]]]]])),
        Just(serde_json::json!({"kind": "custom", "weights": [1, 2]})),
    ]
}

/// A change to a JSON document at a place picked by `at`.
#[derive(Debug, Clone)]
enum JsonEdit {
    /// Replace a value.
    Set(Index, Value),
    /// Remove a key from an object (or an item from a list).
    Remove(Index),
    /// Add an unknown key to an object.
    Extra(Index, String, Value),
    /// Repeat the items of a list until it has this many.
    Grow(Index, usize),
}

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    prop_oneof![
        3 => (any::<Index>(), hostile_value()).prop_map(|(i, v)| JsonEdit::Set(i, v)),
        2 => any::<Index>().prop_map(JsonEdit::Remove),
        1 => (any::<Index>(), "[a-z_]{1,12}", hostile_value())
            .prop_map(|(i, k, v)| JsonEdit::Extra(i, k, v)),
        1 => (any::<Index>(), prop_oneof![Just(101usize), Just(500), 0..40usize])
            .prop_map(|(i, n)| JsonEdit::Grow(i, n)),
    ]
}

/// Every value in the document, depth first, as a path of keys and indices.
fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                here.push(Step::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Item(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Item(usize),
}

fn at_path<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Item(i) => &mut v[*i],
    })
}

fn apply_json_edits(doc: &mut Value, edits: &[JsonEdit]) {
    for e in edits {
        let mut all = Vec::new();
        paths(doc, &mut Vec::new(), &mut all);
        let pick = |i: &Index| all[i.index(all.len())].clone();
        match e {
            JsonEdit::Set(i, value) => *at_path(doc, &pick(i)) = value.clone(),
            JsonEdit::Remove(i) => {
                let path = pick(i);
                if let Some((last, parent)) = path.split_last() {
                    match (at_path(doc, parent), last) {
                        (Value::Object(map), Step::Key(k)) => {
                            map.remove(k);
                        }
                        (Value::Array(items), Step::Item(n)) if *n < items.len() => {
                            items.remove(*n);
                        }
                        _ => {}
                    }
                }
            }
            JsonEdit::Extra(i, key, value) => {
                if let Value::Object(map) = at_path(doc, &pick(i)) {
                    map.insert(key.clone(), value.clone());
                }
            }
            JsonEdit::Grow(i, n) => {
                if let Value::Array(items) = at_path(doc, &pick(i)) {
                    if !items.is_empty() {
                        let copy = items.clone();
                        while items.len() < *n {
                            items.push(copy[items.len() % copy.len()].clone());
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

/// `n` cases, unless `PROPTEST_CASES` asks for another number (e.g. 20000 for a long run).
fn cases(n: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = n;
    }
    config
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn any_fragment_is_a_scenario_or_a_message(
        fragment in prop_oneof![
            any::<String>(),
            "#?s[0-9]{0,3}\\.?[A-Za-z0-9_\\-]{0,300}",
            "#?s1\\.[A-Za-z0-9_\\-=+/!%. ]{0,300}",
            "\\PC{0,40}",
        ],
    ) {
        check_link(&fragment).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn damaged_valid_links_are_rejected_with_a_message(
        which in any::<Index>(),
        hash in any::<bool>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let links = preset_links();
        let link = &links[which.index(links.len())];
        let damaged = apply_edits(link, &edits);
        let damaged = if hash { format!("#{damaged}") } else { damaged };
        check_link(&damaged).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn valid_base64_of_damaged_data_is_rejected_with_a_message(
        which in any::<Index>(),
        damage in proptest::collection::vec((any::<Index>(), any::<u8>(), any::<u8>()), 1..6),
        garbage in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let s = PRESETS[which.index(PRESETS.len())].scenario();
        let mut bytes = miniz_oxide::deflate::compress_to_vec(s.to_json_compact().as_bytes(), 9);
        damage_bytes(&mut bytes, &damage);
        check_link(&link_of_bytes(&bytes)).map_err(TestCaseError::fail)?;
        // Valid base64 of random bytes, and valid deflate of random bytes.
        check_link(&link_of_bytes(&garbage)).map_err(TestCaseError::fail)?;
        check_link(&link_of_bytes(&miniz_oxide::deflate::compress_to_vec(&garbage, 1)))
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn links_of_damaged_json_are_rejected_with_a_message(
        which in any::<Index>(),
        edits in proptest::collection::vec(edit(), 1..5),
    ) {
        let json = PRESETS[which.index(PRESETS.len())].scenario().to_json_compact();
        check_link(&link_of_json(&apply_edits(&json, &edits))).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_text_imports_as_a_scenario_or_messages(
        text in prop_oneof![
            any::<String>(),
            "[\\[\\]{}\",:0-9a-z. ]{0,200}",
            "\\{\"version\":[0-9\\-.e]{1,12}[,}].{0,40}",
        ],
    ) {
        check_json(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn damaged_json_text_is_rejected_with_messages(
        which in any::<Index>(),
        pretty in any::<bool>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let s = PRESETS[which.index(PRESETS.len())].scenario();
        let json = if pretty { s.to_json() } else { s.to_json_compact() };
        check_json(&apply_edits(&json, &edits)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn json_with_wrong_missing_or_extra_fields_is_rejected_with_messages(
        which in any::<Index>(),
        edits in proptest::collection::vec(json_edit(), 1..5),
    ) {
        let preset = &PRESETS[which.index(PRESETS.len())];
        let mut doc: Value = serde_json::from_str(preset.json()).unwrap();
        apply_json_edits(&mut doc, &edits);
        let text = doc.to_string();
        check_json(&text).map_err(TestCaseError::fail)?;
        check_link(&link_of_json(&text)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn every_field_text_reads_as_a_finite_number_or_a_message(
        text in prop_oneof![
            any::<String>(),
            "[ +\\-−$0-9.,eE%bBmMtTnNaIify]{0,32}",
            "[-−+]?\\$?[0-9]{1,400}(\\.[0-9]{0,400})?([eE][+-]?[0-9]{1,12})? ?(B|T|M|bn|%)?",
            "[-−]?[0-9]{1,3}(,[0-9]{3}){0,12}(\\.[0-9]+)?",
            "\\PC{0,20}",
        ],
    ) {
        check_number(&text).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(cases(128))]

    /// `project` and everything drawn from it, on any valid scenario.
    #[test]
    fn every_valid_scenario_projects_and_renders_finite(s in scenario()) {
        check_accepted(&s).map_err(TestCaseError::fail)?;
    }

    /// The same with hostile names: markup, right-to-left text, emoji, CSV specials.
    #[test]
    fn hostile_names_stay_text_everywhere(s in named_scenario()) {
        check_accepted(&s).map_err(TestCaseError::fail)?;
    }

    /// Typing anything into any field, adding and removing rows and deals, undoing and redoing:
    /// the reducer never panics, every field error has a message, and the results shown stay
    /// finite.
    #[test]
    fn hostile_typing_never_breaks_the_form(
        which in any::<Index>(),
        actions in proptest::collection::vec(action(), 1..24),
    ) {
        let mut state = State::new(Rc::new(PRESETS[which.index(PRESETS.len())].scenario()));
        for a in actions {
            let a = a.resolve(&state);
            if let Some(next) = state.apply(a) {
                state = next;
            }
            for (path, message) in state.errors.iter() {
                check_message(path, message).map_err(TestCaseError::fail)?;
            }
        }
        check_accepted(&state.scenario).map_err(TestCaseError::fail)?;
        // Undoing everything leads back to the start.
        let start = State::new(Rc::new(PRESETS[which.index(PRESETS.len())].scenario()));
        while let Some(prev) = state.apply(Action::Undo) {
            state = prev;
        }
        prop_assert_eq!(&state.form, &start.form);
        prop_assert_eq!(&state.scenario, &start.scenario);
    }
}

/// An action whose indices are picked against the form it is applied to.
#[derive(Debug, Clone)]
enum Act {
    Edit(FieldPick, String),
    Growth(Index),
    Profile(Index, Index),
    Capacity(Index, bool),
    Add,
    Duplicate(Index),
    Remove(Index),
    Move(Index, Index),
    AddRow(Index),
    RemoveRow(Index, Index),
    FirmOnly(bool),
    /// Undo, Redo or leaving the field being typed in.
    History(Index),
}

#[derive(Debug, Clone)]
enum FieldPick {
    Top(Index),
    Deal(Index, Index),
    Weight(Index, Index),
    Pair(Index, Index, bool),
}

const TOP_FIELDS: [Field; 16] = [
    Field::Name,
    Field::AsOf,
    Field::StartYear,
    Field::EndYear,
    Field::RevenueBase,
    Field::ConstantRate,
    Field::DecayInitial,
    Field::Decay,
    Field::DecayFloor,
    Field::LogisticInitial,
    Field::Ceiling,
    Field::PathAfter,
    Field::RevenueShareRate,
    Field::RevenueShareUntil,
    Field::OpeningCash,
    Field::DiscountRate,
];
const DEAL_FIELDS: [DealField; 10] = [
    DealField::Name,
    DealField::Counterparty,
    DealField::Total,
    DealField::Gw,
    DealField::PerGw,
    DealField::StartYear,
    DealField::Years,
    DealField::FleetGrowth,
    DealField::Source,
    DealField::Note,
];
const TABLES: [Table; 3] = [Table::PathPoints, Table::OpexShares, Table::Raises];
const GROWTHS: [GrowthKind; 4] = [
    GrowthKind::Constant,
    GrowthKind::Decaying,
    GrowthKind::Logistic,
    GrowthKind::Path,
];
const PROFILES: [ProfileKind; 5] = [
    ProfileKind::Even,
    ProfileKind::RampUp,
    ProfileKind::FrontLoaded,
    ProfileKind::Fleet,
    ProfileKind::Custom,
];

fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[-−]?\\$?[0-9]{1,6}(\\.[0-9]{1,3})? ?[BTM%]?",
        1 => prop_oneof![
            Just(String::new()),
            Just("1e309".to_string()),
            Just("-0".to_string()),
            Just("NaN".to_string()),
            Just("Infinity".to_string()),
            Just("123456789012345678901234567890".to_string()),
            Just("-2025".to_string()),
            Just("1000000".to_string()),
            Just("30".to_string()),
            Just("0".to_string()),
            Just("x".repeat(10_000)),
            Just("javascript:alert(1)".to_string()),
        ],
        1 => hostile_text(),
    ]
}

fn index_pair() -> impl Strategy<Value = (Index, Index)> {
    (any::<Index>(), any::<Index>())
}

fn action() -> impl Strategy<Value = Act> {
    let field = prop_oneof![
        any::<Index>().prop_map(FieldPick::Top),
        index_pair().prop_map(|(a, b)| FieldPick::Deal(a, b)),
        index_pair().prop_map(|(a, b)| FieldPick::Weight(a, b)),
        (any::<Index>(), any::<Index>(), any::<bool>())
            .prop_map(|(a, b, v)| FieldPick::Pair(a, b, v)),
    ];
    prop_oneof![
        8 => (field, typed_text()).prop_map(|(f, t)| Act::Edit(f, t)),
        1 => any::<Index>().prop_map(Act::Growth),
        1 => index_pair().prop_map(|(a, b)| Act::Profile(a, b)),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(a, b)| Act::Capacity(a, b)),
        1 => Just(Act::Add),
        1 => any::<Index>().prop_map(Act::Duplicate),
        1 => any::<Index>().prop_map(Act::Remove),
        1 => index_pair().prop_map(|(a, b)| Act::Move(a, b)),
        1 => any::<Index>().prop_map(Act::AddRow),
        1 => index_pair().prop_map(|(a, b)| Act::RemoveRow(a, b)),
        1 => any::<bool>().prop_map(Act::FirmOnly),
        3 => any::<Index>().prop_map(Act::History),
    ]
}

impl Act {
    /// The action against this form (indices one past the end are tried too).
    fn resolve(self, state: &State) -> Action {
        let deals = state.form.deals.len() + 1;
        match self {
            Act::Edit(pick, text) => {
                let field = match pick {
                    FieldPick::Top(i) => TOP_FIELDS[i.index(TOP_FIELDS.len())],
                    FieldPick::Deal(d, f) => {
                        Field::Deal(d.index(deals), DEAL_FIELDS[f.index(DEAL_FIELDS.len())])
                    }
                    FieldPick::Weight(d, k) => {
                        let i = d.index(deals);
                        let n = state.form.deals.get(i).map_or(0, |d| d.weights.len()) + 1;
                        Field::Weight(i, k.index(n))
                    }
                    FieldPick::Pair(t, i, value) => {
                        let t = TABLES[t.index(TABLES.len())];
                        let i = i.index(state.form.table(t).len() + 1);
                        if value {
                            Field::PairValue(t, i)
                        } else {
                            Field::PairYear(t, i)
                        }
                    }
                };
                Action::Edit(field, text)
            }
            Act::Growth(i) => Action::ChooseGrowth(GROWTHS[i.index(GROWTHS.len())]),
            Act::Profile(d, p) => {
                Action::ChooseProfile(d.index(deals), PROFILES[p.index(PROFILES.len())])
            }
            Act::Capacity(d, on) => Action::ValueByCapacity(d.index(deals), on),
            Act::Add => Action::AddDeal,
            Act::Duplicate(d) => Action::DuplicateDeal(d.index(deals)),
            Act::Remove(d) => Action::RemoveDeal(d.index(deals)),
            Act::Move(a, b) => Action::MoveDeal(a.index(deals), b.index(deals)),
            Act::AddRow(t) => Action::AddRow(TABLES[t.index(TABLES.len())]),
            Act::RemoveRow(t, i) => {
                let t = TABLES[t.index(TABLES.len())];
                Action::RemoveRow(t, i.index(state.form.table(t).len() + 1))
            }
            Act::FirmOnly(on) => Action::SetFirmOnly(on),
            Act::History(i) => [Action::Undo, Action::Redo, Action::Commit][i.index(3)].clone(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Named cases and the regression corpus

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Every file in `tests/fixtures/hostile/json/` is imported (and sent as a link), every file
/// in `links/` opened as a fragment, every line of `numbers/` typed into each kind of field:
/// the cases of the end-to-end corpus and every crasher fuzzing ever found.
#[test]
fn the_hostile_corpus_is_rejected_with_messages_or_accepted_safely() {
    let mut failures = Vec::new();
    let mut count = 0;
    for file in fixtures("json") {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        count += 1;
        if let Err(e) = check_json(&text).and_then(|_| check_link(&link_of_json(&text))) {
            failures.push(format!("{}: {e}", file.display()));
        }
    }
    for file in fixtures("links") {
        let text = std::fs::read_to_string(&file).unwrap();
        count += 1;
        if let Err(e) = check_link(text.trim_end_matches('\n')) {
            failures.push(format!("{}: {e}", file.display()));
        }
    }
    for file in fixtures("numbers") {
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            count += 1;
            if let Err(e) = check_number(line) {
                failures.push(format!("{}: {e}", file.display()));
            }
        }
    }
    assert!(count >= 40, "only {count} corpus cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `tests/fixtures/hostile/expected.json` says, for each file, whether it is accepted and what
/// the message says; the end-to-end tests check the page shows the same.
#[test]
fn the_hostile_corpus_gives_the_expected_outcome() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap())
            .unwrap();
    let manifest = manifest.as_object().unwrap();
    let mut failures = Vec::new();
    for kind in ["json", "links"] {
        for file in fixtures(kind) {
            let name = format!("{kind}/{}", file.file_name().unwrap().to_string_lossy());
            let Some(expect) = manifest.get(&name) else {
                failures.push(format!("{name}: not in expected.json"));
                continue;
            };
            let bytes = std::fs::read(&file).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let outcome = if kind == "json" {
                Scenario::from_json(&text).map_err(|e| e.messages().join("\n"))
            } else {
                codec::decode(&text).map_err(|e| e.to_string())
            };
            let accepted = expect["accepted"].as_bool().unwrap();
            let message = expect["message"].as_str().unwrap();
            match (&outcome, accepted) {
                (Ok(_), true) => {}
                (Err(got), false) if got.contains(message) => {}
                _ => failures.push(format!(
                    "{name}: expected {} {message:?}, got {:.300}",
                    if accepted {
                        "accepted"
                    } else {
                        "rejected with"
                    },
                    match &outcome {
                        Ok(s) => format!("accepted {:?}", s.name),
                        Err(e) => format!("rejected with {e:?}"),
                    }
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Named hostile inputs with the message each must give.
#[test]
fn named_hostile_inputs_give_their_message() {
    let preset = PRESETS[0].scenario();
    let mut doc: Value = serde_json::from_str(PRESETS[0].json()).unwrap();
    let deals = doc["deals"].as_array().unwrap().clone();
    doc["deals"] = Value::Array((0..500).map(|i| deals[i % deals.len()].clone()).collect());
    let five_hundred_deals = doc.to_string();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_in_object = format!(
        "{{\"version\":1,\"name\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let deep_unclosed = format!("{{\"version\":1,\"x\":{}", "[".repeat(100_000));
    let newer = PRESETS[0]
        .json()
        .replacen("\"version\":1", "\"version\":7", 1);
    let json_cases: Vec<(String, &str)> = vec![
        (String::new(), "the file is empty"),
        ("hello".into(), "not a readable scenario file"),
        ("[1,2,3]".into(), "must be a JSON object"),
        (deep.clone(), "must be a JSON object"),
        (deep_in_object, "nested too deeply"),
        (deep_unclosed, "nested too deeply"),
        (newer, "newer version (7)"),
        (five_hundred_deals, "at most 100 deals; got 500"),
        (
            preset.to_json_compact().replacen("{", "{\"extra\":1,", 1),
            "Unknown field `extra`",
        ),
        (
            preset
                .to_json_compact()
                .replacen("\"firm_only\":false,", "", 1),
            "The field `firm_only` is missing",
        ),
        (
            preset
                .to_json_compact()
                .replacen("\"start_year\":2025", "\"start_year\":\"2025\"", 1),
            "expected a whole number",
        ),
        (
            preset
                .to_json_compact()
                .replacen("\"start_year\":2025", "\"start_year\":-2025", 1),
            "The first year must be between 1990 and 2100; got -2025",
        ),
        (
            preset
                .to_json_compact()
                .replacen("\"opening_cash\":17.5", "\"opening_cash\":1e309", 1),
            "Number out of range",
        ),
        (
            preset.to_json_compact().replacen(
                &format!("\"name\":{}", serde_json::to_string(&preset.name).unwrap()),
                &format!("\"name\":\"{}\"", "x".repeat(10_000)),
                1,
            ),
            "at most 80 characters; got 10000",
        ),
    ];
    for (text, expected) in json_cases {
        let e = Scenario::from_json(&text).expect_err(expected);
        let all = e.messages().join("\n");
        assert!(
            all.contains(expected),
            "input {:.60?}: got {all:.300}",
            text
        );
        check_scenario_error(&text, &e).unwrap();
    }

    let link_cases: Vec<(String, &str)> = vec![
        ("s1.".into(), "damaged or cut short"),
        ("s1.!!!!".into(), "damaged"),
        ("s1.".to_string() + &"A".repeat(4_000_000), "too long"),
        (
            "s99999999999999999999999.abc".into(),
            "not a Compute Coverage scenario",
        ),
        (
            "s2.abc".into(),
            "newer version of Compute Coverage (link format 2)",
        ),
        (
            link_of_bytes(b"\x00\x01\x02 garbage"),
            "damaged or cut short",
        ),
        (link_of_json("{\"version\":1}"), "missing"),
        (link_of_json(&deep), "must be a JSON object"),
    ];
    for (link, expected) in link_cases {
        let e = codec::decode(&link).expect_err(expected).to_string();
        assert!(e.contains(expected), "link {:.60?}: got {e:.300}", link);
    }

    let number_cases = [
        ("", "Enter a number"),
        ("words", "not a number"),
        ("1e309", "too large"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        ("-Infinity", "not a number"),
    ];
    for (text, expected) in number_cases {
        let e = parse_money(text).expect_err(text).to_string();
        assert!(e.contains(expected), "input {text:?}: got {e}");
    }
    assert_eq!(parse_money("-0"), Ok(0.0));
    assert!(parse_money("-0").unwrap().is_sign_positive());
    assert!(parse_int("123456789012345678901234567890").is_err());
    assert_eq!(
        parse_money("123456789012345678901234567890"),
        Ok(123456789012345678901234567890.0)
    );
}

/// serde_json reads some 16–17-digit numbers an ulp or two away from the text it wrote for them
/// (see [`MAX_ULPS`]); links and files still reproduce every figure the page shows.
#[test]
fn numbers_read_back_to_the_last_digits() {
    let mut d = PRESETS[2].scenario().draft().clone();
    d.deals[0].value.total = Some(403_178.869_460_736_75);
    d.revenue.base = 9.523_844_933_943_959e-299;
    let s = Scenario::new(d).unwrap();
    let linked = codec::decode(&codec::encode(&s)).unwrap();
    assert!(same_to_the_last_digits(&linked, &s), "{linked:?}");
    let filed = Scenario::from_json(&s.to_json()).unwrap();
    assert!(same_to_the_last_digits(&filed, &s), "{filed:?}");
    // The figures are the same.
    let (a, b) = (engine::project(&s), engine::project(&linked));
    assert_eq!(
        narrative::summary_sentence(&s, &a),
        narrative::summary_sentence(&linked, &b)
    );
}
