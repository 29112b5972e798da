//! Prints what the parser makes of a source file: header, units, footnotes, references.
//!
//! `cargo run -p cbdkg-ingest --example dump -- data/corpus/ar/001_209b8956f71489ae.txt`

use std::path::Path;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        std::process::exit(2);
    };
    let sidecar = std::fs::read_to_string(format!("{path}.meta.toml")).ok();
    let document = cbdkg_ingest::read_source(Path::new(&path))
        .and_then(|(source, text)| cbdkg_ingest::parse(source, &text, sidecar.as_deref()));
    let document = match document {
        Ok(document) => document,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    };
    println!("{:?} {:?} ({:?}) {:?}", document.kind, document.id, document.id_source, document.language);
    println!("{:#?}", document.header);
    for unit in &document.units {
        let text: String = unit.text.chars().take(70).collect();
        println!(
            "{:>4}-{:<4} {:<14} {:<16} {:<9} {text}",
            unit.span.start,
            unit.span.end,
            format!("{:?}", unit.kind),
            unit.key,
            unit.label
        );
        if !unit.footnotes.is_empty() {
            let markers: Vec<&str> = unit.footnotes.iter().map(|&f| document.footnotes[f].marker.as_str()).collect();
            println!("{:>32} footnotes {markers:?}", "");
        }
        for reference in &unit.references {
            println!("{:>32} cites {reference:?}", "");
        }
        for cell in &unit.cells {
            let text: String = cell.text.chars().take(50).collect();
            println!("{:>32} [{}] {}: {text}", "", cell.column, cell.header.chars().take(20).collect::<String>());
        }
    }
    for (i, note) in document.footnotes.iter().enumerate() {
        let text: String = note.text.chars().take(70).collect();
        let attached = if document.unattached_footnotes.contains(&i) { "document" } else { "unit" };
        println!("fn {:>4} {:<8} ({attached}) {text}", note.span.start, note.marker);
    }
}
