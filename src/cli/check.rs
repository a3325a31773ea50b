//! `copydesk check`: collect inputs, build settings (flags > nearest config > defaults), run the
//! engine on each file, render one report, pick the exit code.
//!
//! Exit codes: 0 when no finding is at or above `--fail-on`, 1 when one is, 2 when anything went
//! wrong (a usage error, an unreadable or non-UTF-8 file, a missing path, a broken config file).
//! Errors win: if any input failed, the exit code is 2 even when other files had findings, so a
//! script never mistakes "could not check" for "checked and found problems".
use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use jiff::civil::Date;

use super::fix;
use super::report::{self, Checked};
use super::{CheckArgs, ColorChoice, EXIT_ERROR, EXIT_FINDINGS, FailOn, InputArgs, InputKind, OutputFormat};
use crate::config::{self, Config, ConfigError};
use crate::document::{Applicability, DocKind, Finding, Reference, Settings, Severity};

/// One thing to read: a file on disk or stdin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// Reports a problem with one input on stderr; the caller keeps going and exits 2 at the end.
pub fn report_error(path: &str, message: &dyn std::fmt::Display) {
    eprintln!("copydesk: error: {path}: {message}");
}

pub fn run(args: CheckArgs) -> ExitCode {
    let mut base = match base_settings(&args.input) {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("copydesk: error: {msg}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    for (flag, keys) in [("--select", &args.select), ("--ignore", &args.ignore)] {
        if let Err(msg) = validate_rule_keys(flag, keys) {
            eprintln!("copydesk: error: {msg}");
            return ExitCode::from(EXIT_ERROR);
        }
    }
    base.select = args.select.clone();
    base.ignore = args.ignore.clone();

    let mut configs = match ConfigSource::new(&args.input) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("copydesk: error: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };

    let mut had_error = false;
    let inputs = collect_inputs(&args.paths, &mut had_error);
    let fix_mode = if args.diff {
        FixMode::Diff
    } else if args.fix {
        FixMode::Write
    } else {
        FixMode::Off
    };
    if fix_mode == FixMode::Write && inputs.contains(&Input::Stdin) {
        eprintln!("copydesk: error: --fix cannot write stdin back; use --diff to see the changes");
        return ExitCode::from(EXIT_ERROR);
    }
    if args.paths.is_empty() && std::io::stdin().is_terminal() && !args.quiet {
        eprintln!(
            "copydesk: reading an article from stdin (end it with Ctrl-D); give files or directories to check them instead"
        );
    }
    let colour = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => report::human::use_colour(),
    };
    let renderer = report::human::renderer(colour);
    // Human and GitHub output stream: each file's findings are printed as soon as it is checked.
    // JSON and SARIF are one document, printed at the end.
    let streaming = matches!(args.format, OutputFormat::Human | OutputFormat::Github) && !args.statistics;
    let mut out = Out { stdout: std::io::stdout().lock(), failed: false };
    let mut tally = Tally::default();
    let mut kept: Vec<Checked> = Vec::new();
    let mut docs_url: Option<String> = None;
    for input in inputs {
        let (c, settings) = match check_input(&input, &args.input, &base, &mut configs) {
            Ok(x) => x,
            Err((path, msg)) => {
                report_error(&path, &msg);
                had_error = true;
                continue;
            }
        };
        for e in &c.report.internal_errors {
            tracing::warn!(path = %c.path, "internal error: {e}");
        }
        // SARIF lists every rule once: its links use the docs-url of the first file checked.
        if docs_url.is_none() {
            docs_url = settings.docs_url.clone();
        }
        if !args.quiet {
            for w in &c.report.reference_warnings {
                eprintln!("copydesk: warning: {}: {w}", c.path);
            }
        }
        let c = if fix_mode == FixMode::Off {
            c
        } else {
            let Checked { path, text, report, .. } = c;
            let outcome = fix::fix_text(&text, &settings, report.clone(), args.unsafe_fixes);
            if !outcome.converged {
                eprintln!(
                    "copydesk: warning: {path}: fixes did not settle after {} passes; the rest are left as they are",
                    fix::MAX_PASSES
                );
            }
            let changed = outcome.text != text;
            match (fix_mode, &input) {
                (FixMode::Diff, _) => {
                    if changed {
                        out.write(&fix::unified_diff(&path, &text, &outcome.text));
                        tally.fixed_files += 1;
                        tally.fixed.extend(outcome.applied);
                    }
                    tally.add_fixable(&report, args.unsafe_fixes);
                    tally.add(&report);
                    continue;
                }
                (_, Input::File(p)) if changed => match fix::write_if_unchanged(p, text.as_bytes(), &outcome.text) {
                    Ok(()) => {
                        tally.fixed_files += 1;
                        tally.fixed.extend(outcome.applied);
                        Checked::new(path, outcome.text, outcome.report)
                    }
                    Err(e) => {
                        report_error(&path, &e);
                        had_error = true;
                        Checked::new(path, text, report)
                    }
                },
                _ => Checked::new(path, text, report),
            }
        };
        tally.add_fixable(&c.report, args.unsafe_fixes);
        tally.add(&c.report);
        if streaming {
            let s = match args.format {
                OutputFormat::Github => report::github::render(std::slice::from_ref(&c)),
                _ => report::human::render_file(&c, &renderer),
            };
            out.write(&s);
        } else if !args.statistics {
            kept.push(c);
        }
    }

    if fix_mode == FixMode::Diff {
        if !args.quiet {
            eprint!("{}", tally.diff_summary());
        }
        let code = if had_error {
            EXIT_ERROR
        } else if tally.fixed_files > 0 {
            EXIT_FINDINGS
        } else {
            0
        };
        return ExitCode::from(if out.failed { EXIT_ERROR } else { code });
    }

    if args.statistics {
        match args.format {
            OutputFormat::Json => out.write(&tally.statistics_json()),
            _ => out.write(&tally.statistics_table()),
        }
    } else {
        match args.format {
            OutputFormat::Json => out.write(&report::json::render(&kept)),
            OutputFormat::Sarif => out.write(&report::sarif::render(&kept, docs_url.as_deref())),
            OutputFormat::Human | OutputFormat::Github => {}
        }
    }
    // The summary: not when nothing could be checked (the errors on stderr say why), nor in --quiet.
    let human = matches!(args.format, OutputFormat::Human);
    if human && !args.quiet && !(had_error && tally.files == 0) {
        out.write(&tally.summary());
    }
    if out.failed {
        return ExitCode::from(EXIT_ERROR);
    }
    if had_error {
        return ExitCode::from(EXIT_ERROR);
    }
    let threshold = fail_threshold(args.fail_on);
    ExitCode::from(if tally.worst.is_some_and(|w| w <= threshold) { EXIT_FINDINGS } else { 0 })
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum FixMode {
    Off,
    Write,
    Diff,
}

/// Stdout, written as we go; a broken pipe ends the output quietly, other errors are reported once.
struct Out<'a> {
    stdout: std::io::StdoutLock<'a>,
    failed: bool,
}

impl Out<'_> {
    fn write(&mut self, s: &str) {
        use std::io::Write;
        if self.failed || s.is_empty() {
            return;
        }
        if let Err(e) = self.stdout.write_all(s.as_bytes()).and_then(|_| self.stdout.flush()) {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("copydesk: error: writing the report: {e}");
            }
            self.failed = true;
        }
    }
}

