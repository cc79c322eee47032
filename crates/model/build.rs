//! Writes the built-in scenarios' JSON for the downloads: each preset without the indentation
//! of its source file (`OUT_DIR/<name>.json`, read by `presets.rs`: the pages carry no layout
//! whitespace), and the default scenario without its notes and sources
//! (`OUT_DIR/<name>.plain.json`) for a view that shows figures but never their provenance (the
//! embed page): the notes are two thirds of the preset's bytes and would otherwise ride in that
//! download unread.

use serde_json::Value;
use std::path::Path;
use std::{env, fs};

/// The fields that only say where a figure comes from: a deal's, a raise's and the financing's
/// `note`, a deal's and a marker's `source`. No other field of the format has these names.
const PROVENANCE: [&str; 2] = ["note", "source"];

fn strip(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|k, _| !PROVENANCE.contains(&k.as_str()));
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// The first of `presets::PRESETS` (its tests check that this is the same scenario).
const DEFAULT: &str = "openai-november-2025";

/// Every file in src/presets (`presets.rs` includes each from OUT_DIR).
const PRESETS: [&str; 3] = [DEFAULT, "anthropic-november-2025", "blank"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=build.rs");
    let write = |name: String, value: &Value| {
        let text = serde_json::to_string(value).expect("a JSON value writes");
        fs::write(Path::new(&out).join(name), text).expect("OUT_DIR is writable");
    };
    for preset in PRESETS {
        let from = format!("src/presets/{preset}.json");
        println!("cargo::rerun-if-changed={from}");
        let text = fs::read_to_string(&from).expect("the preset is in the crate");
        let mut value: Value = serde_json::from_str(&text).expect("the preset is JSON");
        write(format!("{preset}.json"), &value);
        if preset == DEFAULT {
            strip(&mut value);
            write(format!("{preset}.plain.json"), &value);
        }
    }
}
