//! `copydesk check`: collect inputs, build settings (flags > nearest config > defaults), run the
//! engine on each file, render one report, pick the exit code.
//!
//! Exit codes: 0 when no finding is at or above `--fail-on`, 1 when one is, 2 when anything went
//! wrong (a usage error, an unreadable or non-UTF-8 file, a missing path, a broken config file).
//! Errors win: if any input failed, the exit code is 2 even when other files had findings, so a
//! script never mistakes "could not check" for "checked and found problems".
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use jiff::civil::Date;

use super::report::{self, Checked};
use super::{CheckArgs, EXIT_ERROR, EXIT_FINDINGS, FailOn, InputArgs, InputKind, OutputFormat};
use crate::config::{self, Config, ConfigError};
use crate::document::{DocKind, Finding, Settings, Severity};

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
    let mut checked = Vec::new();
    for input in inputs {
        match check_input(&input, &args.input, &base, &mut configs) {
            Ok(c) => checked.push(c),
            Err((path, msg)) => {
                report_error(&path, &msg);
                had_error = true;
            }
        }
    }
    for c in &checked {
        for e in &c.report.internal_errors {
            tracing::warn!(path = %c.path, "internal error: {e}");
        }
    }

    let out = match args.format {
        OutputFormat::Human => report::human::render(&checked, report::human::use_colour()),
        OutputFormat::Json => report::json::render(&checked),
        OutputFormat::Sarif => report::sarif::render(&checked),
        OutputFormat::Github => report::github::render(&checked),
    };
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: error: writing the report: {e}");
        }
        return ExitCode::from(EXIT_ERROR);
    }

    ExitCode::from(exit_code(had_error, checked.iter().flat_map(|c| &c.report.findings), args.fail_on))
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
    s.today = Some(jiff::Zoned::now().date());
    Ok(s)
}

fn parse_date_flag(d: &str) -> Result<Date, String> {
    d.parse::<Date>().map_err(|_| format!("--reference-date '{d}' is not a date in the form YYYY-MM-DD"))
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
        } else if p.is_dir() {
            walk(p, &mut out, had_error);
        } else if p.exists() {
            out.push(Input::File(p.clone()));
        } else {
            report_error(&p.display().to_string(), &"no such file or directory");
            *had_error = true;
        }
    }
    out
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
) -> Result<Checked, (String, String)> {
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
    Ok(Checked::new(display, text, report))
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