/// What the summary needs from every file checked (the files themselves are not kept).
#[derive(Default)]
pub struct Tally {
    pub files: usize,
    /// Findings by severity: `[error, warning, info, hint]`.
    pub counts: [usize; 4],
    pub worst: Option<Severity>,
    /// Findings per rule: `(count, fixable by the current mode)`.
    pub per_rule: BTreeMap<&'static str, (usize, usize)>,
    /// The publication date of each file and where it came from.
    pub references: Vec<Option<Reference>>,
    pub fixed: Vec<fix::Applied>,
    pub fixed_files: usize,
    /// Remaining findings `--fix` would fix, and those only `--unsafe-fixes` would.
    pub fixable_safe: usize,
    pub fixable_unsafe: usize,
}

impl Tally {
    pub fn add(&mut self, r: &crate::engine::Report) {
        self.files += 1;
        for f in &r.findings {
            self.counts[f.severity as usize] += 1;
            self.worst = Some(self.worst.map_or(f.severity, |w| w.min(f.severity)));
        }
        self.references.push(r.reference.clone());
    }

    fn add_fixable(&mut self, r: &crate::engine::Report, unsafe_fixes: bool) {
        let (safe, unsafe_only) = fix::fixable(r);
        self.fixable_safe += safe;
        self.fixable_unsafe += unsafe_only;
        for f in &r.findings {
            let e = self.per_rule.entry(f.rule).or_default();
            e.0 += 1;
            if fix::chosen_fix(f, unsafe_fixes).is_some() {
                e.1 += 1;
            }
        }
    }

