//! Benchmark of a national campaign: 10,000 signed submissions of the default questionnaire
//! (Germany has about 10,800 municipalities), verified and exported by the built `bogen` on one
//! core. Run it with the CLI's speed profile:
//!
//! ```sh
//! cargo bench -p bogen-cli --bench campaign --profile release-native            # 10,000 files
//! cargo bench -p bogen-cli --bench campaign --profile release-native -- 2000    # another number
//! ```
//!
//! It writes the files into a fresh temporary folder (about 13 KB each), then times
//! `bogen verify FOLDER`, `bogen export FOLDER -o x.xlsx` and `-o x.csv`, each pinned to one core
//! with `taskset -c 0` when that exists, best of three runs. Every municipality signs with its
//! own key; one in twenty sends a second, later submission, which supersedes its first. The
//! folder is removed afterwards unless `BOGEN_BENCH_KEEP=1`.

#[path = "../tests/it/campaign.rs"]
mod campaign;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let n_files: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let folder = std::env::temp_dir().join(format!("bogen-campaign-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let inbox = folder.join("eingang");
    std::fs::create_dir_all(&inbox).expect("a temporary folder");

    let started = Instant::now();
    let questionnaire = campaign::default_questionnaire();
    // One in twenty municipalities submits twice; the rest once.
    let resubmissions = n_files / 20;
    let municipalities = n_files - resubmissions;
    let mut bytes = 0;
    for i in 0..n_files {
        let (n, created_at) = if i < municipalities {
            (i, format!("2004-09-{:02}T{:02}:{:02}:00Z", 1 + i % 29, i % 24, i % 60))
        } else {
            ((i - municipalities) * 19 % municipalities, format!("2004-09-30T{:02}:{:02}:00.5Z", i % 24, i % 60))
        };
        let text = campaign::submission(&questionnaire, n, &campaign::key(n), &created_at);
        bytes += text.len();
        std::fs::write(inbox.join(format!("{i:05}.json")), text).expect("writing a submission");
    }
    println!(
        "generated {n_files} submissions ({municipalities} municipalities, {resubmissions} second submissions), {:.1} MB, in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let bogen = env!("CARGO_BIN_EXE_bogen");
    let inbox_arg = inbox.to_str().expect("a UTF-8 path");
    let xlsx = folder.join("x.xlsx");
    let csv = folder.join("x.csv");
    let runs: [(&str, Vec<&str>); 3] = [
        ("bogen verify FOLDER", vec!["verify", inbox_arg]),
        ("bogen export FOLDER -o x.xlsx", vec!["export", "--force", inbox_arg, "-o", xlsx.to_str().expect("UTF-8")]),
        ("bogen export FOLDER -o x.csv", vec!["export", "--force", inbox_arg, "-o", csv.to_str().expect("UTF-8")]),
    ];
    let pinned = Path::new("/usr/bin/taskset").exists();
    println!("{} (bogen: {bogen})", if pinned { "one core: taskset -c 0" } else { "taskset not found: not pinned" });
    for (name, args) in runs {
        let times: Vec<Duration> = (0..3).map(|_| time(bogen, &args, pinned)).collect();
        let best = times.iter().min().copied().unwrap_or_default();
        println!(
            "{name:<32} best {:>6.2} s   ({:.0} files/s; runs: {})",
            best.as_secs_f64(),
            n_files as f64 / best.as_secs_f64(),
            times.iter().map(|t| format!("{:.2}", t.as_secs_f64())).collect::<Vec<_>>().join(", ")
        );
    }
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    println!("x.xlsx {:.1} MB, x.csv {:.1} MB", size(&xlsx), size(&csv));
    if std::env::var_os("BOGEN_BENCH_KEEP").is_some() {
        println!("kept {}", folder.display());
    } else {
        let _ = std::fs::remove_dir_all(&folder);
    }
}

/// Runs `bogen` once and returns the wall-clock time; exit code 0 is expected (every file valid).
fn time(bogen: &str, args: &[&str], pinned: bool) -> Duration {
    let mut command = if pinned {
        let mut c = Command::new("/usr/bin/taskset");
        c.args(["-c", "0", bogen]);
        c
    } else {
        Command::new(bogen)
    };
    command.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    let started = Instant::now();
    let output = command.output().expect("running bogen");
    let elapsed = started.elapsed();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    elapsed
}
