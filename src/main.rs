//! Entry point of the web app: mounts the root component. Everything else lives in the library
//! so tests and benches can reach it.

// talc instead of Rust's default dlmalloc: smaller in the download, and the page is single-threaded
// wasm, which is what `new_global` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(target_arch = "wasm32")]
fn main() {
    compute_coverage::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "compute-coverage is a web app: build it with `make serve` (trunk), not `cargo run`."
    );
    std::process::exit(2);
}
