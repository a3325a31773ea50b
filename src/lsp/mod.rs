//! The language server: the only module that knows the protocol.
//!
//! *Invariant:* `didOpen`/`didChange`/`didClose` are applied to the store synchronously, before
//! the handler's first `.await`, under a `std::sync::Mutex` that is never held across an await;
//! tower-lsp starts handlers in arrival order, so edits apply in arrival order.
//! *Invariant:* diagnostics are only published for the version the store holds at the moment
//! of publishing (checked under the lock, queued under it to the one stdout writer of
//! [`output`]); when edits come faster than lints, only the newest text is linted.
//! *Boundary:* positions are converted only by `crate::text::position` (via [`document`] and
//! [`analysis`]); the engine sees text and `Settings`, never protocol types.
pub mod actions;
pub mod analysis;
pub mod document;
pub mod framing;
pub mod info;
pub mod output;
pub mod settings;
pub mod sources;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use crate::config::Config;
use crate::document::DocKind;
use crate::text::position::{Encoding, LineCol};
use analysis::{Analysis, Job};
use document::OpenDocument;
use settings::EditorSettings;

/// Serve LSP over stdin/stdout until the client exits. An error means the server could not
/// start (the binary logs it and exits with its error code).
pub fn run_stdio() -> Result<(), String> {
    tune_allocator();
    // Lints run on the blocking pool; more of them at once than there are cores only adds thread
    // stacks and allocator arenas (memory that stays with the process), so the pool is capped:
    // the cores, plus room for tokio's stdin/stdout operations, which use the same pool. An idle
    // pool thread exits after a second: its allocator cache goes back to the heap, so the trim
    // after the last document closes ([`Backend::did_close`]) can return it.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(cores + 4)
        .thread_keep_alive(IDLE_THREAD_LIFETIME)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return Err(format!("cannot start the async runtime: {e}")),
    };
    let out = match output::Output::spawn(std::io::stdout()) {
        Ok(out) => out,
        Err(e) => return Err(format!("cannot start the output thread: {e}")),
    };
    let transport = out.transport();
    let writer = out.clone();
    rt.block_on(async {
        let (service, socket) = LspService::build(move |client| Backend::new(client, writer))
            .custom_method("copydesk/documentText", Backend::document_text)
            .custom_method(framing::INVALID_METHOD, Backend::invalid_message)
            .finish();
        let (input, guard) = tokio::io::duplex(1 << 20);
        tokio::spawn(framing::sanitize(tokio::io::stdin(), guard));
        Server::new(input, transport, socket).serve(service).await;
    });
    // The last responses (to `shutdown`) may still be queued.
    out.flush(Duration::from_secs(2));
    // Blocking lint tasks of a client that left must not keep the process alive.
    rt.shutdown_background();
    Ok(())
}

/// Closing a document at least this large hands freed memory back to the system even while
/// other documents stay open.
const TRIM_AFTER_CLOSING_BYTES: usize = 256 * 1024;

/// How long an idle blocking-pool thread lives.
const IDLE_THREAD_LIFETIME: Duration = Duration::from_secs(1);
/// After the last document closes, the heap is trimmed at once and again after this long, when
/// the idle lint threads have exited and handed their allocator caches back.
const SECOND_TRIM_AFTER: Duration = Duration::from_millis(1500);

/// The allocator set up for a server: at most two glibc malloc arenas, and freed memory kept
/// in them while documents are open. Called before any thread starts (`pub` so that
/// `examples/prof_lsp.rs` measures the allocator the server runs with).
///
/// Two arenas: by default glibc gives threads up to 8 per core, and every arena keeps its own
/// partly used pages after its documents are gone (measured, 20 documents opened and closed:
/// 3.3 MB above the warm start with the default, 2.0 MB with two arenas). Two serve the two
/// threads that allocate at once here (a lint, and the async threads).
///
/// Fixed thresholds: by default glibc serves a large allocation (a check's token and prose
/// buffers, a few hundred kB on a long article) with its own `mmap`, then raises the threshold
/// to that size, and hands the top of the heap back to the system whenever more than twice
/// that is free. A keystroke's check frees several such buffers at once, so every lint gave
/// pages back and faulted them in again on the next one (about 220 page faults per keystroke on
/// 14,733 words, a fifth of its wall time). Large blocks now come from the arenas, which keep
/// up to [`KEEP_FREE_BYTES`] free; the heap is still trimmed when documents close
/// ([`release_free_memory`]), so memory goes back once it is no longer in use.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before the server starts threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, KEEP_FREE_BYTES as libc::c_int);
        libc::mallopt(libc::M_TRIM_THRESHOLD, KEEP_FREE_BYTES as libc::c_int);
    }
}

