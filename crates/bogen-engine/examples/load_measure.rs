//! Measures the load of a questionnaire file natively: the time of `compile` and the peak of
//! heap bytes it holds at once (a counting global allocator, here only, never in the shipped
//! code), also split by step (parse, canonical form, hash), so that a change to the load path
//! can be judged before the browser benchmark runs.
//!
//! `cargo run --release -p bogen-engine --example load_measure -- FILE [RUNS] [compile-only]`
//! (`--profile release` builds the engine at the app's opt-level "z"; `--profile release-native`
//! at 3). Without FILE it measures the benches' generated 2,000-question questionnaire.

#[path = "../benches/support/large.rs"]
mod large;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live bytes, their peak and the number of allocations.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
            ALLOCS.fetch_add(1, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
            ALLOCS.fetch_add(1, Ordering::Relaxed);
        }
        q
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` `runs` times; prints the median time, the peak bytes above what was live before,
/// the bytes it leaves live (what it returns) and its allocations.
fn measure<T>(name: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut times = Vec::new();
    let mut last = None;
    let (mut peak, mut kept, mut allocs) = (0, 0, 0);
    for _ in 0..runs {
        drop(last.take());
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let a0 = ALLOCS.load(Ordering::Relaxed);
        let start = Instant::now();
        let out = f();
        times.push(start.elapsed().as_secs_f64() * 1e3);
        peak = PEAK.load(Ordering::Relaxed) - base;
        kept = LIVE.load(Ordering::Relaxed) - base;
        allocs = ALLOCS.load(Ordering::Relaxed) - a0;
        last = Some(out);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{name:<28} median {:>7.2} ms  min {:>7.2} ms  peak {:>8.1} KiB  kept {:>8.1} KiB  allocations {allocs}",
        times[times.len() / 2],
        times[0],
        peak as f64 / 1024.0,
        kept as f64 / 1024.0
    );
    last.expect("at least one run")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let text = match args.next() {
        Some(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
        None => large::generated_questionnaire(),
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    println!("file: {} bytes, {runs} runs", text.len());
    println!(
        "sizes: Question {} bytes, QuestionFile {} bytes",
        std::mem::size_of::<bogen_engine::Question>(),
        std::mem::size_of::<bogen_engine::format::QuestionFile>()
    );
    let q = measure("compile", runs, || bogen_engine::compile(&text));
    match &q {
        Ok(q) => println!("  {} questions, sha256 {}", q.questions.len(), q.sha256),
        Err(p) => println!("  {} problems, first: {:?}", p.0.len(), p.0.first()),
    }
    drop(q);
    if args.next().as_deref() == Some("compile-only") {
        return;
    }
    let (tree, _) =
        measure("  parse (tree)", runs, || bogen_engine::signing::parse_json_listing_duplicates(&text).unwrap());
    let map = tree.as_object().expect("an object");
    let bytes = measure("  canonical form", runs, || bogen_engine::signing::canonical_bytes_unsigned(map).unwrap());
    measure("  sha256", runs, || bogen_engine::signing::sha256_hex(&bytes));
    measure("  drop tree", runs, || drop(tree.clone()));
    println!("  (drop tree includes a clone of it)");
}
