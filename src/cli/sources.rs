//! `copydesk sources`: the source ledger. Per article, every source cited, its kind, how often and
//! on which lines, and a summary line; `--format json` gives every attribution with byte offsets.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::{EXIT_ERROR, SourcesArgs, SourcesFormat};
use crate::attribution::ledger::{self, Cited};
use crate::text::Span;
use crate::text::position::{Encoding, LineIndex};

#[derive(Serialize)]
struct JsonReport {
    version: u32,
    files: Vec<JsonFile>,
}

#[derive(Serialize)]
struct JsonFile {
    path: String,
    attributions: Vec<JsonAttribution>,
    sources: Vec<JsonSource>,
    summary: String,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

#[derive(Serialize)]
struct JsonAttribution {
    source: Option<JsonSpan>,
    cue: JsonSpan,
    content: Option<JsonSpan>,
    kind: &'static str,
    reason_given: bool,
    refers_to: Option<String>,
}

#[derive(Serialize)]
struct JsonSource {
    name: String,
    kind: &'static str,
    count: usize,
    lines: Vec<usize>,
}

fn span(text: &str, s: Span, with_text: bool) -> JsonSpan {
    JsonSpan { start: s.start, end: s.end, text: with_text.then(|| s.slice(text).to_string()) }
}

/// One article's ledger.
struct Ledger {
    attributions: Vec<Cited>,
    sources: Vec<ledger::Source>,
    summary: ledger::Summary,
}

fn ledger_of(text: &str, settings: &crate::document::Settings) -> Ledger {
    let report = crate::engine::check(text, settings);
    let (sources, summary) = ledger::sources(text, &report.attributions);
    Ledger { attributions: report.attributions, sources, summary }
}

fn lines_of(index: &LineIndex, text: &str, cited: &[Cited], s: &ledger::Source) -> Vec<usize> {
    let mut lines: Vec<usize> = s
        .cited
        .iter()
        .map(|&i| {
            let a = cited[i].attribution;
            let at = a.source.unwrap_or(a.cue).start;
            index.position(text, at, Encoding::Utf32).line as usize + 1
        })
        .collect();
    lines.dedup();
    lines
}

pub fn run(args: SourcesArgs) -> ExitCode {
    let mut files = Vec::new();
    let mut failed = false;
    let paths: Vec<PathBuf> = if args.paths.is_empty() { vec![PathBuf::from("-")] } else { args.paths.clone() };
    for path in &paths {
        let settings = match super::dates::settings_for(path, &args.input) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("copydesk: {e}");
                failed = true;
                continue;
            }
        };
        let text = match super::dates::read_input(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("copydesk: {e}");
                failed = true;
                continue;
            }
        };
        let ledger = ledger_of(&text, &settings);
        files.push((display(path, &args.input.stdin_filename), text, ledger));
    }
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        SourcesFormat::Json => {
            let report = JsonReport { version: 1, files: files.iter().map(|(p, t, l)| json_file(p, t, l)).collect() };
            serde_json::to_writer(&mut out, &report).map_err(std::io::Error::from).and_then(|_| writeln!(out))
        }
        SourcesFormat::Human => files.iter().try_for_each(|(p, t, l)| write!(out, "{}", human(p, t, l))),
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("copydesk: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
        _ => {}
    }
    if failed { ExitCode::from(EXIT_ERROR) } else { ExitCode::SUCCESS }
}

fn display(path: &Path, stdin_name: &Option<String>) -> String {
    if path == Path::new("-") { stdin_name.clone().unwrap_or_else(|| "-".into()) } else { path.display().to_string() }
}

fn json_file(path: &str, text: &str, l: &Ledger) -> JsonFile {
    let index = LineIndex::new(text);
    JsonFile {
        path: path.to_string(),
        attributions: l
            .attributions
            .iter()
            .map(|c| {
                let a = c.attribution;
                JsonAttribution {
                    source: a.source.map(|s| span(text, s, true)),
                    cue: span(text, a.cue, true),
                    content: a.content.map(|s| span(text, s, false)),
                    kind: a.kind.as_str(),
                    reason_given: a.reason_given,
                    refers_to: c.refers_to.map(|s| s.slice(text).to_string()),
                }
            })
            .collect(),
        sources: l
            .sources
            .iter()
            .map(|s| JsonSource {
                name: s.name.clone(),
                kind: s.kind.as_str(),
                count: s.cited.len(),
                lines: lines_of(&index, text, &l.attributions, s),
            })
            .collect(),
        summary: l.summary.line(),
    }
}

/// The human ledger: one row per source (kind, count, lines), then the summary line.
fn human(path: &str, text: &str, l: &Ledger) -> String {
    let index = LineIndex::new(text);
    let mut s = format!("{path}\n");
    let width = l.sources.iter().map(|x| x.name.chars().count()).max().unwrap_or(0).min(48);
    for src in &l.sources {
        let kind = match (src.kind, src.reason_given) {
            (crate::attribution::SourceKind::Anonymous, false) => "anonymous, no reason",
            (crate::attribution::SourceKind::Anonymous, true) => "anonymous, reason given",
            (k, _) => k.as_str(),
        };
        let lines: Vec<String> = lines_of(&index, text, &l.attributions, src).iter().map(|n| n.to_string()).collect();
        let name: String = if src.name.chars().count() > 48 {
            let cut: String = src.name.chars().take(47).collect();
            format!("{cut}…")
        } else {
            src.name.clone()
        };
        let pad = width.saturating_sub(name.chars().count());
        s.push_str(&format!(
            "  {name}{}  {kind:<23} {:>3}×  line{} {}\n",
            " ".repeat(pad),
            src.cited.len(),
            if lines.len() == 1 { "" } else { "s" },
            lines.join(", ")
        ));
    }
    if l.sources.is_empty() {
        s.push_str("  (no attributions)\n");
    }
    s.push_str(&format!("  {}\n", l.summary.line()));
    s
}
