//! The body of a document as a sequence of units: preamble, numbered paragraphs and their
//! sub-paragraphs, sections and annexes, annex tables, guiding questions; and footnotes,
//! attached to the unit that calls them.

use super::Source;
use super::table::{TableBuffer, TableItem};
use crate::IngestError;
use crate::model::{DocumentKind, Footnote, Span, Unit, UnitKind};
use crate::symbols::{arabic_section_ordinal, from_roman, ordinal_number, section_word_to_latin};
use crate::text::{
    Line, MarkerKind, SubMarker, footnote_body_marker, footnote_body_text, paragraph_number, sub_paragraph_marker,
};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What the builder produced.
#[derive(Debug, Default)]
pub(crate) struct Structure {
    /// Units in document order.
    pub units: Vec<Unit>,
    /// Footnotes in document order.
    pub footnotes: Vec<Footnote>,
    /// Footnote calls: (marker, calling unit, or `None` for the document itself).
    pub calls: Vec<(String, Option<usize>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Preamble,
    Body,
    Guide,
}

/// What a line is, structurally.
#[derive(Debug)]
enum Heading {
    /// `مرفق`, `ANNEX`, `## المرفق`, `Annex II`.
    Annex(Option<String>),
    /// A lettered section: `ألف - title`, `title - دال -`, `A. Title`.
    Letter(char, String),
    /// A roman-numbered section: `أولا - title`, `II. TITLE`.
    Roman(u32, String),
    /// An unnumbered (markdown) heading.
    Plain(String),
    /// Guides: week, discussion group, topic.
    Guide(&'static str, u32, String),
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("structure patterns are valid")
}

const LETTER_WORDS: &str = "ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء";
static LETTER_SECTION: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(?P<w>{LETTER_WORDS})\s*[-–.]\s*(?P<title>.*)$")));
static LETTER_SECTION_RTL: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(?P<title>.+?)\s*[-–]\s*(?P<w>{LETTER_WORDS})\s*[-–]?$")));
static LATIN_LETTER_SECTION: LazyLock<Regex> = LazyLock::new(|| re(r"^(?P<w>[A-J])\.\s+(?P<title>\p{Lu}.*)$"));
static ROMAN_SECTION: LazyLock<Regex> = LazyLock::new(|| re(r"^(?P<r>[IVX]{1,5})\.\s+(?P<title>\p{Lu}.*)$"));
static ARABIC_ROMAN_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<w>(?:أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)ً?)\s*[-–]\s*(?P<title>.*)$")
});
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:المرفق|مرفق|(?i:annex|annexe|appendix|appendice))(?:\s+(?P<n>[IVX]+|الأول|الثاني|الثالث))?\s*$")
});
static WEEK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:الأسبوع|(?i:week|semaine))\s+(?P<n>\d+|\p{L}+)\s*[:،,]?\s*(?P<title>.*)$"));
static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:مجموعة المناقشة|(?i:online discussion group|discussion group|groupe de discussion))[^\d:]*?(?P<n>\d+)\s*:?\s*(?P<title>.*)$",
    )
});
static TOPIC: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:الموضوع|(?i:topic|thème|sujet))\s+(?P<n>\d+|\p{L}+)\s*:\s*(?P<title>.*)$"));

fn terminated(text: &str) -> bool {
    text.trim_end().ends_with(['.', '؛', ';', ':', '،', ',', '?', '؟', '!'])
}

/// Builds the units of a document from its body lines.
pub(crate) struct Builder<'a> {
    source: &'a Source,
    kind: DocumentKind,
    out: Structure,
    mode: Mode,
    /// Key prefix of the current annex / decision part / annex section: "", "A/", "annex/A/".
    scope: String,
    in_annex: bool,
    annexes: u32,
    /// Open sections: (level, unit).
    sections: Vec<(u8, usize)>,
    /// A section or annex whose title is on the next line.
    awaiting_title: Option<usize>,
    /// The last section opened after the last numbered paragraph, if any (an annex whose
    /// heading extraction lost the word "Annex").
    fresh_section: Option<usize>,
    paragraph: Option<usize>,
    last_number: u32,
    sub: Option<usize>,
    /// The unit a plain line continues.
    last: Option<usize>,
    last_footnote: Option<usize>,
    footnote_was_last: bool,
    blank_run: u32,
    lost_markers: u32,
    counters: HashMap<String, u32>,
    keys: HashMap<String, u32>,
    table: TableBuffer,
    table_scope: String,
    table_section: Option<usize>,
}

