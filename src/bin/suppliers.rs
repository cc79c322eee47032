//! Entry point of the Suppliers page (`suppliers/`), a page with its own download: several
//! companies' suppliers at once, without the calculator's form. The page is
//! `compute_coverage::suppliers_page`.

// talc, as on the other pages: smaller than the default allocator, and the page is
// single-threaded wasm, which `new_global` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(target_arch = "wasm32")]
fn main() {
    // `?embed=suppliers`: the view for a blog post, from this same download.
    if !compute_coverage::suppliers_embed::start_if_embedded() {
        compute_coverage::suppliers_page::start();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the Suppliers page is a web app: build it with `make serve`.");
    std::process::exit(2);
}
