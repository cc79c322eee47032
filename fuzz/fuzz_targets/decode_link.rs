//! The URL-fragment decoder on any text, and on any bytes packed as a link's data (valid
//! base64url of whatever the deflate reader and the JSON reader then meet).
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use compute_coverage::codec::PREFIX;
use compute_coverage_fuzz::check_link;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check_link(text);
    }
    check_link(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(data)));
});
