//! The entry point of the office's page: everything is in the library.

fn main() {
    bogen_office_app::run();
}