/// The mmap and trim thresholds of [`tune_allocator`]: glibc's ceiling for the mmap threshold
/// (half a 64-bit arena heap), well above a 1 MB manuscript's largest buffers.
const KEEP_FREE_BYTES: usize = 32 * 1024 * 1024;

/// Give the heap's free pages back to the system. glibc keeps what the process freed in its
/// arenas (so after all documents close the server's RSS would stay near its peak); `malloc_trim`
/// returns it. Elsewhere (musl, macOS, Windows) the allocator's own policy applies.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only inspects and releases the allocator's own free lists; it takes the
    // arena locks itself and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// A short article of our own that touches every part of the engine: dateline, weekdays,
/// relative dates, attribution, quotations, claims, a suppression comment, abbreviations.
const WARM_UP_TEXT: &str = include_str!("warmup.md");

/// Check [`WARM_UP_TEXT`] once, so the engine's process-wide word-list automata and regexes
/// (built on first use, kept for the life of the process) exist before the first document:
/// the first keystroke does not pay for them, and the memory they hold is part of the
/// server's baseline from the start. Then the check's own garbage goes back to the system.
fn warm_up() {
    let started = std::time::Instant::now();
    let settings = crate::document::Settings {
        kind: DocKind::Markdown,
        today: Some(jiff::civil::date(2025, 3, 4)),
        ..crate::document::Settings::default()
    };
    let report = crate::check(WARM_UP_TEXT, &settings);
    // The word-class table is read from the binary as words are looked up: page it all in now,
    // so it is part of the baseline rather than growing with every new word typed.
    crate::lexicon::warm();
    release_free_memory();
    tracing::info!(findings = report.findings.len(), ms = started.elapsed().as_millis() as u64, "engine ready");
}

/// What the client said it can do, reduced to what we use.
#[derive(Clone, Copy, Debug, Default)]
struct ClientCaps {
    pull_diagnostics: bool,
    configuration: bool,
    watch_files_dynamic: bool,
    configuration_dynamic: bool,
    document_changes: bool,
    inlay_refresh: bool,
    code_lens_refresh: bool,
    diagnostic_refresh: bool,
}

struct Entry {
    doc: OpenDocument,
    /// Bumped on every edit and every settings change; an analysis is current when it matches.
    generation: u64,
    analysis: Option<Arc<Analysis>>,
    /// A lint loop is running for this document.
    linting: bool,
    config: Option<Arc<Config>>,
    path: Option<PathBuf>,
    /// Sentence analyses kept between this document's lints (see [`crate::engine::Memo`]).
    memo: Arc<std::sync::Mutex<crate::engine::Memo>>,
}

struct Shared {
    docs: HashMap<Uri, Entry>,
    encoding: Encoding,
    caps: ClientCaps,
    editor: EditorSettings,
    /// Last good parse of each config file, by path.
    configs: HashMap<PathBuf, Arc<Config>>,
    /// The `initializationOptions` settings; `workspace/configuration` values override them key by key.
    init_options: Option<Value>,
    /// The last invalid-settings message shown (not shown again until settings change).
    last_settings_error: Option<String>,
}

pub struct Backend {
    client: Client,
    shared: Arc<Mutex<Shared>>,
    /// Publications go straight to stdout, serialised (see [`output`]).
    out: output::Output,
}

#[derive(Debug, Deserialize)]
pub struct DocumentTextParams {
    pub uri: Uri,
}

