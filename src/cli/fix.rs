//! `copydesk check --fix / --unsafe-fixes / --diff`: apply fixes with ruff's conventions.
//!
//! * `--fix` applies the first *safe* fix of every finding; `--unsafe-fixes` the first fix that is
//!   not display-only (safe or unsafe) of every finding. Display-only fixes are never applied.
//! * Overlapping fixes are resolved deterministically: findings are taken in report order (by
//!   start offset, then rule id); a fix whose edits overlap (or touch at the same insertion point)
//!   an edit already taken waits for the next pass. After each pass the text is checked again and
//!   the loop repeats until nothing applies, at most [`MAX_PASSES`] times. A fix already applied
//!   once (same rule, title and text) is never applied again, so a fix whose result is flagged
//!   again (a placeholder) cannot loop.
//! * Writes are atomic (a temporary file in the same directory, then a rename; the file's
//!   permissions are kept) and refused when the file on disk no longer holds what was read.
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::document::{Applicability, Edit, Finding, Settings, apply_edits};
use crate::engine::Report;

/// The most check-and-fix passes over one file.
pub const MAX_PASSES: usize = 10;

/// One fix that was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub rule: &'static str,
    pub title: String,
    pub applicability: Applicability,
}

/// The result of fixing one text.
#[derive(Debug)]
pub struct Outcome {
    pub text: String,
    pub applied: Vec<Applied>,
    /// The report of the final text (what remains).
    pub report: Report,
    /// The passes that applied something.
    pub passes: usize,
    /// True when the last pass still had fixes to apply (the bound was reached).
    pub converged: bool,
}

/// The fix `--fix` (or `--unsafe-fixes` when `unsafe_fixes`) would apply to this finding.
pub fn chosen_fix(f: &Finding, unsafe_fixes: bool) -> Option<&crate::document::Fix> {
    f.fixes.iter().find(|x| match x.applicability {
        Applicability::Safe => true,
        Applicability::Unsafe => unsafe_fixes,
        Applicability::DisplayOnly => false,
    })
}

/// Whether two edits overlap; two insertions at the same point (or an insertion at the edge of a
/// replacement) count as overlapping, since their order would be a guess.
fn clash(a: &Edit, b: &Edit) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// How many of `report`'s findings `--fix` would fix, and how many only `--unsafe-fixes` would.
pub fn fixable(report: &Report) -> (usize, usize) {
    let safe = report.findings.iter().filter(|f| chosen_fix(f, false).is_some()).count();
    let any = report.findings.iter().filter(|f| chosen_fix(f, true).is_some()).count();
    (safe, any - safe)
}

/// Fix `text` (already checked into `first`) until nothing applies or [`MAX_PASSES`] is reached.
pub fn fix_text(text: &str, settings: &Settings, first: Report, unsafe_fixes: bool) -> Outcome {
    let mut current = text.to_string();
    let mut report = first;
    let mut applied: Vec<Applied> = Vec::new();
    let mut seen: HashSet<(&'static str, String, String)> = HashSet::new();
    let mut passes = 0;
    let mut converged = true;
    loop {
        let mut taken: Vec<Edit> = Vec::new();
        let mut this_pass: Vec<(Applied, String)> = Vec::new();
        for f in &report.findings {
            let Some(fix) = chosen_fix(f, unsafe_fixes) else { continue };
            if fix.edits.is_empty() {
                continue;
            }
            let flagged = current.get(f.span.start..f.span.end).unwrap_or("").to_string();
            if seen.contains(&(f.rule, fix.title.clone(), flagged.clone())) {
                continue;
            }
            if fix.edits.iter().any(|e| taken.iter().any(|t| clash(e, t))) {
                continue;
            }
            taken.extend(fix.edits.iter().cloned());
            this_pass
                .push((Applied { rule: f.rule, title: fix.title.clone(), applicability: fix.applicability }, flagged));
        }
        if taken.is_empty() {
            break;
        }
        if passes == MAX_PASSES {
            converged = false;
            break;
        }
        let next = apply_edits(&current, &taken);
        if next == current {
            break;
        }
        passes += 1;
        for (a, flagged) in this_pass {
            seen.insert((a.rule, a.title.clone(), flagged));
            applied.push(a);
        }
        current = next;
        report = crate::engine::check(&current, settings);
    }
    Outcome { text: current, applied, report, passes, converged }
}

/// A unified diff of `old` → `new`, with `a/PATH` and `b/PATH` headers (empty when equal).
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = String::new();
    let mut u = diff.unified_diff();
    u.context_radius(3).header(&format!("a/{path}"), &format!("b/{path}"));
    out.push_str(&u.to_string());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file on disk is no longer what was read: someone else changed it during the run.
    Changed,
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => {
                write!(f, "changed on disk while copydesk was checking it; not written (run again)")
            }
            WriteError::Io(e) => write!(f, "could not write the fixed file: {e}"),
        }
    }
}

