fn main() {
    let t = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    for (r, x) in atti_italian::reference::find_references(&t, &Default::default()) {
        println!("{} <{}>", x.brief(), &t[r]);
    }
}