impl<'a> Builder<'a> {
    /// A builder for a document of `kind`.
    pub fn new(source: &'a Source, kind: DocumentKind) -> Self {
        Self {
            source,
            kind,
            out: Structure::default(),
            mode: match kind {
                DocumentKind::Decision => Mode::Preamble,
                DocumentKind::Note => Mode::Body,
                DocumentKind::DiscussionGuide => Mode::Guide,
            },
            scope: String::new(),
            in_annex: false,
            annexes: 0,
            sections: Vec::new(),
            awaiting_title: None,
            fresh_section: None,
            paragraph: None,
            last_number: 0,
            sub: None,
            last: None,
            last_footnote: None,
            footnote_was_last: false,
            blank_run: 0,
            lost_markers: 0,
            counters: HashMap::new(),
            keys: HashMap::new(),
            table: TableBuffer::default(),
            table_scope: String::new(),
            table_section: None,
        }
    }

    /// Feeds the body lines, then closes open tables.
    pub fn run(mut self, lines: &[Line]) -> Result<Structure, IngestError> {
        for line in lines {
            self.line(line)?;
        }
        self.flush_table();
        Ok(self.out)
    }

    fn error(&self, line: u32, message: String) -> IngestError {
        IngestError::Malformed { path: self.source.path.clone(), line, message }
    }

    fn line(&mut self, line: &Line) -> Result<(), IngestError> {
        for (marker, text) in &line.inline_notes {
            self.footnote(marker.clone(), text.clone(), line.number);
        }
        if line.is_blank() || line.text.chars().all(|c| c == '_' || c == '-' || c == '*') {
            self.blank_run += 1;
            return Ok(());
        }
        let blank_before = std::mem::take(&mut self.blank_run);
        if let Some(marker) = footnote_body_marker(&line.text) {
            let marker = if marker.is_empty() {
                self.lost_markers += 1;
                self.lost_markers.to_string()
            } else {
                marker
            };
            self.footnote(marker, footnote_body_text(&line.text).to_owned(), line.number);
            self.footnote_was_last = true;
            return Ok(());
        }
        let after_footnote = std::mem::take(&mut self.footnote_was_last);
        let text = line.text.trim_start_matches('\u{fffd}').trim();

        if self.table.vertical && !line.leading_tab && blank_before >= 2 {
            self.flush_table();
        }
        let tabs = line.text.matches('\t').count();
        let vertical_cell = self.in_annex && line.leading_tab && tabs == 1;
        let vertical_continuation = self.table.vertical && !self.table.is_empty() && tabs == 0;
        if vertical_cell || vertical_continuation {
            // A vertically flattened table: every cell on its own tab-indented line.
            self.start_table_if_needed();
            self.table.push_vertical(line.number, text, line.leading_tab, line.calls.clone());
            return Ok(());
        }
        if tabs >= 2 {
            let cells = line.cells().unwrap_or_default();
            self.start_table_if_needed();
            self.table.push_row(line.number, cells, line.calls.clone());
            return Ok(());
        }
        let text = &text.replace('\t', " ");
        let structural =
            paragraph_number(text).is_some() || sub_paragraph_marker(text).is_some() || self.heading(text).is_some();
        if after_footnote && !structural && !self.continues_unit() && self.continues_footnote() {
            let index = self.last_footnote.expect("checked");
            let note = &mut self.out.footnotes[index];
            note.text.push(' ');
            note.text.push_str(text);
            note.span = note.span.join(Span::line(line.number));
            self.footnote_was_last = true;
            return Ok(());
        }
        if let Some(heading) = self.heading(text) {
            if let (Heading::Plain(title), Some(unit)) = (&heading, self.awaiting_title) {
                // `## Annex` then `## Title`: the second heading is the annex's title.
                if self.out.units[unit].kind == UnitKind::Annex {
                    self.awaiting_title = None;
                    self.append(unit, title, line);
                    return Ok(());
                }
            }
            self.flush_table();
            return self.open_heading(heading, line);
        }
        if !self.table.is_empty() {
            self.flush_table();
        }
        if let Some(unit) = self.awaiting_title.take() {
            self.append(unit, text, line);
            return Ok(());
        }
        match self.mode {
            Mode::Guide => self.guide_line(text, line, blank_before > 0),
            Mode::Preamble if paragraph_number(text).is_none() => self.preamble_line(text, line, blank_before > 0),
            _ => self.body_line(text, line, blank_before > 0),
        }
    }

