//! Thin binary: logging to stderr, parse the command line, dispatch. The top of the layers: the
//! only place that knows both front ends (it hands the language server to the command line).
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COPYDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_writer(std::io::stderr).with_env_filter(filter).with_ansi(false).init();
    copydesk::cli::run(copydesk::cli::Cli::parse(), server)
}

/// `copydesk server`.
#[cfg(feature = "lsp")]
fn server() -> ExitCode {
    match copydesk::lsp::run_stdio() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            ExitCode::from(copydesk::cli::EXIT_ERROR)
        }
    }
}

#[cfg(not(feature = "lsp"))]
fn server() -> ExitCode {
    eprintln!("copydesk: this build has no language server (built without the `lsp` feature)");
    ExitCode::from(copydesk::cli::EXIT_ERROR)
}
