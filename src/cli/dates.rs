//! `copydesk dates`: the article's timeline, every date expression with its resolved value.
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::{DatesArgs, DatesFormat, EXIT_ERROR, InputArgs};
use crate::dates::{DateExpr, DateKind};
use crate::document::Settings;

#[derive(Serialize)]
struct JsonReport<'a> {
    reference_date: Option<String>,
    dates: Vec<JsonDate<'a>>,
}

#[derive(Serialize)]
struct JsonDate<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: &'a str,
    kind: DateKind,
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("copydesk: {msg}");
    ExitCode::from(EXIT_ERROR)
}

/// Settings from the shared input flags (as `copydesk check` builds them) and the config file.
pub(crate) fn settings_for(path: &Path, input: &InputArgs) -> Result<Settings, String> {
    let mut settings = super::check::base_settings(input)?;
    let name = if path == Path::new("-") { input.stdin_filename.as_deref().map(Path::new) } else { Some(path) };
    settings.kind = super::check::doc_kind(input.kind, name);
    let config_path = if input.no_config {
        None
    } else if let Some(p) = &input.config {
        Some(p.clone())
    } else if path != Path::new("-") {
        crate::config::find(path)
    } else {
        std::env::current_dir().ok().and_then(|d| crate::config::find(&d))
    };
    if let Some(p) = config_path {
        let config = crate::config::Config::load(&p).map_err(|e| e.to_string())?;
        config.apply(&mut settings);
    }
    Ok(settings)
}

pub(crate) fn read_input(path: &Path) -> Result<String, String> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("stdin: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?
    };
    String::from_utf8(bytes).map_err(|_| format!("{}: not valid UTF-8", path.display()))
}

pub fn run(args: DatesArgs) -> ExitCode {
    let settings = match settings_for(&args.path, &args.input) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let text = match read_input(&args.path) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let report = crate::engine::check(&text, &settings);
    for w in &report.reference_warnings {
        eprintln!("copydesk: warning: {}: {w}", args.path.display());
    }
    let reference = report.reference.as_ref().map(|r| r.date.to_string());
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        DatesFormat::Json => {
            let json = JsonReport {
                reference_date: reference,
                dates: report.dates.iter().map(|e| json_date(e, &text)).collect(),
            };
            serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::from).and_then(|_| writeln!(out))
        }
        DatesFormat::Human => {
            let source = report.reference.as_ref().map_or("none", |r| r.source.as_str());
            write!(out, "{}", human(&report.dates, &text, reference.as_deref(), source))
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn json_date<'a>(e: &'a DateExpr, text: &'a str) -> JsonDate<'a> {
    JsonDate { start: e.span.start, end: e.span.end, text: e.span.slice(text), value: &e.value, kind: e.kind }
}

/// A readable table: text, value, weekday, kind (and line:column).
pub(crate) fn human(dates: &[DateExpr], text: &str, reference: Option<&str>, source: &str) -> String {
    let index = crate::text::position::LineIndex::new(text);
    let mut rows: Vec<[String; 5]> =
        vec![["LINE:COL".into(), "TEXT".into(), "VALUE".into(), "WEEKDAY".into(), "KIND".into()]];
    for e in dates {
        let pos = index.position(text, e.span.start, crate::text::position::Encoding::Utf32);
        let (line, col) = (pos.line, pos.col);
        let shown: String = e.span.slice(text).split_whitespace().collect::<Vec<_>>().join(" ");
        let weekday = match (e.date, e.invalid) {
            (_, true) => "(no such day)".to_string(),
            (Some(d), _) => crate::dates::weekday_like("Monday", d.weekday()),
            (None, _) => String::new(),
        };
        let kind = match e.kind {
            DateKind::Absolute => "absolute",
            DateKind::Relative => "relative",
            DateKind::Range => "range",
        };
        rows.push([format!("{}:{}", line + 1, col + 1), shown, e.value.clone(), weekday, kind.into()]);
    }
    let mut widths = [0usize; 5];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = format!("reference date: {} ({source})\n", reference.unwrap_or("none — relative dates are unresolved"));
    for r in &rows {
        let mut line = String::new();
        for (i, (c, w)) in r.iter().zip(widths).enumerate() {
            line.push_str(c);
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(w - c.chars().count() + 2));
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    if dates.is_empty() {
        s.push_str("(no date expressions)\n");
    }
    s
}