    /// A plain line after footnote bodies continues a paragraph cut by the page break…
    fn continues_unit(&self) -> bool {
        self.last.is_some_and(|u| {
            let unit = &self.out.units[u];
            matches!(
                unit.kind,
                UnitKind::Operative
                    | UnitKind::Numbered
                    | UnitKind::SubParagraph
                    | UnitKind::Preambular
                    | UnitKind::Question
            ) && !terminated(&unit.text)
        })
    }

    /// …or else a footnote cut by the page break.
    /// (A note ends only with a full stop or a question mark: `على الموقع:` announces a link.)
    fn continues_footnote(&self) -> bool {
        self.last_footnote.is_some_and(|f| !self.out.footnotes[f].text.trim_end().ends_with(['.', '?', '؟', '!']))
    }

    fn heading(&self, text: &str) -> Option<Heading> {
        let plain = text.trim_start_matches('#').trim();
        let markdown = text.starts_with('#');
        if let Some(c) = ANNEX.captures(plain) {
            return Some(Heading::Annex(c.name("n").map(|n| n.as_str().to_owned())));
        }
        if self.mode == Mode::Guide {
            for (kind, pattern) in [("week", &*WEEK), ("group", &*GROUP), ("topic", &*TOPIC)] {
                if let Some(c) = pattern.captures(plain) {
                    let n = c["n"].parse().ok().or_else(|| ordinal_number(&c["n"]))?;
                    return Some(Heading::Guide(kind, n, c["title"].trim().to_owned()));
                }
            }
            return None;
        }
        let short = plain.chars().count() < 300 && !terminated(plain);
        if let Some(c) = LETTER_SECTION.captures(plain).or_else(|| LETTER_SECTION_RTL.captures(plain).filter(|_| short))
        {
            let letter = section_word_to_latin(&c["w"])?;
            return Some(Heading::Letter(letter, c["title"].trim().to_owned()));
        }
        if let Some(c) = ARABIC_ROMAN_SECTION.captures(plain) {
            return Some(Heading::Roman(arabic_section_ordinal(&c["w"])?, c["title"].trim().to_owned()));
        }
        if self.source.latin_script {
            if let Some(c) = ROMAN_SECTION.captures(plain).filter(|_| short) {
                return Some(Heading::Roman(from_roman(&c["r"])?, c["title"].trim().to_owned()));
            }
            if let Some(c) = LATIN_LETTER_SECTION.captures(plain).filter(|_| short) {
                return Some(Heading::Letter(c["w"].chars().next()?, c["title"].trim().to_owned()));
            }
        }
        (markdown && !plain.is_empty()).then(|| Heading::Plain(plain.to_owned()))
    }

    fn open_heading(&mut self, heading: Heading, line: &Line) -> Result<(), IngestError> {
        match heading {
            Heading::Annex(number) => {
                self.annexes += 1;
                let key = match (&number, self.annexes) {
                    (Some(n), _) => format!("annex-{}", annex_number(n)),
                    (None, 1) => "annex".to_owned(),
                    (None, n) => format!("annex-{n}"),
                };
                self.sections.clear();
                self.reset_paragraphs(format!("{key}/"));
                self.in_annex = true;
                self.mode = Mode::Body;
                let label = key.replace('-', " ");
                let unit = self.push(UnitKind::Annex, key, None, label, String::new(), line);
                self.sections.push((0, unit));
                self.awaiting_title = Some(unit);
                self.fresh_section = None;
            }
            Heading::Letter(letter, title) => {
                let (key, scope_change) = if self.in_annex {
                    (format!("{}{letter}", self.annex_scope()), true)
                } else if self.kind == DocumentKind::Decision {
                    (letter.to_string(), true)
                } else {
                    let parent = self
                        .sections
                        .iter()
                        .rev()
                        .find(|(level, _)| *level == 1)
                        .map(|&(_, u)| self.out.units[u].key.clone());
                    (parent.map_or_else(|| format!("sec-{letter}"), |p| format!("{p}-{letter}")), false)
                };
                self.close_sections(2);
                if scope_change {
                    self.reset_paragraphs(format!("{key}/"));
                    self.mode = Mode::Body;
                }
                self.section(2, key, letter.to_string(), title, line);
            }
            Heading::Roman(n, title) => {
                let roman = crate::symbols::to_roman(n);
                self.close_sections(1);
                let key = format!("{}sec-{roman}", self.annex_scope());
                self.section(1, key, roman, title, line);
            }
            Heading::Plain(title) => {
                self.close_sections(1);
                let n = self.next_count("sec");
                let key = format!("{}sec-{n}", self.annex_scope());
                self.section(1, key, n.to_string(), title, line);
            }
            Heading::Guide(kind, n, title) => {
                let level = match kind {
                    "week" => 1,
                    "group" => 2,
                    _ => 3,
                };
                self.close_sections(level);
                let key = format!("{kind}-{n}");
                self.scope = format!("{key}/");
                self.section(level, key, n.to_string(), title, line);
            }
        }
        Ok(())
    }

