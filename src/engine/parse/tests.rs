use super::*;
#[test]
fn placeholder() {
    let _ = parse("", DocKind::Plain, &[]);
}