    /// `1 file checked: 2 errors, 5 warnings (publication date 2025-03-06, from the article's front matter)`,
    /// then what was fixed and what remains fixable.
    pub fn summary(&self) -> String {
        let mut out = report::human::summary_line(self.files, self.counts);
        if let Some(dates) = report::human::reference_note(&self.references) {
            out.pop();
            out.push_str(&format!(" ({dates})\n"));
        }
        if !self.fixed.is_empty() {
            out.push_str(&self.fixed_line("Fixed"));
        }
        out.push_str(&self.fixable_line());
        out
    }

    fn fixed_line(&self, verb: &str) -> String {
        let n = self.fixed.len();
        let safe = self.fixed.iter().filter(|a| a.applicability == Applicability::Safe).count();
        let files = self.fixed_files;
        format!(
            "{verb} {n} finding{} in {files} file{} ({safe} safe, {} unsafe).\n",
            if n == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" },
            n - safe
        )
    }

    fn fixable_line(&self) -> String {
        let mut out = String::new();
        if self.fixable_safe > 0 {
            out.push_str(&format!("{} fixable with --fix.\n", self.fixable_safe));
        }
        if self.fixable_unsafe > 0 {
            out.push_str(&format!(
                "{} more fixable with --fix --unsafe-fixes (these fixes change wording: read them).\n",
                self.fixable_unsafe
            ));
        }
        out
    }

    fn diff_summary(&self) -> String {
        if self.fixed.is_empty() {
            return "copydesk: nothing to fix\n".into();
        }
        self.fixed_line("Would fix")
    }

    /// `--statistics`: one line per rule, most frequent first: count, rule, fixable count, summary.
    pub fn statistics_table(&self) -> String {
        let mut rows: Vec<_> = self.per_rule.iter().collect();
        rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        let width = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        let mut out = String::new();
        for (rule, (n, fixable)) in rows {
            let summary = crate::rules::rule(rule).map_or("", |m| m.summary);
            let mark = if *fixable > 0 { format!("[{fixable} fixable]") } else { String::new() };
            let line = format!("{n:>5}  {rule:<width$}  {mark:<13}  {summary}");
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    pub fn statistics_json(&self) -> String {
        let mut rows: Vec<_> = self.per_rule.iter().collect();
        rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        let v: Vec<serde_json::Value> = rows
            .into_iter()
            .map(|(rule, (n, fixable))| {
                serde_json::json!({"rule": rule, "count": n, "fixable": fixable,
                    "summary": crate::rules::rule(rule).map_or("", |m| m.summary)})
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&v).expect("serialising a JSON value cannot fail");
        s.push('\n');
        s
    }
}

/// 2 if any input failed (errors win), else 1 if a finding is at or above `fail_on`, else 0.
pub fn exit_code<'a>(had_error: bool, findings: impl IntoIterator<Item = &'a Finding>, fail_on: FailOn) -> u8 {
    if had_error {
        return EXIT_ERROR;
    }
    let threshold = fail_threshold(fail_on);
    if findings.into_iter().any(|f| f.severity <= threshold) { EXIT_FINDINGS } else { 0 }
}

/// The least serious severity that makes `check` exit 1.
pub fn fail_threshold(f: FailOn) -> Severity {
    match f {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    }
}

/// Settings from the flags every article command shares (`--reference-date`).
pub fn base_settings(input: &InputArgs) -> Result<Settings, String> {
    let mut s = Settings::default();
    if let Some(d) = &input.reference_date {
        s.reference_date = Some(parse_date_flag(d)?);
    }
    // A front end: reading the clock here is correct; the engine never does.
    s.today = Some(today());
    Ok(s)
}

/// Today's date in the local time zone. Without `TZ`, the zone is read from `/etc/localtime`
/// directly: jiff's own lookup also learns the zone's name by listing the whole time-zone
/// database, which costs most of a check of a short file. With `TZ`, or where that file is
/// missing or unreadable, jiff decides.
fn today() -> Date {
    let now = jiff::Timestamp::now();
    if std::env::var_os("TZ").is_none()
        && let Ok(bytes) = std::fs::read("/etc/localtime")
        && let Ok(tz) = jiff::tz::TimeZone::tzif("Local", &bytes)
    {
        return now.to_zoned(tz).date();
    }
    jiff::Zoned::now().date()
}

fn parse_date_flag(d: &str) -> Result<Date, String> {
    if let Ok(date) = d.parse::<Date>() {
        return Ok(date);
    }
    // In the right form but not a day of the calendar: say which part is wrong.
    let b = d.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if shaped {
        if let (Ok(y), Ok(m)) = (d[..4].parse::<i16>(), d[5..7].parse::<i8>()) {
            if !(1..=12).contains(&m) {
                return Err(format!("--reference-date '{d}': there is no month {m}"));
            }
            if let Ok(first) = Date::new(y, m, 1) {
                return Err(format!(
                    "--reference-date '{d}': that day does not exist ({} has {} days)",
                    first.strftime("%B %Y"),
                    first.days_in_month()
                ));
            }
        }
    }
    Err(format!("--reference-date '{d}' is not a date in the form YYYY-MM-DD"))
}

/// Every key must name a rule or a family; the error suggests near ids.
pub fn validate_rule_keys(flag: &str, keys: &[String]) -> Result<(), String> {
    for k in keys {
        if !crate::rules::is_known_rule_or_family(k) {
            let near = super::rules::near_ids(k);
            let hint = if near.is_empty() {
                " (see `copydesk rules`)".to_string()
            } else {
                format!(" (did you mean {}?)", near.join(", "))
            };
            return Err(format!("{flag}: no rule or family '{k}'{hint}"));
        }
    }
    Ok(())
}

/// Expands directories (recursively, `.md`/`.markdown`/`.txt`, skipping hidden directories,
/// `target/` and `node_modules/`, sorted by name). A missing path is reported and skipped.
pub fn collect_inputs(paths: &[PathBuf], had_error: &mut bool) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Stdin];
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else {
            match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => {
                    let before = out.len();
                    walk(p, &mut out, had_error);
                    if out.len() == before {
                        eprintln!(
                            "copydesk: warning: {}: no files to check here (looked for .md, .markdown, .mdown, .mkd, .txt and .text files)",
                            p.display()
                        );
                    }
                }
                Ok(_) => out.push(Input::File(p.clone())),
                Err(e) => {
                    report_error(&p.display().to_string(), &missing_path_message(p, &e));
                    *had_error = true;
                }
            }
        }
    }
    out
}

