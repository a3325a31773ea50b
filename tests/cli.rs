//! The `copydesk` binary at its boundary: exit codes, stdin, the JSON contract, configuration
//! discovery and errors, directory walking, the rules listing.
#[path = "support/cli_process.rs"]
mod cli_process;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn copydesk(args: &[&str], cwd: &Path, stdin: Option<&str>) -> Output {
    cli_process::run(args, cwd, stdin, false)
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Prose with no dates, sources or claims: no rule has anything to say about it.
const PLAIN: &str = "The council met in the library.\n\nThe mayor opened the meeting.\n";

fn paths(v: &Value) -> Vec<String> {
    v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_string()).collect()
}

/// Checks every key and type of the JSON contract (diagnostics included, if any).
fn assert_contract(v: &Value) {
    let top = v.as_object().unwrap();
    assert_eq!(top.len(), 2, "{v}");
    assert_eq!(v["version"], 1);
    for f in v["files"].as_array().unwrap() {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 4, "{f}");
        assert!(f["path"].is_string());
        let date = &f["reference_date"];
        let source = &f["reference_date_source"];
        assert!(date.is_null() == source.is_null(), "{f}");
        if let Some(d) = date.as_str() {
            assert!(d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-', "{d}");
            let s = source.as_str().unwrap();
            assert!(["setting", "front-matter", "dateline", "config", "today"].contains(&s), "{s}");
        }
        for d in f["diagnostics"].as_array().unwrap() {
            let o = d.as_object().unwrap();
            let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
            keys.sort();
            assert_eq!(
                keys,
                ["category", "column", "end", "fixes", "line", "message", "rule", "severity", "start", "text"]
            );
            for k in ["rule", "category", "severity", "message", "text"] {
                assert!(d[k].is_string(), "{k} in {d}");
            }
            for k in ["start", "end", "line", "column"] {
                assert!(d[k].is_u64(), "{k} in {d}");
            }
            assert!(["error", "warning", "info", "hint"].contains(&d["severity"].as_str().unwrap()));
            assert!(d["rule"].as_str().unwrap().starts_with(d["category"].as_str().unwrap()));
            assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
            for fix in d["fixes"].as_array().unwrap() {
                assert!(fix["title"].is_string());
                assert!(["safe", "unsafe", "display-only"].contains(&fix["applicability"].as_str().unwrap()));
                for e in fix["edits"].as_array().unwrap() {
                    assert!(e["start"].is_u64() && e["end"].is_u64() && e["new_text"].is_string(), "{e}");
                }
            }
        }
    }
}

#[test]
fn clean_file_exits_0_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", PLAIN);
    let o = copydesk(&["check", "--no-config", "a.md"], dir.path(), None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("1 file checked: no findings (publication date "), "{out}");
    assert!(out.ends_with(", today's date, from the clock)\n"), "{out}");
    let o = copydesk(&["check", "--no-config", "--reference-date", "2025-03-04", "a.md"], dir.path(), None);
    assert_eq!(
        stdout(&o),
        "1 file checked: no findings (publication date 2025-03-04, from the --reference-date flag or the editor setting)\n"
    );
}

#[test]
fn missing_file_is_reported_and_the_other_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "other.md", PLAIN);
    let o = copydesk(&["check", "--no-config", "--format", "json", "missing.md", "other.md"], dir.path(), None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("missing.md"), "{}", stderr(&o));
    let v = json(&o);
    assert_contract(&v);
    assert_eq!(paths(&v), ["other.md"]);
}

#[test]
fn invalid_utf8_is_reported_with_its_path_and_others_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.md"), b"Caf\xe9 au lait.\n").unwrap();
    write(dir.path(), "good.md", PLAIN);
    let o = copydesk(&["check", "--no-config", "--format", "json", "bad.md", "good.md"], dir.path(), None);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("bad.md") && err.contains("UTF-8") && err.contains("offset 3"), "{err}");
    assert_eq!(paths(&json(&o)), ["good.md"]);
}

