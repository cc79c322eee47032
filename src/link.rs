//! The calculator's links, deflated by the browser's own compressor (`CompressionStream`), so
//! the page does not carry one: miniz_oxide's deflate was 6.5 KiB gzip of the calculator's
//! download, for a few hundred bytes of JSON after each change. The link format is unchanged
//! (raw deflate, base64url: `codec::from_deflated`), and every page reads it with the same
//! inflater; only the bytes of a new link may differ from those another compressor makes, so
//! the calculator compares links by the scenario they open (`State::visit`), not by their text.
//! A browser without `CompressionStream` (before Safari 16.4 or Firefox 113) gets stored
//! deflate: a longer link, opened the same way.

use crate::codec;
use crate::scenario::Scenario;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "export async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}")]
extern "C" {
    /// Raw deflate of `bytes` (copied at once, before the first await).
    #[wasm_bindgen(catch, js_name = deflateRaw)]
    async fn deflate_raw(bytes: &[u8]) -> Result<JsValue, JsValue>;
}

/// The URL fragment (without the `#`) for `scenario`.
pub async fn fragment(scenario: &Scenario) -> String {
    let json = scenario.to_json_compact();
    let packed = match deflate_raw(json.as_bytes()).await {
        Ok(bytes) => js_sys::Uint8Array::new(&bytes).to_vec(),
        Err(_) => codec::stored_deflate(json.as_bytes()),
    };
    codec::from_deflated(&packed)
}
