//! Entry point of the embed page (`embed/`), a page with its own small download: a reader of a
//! post that embeds one chart loads the decoder, the projection and the drawing, not the
//! calculator. The page itself is in `page.rs`.

#[cfg(target_arch = "wasm32")]
mod page;

// talc instead of Rust's default dlmalloc: smaller in the download, and the page is single-threaded
// wasm, which is what `new_global` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(target_arch = "wasm32")]
fn main() {
    page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the embed page is a web app: build it with `make serve`.");
    std::process::exit(2);
}
