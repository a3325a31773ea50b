//! `copydesk debug sentences`. STUB.
use std::path::Path;
use std::process::ExitCode;

use super::InputArgs;

pub fn sentences(_path: &Path, _input: &InputArgs) -> ExitCode {
    ExitCode::SUCCESS
}