#[derive(Debug, Deserialize)]
pub struct InvalidMessageParams {
    pub code: i64,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub struct DocumentTextResult {
    pub version: i32,
    pub text: String,
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn kind_of(language_id: &str) -> Option<DocKind> {
    match language_id {
        "markdown" => Some(DocKind::Markdown),
        "plaintext" | "text" => Some(DocKind::Plain),
        _ => None,
    }
}

fn negotiate(caps: &ClientCapabilities) -> Encoding {
    let offered = caps.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    let has = |k: &PositionEncodingKind| offered.is_some_and(|v| v.contains(k));
    if has(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else if offered.is_none() || has(&PositionEncodingKind::UTF16) {
        Encoding::Utf16
    } else if has(&PositionEncodingKind::UTF32) {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    }
}

fn encoding_kind(e: Encoding) -> PositionEncodingKind {
    match e {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
        Encoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

fn read_caps(c: &ClientCapabilities) -> ClientCaps {
    let ws = c.workspace.as_ref();
    ClientCaps {
        pull_diagnostics: c.text_document.as_ref().is_some_and(|t| t.diagnostic.is_some()),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        watch_files_dynamic: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        configuration_dynamic: ws
            .and_then(|w| w.did_change_configuration.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        document_changes: ws.and_then(|w| w.workspace_edit.as_ref()).and_then(|e| e.document_changes).unwrap_or(false),
        inlay_refresh: ws.and_then(|w| w.inlay_hint.as_ref()).and_then(|i| i.refresh_support).unwrap_or(false),
        code_lens_refresh: ws.and_then(|w| w.code_lens.as_ref()).and_then(|i| i.refresh_support).unwrap_or(false),
        diagnostic_refresh: ws.and_then(|w| w.diagnostics.as_ref()).and_then(|i| i.refresh_support).unwrap_or(false),
    }
}

/// Find and load the nearest config file for `path`. A file that fails to parse keeps its last
/// good version; the error is returned for one `showMessage`.
fn load_config(
    configs: &mut HashMap<PathBuf, Arc<Config>>,
    path: Option<&PathBuf>,
    fresh: bool,
) -> (Option<Arc<Config>>, Option<String>) {
    let Some(found) = path.and_then(|p| crate::config::find(p)) else { return (None, None) };
    if !fresh {
        if let Some(c) = configs.get(&found) {
            return (Some(c.clone()), None);
        }
    }
    match Config::load(&found) {
        Ok(c) => {
            let c = Arc::new(c);
            configs.insert(found, c.clone());
            (Some(c), None)
        }
        Err(e) => {
            tracing::warn!("config error: {e}");
            (configs.get(&found).cloned(), Some(format!("copydesk: {e} (keeping the previous settings)")))
        }
    }
}

impl Backend {
    fn new(client: Client, out: output::Output) -> Backend {
        Backend {
            client,
            shared: Arc::new(Mutex::new(Shared {
                docs: HashMap::new(),
                encoding: Encoding::Utf16,
                caps: ClientCaps::default(),
                editor: EditorSettings::default(),
                configs: HashMap::new(),
                init_options: None,
                last_settings_error: None,
            })),
            out,
        }
    }

    fn handle(&self) -> Backend {
        Backend { client: self.client.clone(), shared: self.shared.clone(), out: self.out.clone() }
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        // A panic while holding the lock poisons it; the data is still consistent enough to serve.
        self.shared.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn job(shared: &Shared, e: &Entry) -> Job {
        let mut settings = shared.editor.to_settings();
        if let Some(c) = &e.config {
            c.apply(&mut settings);
        }
        settings.kind = e.doc.kind;
        settings.today = Some(today());
        Job {
            generation: e.generation,
            version: e.doc.version,
            text: e.doc.text(),
            settings,
            max_document_size: shared.editor.max_document_size,
            inlay_hints: shared.editor.inlay_hints,
            encoding: shared.encoding,
            memo: e.memo.clone(),
        }
    }

    /// Start a lint loop for `uri` unless one runs (it will pick up the newest text).
    fn schedule(&self, uri: Uri) {
        {
            let mut g = self.lock();
            if g.caps.pull_diagnostics {
                return;
            }
            let Some(e) = g.docs.get_mut(&uri) else { return };
            if e.linting {
                return;
            }
            e.linting = true;
        }
        let this = self.handle();
        tokio::spawn(async move { this.lint_loop(uri).await });
    }

    async fn lint_loop(self, uri: Uri) {
        loop {
            let job = {
                let mut g = self.lock();
                let Some(e) = g.docs.get(&uri) else { return };
                if e.analysis.as_ref().is_none_or(|a| a.generation != e.generation) {
                    Self::job(&g, e)
                } else {
                    if let Some(e) = g.docs.get_mut(&uri) {
                        e.linting = false;
                    }
                    return;
                }
            };
            // The lint thread publishes itself: a keystroke's diagnostics do not wait for an
            // async thread to wake up and take them.
            let this = self.handle();
            let for_uri = uri.clone();
            let linted = tokio::task::spawn_blocking(move || this.lint_and_publish(&for_uri, job));
            if let Err(err) = linted.await {
                tracing::error!("lint task failed: {err}");
                if let Some(e) = self.lock().docs.get_mut(&uri) {
                    e.linting = false;
                }
                return;
            }
        }
    }

    /// Lint one snapshot and, if it is still current, publish its diagnostics and keep it (off the
    /// async threads). The analysis it replaces is handed to the stdout writer, which drops it
    /// once the publication is written, so freeing the last analysis (about a twentieth of a
    /// keystroke's work) is not on the way to the client.
    fn lint_and_publish(&self, uri: &Uri, job: Job) {
        let analysis = Arc::new(analysis::analyse(job));
        let message = output::publication(uri, &analysis);
        let mut g = self.lock();
        let Some(e) = g.docs.get_mut(uri) else { return };
        if e.generation == analysis.generation {
            // Current: publish under the lock so no newer version can slip in between.
            let old = e.analysis.replace(analysis);
            self.out.send_body_then_drop(message, old);
        } else {
            tracing::debug!(version = analysis.version, "dropping a stale lint");
        }
    }

    /// The analysis of the document's current text, linting now if the stored one is stale.
    async fn current(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        let job = {
            let g = self.lock();
            let Some(e) = g.docs.get(uri) else {
                tracing::info!("request for a document that is not open: {}", uri.as_str());
                return None;
            };
            if let Some(a) = e.analysis.as_ref().filter(|a| a.generation == e.generation) {
                return Some(a.clone());
            }
            Self::job(&g, e)
        };
        let a = Arc::new(tokio::task::spawn_blocking(move || analysis::analyse(job)).await.ok()?);
        let mut g = self.lock();
        if let Some(e) = g.docs.get_mut(uri) {
            if e.generation == a.generation {
                e.analysis = Some(a.clone());
            }
        }
        Some(a)
    }

    fn relint_all(&self) {
        let uris: Vec<Uri> = {
            let mut g = self.lock();
            g.docs.values_mut().for_each(|e| e.generation += 1);
            g.docs.keys().cloned().collect()
        };
        for u in uris {
            self.schedule(u);
        }
    }

    async fn refresh_views(&self) {
        let caps = self.lock().caps;
        if caps.inlay_refresh {
            let _ = self.client.inlay_hint_refresh().await;
        }
        if caps.code_lens_refresh {
            let _ = self.client.code_lens_refresh().await;
        }
        if caps.pull_diagnostics && caps.diagnostic_refresh {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    /// Validate and install new editor settings; on error one message and the old ones stay.
    async fn set_editor_settings(&self, value: Option<&Value>) {
        let merged = {
            let g = self.lock();
            settings::merge(g.init_options.as_ref(), value)
        };
        match EditorSettings::from_json(merged.as_ref()) {
            Ok((s, unknown)) => {
                for k in unknown {
                    tracing::warn!("ignoring unknown setting `{k}`");
                }
                let changed = {
                    let mut g = self.lock();
                    g.last_settings_error = None;
                    let changed = g.editor != s;
                    g.editor = s;
                    changed
                };
                if changed {
                    self.relint_all();
                    self.refresh_views().await;
                }
            }
            Err(e) => {
                tracing::warn!("{e}");
                let message = format!("{e} (keeping the previous settings)");
                // The same invalid value read twice (say, on start-up and on a change) is one message.
                let repeat = {
                    let mut g = self.lock();
                    let repeat = g.last_settings_error.as_deref() == Some(message.as_str());
                    g.last_settings_error = Some(message.clone());
                    repeat
                };
                if !repeat {
                    self.client.show_message(MessageType::ERROR, message).await;
                }
            }
        }
    }

    async fn fetch_configuration(&self) -> Option<Value> {
        let item = ConfigurationItem { scope_uri: None, section: Some("copydesk".into()) };
        match self.client.configuration(vec![item]).await {
            Ok(mut v) if !v.is_empty() => Some(v.swap_remove(0)),
            Ok(_) => None,
            Err(e) => {
                tracing::warn!("workspace/configuration failed: {e}");
                None
            }
        }
    }

    async fn after_initialized(&self) {
        let caps = self.lock().caps;
        let mut regs = Vec::new();
        if caps.watch_files_dynamic {
            let opts = DidChangeWatchedFilesRegistrationOptions {
                watchers: crate::config::FILE_NAMES
                    .iter()
                    .map(|n| FileSystemWatcher { glob_pattern: GlobPattern::String(format!("**/{n}")), kind: None })
                    .collect(),
            };
            regs.push(Registration {
                id: "copydesk-config-watcher".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(opts).ok(),
            });
        }
        if caps.configuration_dynamic {
            regs.push(Registration {
                id: "copydesk-configuration".into(),
                method: "workspace/didChangeConfiguration".into(),
                register_options: None,
            });
        }
        if !regs.is_empty() {
            if let Err(e) = self.client.register_capability(regs).await {
                tracing::warn!("client refused registration: {e}");
            }
        }
        if caps.configuration {
            if let Some(v) = self.fetch_configuration().await {
                if !v.is_null() {
                    self.set_editor_settings(Some(&v)).await;
                }
            }
        }
    }

    /// Answers a malformed frame (see [`framing`]) with its JSON-RPC error.
    async fn invalid_message(&self, p: InvalidMessageParams) -> RpcResult<Value> {
        Err(tower_lsp_server::jsonrpc::Error {
            code: tower_lsp_server::jsonrpc::ErrorCode::from(p.code),
            message: p.message.into(),
            data: None,
        })
    }

    async fn document_text(&self, p: DocumentTextParams) -> RpcResult<Option<DocumentTextResult>> {
        let g = self.lock();
        Ok(g.docs.get(&p.uri).map(|e| DocumentTextResult { version: e.doc.version, text: e.doc.text() }))
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let encoding = negotiate(&params.capabilities);
        let caps = read_caps(&params.capabilities);
        let init_error = {
            let mut g = self.lock();
            g.encoding = encoding;
            g.caps = caps;
            let init = params.initialization_options.as_ref().and_then(settings::section).cloned();
            match EditorSettings::from_json(init.as_ref()) {
                Ok((s, _)) => {
                    g.editor = s;
                    g.init_options = init;
                    None
                }
                Err(e) => Some(e),
            }
        };
        if let Some(e) = init_error {
            tracing::warn!("{e}");
            self.client.show_message(MessageType::ERROR, format!("{e} (using the defaults)")).await;
        }
        tracing::info!(?encoding, pull = caps.pull_diagnostics, "initialized");
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..TextDocumentSyncOptions::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(actions::FIX_ALL)]),
                    resolve_provider: Some(false),
                    ..CodeActionOptions::default()
                })),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
                document_symbol_provider: Some(OneOf::Right(DocumentSymbolOptions {
                    label: Some("Sources".into()),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                diagnostic_provider: caps.pull_diagnostics.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("copydesk".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..DiagnosticOptions::default()
                    })
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo { name: "copydesk".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            ..InitializeResult::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Off the async threads: building the automata takes a few milliseconds.
        tokio::task::spawn_blocking(warm_up);
        // Requests to the client run on their own task: a client that exits without answering
        // them must not keep the server from stopping.
        let this = self.handle();
        tokio::spawn(async move { this.after_initialized().await });
    }

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        let Some(kind) = kind_of(&td.language_id) else {
            tracing::info!("ignoring {} (language id '{}')", td.uri.as_str(), td.language_id);
            return;
        };
        let path =
            (td.uri.scheme().as_str() == "file").then(|| td.uri.to_file_path().map(|p| p.into_owned())).flatten();
        let message = {
            let mut g = self.lock();
            let (config, message) = load_config(&mut g.configs, path.as_ref(), false);
            let generation = g.docs.get(&td.uri).map_or(0, |e| e.generation + 1);
            let entry = Entry {
                doc: OpenDocument::new(&td.text, td.version, kind),
                generation,
                analysis: None,
                linting: false,
                config,
                path,
                memo: Arc::default(),
            };
            g.docs.insert(td.uri.clone(), entry);
            message
        };
        self.schedule(td.uri);
        if let Some(m) = message {
            self.client.show_message(MessageType::ERROR, m).await;
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let mut g = self.lock();
            let enc = g.encoding;
            let Some(e) = g.docs.get_mut(&uri) else {
                tracing::info!("didChange for a document that is not open: {}", uri.as_str());
                return;
            };
            if params.text_document.version <= e.doc.version {
                tracing::warn!(
                    old = e.doc.version,
                    new = params.text_document.version,
                    "version did not increase for {}",
                    uri.as_str()
                );
            }
            for change in &params.content_changes {
                let range = change.range.map(|r| {
                    (
                        LineCol { line: r.start.line, col: r.start.character },
                        LineCol { line: r.end.line, col: r.end.character },
                    )
                });
                let outcome = e.doc.apply_change(range, &change.text, enc);
                if outcome.clamped() {
                    tracing::warn!(?range, ?outcome, "clamped an edit outside the text in {}", uri.as_str());
                }
            }
            e.doc.version = params.text_document.version;
            e.generation += 1;
        }
        self.schedule(uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let (closed, store_empty) = {
            let mut g = self.lock();
            let Some(closed) = g.docs.remove(&uri) else {
                tracing::info!("didClose for a document that is not open: {}", uri.as_str());
                return;
            };
            if !g.caps.pull_diagnostics {
                self.out.send_body(output::cleared(&uri));
            }
            (closed, g.docs.is_empty())
        };
        let large = closed.doc.rope.len_bytes() >= TRIM_AFTER_CLOSING_BYTES;
        drop(closed);
        if store_empty || large {
            // Off the async threads: trimming walks the heap.
            tokio::task::spawn_blocking(release_free_memory);
        }
        if store_empty {
            let this = self.handle();
            tokio::spawn(async move {
                tokio::time::sleep(SECOND_TRIM_AFTER).await;
                if this.lock().docs.is_empty() {
                    tokio::task::spawn_blocking(release_free_memory);
                }
            });
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let this = self.handle();
        tokio::spawn(async move {
            let configuration = this.lock().caps.configuration;
            if configuration {
                let v = this.fetch_configuration().await;
                this.set_editor_settings(v.as_ref()).await;
            } else {
                this.set_editor_settings(settings::section(&params.settings)).await;
            }
        });
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        tracing::info!(n = params.changes.len(), "config files changed");
        let messages: Vec<String> = {
            let mut g = self.lock();
            let shared = &mut *g;
            // Every config file in use is re-read once; one that no longer parses keeps its last
            // good version (load_config), one that was deleted is no longer found.
            let mut messages = Vec::new();
            let mut fresh = std::collections::HashSet::new();
            for e in shared.docs.values_mut() {
                let found = e.path.as_ref().and_then(|p| crate::config::find(p));
                let first = found.as_ref().is_some_and(|f| fresh.insert(f.clone()));
                let (config, message) = load_config(&mut shared.configs, e.path.as_ref(), first);
                e.config = config;
                messages.extend(message);
            }
            messages.dedup();
            messages
        };
        self.relint_all();
        for m in messages {
            self.client.show_message(MessageType::ERROR, m).await;
        }
        let this = self.handle();
        tokio::spawn(async move { this.refresh_views().await });
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> RpcResult<DocumentDiagnosticReportResult> {
        let items = match self.current(&params.text_document.uri).await {
            Some(a) => analysis::diagnostics(&a),
            None => Vec::new(),
        };
        Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items },
            },
        )))
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(a) = self.current(&uri).await else { return Ok(None) };
        let style = actions::EditStyle { document_changes: self.lock().caps.document_changes };
        let acts = actions::code_actions(
            &a,
            &uri,
            &params.context.diagnostics,
            params.context.only.as_deref(),
            style,
            today(),
        );
        Ok(Some(acts))
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let p = params.text_document_position_params;
        let Some(a) = self.current(&p.text_document.uri).await else { return Ok(None) };
        Ok(info::hover(&a, a.offset(p.position)))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> RpcResult<Option<Vec<InlayHint>>> {
        let Some(a) = self.current(&params.text_document.uri).await else { return Ok(None) };
        Ok(Some(info::inlay_hints(&a, params.range)))
    }

    async fn code_lens(&self, params: CodeLensParams) -> RpcResult<Option<Vec<CodeLens>>> {
        let Some(a) = self.current(&params.text_document.uri).await else { return Ok(None) };
        Ok(Some(std::iter::once(info::code_lens(&a)).chain(sources::code_lens(&a)).collect()))
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> RpcResult<Option<DocumentSymbolResponse>> {
        let Some(a) = self.current(&params.text_document.uri).await else { return Ok(None) };
        Ok(Some(DocumentSymbolResponse::Nested(sources::document_symbols(&a))))
    }
}