/// Write `new` to `path` atomically, only if the file still holds exactly `original`: a temporary
/// file beside it (same directory, so the rename stays on one file system), with the original's
/// permissions, flushed to disk, then renamed over it. On any error the original is untouched.
pub fn write_if_unchanged(path: &Path, original: &[u8], new: &str) -> Result<(), WriteError> {
    let now = std::fs::read(path).map_err(WriteError::Io)?;
    if now != original {
        return Err(WriteError::Changed);
    }
    let meta = std::fs::metadata(path).map_err(WriteError::Io)?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (tmp, mut file) = create_temp(dir, &name).map_err(WriteError::Io)?;
    let result = (|| {
        file.write_all(new.as_bytes()).map_err(WriteError::Io)?;
        file.set_permissions(meta.permissions()).map_err(WriteError::Io)?;
        file.sync_all().map_err(WriteError::Io)?;
        drop(file);
        // The last look before replacing it: a change since the first look is still refused.
        if std::fs::read(path).map_err(WriteError::Io)? != original {
            return Err(WriteError::Changed);
        }
        std::fs::rename(&tmp, path).map_err(WriteError::Io)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A new file `.NAME.copydesk-PID-N.tmp` in `dir` (never an existing one).
fn create_temp(dir: &Path, name: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    let pid = std::process::id();
    let mut last = None;
    for n in 0..100 {
        let p = dir.join(format!(".{name}.copydesk-{pid}-{n}.tmp"));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&p) {
            Ok(f) => return Ok((p, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary file name")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Fix, Severity};
    use crate::text::Span;

    fn settings() -> Settings {
        Settings { reference_date: Some(jiff::civil::date(2025, 3, 4)), ..Default::default() }
    }

    fn fix_all(text: &str, unsafe_fixes: bool) -> Outcome {
        let s = settings();
        fix_text(text, &s, crate::engine::check(text, &s), unsafe_fixes)
    }

    #[test]
    fn safe_weekday_fix_is_applied_and_nothing_safe_remains() {
        let text = "On Monday, March 4, 2025, the council met.\n";
        let out = fix_all(text, false);
        assert_eq!(out.text, "On Tuesday, March 4, 2025, the council met.\n");
        assert_eq!(out.applied.len(), 1);
        assert_eq!(out.applied[0].applicability, Applicability::Safe);
        assert_eq!(fixable(&out.report).0, 0);
        assert!(out.converged);
    }

    #[test]
    fn unsafe_fixes_apply_the_first_fix_of_the_rest() {
        let text = "Experts say the reserves are low.\n";
        let s = settings();
        let before = crate::engine::check(text, &s);
        let f = before.findings.iter().find(|f| f.rule == "attribution/vague").expect("vague finding");
        assert_eq!(f.fixes[0].applicability, Applicability::Unsafe);
        assert_eq!(fix_all(text, false).text, text, "--fix leaves unsafe fixes alone");
        let out = fix_all(text, true);
        assert_eq!(out.text, f.fixes[0].apply(text));
        assert!(out.applied.iter().any(|a| a.rule == "attribution/vague"));
    }

    fn finding(start: usize, end: usize, fixes: Vec<Fix>) -> Finding {
        Finding {
            rule: "date/weekday",
            span: Span::new(start, end),
            message: "m".into(),
            severity: Severity::Error,
            fixes,
        }
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_pass_in_report_order() {
        // Two findings whose fixes replace the same word: the first in report order wins this
        // pass; the second is dropped because the re-check no longer reports it.
        let text = "Wednesday";
        let a = Fix::new("A", Applicability::Safe, vec![Edit::replace(Span::new(0, 9), "Tuesday")]);
        let b = Fix::new("B", Applicability::Safe, vec![Edit::replace(Span::new(0, 3), "Thu")]);
        let first = Report { findings: vec![finding(0, 9, vec![a]), finding(0, 3, vec![b])], ..Default::default() };
        let out = fix_text(text, &Settings::default(), first, false);
        assert_eq!(out.text, "Tuesday");
        assert_eq!(out.applied.len(), 1);
        assert_eq!(out.applied[0].title, "A");
        assert!(clash(&Edit::insert(3, "x"), &Edit::insert(3, "y")));
        assert!(!clash(&Edit::replace(Span::new(0, 3), "x"), &Edit::replace(Span::new(3, 5), "y")));
    }

    #[test]
    fn display_only_fixes_are_never_applied() {
        let f = finding(0, 1, vec![Fix::new("look", Applicability::DisplayOnly, vec![Edit::insert(0, "x")])]);
        assert!(chosen_fix(&f, true).is_none());
        let r = Report { findings: vec![f], ..Default::default() };
        assert_eq!(fixable(&r), (0, 0));
    }

    #[test]
    fn diff_has_headers_and_is_empty_when_equal() {
        assert_eq!(unified_diff("a.md", "x\n", "x\n"), "");
        let d = unified_diff("a.md", "one\ntwo\n", "one\nTWO\n");
        assert!(d.starts_with("--- a/a.md\n+++ b/a.md\n@@"), "{d}");
        assert!(d.contains("\n-two\n+TWO\n"), "{d}");
    }

    #[test]
    fn write_is_refused_when_the_file_changed_and_keeps_permissions_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "old\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        // Someone edits the file after copydesk read "old\n".
        std::fs::write(&p, "edited\n").unwrap();
        assert!(matches!(write_if_unchanged(&p, b"old\n", "new\n"), Err(WriteError::Changed)));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "edited\n");

        write_if_unchanged(&p, b"edited\n", "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o640);
        }
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 1, "no temporary file left behind: {left:?}");
    }
}
