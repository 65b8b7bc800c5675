//! The entry point of the browser app: everything is in the library, so that the
//! wasm-bindgen tests can mount the same [`bogen_app::App`].

fn main() {
    bogen_app::run();
}
