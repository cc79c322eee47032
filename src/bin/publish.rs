//! Entry point of the embed builder (`publish/`), a page with its own download: a writer
//! chooses a view of the scenario in the address and copies its snippet, and the calculator's
//! readers never download the builder. The page is `compute_coverage::publish_page`.

// talc, as on the other pages: smaller than the default allocator, and the page is
// single-threaded wasm, which `new_global` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(target_arch = "wasm32")]
fn main() {
    compute_coverage::publish_page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the embed builder is a web app: build it with `make serve`.");
    std::process::exit(2);
}
