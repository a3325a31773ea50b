//! `copydesk debug sentences` end to end: stdin, kind selection and I/O errors.
use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn reads_stdin_as_plain_text_lines() {
    let (code, out, _) = run(&["debug", "sentences", "-", "--as", "text"], "First line here.\nSecond line here.\n");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "<stdin>: plain text, 2 blocks, 2 sentences, 0 quotations\n 0..16  ¶1   First line here.\n17..34  ¶2   Second line here.\n"
    );
}

#[test]
fn stdin_filename_picks_the_kind() {
    let (code, out, _) = run(&["debug", "sentences", "-", "--stdin-filename", "x.md"], "# Title\n");
    assert_eq!(code, 0);
    assert!(out.starts_with("x.md: markdown, 1 blocks, 1 sentences"), "{out}");
    assert!(out.contains("[heading] Title"), "{out}");
}

#[test]
fn missing_file_is_exit_2_with_the_path() {
    let (code, out, err) = run(&["debug", "sentences", "no/such/file.md"], "");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("no/such/file.md"), "{err}");
}
