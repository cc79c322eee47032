//! Entry point of the uncertainty page (`uncertainty/`), a second page with its own download
//! so the calculator's page stays small.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(target_arch = "wasm32")]
fn main() {
    compute_coverage::uncertainty_page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the uncertainty page is a web app: build it with `make serve`.");
    std::process::exit(2);
}
