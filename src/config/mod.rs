//! `copydesk.toml` discovery and parsing. The only module besides the front ends that reads files.
//! STUB: the real parser validates keys and reports errors with key and line.
use std::path::{Path, PathBuf};

use crate::engine::Settings;

/// A parsed configuration file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub path: Option<PathBuf>,
}

/// A configuration error that names the file, key and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Option<PathBuf>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The file names looked for, nearest first in each directory.
pub const FILE_NAMES: [&str; 2] = ["copydesk.toml", ".copydesk.toml"];

impl Config {
    /// Parse the text of a config file (`path` only for messages).
    pub fn parse(_text: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        Ok(Config { path: path.map(Path::to_path_buf) })
    }
    /// Read and parse a file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError { path: Some(path.to_path_buf()), message: e.to_string() })?;
        Config::parse(&text, Some(path))
    }
    /// Apply this configuration under `settings` (explicit settings already there win).
    pub fn apply(&self, _settings: &mut Settings) {}
}

/// Walk up from `start` (a file or directory) to the nearest config file.
pub fn find(start: &Path) -> Option<PathBuf> {
    let dir = if start.is_dir() { start } else { start.parent()? };
    dir.ancestors().flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n))).find(|p| p.is_file())
}

/// A commented default configuration file.
pub fn default_file() -> String {
    String::from("# copydesk.toml\n")
}
