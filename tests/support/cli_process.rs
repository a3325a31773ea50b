//! Running the real `copydesk` binary in a test: arguments, working directory and standard input
//! in, its `Output` back.
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `copydesk ARGS` in `cwd`, writing `stdin` (or nothing) to it. `no_color` sets
/// `NO_COLOR=1`; otherwise the variable is removed, so colour follows the flags alone.
pub fn run(args: &[&str], cwd: &Path, stdin: Option<&str>, no_color: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.args(args).current_dir(cwd).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let mut child = cmd.spawn().expect("spawn copydesk");
    let mut input = child.stdin.take().unwrap();
    // The process may exit before reading stdin (a usage error): a broken pipe is fine.
    let _ = input.write_all(stdin.unwrap_or("").as_bytes());
    drop(input);
    child.wait_with_output().unwrap()
}
