//! Prints the generated 2,000-question questionnaire of the benchmarks, for the browser
//! benchmark of the app: `cargo run -q -p bogen-engine --example large_questionnaire > large.json`.

#[path = "../benches/support/large.rs"]
mod large;

fn main() {
    println!("{}", large::generated_questionnaire());
}