#[test]
fn stdin_uses_the_stdin_filename_or_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(
        &["check", "--no-config", "--format", "json", "--stdin-filename", "story.txt", "-"],
        dir.path(),
        Some(PLAIN),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(paths(&json(&o)), ["story.txt"]);
    let o = copydesk(&["check", "--no-config", "--format", "json"], dir.path(), Some(PLAIN));
    assert_eq!(code(&o), 0);
    assert_eq!(paths(&json(&o)), ["-"]);
}

#[test]
fn reference_date_flag_is_reported_as_setting() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(
        &["check", "--no-config", "--format", "json", "--reference-date", "2024-02-29"],
        dir.path(),
        Some(PLAIN),
    );
    let v = json(&o);
    assert_contract(&v);
    assert_eq!(v["files"][0]["reference_date"], "2024-02-29");
    assert_eq!(v["files"][0]["reference_date_source"], "setting");
    // Without any date the front end supplies today's.
    let o = copydesk(&["check", "--no-config", "--format", "json"], dir.path(), Some(PLAIN));
    let v = json(&o);
    assert_eq!(v["files"][0]["reference_date_source"], "today");
    assert_contract(&v);
}

#[test]
fn bad_reference_date_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(&["check", "--reference-date", "2023-02-29"], dir.path(), Some(PLAIN));
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("2023-02-29"), "{}", stderr(&o));
    let o = copydesk(&["check", "--format", "yaml"], dir.path(), Some(PLAIN));
    assert_eq!(code(&o), 2);
}

#[test]
fn nearest_config_is_used_for_each_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "copydesk.toml", "reference-date = \"2020-01-02\"\n");
    write(d, "desk/.copydesk.toml", "reference-date = \"2021-03-04\"\n");
    write(d, "top.md", PLAIN);
    write(d, "desk/deeper/inner.md", PLAIN);
    let o = copydesk(&["check", "--format", "json", "top.md", "desk/deeper/inner.md"], d, None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    assert_contract(&v);
    assert_eq!(v["files"][0]["reference_date"], "2020-01-02");
    assert_eq!(v["files"][0]["reference_date_source"], "config");
    assert_eq!(v["files"][1]["reference_date"], "2021-03-04");
    assert_eq!(v["files"][1]["reference_date_source"], "config");

    // From inside the nested directory, a relative path still finds both levels.
    let o = copydesk(&["check", "--format", "json", "deeper/inner.md", "../top.md"], &d.join("desk"), None);
    let v = json(&o);
    assert_eq!(v["files"][0]["reference_date"], "2021-03-04");
    assert_eq!(v["files"][1]["reference_date"], "2020-01-02");

    // --config picks one file for all; --no-config ignores them; the flag beats them all.
    write(d, "elsewhere/pinned.toml", "reference-date = \"2019-07-08\"\n");
    let o = copydesk(
        &["check", "--format", "json", "--config", "elsewhere/pinned.toml", "top.md", "desk/deeper/inner.md"],
        d,
        None,
    );
    let v = json(&o);
    assert_eq!(v["files"][0]["reference_date"], "2019-07-08");
    assert_eq!(v["files"][1]["reference_date"], "2019-07-08");
    let o = copydesk(&["check", "--format", "json", "--no-config", "top.md"], d, None);
    assert_eq!(json(&o)["files"][0]["reference_date_source"], "today");
    let o = copydesk(&["check", "--format", "json", "--reference-date", "2022-12-31", "top.md"], d, None);
    assert_eq!(json(&o)["files"][0]["reference_date"], "2022-12-31");
}

#[test]
fn stdin_config_is_found_from_the_stdin_filename() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/copydesk.toml", "reference-date = \"2018-05-06\"\n");
    let o = copydesk(&["check", "--format", "json", "--stdin-filename", "news/a.md", "-"], dir.path(), Some(PLAIN));
    assert_eq!(json(&o)["files"][0]["reference_date"], "2018-05-06");
}