    fn annex_scope(&self) -> String {
        if self.in_annex {
            let annex =
                self.sections.first().map(|&(_, u)| self.out.units[u].key.clone()).unwrap_or_else(|| "annex".into());
            format!("{annex}/")
        } else {
            String::new()
        }
    }

    fn section(&mut self, level: u8, key: String, number: String, title: String, line: &Line) {
        let label = number.clone();
        let unit = self.push(UnitKind::Section, key, Some(number), label, title.clone(), line);
        self.sections.push((level, unit));
        if title.is_empty() {
            self.awaiting_title = Some(unit);
        }
        self.fresh_section = Some(unit);
        self.last = None;
    }

    fn close_sections(&mut self, level: u8) {
        while self.sections.last().is_some_and(|&(l, _)| l >= level && l > 0) {
            self.sections.pop();
        }
    }

    fn reset_paragraphs(&mut self, scope: String) {
        self.scope = scope;
        self.paragraph = None;
        self.sub = None;
        self.last_number = 0;
        self.last = None;
    }

    fn preamble_line(&mut self, text: &str, line: &Line, blank_before: bool) -> Result<(), IngestError> {
        let continues = self.last.is_some_and(|u| {
            let t = &self.out.units[u].text;
            !blank_before && !terminated(t)
        });
        if continues {
            let unit = self.last.expect("checked");
            self.append(unit, text, line);
            return Ok(());
        }
        let n = self.next_count("pre");
        let key = format!("{}pre{n}", self.scope);
        let unit = self.push(UnitKind::Preambular, key, Some(n.to_string()), format!("pre{n}"), text.to_owned(), line);
        self.last = Some(unit);
        Ok(())
    }

    fn body_line(&mut self, text: &str, line: &Line, blank_before: bool) -> Result<(), IngestError> {
        if let Some((number, rest)) = paragraph_number(text) {
            return self.numbered(number, rest, line);
        }
        if let Some((marker, rest)) = sub_paragraph_marker(text)
            && self.paragraph.is_some()
        {
            return self.sub_paragraph(marker, rest, line);
        }
        match self.last {
            Some(unit) if self.continues(unit, blank_before) => self.append(unit, text, line),
            _ => self.text_unit(text, line),
        }
        Ok(())
    }

    /// A plain line continues the previous unit when it wraps (no blank line between), or
    /// after a page break when the unit stopped mid-sentence; unnumbered text only wraps.
    fn continues(&self, unit: usize, blank_before: bool) -> bool {
        let unit = &self.out.units[unit];
        match unit.kind {
            UnitKind::Text => !blank_before,
            _ => !blank_before || !terminated(&unit.text),
        }
    }

    fn text_unit(&mut self, text: &str, line: &Line) {
        let n = self.next_count("t");
        let key = format!("{}t{n}", self.scope);
        let unit = self.push(UnitKind::Text, key, None, format!("t{n}"), text.to_owned(), line);
        self.last = if self.in_annex { None } else { Some(unit) };
    }

    fn numbered(&mut self, number: u32, rest: &str, line: &Line) -> Result<(), IngestError> {
        if self.mode == Mode::Preamble {
            self.mode = Mode::Body;
        }
        if number == 1 && self.last_number > 1 && !self.in_annex && self.kind == DocumentKind::Note {
            self.implicit_annex(line)?;
        }
        if number != self.last_number + 1 {
            let message = if number <= self.last_number {
                format!(
                    "paragraph {number} follows paragraph {}: numbering goes back (merged or repeated paragraph?)",
                    self.last_number
                )
            } else {
                format!(
                    "paragraph {number} follows paragraph {}: paragraph {} is missing",
                    self.last_number,
                    self.last_number + 1
                )
            };
            return Err(self.error(line.number, message));
        }
        self.last_number = number;
        let kind = if self.kind == DocumentKind::Decision && !self.in_annex {
            UnitKind::Operative
        } else {
            UnitKind::Numbered
        };
        let key = format!("{}p{number}", self.scope);
        let unit = self.push(kind, key, Some(number.to_string()), number.to_string(), rest.to_owned(), line);
        self.paragraph = Some(unit);
        self.sub = None;
        self.last = Some(unit);
        self.fresh_section = None;
        Ok(())
    }

