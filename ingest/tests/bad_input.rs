//! Bad input gets a clear error naming the file (and the line where one applies), and never a
//! half-built document.

use cbdkg_ingest::{IngestError, parse, read_source};
use std::path::{Path, PathBuf};

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/corpus/ar").join(name)).unwrap()
}

const XIII_23: &str = "001_209b8956f71489ae.txt";

/// Writes `bytes` to a file named `name` in a fresh directory and ingests it.
fn ingest(name: &str, bytes: &[u8]) -> (PathBuf, Result<usize, IngestError>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let result = read_source(&path).and_then(|(source, text)| parse(source, &text, None)).map(|d| d.units.len());
    (path, result, dir)
}

/// The error message must name the file and contain `fragment`.
fn check(name: &str, bytes: &[u8], fragment: &str) {
    let (path, result, _dir) = ingest(name, bytes);
    let message = result.expect_err("bad input must fail").to_string();
    assert!(message.starts_with(&path.display().to_string()), "{message:?} does not name {}", path.display());
    assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
}

/// XIII/23 with lines `from..=to` (1-based) removed.
fn without_lines(from: usize, to: usize) -> Vec<u8> {
    let text = String::from_utf8(corpus(XIII_23)).unwrap();
    let kept: Vec<&str> =
        text.lines().enumerate().filter(|(i, _)| !(from - 1..to).contains(i)).map(|(_, l)| l).collect();
    kept.join("\n").into_bytes()
}

#[test]
fn empty_binary_and_wrong_encoding() {
    check("empty.txt", b"", "the file is empty");
    check("blank.txt", b"\n \n\t\n", "the file is empty");
    check("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ":2: binary content");
    check(
        "latin1.txt",
        "Décision XIII/23\nLa Conférence des Parties,\n".replace('é', "\u{1}").as_bytes(),
        ":1: binary content",
    );
    check("latin1.txt", b"D\xe9cision XIII/23\nLa Conf\xe9rence des Parties,\n", ":1: not valid UTF-8");
    let whole = corpus(XIII_23);
    let text = std::str::from_utf8(&whole).unwrap();
    let inside = (whole.len() / 2..whole.len()).find(|&i| !text.is_char_boundary(i)).unwrap();
    let cut = &whole[..inside];
    check("cut.txt", cut, "ends in the middle of a UTF-8 character: it looks truncated");
}

#[test]
fn truncated_documents() {
    // Cut in the middle of sub-paragraph 15(g) (line 104).
    let text = String::from_utf8(corpus(XIII_23)).unwrap();
    let line_104 = text.lines().nth(103).unwrap();
    let cut_at = text.find(line_104).unwrap() + line_104.len() / 2;
    let cut_at = (0..=cut_at).rev().find(|&i| text.is_char_boundary(i) && text[..i].ends_with(' ')).unwrap();
    check(
        "cut-in-15g.txt",
        text[..cut_at].trim_end().as_bytes(),
        ":104: the text ends in the middle of paragraph 15(g)",
    );
    // Cut after the preamble: no operative paragraph at all.
    let preamble_only: String = text.lines().take(48).collect::<Vec<_>>().join("\n");
    check("preamble-only.txt", preamble_only.as_bytes(), "no operative paragraph after the preamble");
}

#[test]
fn lost_or_repeated_paragraphs() {
    // Paragraph 7 (line 84) dropped: paragraph 8 must not silently become the seventh.
    check("no-p7.txt", &without_lines(84, 84), ":84: paragraph 8 follows paragraph 6: paragraph 7 is missing");
    // Sub-paragraph (c) of paragraph 5 (line 63) dropped.
    check("no-5c.txt", &without_lines(63, 63), "sub-paragraph (d) of paragraph 5 where (c) was expected");
    // A paragraph repeated (paragraph 3 pasted twice).
    let text = String::from_utf8(corpus(XIII_23)).unwrap();
    let p3 = text.lines().nth(52).unwrap();
    let repeated = text.replacen(p3, &format!("{p3}\n\n{p3}"), 1);
    check("p3-twice.txt", repeated.as_bytes(), "paragraph 3 follows paragraph 3: numbering goes back");
}

#[test]
fn numbering_restarts_only_at_an_annex_heading() {
    // Paragraphs 1-2 under a section, then a restart: not an annex, an error.
    let note = "Distr.: General\n\nCBD/SBI/9/1\n\nOnline learning\n\nNote by the Executive Secretary\n\n\
                I. INTRODUCTION\n\n1. First paragraph.\n\n2. Second paragraph.\n\n1. A restart.\n";
    check(
        "restart.txt",
        note.as_bytes(),
        ":15: paragraph numbering restarts at 1 after paragraph 2 without an annex heading",
    );
}

#[test]
fn unknown_layouts() {
    check(
        "letter.txt",
        "Dear colleagues,\n\nPlease find attached the agenda.\n\nRegards\n".as_bytes(),
        "unknown layout",
    );
    check(
        "no-number.txt",
        "Distr.\nGENERAL\n\nThe Conference of the Parties,\n\n1. Decides to do something.\n".as_bytes(),
        "a decision chapeau without a decision number",
    );
}

#[test]
fn a_100_megabyte_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    std::fs::File::create(&path).unwrap().set_len(100 * 1024 * 1024).unwrap();
    let message = read_source(&path).expect_err("too large").to_string();
    assert!(message.starts_with(&path.display().to_string()), "{message}");
    assert!(message.contains("104857600 bytes, more than the limit"), "{message}");
}

#[test]
fn missing_files_and_bad_sidecars() {
    let message = read_source(Path::new("/nonexistent/decision.txt")).expect_err("missing").to_string();
    assert!(message.starts_with("/nonexistent/decision.txt: cannot read"), "{message}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(XIII_23);
    std::fs::write(&path, corpus(XIII_23)).unwrap();
    let (source, text) = read_source(&path).unwrap();
    for (sidecar, fragment) in [
        ("symbol = 3", "invalid type"),
        ("colour = \"red\"", "unknown field"),
        ("issued = \"16/12/2016\"", "is not a date"),
    ] {
        let message = parse(source.clone(), &text, Some(sidecar)).expect_err("bad sidecar").to_string();
        assert!(message.starts_with(&format!("{}.meta.toml: invalid sidecar metadata", path.display())), "{message}");
        assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
    }
    let with_symbol =
        parse(source, &text, Some("symbol = \"CBD/COP/DEC/XIII/23\"\ntitle = \"Capacity-building\"")).unwrap();
    assert_eq!(with_symbol.header.title.as_deref(), Some("Capacity-building"));
}
