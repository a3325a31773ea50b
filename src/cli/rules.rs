//! `copydesk rules` and `copydesk rule ID`.
use std::process::ExitCode;

use super::{EXIT_ERROR, RulesArgs};

pub fn list(_args: RulesArgs) -> ExitCode {
    for r in crate::rules::all_rules() {
        println!("{:<32} {:<8} {}", r.id, r.default_severity.as_str(), r.summary);
    }
    ExitCode::SUCCESS
}

pub fn show(id: &str) -> ExitCode {
    match crate::rules::rule(id) {
        Some(r) => {
            println!("{}", r.docs);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("copydesk: no rule '{id}' (see `copydesk rules`)");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
