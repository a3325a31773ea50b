//! The `copydesk` command line: clap definitions and dispatch. Each command lives in its own file.
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod check;
pub mod dates;
pub mod debug;
pub mod fix;
pub mod report;
pub mod rules;
pub mod sources;

#[derive(Parser, Debug)]
#[command(
    name = "copydesk",
    version,
    about = "A copy desk in your editor: unsourced claims, vague attribution and date errors"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check articles (files, directories, or - for stdin) and report findings.
    Check(CheckArgs),
    /// List every date expression in an article with its resolved value (the article's timeline).
    Dates(DatesArgs),
    /// The source ledger: every source an article cites, its kind, how often and on which lines.
    Sources(SourcesArgs),
    /// List all rules.
    Rules(RulesArgs),
    /// Print one rule's documentation.
    Rule {
        /// A rule id such as `date/invalid`.
        id: String,
    },
    /// Configuration helpers.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Debugging aids for reports.
    #[command(subcommand)]
    Debug(DebugCommand),
    /// Run the language server over stdio.
    Server(ServerArgs),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset.
    Auto,
    Always,
    Never,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    Markdown,
    Text,
}

/// Options shared by every command that reads an article.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// The publication date (YYYY-MM-DD): the anchor for relative dates and tense.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<String>,
    /// Use this configuration file instead of searching for copydesk.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any configuration file.
    #[arg(long)]
    pub no_config: bool,
    /// The file name to assume for stdin (its extension picks Markdown or plain text).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Read every input as this kind, whatever its extension.
    #[arg(long = "as", value_name = "KIND")]
    pub kind: Option<InputKind>,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to check; `-` (or nothing) reads stdin.
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    /// Run only these rules or families (repeatable, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not run these rules or families (repeatable, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit 1 when a finding at or above this severity remains.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// Apply the safe fixes in place (the first safe fix of each finding).
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, apply unsafe fixes too (the first fix of each finding that is not
    /// display-only); alone, count them as fixable.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change and write nothing (exit 1 when there are changes).
    #[arg(long)]
    pub diff: bool,
    /// When to colour the human output.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
    /// Print the findings only: no summary line and no notes on stderr (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
    /// Print how many findings each rule produced instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum DatesFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct DatesArgs {
    /// The article (or - for stdin).
    pub path: PathBuf,
    #[arg(long, value_enum, default_value = "human")]
    pub format: DatesFormat,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum SourcesFormat {
    Human,
    /// `{"version":1,"files":[{"path","attributions":[...],"sources":[...],"summary"}]}`.
    Json,
}

#[derive(Args, Debug)]
pub struct SourcesArgs {
    /// Articles to read (`-`, or nothing, reads stdin).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: SourcesFormat,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
    /// The `contributes.configuration` properties of the VS Code extension.
    VscodeSettings,
    /// One Markdown page per rule (`DIR/FAMILY/NAME.md`, what `copydesk rule ID` prints) and an
    /// index (`DIR/README.md`), written into DIR.
    MarkdownPages,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value = "human")]
    pub format: RulesFormat,
    /// The folder `--format markdown-pages` writes into (e.g. docs/rules).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print a commented default copydesk.toml.
    Default,
}

#[derive(Subcommand, Debug)]
pub enum DebugCommand {
    /// Print the sentence segmentation: one sentence per line with its byte range, quotations marked.
    Sentences {
        path: PathBuf,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Args, Debug)]
pub struct ServerArgs {
    /// Speak LSP over stdio (the default and only transport).
    #[arg(long)]
    pub stdio: bool,
}

/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, I/O or config error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Run one command. `server` runs `copydesk server`: the binary passes the language server in,
/// so the command line and the server (side by side, above the engine) never import each other.
pub fn run(cli: Cli, server: impl FnOnce() -> ExitCode) -> ExitCode {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Dates(args) => dates::run(args),
        Command::Sources(args) => sources::run(args),
        Command::Rules(args) => rules::list(args),
        Command::Rule { id } => rules::show(&id),
        Command::Config(ConfigCommand::Default) => {
            print!("{}", crate::config::default_file());
            ExitCode::SUCCESS
        }
        Command::Debug(DebugCommand::Sentences { path, input }) => debug::sentences(&path, &input),
        Command::Server(_) => server(),
    }
}