#[test]
fn broken_config_exits_2_naming_key_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "copydesk.toml", "reference-date = \"2025-01-01\"\n\n[rules.date]\nseverity = \"loud\"\n");
    write(dir.path(), "a.md", PLAIN);
    let o = copydesk(&["check", "a.md"], dir.path(), None);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("copydesk.toml") && err.contains("line 4") && err.contains("rules.date.severity"), "{err}");

    write(dir.path(), "copydesk.toml", "known-sorces = [\"the Ledger\"]\n");
    let o = copydesk(&["check", "a.md"], dir.path(), None);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("line 1") && err.contains("known-sorces"), "{err}");

    // An explicit --config that is broken stops before any file is read.
    let o = copydesk(&["check", "--config", "copydesk.toml", "a.md"], dir.path(), None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("known-sorces"));
    let o = copydesk(&["check", "--config", "nothing-here.toml", "a.md"], dir.path(), None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("nothing-here.toml"));
}

#[test]
fn directories_are_walked_in_sorted_order_skipping_hidden_and_build_dirs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in
        ["b.txt", "a.md", "sub/f.markdown", "c.rst", ".hidden/d.md", "node_modules/e.md", "target/g.md", "sub/.x/h.md"]
    {
        write(d, &format!("site/{f}"), PLAIN);
    }
    let o = copydesk(&["check", "--no-config", "--format", "json", "site"], d, None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let sep = std::path::MAIN_SEPARATOR;
    assert_eq!(
        paths(&json(&o)),
        [format!("site{sep}a.md"), format!("site{sep}b.txt"), format!("site{sep}sub{sep}f.markdown")]
    );
}

#[test]
fn select_and_ignore_take_known_ids_and_reject_others() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(
        &["check", "--no-config", "--select", "date,claim", "--ignore", "attribution"],
        dir.path(),
        Some(PLAIN),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = copydesk(&["check", "--no-config", "--select", "dates"], dir.path(), Some(PLAIN));
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("did you mean date"), "{}", stderr(&o));
    let o = copydesk(&["check", "--no-config", "--ignore", "claims/nothing"], dir.path(), Some(PLAIN));
    assert_eq!(code(&o), 2);
}

#[test]
fn sarif_and_github_formats() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(&["check", "--no-config", "--format", "sarif"], dir.path(), Some(PLAIN));
    let v = json(&o);
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["runs"][0]["tool"]["driver"]["name"], "copydesk");
    let ids: Vec<&str> =
        v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    let listed = json(&copydesk(&["rules", "--format", "json"], dir.path(), None));
    let want: Vec<&str> = listed.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, want);
    // Each rule's helpUri is its page: docs/rules/ID.md in the repository by default.
    for r in v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        assert_eq!(r["helpUri"], format!("{}{id}.md", copydesk::rules::DEFAULT_DOCS_URL));
        assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules").join(format!("{id}.md")).is_file(), "{id}");
    }
    write(dir.path(), "copydesk.toml", "docs-url = \"https://newsroom.example/style/{id}\"\n");
    let o = copydesk(&["check", "--format", "sarif", "--stdin-filename", "a.md"], dir.path(), Some(PLAIN));
    let v = json(&o);
    assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"], "https://newsroom.example/style/date/invalid");
    let o = copydesk(&["check", "--no-config", "--format", "github"], dir.path(), Some(PLAIN));
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "");
}

#[test]
fn vscode_settings_cover_every_rule_and_family() {
    let dir = tempfile::tempdir().unwrap();
    let listed = json(&copydesk(&["rules", "--format", "json"], dir.path(), None));
    let v = json(&copydesk(&["rules", "--format", "vscode-settings"], dir.path(), None));
    let props = v["copydesk.rules"]["properties"].as_object().unwrap();
    for r in listed.as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        assert!(props.contains_key(id), "{id}");
        assert!(props.contains_key(id.split('/').next().unwrap()), "{id}");
        for k in ["summary", "default_severity", "category", "fixability", "docs"] {
            assert!(r[k].is_string(), "{k} of {id}");
        }
    }
    for family in ["date", "attribution", "claim", "directive"] {
        assert!(props.contains_key(family), "{family}");
    }
}

#[test]
fn unknown_rule_exits_2_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(&["rule", "dat"], dir.path(), None);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("did you mean: date"), "{}", stderr(&o));
}