    /// A note whose paragraph numbering restarts after a heading: the heading was an annex
    /// whose "Annex" word extraction lost.
    fn implicit_annex(&mut self, line: &Line) -> Result<(), IngestError> {
        let Some(unit) = self.fresh_section.filter(|&u| self.out.units[u].kind == UnitKind::Section) else {
            return Err(self.error(
                line.number,
                format!(
                    "paragraph numbering restarts at 1 after paragraph {} without an annex heading",
                    self.last_number
                ),
            ));
        };
        self.annexes += 1;
        let key = if self.annexes == 1 { "annex".to_owned() } else { format!("annex-{}", self.annexes) };
        let annex = &mut self.out.units[unit];
        annex.kind = UnitKind::Annex;
        annex.key = key.clone();
        annex.label = "annex".into();
        annex.section = None;
        self.sections.clear();
        self.sections.push((0, unit));
        self.in_annex = true;
        self.reset_paragraphs(format!("{key}/"));
        Ok(())
    }

    fn sub_paragraph(&mut self, marker: SubMarker, rest: &str, line: &Line) -> Result<(), IngestError> {
        let paragraph = self.paragraph.expect("checked by caller");
        let last_letter = self.sub.map(|s| self.out.units[s].number.clone().unwrap_or_default());
        // (i) after (h) is the letter i; (i) after another letter opens a level below it.
        let follows_letter = |next: &str| {
            last_letter
                .as_deref()
                .is_some_and(|l| l.len() == 1 && next.len() == 1 && next.as_bytes()[0] == l.as_bytes()[0] + 1)
        };
        let as_letter = match marker.kind {
            MarkerKind::Letter => true,
            MarkerKind::Roman => follows_letter(&marker.latin),
            MarkerKind::Digit => false,
        };
        let parent = if as_letter { paragraph } else { self.sub.unwrap_or(paragraph) };
        let expected = self.expected_marker(parent, as_letter, marker.kind);
        if marker.latin != expected {
            let label = self.out.units[parent].label.clone();
            return Err(self.error(
                line.number,
                format!("sub-paragraph ({}) of paragraph {label} where ({expected}) was expected: a sub-paragraph is missing or repeated", marker.latin),
            ));
        }
        let parent_unit = &self.out.units[parent];
        let key = format!("{}-{}", parent_unit.key, marker.latin);
        let label = format!("{}({})", parent_unit.label, marker.latin);
        let unit = self.push(UnitKind::SubParagraph, key, Some(marker.latin.clone()), label, rest.to_owned(), line);
        self.out.units[unit].parent = Some(parent);
        if as_letter {
            self.sub = Some(unit);
        }
        self.last = Some(unit);
        Ok(())
    }

    fn children_of(&self, parent: usize) -> usize {
        self.out.units.iter().filter(|u| u.parent == Some(parent)).count()
    }

    /// The marker the next child of `parent` must have.
    fn expected_marker(&self, parent: usize, letter: bool, kind: MarkerKind) -> String {
        let n = self.children_of(parent);
        if letter {
            return char::from(b'a' + (n % 26) as u8).to_string();
        }
        match kind {
            MarkerKind::Digit => (n + 1).to_string(),
            _ => crate::symbols::to_roman(n as u32 + 1).to_lowercase(),
        }
    }

    fn guide_line(&mut self, text: &str, line: &Line, blank_before: bool) -> Result<(), IngestError> {
        if let Some((number, rest)) = paragraph_number(text) {
            let key = format!("{}q{number}", self.scope);
            let unit =
                self.push(UnitKind::Question, key, Some(number.to_string()), number.to_string(), rest.to_owned(), line);
            self.last = Some(unit);
            return Ok(());
        }
        match self.last {
            Some(unit)
                if !blank_before
                    && self.out.units[unit].kind == UnitKind::Question
                    && !terminated(&self.out.units[unit].text) =>
            {
                self.append(unit, text, line);
            }
            _ => {
                let n = self.next_count("t");
                let key = format!("{}t{n}", self.scope);
                let unit = self.push(UnitKind::Text, key, None, format!("t{n}"), text.to_owned(), line);
                self.last = Some(unit);
            }
        }
        Ok(())
    }

