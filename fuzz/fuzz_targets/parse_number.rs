//! The number readers of the input fields on any text, whole and line by line (a seed file
//! holds one case per line).
#![no_main]

use compute_coverage_fuzz::check_number;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_number(&text);
    if text.contains('\n') {
        text.lines().for_each(check_number);
    }
});
