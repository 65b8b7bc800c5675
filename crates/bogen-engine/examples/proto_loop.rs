fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    for _ in 0..300 {
        let q = bogen_engine::compile(&text).unwrap();
        drop(q);
    }
}