    fn start_table_if_needed(&mut self) {
        if self.table.is_empty() {
            self.table_scope = self.scope.clone();
            self.table_section = self.sections.last().map(|&(_, u)| u);
            self.awaiting_title = None;
            self.last = None;
        }
    }

    fn flush_table(&mut self) {
        if self.table.is_empty() {
            return;
        }
        let table = std::mem::take(&mut self.table);
        let section = self.table_section;
        let scope = self.table_scope.clone();
        let calls = table.header_calls.clone();
        for marker in calls {
            self.out.calls.push((marker, section));
        }
        let (_, items) = table.build();
        let mut group = section;
        for item in items {
            match item {
                TableItem::Group { text, span, calls } => {
                    let n = self.next_count(&format!("{scope}g"));
                    let mut heading = new_unit(
                        UnitKind::Section,
                        format!("{scope}g{n}"),
                        Some(n.to_string()),
                        format!("g{n}"),
                        text,
                        span,
                    );
                    heading.section = section;
                    let unit = self.add(heading);
                    self.record_calls(calls, unit);
                    group = Some(unit);
                }
                TableItem::Row { code, cells, span, calls } => {
                    let code = code.unwrap_or_else(|| format!("row{}", self.next_count(&format!("{scope}row"))));
                    let key = format!("{scope}act{code}");
                    let text =
                        cells.iter().map(|c| c.text.as_str()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" | ");
                    let mut row = new_unit(UnitKind::TableRow, key, Some(code.clone()), code, text, span);
                    row.section = group;
                    row.cells = cells;
                    let unit = self.add(row);
                    self.record_calls(calls, unit);
                }
            }
        }
        self.last = None;
    }

    fn footnote(&mut self, marker: String, text: String, line: u32) {
        let base = if marker == "*" { "fn-star".to_owned() } else { format!("fn{marker}") };
        let key = self.unique_key(base);
        self.out.footnotes.push(Footnote { marker, key, text, span: Span::line(line), references: Vec::new() });
        self.last_footnote = Some(self.out.footnotes.len() - 1);
    }

    fn next_count(&mut self, name: &str) -> u32 {
        let counter = self.counters.entry(format!("{}{name}", self.scope)).or_insert(0);
        *counter += 1;
        *counter
    }

    /// Keys are unique within a document: a repeated one (a code printed twice) gets `-2`.
    fn unique_key(&mut self, key: String) -> String {
        let seen = self.keys.entry(key.clone()).or_insert(0);
        *seen += 1;
        if *seen == 1 { key } else { format!("{key}-{seen}") }
    }

    fn append(&mut self, unit: usize, text: &str, line: &Line) {
        let u = &mut self.out.units[unit];
        if !u.text.is_empty() {
            u.text.push(' ');
        }
        u.text.push_str(text);
        u.span = u.span.join(Span::line(line.number));
        self.record_calls(line.calls.clone(), unit);
    }

    fn record_calls(&mut self, calls: Vec<String>, unit: usize) {
        self.out.calls.extend(calls.into_iter().map(|m| (m, Some(unit))));
    }

    /// Adds a unit read from `line`, in the innermost open section; footnote calls on the line
    /// are the unit's.
    fn push(
        &mut self,
        kind: UnitKind,
        key: String,
        number: Option<String>,
        label: String,
        text: String,
        line: &Line,
    ) -> usize {
        let mut unit = new_unit(kind, key, number, label, text, Span::line(line.number));
        unit.section = self.sections.last().map(|&(_, u)| u);
        let index = self.add(unit);
        self.record_calls(line.calls.clone(), index);
        index
    }

    /// Adds a unit, making its key unique within the document.
    fn add(&mut self, mut unit: Unit) -> usize {
        unit.key = self.unique_key(unit.key);
        self.out.units.push(unit);
        self.out.units.len() - 1
    }
}

/// A unit outside any section, with no parent, footnotes, references or cells yet.
fn new_unit(kind: UnitKind, key: String, number: Option<String>, label: String, text: String, span: Span) -> Unit {
    Unit {
        key,
        kind,
        number,
        label,
        text,
        span,
        parent: None,
        section: None,
        footnotes: Vec::new(),
        references: Vec::new(),
        cells: Vec::new(),
    }
}

fn annex_number(n: &str) -> String {
    match n {
        "الأول" => "I".into(),
        "الثاني" => "II".into(),
        "الثالث" => "III".into(),
        other => other.to_owned(),
    }
}
