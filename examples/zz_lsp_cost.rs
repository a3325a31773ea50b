// scratch: not committed
#[path = "../tests/support/generator.rs"]
mod generator;
use copydesk::lsp::analysis::{self, Job};
use copydesk::text::position::Encoding;
use std::time::Instant;
fn main() {
    let text = generator::article_bytes(42, 1 << 20);
    let settings = copydesk::Settings {
        kind: copydesk::engine::DocKind::Markdown,
        today: Some(jiff::civil::date(2025, 6, 1)),
        ..Default::default()
    };
    for round in 0..5 {
        let t = Instant::now();
        let a = analysis::analyse(Job {
            generation: 0,
            version: 1,
            text: text.clone(),
            settings: settings.clone(),
            max_document_size: usize::MAX,
            inlay_hints: true,
            encoding: Encoding::Utf8,
        });
        let t1 = t.elapsed();
        let t = Instant::now();
        let d = analysis::diagnostics(&a);
        let t2 = t.elapsed();
        let t = Instant::now();
        let p = tower_lsp_server::ls_types::PublishDiagnosticsParams::new("file:///a.md".parse().unwrap(), d, Some(1));
        let v = serde_json::to_value(&p).unwrap();
        let t3 = t.elapsed();
        let t = Instant::now();
        let s = serde_json::to_string(&v).unwrap();
        let t4 = t.elapsed();
        let t = Instant::now();
        drop(v);
        drop(p);
        let t5 = t.elapsed();
        let d = analysis::diagnostics(&a);
        let p = tower_lsp_server::ls_types::PublishDiagnosticsParams::new("file:///a.md".parse().unwrap(), d, Some(1));
        let t = Instant::now();
        let s2 = serde_json::to_string(&p).unwrap();
        let t6 = t.elapsed();
        let t = Instant::now();
        let c = copydesk::check(&text, &settings);
        let t7 = t.elapsed();
        let t = Instant::now();
        let li = copydesk::text::position::LineIndex::new(&text);
        let t8 = t.elapsed();
        println!(
            "round {round}: analyse {:?} (check alone {:?}, LineIndex {:?}) diagnostics {:?} to_value {:?} to_string {:?} drop {:?} | direct to_string {:?}; {} bytes, {} findings",
            t1,
            t7,
            t8,
            t2,
            t3,
            t4,
            t5,
            t6,
            s.len(),
            c.findings.len()
        );
        assert_eq!(s.len(), s2.len());
        drop(li);
    }
}
