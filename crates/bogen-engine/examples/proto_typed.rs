use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let runs = 30;
    let mut t_typed = vec![];
    let mut t_tree = vec![];
    let mut t_compile = vec![];
    let mut t_canon = vec![];
    for _ in 0..runs {
        let t = Instant::now();
        let f: bogen_engine::format::QuestionnaireFile = serde_json::from_str(&text).unwrap();
        drop(f);
        t_typed.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        drop(v);
        t_tree.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let r = bogen_engine::compile::read(&text).ok().unwrap();
        let _ = r.canonical().map(|c| c.len());
        t_canon.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let q = bogen_engine::compile(&text).unwrap();
        drop(q);
        t_compile.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let med = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    println!(
        "typed from_str+drop {:.2}  Value from_str+drop {:.2}  read(tree+canonical, dropped) {:.2}  compile {:.2}",
        med(&mut t_typed),
        med(&mut t_tree),
        med(&mut t_canon),
        med(&mut t_compile)
    );
}