/// Why a path named on the command line cannot be used: a symbolic link loop, a link to nothing,
/// a missing file, or the system's own words.
fn missing_path_message(p: &Path, e: &std::io::Error) -> String {
    // ELOOP: 40 on Linux, 62 on the BSDs and macOS.
    const ELOOP: i32 =
        if cfg!(any(target_os = "macos", target_os = "freebsd", target_os = "openbsd")) { 62 } else { 40 };
    let is_link = std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    if e.raw_os_error() == Some(ELOOP) {
        "a symbolic link loop (the link leads back to itself)".to_string()
    } else if is_link && e.kind() == std::io::ErrorKind::NotFound {
        match std::fs::read_link(p) {
            Ok(target) => format!("a symbolic link to {}, which does not exist", target.display()),
            Err(_) => "a symbolic link to a file that does not exist".to_string(),
        }
    } else if e.kind() == std::io::ErrorKind::NotFound {
        "no such file or directory".to_string()
    } else {
        e.to_string()
    }
}

fn walk(dir: &Path, out: &mut Vec<Input>, had_error: &mut bool) {
    let skip = |e: &walkdir::DirEntry| {
        e.depth() > 0
            && e.file_type().is_dir()
            && e.file_name().to_str().is_some_and(|n| n.starts_with('.') || n == "target" || n == "node_modules")
    };
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| !skip(e)) {
        match entry {
            Ok(e) if e.file_type().is_file() && kind_of_path(e.path()).is_some() => {
                out.push(Input::File(e.into_path()))
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                report_error(&path, &e);
                *had_error = true;
            }
        }
    }
}

fn kind_of_path(p: &Path) -> Option<DocKind> {
    p.extension().and_then(|e| e.to_str()).and_then(DocKind::from_extension)
}

/// `--as` wins; then the extension; anything else is read as Markdown (plain prose is valid Markdown).
pub fn doc_kind(forced: Option<InputKind>, name: Option<&Path>) -> DocKind {
    match forced {
        Some(InputKind::Markdown) => DocKind::Markdown,
        Some(InputKind::Text) => DocKind::Plain,
        None => name.and_then(kind_of_path).unwrap_or(DocKind::Markdown),
    }
}

/// Reads an input as UTF-8 text; the error names the path.
pub fn read_input(input: &Input, display: &str) -> Result<String, (String, String)> {
    let bytes = match input {
        Input::Stdin => {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).map(|_| b)
        }
        Input::File(p) => std::fs::read(p),
    }
    .map_err(|e| (display.to_string(), e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        (display.to_string(), format!("not valid UTF-8 (first bad byte at offset {at})"))
    })
}