#[test]
fn default_config_round_trips_through_check() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(&["config", "default"], dir.path(), None);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    // As printed (all commented out) it is a valid, empty configuration.
    write(dir.path(), "copydesk.toml", &text);
    let r = copydesk(&["check", "--format", "json", "--stdin-filename", "a.md"], dir.path(), Some(PLAIN));
    assert_eq!(code(&r), 0, "{}", stderr(&r));
    assert_eq!(json(&r)["files"][0]["reference_date_source"], "today");
    // With every setting uncommented it is still valid and its reference date is used.
    let on: String = text
        .lines()
        .map(|l| if l.starts_with("##") { "" } else { l.strip_prefix("# ").unwrap_or(l) })
        .map(|l| format!("{l}\n"))
        .collect();
    write(dir.path(), "copydesk.toml", &on);
    let r = copydesk(&["check", "--format", "json", "--stdin-filename", "a.md"], dir.path(), Some(PLAIN));
    assert_eq!(code(&r), 0, "{}", stderr(&r));
    assert_eq!(json(&r)["files"][0]["reference_date"], "2025-03-04");
    assert_eq!(json(&r)["files"][0]["reference_date_source"], "config");
}

#[test]
fn an_impossible_reference_date_says_the_day_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(&["check", "--reference-date", "2025-02-30"], dir.path(), Some(PLAIN));
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("'2025-02-30': that day does not exist (February 2025 has 28 days)"), "{err}");
    assert!(!err.contains("not a date in the form"), "{err}");
    let o = copydesk(&["check", "--reference-date", "2025-13-01"], dir.path(), Some(PLAIN));
    assert!(stderr(&o).contains("there is no month 13"), "{}", stderr(&o));
    let o = copydesk(&["check", "--reference-date", "March 4"], dir.path(), Some(PLAIN));
    assert!(stderr(&o).contains("not a date in the form YYYY-MM-DD"), "{}", stderr(&o));
}

#[test]
fn a_missing_file_prints_no_summary_and_an_empty_folder_warns() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(&["check", "--no-config", "missing.md"], dir.path(), None);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "", "nothing was checked, so no '0 files checked' line");
    assert!(stderr(&o).contains("missing.md: no such file or directory"), "{}", stderr(&o));

    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    write(dir.path(), "drafts/notes.docx", "not an article");
    let o = copydesk(&["check", "--no-config", "drafts"], dir.path(), None);
    assert_eq!(code(&o), 0);
    let err = stderr(&o);
    assert!(err.contains("warning: drafts: no files to check here"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_as_a_loop() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("b.md", dir.path().join("a.md")).unwrap();
    std::os::unix::fs::symlink("a.md", dir.path().join("b.md")).unwrap();
    std::os::unix::fs::symlink("gone.md", dir.path().join("c.md")).unwrap();
    let o = copydesk(&["check", "--no-config", "a.md", "c.md"], dir.path(), None);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("a.md: a symbolic link loop"), "{err}");
    assert!(err.contains("c.md: a symbolic link to gone.md, which does not exist"), "{err}");
}

/// An article with a wrong weekday (an error) and a vague source (a warning), dated in its front matter.
const DATED: &str = "---\ndate: 2025-03-04\n---\n\nOn Monday, March 4, 2025, experts say the council met.\n";

#[test]
fn color_quiet_and_statistics() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", DATED);
    let o = copydesk(&["check", "--no-config", "--color", "always", "a.md"], dir.path(), None);
    assert!(stdout(&o).contains('\u{1b}'), "--color always colours even into a pipe");
    let o = copydesk(&["check", "--no-config", "--color", "never", "a.md"], dir.path(), None);
    assert!(!stdout(&o).contains('\u{1b}'));
    assert!(stdout(&o).contains("1 file checked: 1 error, 1 warning"), "{}", stdout(&o));

    let o = copydesk(&["check", "--no-config", "--quiet", "a.md"], dir.path(), None);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("error[date/weekday]") && !out.contains("checked"), "{out}");

    let o = copydesk(&["check", "--no-config", "--statistics", "a.md"], dir.path(), None);
    assert_eq!(code(&o), 1);
    let lines: Vec<String> = stdout(&o).lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    assert!(lines[0].starts_with("1 attribution/vague A vague source"), "{}", stdout(&o));
    assert_eq!(lines[1], "1 date/weekday [1 fixable] A weekday that does not match its date", "{}", stdout(&o));
    assert!(!stdout(&o).contains("error[date/weekday]"));
    let o = copydesk(&["check", "--no-config", "--statistics", "--format", "json", "a.md"], dir.path(), None);
    let v = json(&o);
    assert_eq!(v[1]["rule"], "date/weekday");
    assert_eq!(v[1]["count"], 1);
    assert_eq!(v[1]["fixable"], 1);
}

