//! The JSON importer on any file, decoded as the browser decodes a file (UTF-8, bad bytes
//! replaced), and the same text arriving deflated in a link.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use compute_coverage::codec::PREFIX;
use compute_coverage_fuzz::{check_json, check_link};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_json(&text);
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 1);
    check_link(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed)));
});
