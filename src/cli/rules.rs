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

/// Rule ids and family names close to `key` (same family, shared prefix, or a small edit distance).
pub fn near_ids(key: &str) -> Vec<String> {
    let mut names: Vec<&str> = crate::rules::FAMILIES.iter().map(|f| f.name()).collect();
    names.extend(crate::rules::all_rules().map(|r| r.id));
    let key_l = key.to_ascii_lowercase();
    let mut scored: Vec<(usize, &str)> = names
        .into_iter()
        .filter_map(|n| {
            let d = edit_distance(&key_l, n);
            let related = n.starts_with(&key_l)
                || key_l.starts_with(n)
                || key_l.split('/').next() == n.split('/').next()
                || key_l.rsplit('/').next() == n.rsplit('/').next();
            (d <= 3.max(key_l.len() / 3) || related).then_some((d, n))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, n)| n.to_string()).collect()
}

/// Levenshtein distance over chars; ids are short, so the quadratic table is fine.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
