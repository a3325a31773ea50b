//! `copydesk dates`. STUB.
use std::process::ExitCode;

use super::DatesArgs;

pub fn run(_args: DatesArgs) -> ExitCode {
    ExitCode::SUCCESS
}