#[test]
fn the_publication_date_used_is_named_and_an_unreadable_one_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "---\npubDate: March 4, 2025\n---\n\nOn Monday, March 4, the council met.\n");
    let o = copydesk(&["check", "--no-config", "--format", "json", "a.md"], dir.path(), None);
    assert_eq!(json(&o)["files"][0]["reference_date"], "2025-03-04");
    let o = copydesk(&["check", "--no-config", "a.md"], dir.path(), None);
    assert!(stdout(&o).contains("(publication date 2025-03-04, from the article's front matter)"), "{}", stdout(&o));

    write(dir.path(), "b.md", "---\ndate: the fourth of March\n---\n\nOn Monday, March 4, the council met.\n");
    let o = copydesk(&["check", "--no-config", "b.md"], dir.path(), None);
    let err = stderr(&o);
    assert!(
        err.contains("warning: b.md: front matter `date: the fourth of March` is not a date copydesk can read; using "),
        "{err}"
    );
    assert!(err.contains("today's date, from the clock"), "{err}");
    let out = stdout(&o);
    assert!(!out.contains("inferred from the publication date"), "{out}");
    assert!(out.contains("taken from today's date: the article gives no publication date)"), "{out}");
    assert!(out.contains("today's date, from the clock)"), "{out}");
}

#[test]
fn a_finding_on_a_very_long_line_shows_a_bounded_window() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "The council met in the library and the mayor opened the meeting. ".repeat(3000);
    let text = format!("{filler}The plan began on Feb. 29, 2025, said the clerk. {filler}\n");
    write(dir.path(), "long.md", &text);
    let o = copydesk(&["check", "--no-config", "--reference-date", "2025-03-04", "long.md"], dir.path(), None);
    let out = stdout(&o);
    assert!(out.contains("error[date/invalid] 'Feb. 29, 2025'"), "{}", &out[..out.len().min(2000)]);
    let col = filler.chars().count() + "The plan began on ".len() + 1;
    assert!(out.contains(&format!("long.md:1:{col}: ")), "{}", &out[..out.len().min(2000)]);
    assert!(
        out.len() < 2000,
        "the excerpt is a window around the finding, not the whole {}-byte line: {} bytes",
        text.len(),
        out.len()
    );
    assert!(out.contains("…The council") || out.contains("…"), "{out}");
    let underline = out.lines().find(|l| l.contains('^')).unwrap();
    let shown = out.lines().find(|l| l.contains("Feb. 29, 2025, said")).unwrap();
    let at = |l: &str, pat: &str| l.find(pat).unwrap();
    assert_eq!(underline[at(underline, "^")..].trim_end().chars().count(), "Feb. 29, 2025".len());
    assert_eq!(shown[..at(shown, "Feb.")].chars().count(), underline[..at(underline, "^")].chars().count());
}

/// At a terminal, `copydesk check` with no path says (on stderr) that it is reading stdin; from a
/// pipe it says nothing. `script` (util-linux) gives the process a pseudo-terminal; the Ctrl-D we
/// send through it ends the article.
#[cfg(target_os = "linux")]
#[test]
fn no_path_at_a_terminal_says_it_reads_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!("{} check --no-config", env!("CARGO_BIN_EXE_copydesk"));
    let mut child = Command::new("timeout")
        .args(["60", "script", "-qec", &cmd, "/dev/null"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`script` (util-linux) and `timeout` (coreutils) are needed for this test");
    child.stdin.take().unwrap().write_all(b"\x04").unwrap();
    let o = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("reading an article from stdin (end it with Ctrl-D)"), "{shown}");
    assert!(shown.contains("1 file checked: no findings"), "{shown}");

    let o = copydesk(&["check", "--no-config"], dir.path(), Some(PLAIN));
    assert_eq!(stderr(&o), "", "from a pipe: no note");
}