fn check_input(
    input: &Input,
    flags: &InputArgs,
    base: &Settings,
    configs: &mut ConfigSource,
) -> Result<(Checked, Settings), (String, String)> {
    let (display, name): (String, Option<PathBuf>) = match input {
        Input::File(p) => (p.display().to_string(), Some(p.clone())),
        Input::Stdin => {
            let n = flags.stdin_filename.clone();
            (n.clone().unwrap_or_else(|| "-".into()), n.map(PathBuf::from))
        }
    };
    let config =
        configs.for_file(name.as_deref()).map_err(|e| (display.clone(), format!("configuration error: {e}")))?;
    let text = read_input(input, &display)?;
    let mut settings = base.clone();
    settings.kind = doc_kind(flags.kind, name.as_deref());
    if let Some(c) = &config {
        c.apply(&mut settings);
    }
    let report = crate::engine::check(&text, &settings);
    Ok((Checked::new(display, text, report), settings))
}

/// Where configuration comes from: `--no-config`, one `--config` file, or the nearest
/// `copydesk.toml` to each file (looked up once per directory).
pub enum ConfigSource {
    None,
    Fixed(Rc<Config>),
    Discover { by_dir: HashMap<PathBuf, Option<PathBuf>>, loaded: HashMap<PathBuf, Result<Rc<Config>, ConfigError>> },
}

impl ConfigSource {
    pub fn new(flags: &InputArgs) -> Result<ConfigSource, ConfigError> {
        if flags.no_config {
            Ok(ConfigSource::None)
        } else if let Some(p) = &flags.config {
            Ok(ConfigSource::Fixed(Rc::new(Config::load(p)?)))
        } else {
            Ok(ConfigSource::Discover { by_dir: HashMap::new(), loaded: HashMap::new() })
        }
    }

    /// The configuration for a file (`None`: stdin without a name, searched from the current directory).
    pub fn for_file(&mut self, file: Option<&Path>) -> Result<Option<Rc<Config>>, ConfigError> {
        let (by_dir, loaded) = match self {
            ConfigSource::None => return Ok(None),
            ConfigSource::Fixed(c) => return Ok(Some(c.clone())),
            ConfigSource::Discover { by_dir, loaded } => (by_dir, loaded),
        };
        let dir = file.and_then(Path::parent).filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let dir = std::fs::canonicalize(dir).or_else(|_| std::path::absolute(dir)).unwrap_or(dir.to_path_buf());
        let found = by_dir.entry(dir.clone()).or_insert_with(|| config::find(&dir)).clone();
        let Some(path) = found else { return Ok(None) };
        loaded.entry(path.clone()).or_insert_with(|| Config::load(&path).map(Rc::new)).clone().map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn finding(severity: Severity) -> Finding {
        Finding { rule: "date/invalid", span: Span::new(0, 1), message: String::new(), severity, fixes: vec![] }
    }

    #[test]
    fn exit_code_follows_fail_on() {
        let (e, w, i, h) =
            (finding(Severity::Error), finding(Severity::Warning), finding(Severity::Info), finding(Severity::Hint));
        assert_eq!(exit_code(false, [], FailOn::Warning), 0);
        assert_eq!(exit_code(false, [&w], FailOn::Warning), 1);
        assert_eq!(exit_code(false, [&w], FailOn::Error), 0);
        assert_eq!(exit_code(false, [&w, &e], FailOn::Error), 1);
        assert_eq!(exit_code(false, [&i], FailOn::Warning), 0);
        assert_eq!(exit_code(false, [&i], FailOn::Info), 1);
        assert_eq!(exit_code(false, [&h], FailOn::Info), 0, "hints never fail a check");
    }

    #[test]
    fn errors_win_over_findings() {
        let e = finding(Severity::Error);
        assert_eq!(exit_code(true, [&e], FailOn::Warning), 2);
        assert_eq!(exit_code(true, [], FailOn::Warning), 2);
    }

    #[test]
    fn kind_comes_from_as_then_extension_then_markdown() {
        assert_eq!(doc_kind(None, Some(Path::new("a/b.TXT"))), DocKind::Plain);
        assert_eq!(doc_kind(None, Some(Path::new("a/b.md"))), DocKind::Markdown);
        assert_eq!(doc_kind(None, Some(Path::new("notes.rst"))), DocKind::Markdown);
        assert_eq!(doc_kind(None, None), DocKind::Markdown);
        assert_eq!(doc_kind(Some(InputKind::Text), Some(Path::new("b.md"))), DocKind::Plain);
        assert_eq!(doc_kind(Some(InputKind::Markdown), Some(Path::new("b.txt"))), DocKind::Markdown);
    }
}
