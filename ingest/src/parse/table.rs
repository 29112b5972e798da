//! Annex tables flattened by extraction: tab-separated rows with the header repeated on every
//! page (sometimes mirrored, for right-to-left pages), rows split across pages, group headings
//! spanning the row ("Aichi Biodiversity Target 1"); or "vertical" tables where every cell is
//! its own tab-indented line.

use crate::model::{Cell, Span};
use crate::symbols::section_word_to_latin;
use regex::Regex;
use std::sync::LazyLock;

/// One line of a table as read, cells in the orientation of the first header.
#[derive(Debug, Clone)]
pub(crate) struct TableLine {
    /// Source line(s).
    pub span: Span,
    /// Cells.
    pub cells: Vec<String>,
    /// Footnotes called on the line.
    pub calls: Vec<String>,
    /// A heading spanning the whole row.
    pub group: bool,
}

/// Table lines collected until the table ends.
#[derive(Debug, Clone, Default)]
pub(crate) struct TableBuffer {
    /// Header cells in the orientation of their first appearance.
    pub header: Vec<String>,
    /// Footnotes called in the header rows.
    pub header_calls: Vec<String>,
    /// Lines after the header.
    pub lines: Vec<TableLine>,
    /// The current page's header is the mirror of the first.
    flipped: bool,
    /// Cells are lines of their own (a vertically flattened table).
    pub vertical: bool,
    /// Vertical tables: cells of the header collected so far are done.
    vertical_header_done: bool,
}

/// A row or group heading of a built table.
#[derive(Debug, Clone)]
pub(crate) enum TableItem {
    /// A heading spanning the row.
    Group {
        /// Heading text.
        text: String,
        /// Source lines.
        span: Span,
        /// Footnotes called.
        calls: Vec<String>,
    },
    /// A row.
    Row {
        /// Row code in latin script (`10`, `1-1-A`), if the row has one.
        code: Option<String>,
        /// Cells in reading order.
        cells: Vec<Cell>,
        /// Source lines.
        span: Span,
        /// Footnotes called.
        calls: Vec<String>,
    },
}

static ROW_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3})\s*[.\-](?:\s+|\s*\*)").expect("valid"));
static ROW_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}(?:\s*-\s*\d{1,2})*)\s*-\s*(ألف|باء|جيم|دال|هاء|هـ|واو|زاي|زي|حاء|طاء|ياء|[A-J])\s*[-.]")
        .expect("valid")
});

/// The code of a row from its identifying cell: `1. * إعداد` → `1`, `1-1- باء- …` → `1-1-B`.
fn row_code(cell: &str) -> Option<String> {
    if let Some(c) = ROW_CODE.captures(cell) {
        let digits: String = c[1].chars().filter(|c| !c.is_whitespace()).collect();
        let letter = section_word_to_latin(&c[2]).or_else(|| c[2].chars().next().filter(char::is_ascii_uppercase))?;
        return Some(format!("{digits}-{letter}"));
    }
    ROW_NUMBER.captures(cell).map(|c| c[1].to_owned())
}

impl TableBuffer {
    /// True when nothing was collected.
    pub fn is_empty(&self) -> bool {
        self.header.is_empty() && self.lines.is_empty()
    }

    /// Adds a tab-separated line: a header (first or repeated, maybe mirrored) or a data line.
    pub fn push_row(&mut self, number: u32, cells: Vec<String>, calls: Vec<String>) {
        if self.header.is_empty() {
            self.header = cells;
            self.header_calls.extend(calls);
            return;
        }
        let mut mirrored = cells.clone();
        mirrored.reverse();
        if same_header(&cells, &self.header) || same_header(&mirrored, &self.header) {
            self.flipped = !same_header(&cells, &self.header);
            self.header_calls.extend(calls);
            return;
        }
        let width = self.header.len();
        let non_empty: Vec<usize> = (0..cells.len()).filter(|&i| !cells[i].is_empty()).collect();
        // A heading spanning the row ("Aichi Biodiversity Target 1"); text spilled from a split
        // row starts with its outcome number ("2-1 …") instead.
        let group = cells.len() >= width && non_empty == [0] && !cells[0].starts_with(|c: char| c.is_ascii_digit());
        let mut cells = cells;
        cells.resize(width.max(cells.len()), String::new());
        cells.truncate(width);
        if self.flipped && !group {
            cells.reverse();
        }
        self.lines.push(TableLine { span: Span::line(number), cells, calls, group });
    }

    /// Adds a line of a vertical table: a tab-indented line is a new cell (a new row if it
    /// starts with a row number); another line continues the current cell.
    pub fn push_vertical(&mut self, number: u32, text: &str, tab: bool, calls: Vec<String>) {
        self.vertical = true;
        let starts_row = tab && ROW_NUMBER.is_match(text);
        if !self.vertical_header_done && !starts_row {
            match (tab, self.header.last_mut()) {
                (false, Some(last)) => append(last, text),
                _ => self.header.push(text.to_owned()),
            }
            self.header_calls.extend(calls);
            return;
        }
        self.vertical_header_done = true;
        if starts_row || self.lines.is_empty() {
            self.lines.push(TableLine { span: Span::line(number), cells: vec![text.to_owned()], calls, group: false });
            return;
        }
        let row = self.lines.last_mut().expect("a row exists");
        row.span = row.span.join(Span::line(number));
        row.calls.extend(calls);
        match (tab, row.cells.last_mut()) {
            (false, Some(cell)) => append(cell, text),
            _ => row.cells.push(text.to_owned()),
        }
    }

    /// Builds rows: finds the column holding row codes, merges page-split continuation lines
    /// into their row, and orders columns for reading (the code column first).
    pub fn build(self) -> (Vec<String>, Vec<TableItem>) {
        let width = self.header.len().max(self.lines.iter().map(|l| l.cells.len()).max().unwrap_or(0));
        let id_column = (0..width)
            .map(|c| {
                (
                    c,
                    self.lines
                        .iter()
                        .filter(|l| !l.group && l.cells.get(c).is_some_and(|s| row_code(s).is_some()))
                        .count(),
                )
            })
            .filter(|&(_, n)| n > 0)
            .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))
            .map(|(c, _)| c);
        let reverse = width > 1 && id_column == Some(width - 1);
        let order: Vec<usize> = if reverse { (0..width).rev().collect() } else { (0..width).collect() };
        let headers: Vec<String> = order.iter().map(|&c| self.header.get(c).cloned().unwrap_or_default()).collect();
        let mut items: Vec<TableItem> = Vec::new();
        for line in self.lines {
            if line.group {
                items.push(TableItem::Group { text: line.cells[0].clone(), span: line.span, calls: line.calls });
                continue;
            }
            let code = id_column.and_then(|c| line.cells.get(c)).and_then(|s| row_code(s));
            let cells: Vec<Cell> = order
                .iter()
                .enumerate()
                .map(|(i, &c)| Cell {
                    column: i as u32 + 1,
                    header: headers[i].clone(),
                    text: line.cells.get(c).cloned().unwrap_or_default(),
                })
                .collect();
            let continues = code.is_none() && id_column.is_some();
            match items.last_mut() {
                Some(TableItem::Row { cells: previous, span, calls, .. }) if continues => {
                    for (old, new) in previous.iter_mut().zip(&cells) {
                        append(&mut old.text, &new.text);
                    }
                    *span = span.join(line.span);
                    calls.extend(line.calls);
                }
                _ => items.push(TableItem::Row { code, cells, span: line.span, calls: line.calls }),
            }
        }
        (headers, items)
    }
}

fn append(cell: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(text);
}

/// Header rows repeat with small differences (footnote markers already removed, spacing).
fn same_header(a: &[String], b: &[String]) -> bool {
    let norm = |s: &String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| norm(x) == norm(y)) && a.iter().any(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(s: &str) -> Vec<String> {
        s.split('\t').map(str::to_owned).collect()
    }

    #[test]
    fn codes() {
        for (cell, code) in [
            ("1. * إعداد أدوات", Some("1")),
            ("42. تنظيم", Some("42")),
            ("1-  إعداد", Some("1")),
            ("1-1- باء- تيسير", Some("1-1-B")),
            ("2-1-2-هـ- مواصلة", Some("2-1-2-E")),
            ("1-2- دال. تحديد", Some("1-2-D")),
            ("3-2-زي- نشر", Some("3-2-G")),
            ("1-1 تطوير", None),
            ("2020-2017", None),
            ("نص", None),
        ] {
            assert_eq!(row_code(cell).as_deref(), code, "{cell}");
        }
    }

    #[test]
    fn mirrored_pages_and_continuations() {
        let mut table = TableBuffer::default();
        table.push_row(1, cells("partners\tyears\tactivity"), vec!["10".into()]);
        table.push_row(2, cells("UNDP\t2017\t1. * tools"), vec![]);
        table.push_row(3, cells("activity\tyears\tpartners"), vec![]);
        table.push_row(4, cells("2. help desk\t2018\tGEF"), vec![]);
        table.push_row(5, cells("Aichi Target 1\t\t"), vec![]);
        table.push_row(6, cells("3. portal\t\tand UNEP"), vec![]);
        table.push_row(7, cells("\t-2020\t"), vec![]);
        let (headers, items) = table.build();
        assert_eq!(headers, ["activity", "years", "partners"]);
        let rows: Vec<(Option<&str>, Vec<&str>)> = items
            .iter()
            .map(|item| match item {
                TableItem::Row { code, cells, .. } => {
                    (code.as_deref(), cells.iter().map(|c| c.text.as_str()).collect())
                }
                TableItem::Group { text, .. } => (None, vec![text.as_str()]),
            })
            .collect();
        assert_eq!(
            rows,
            [
                (Some("1"), vec!["1. * tools", "2017", "UNDP"]),
                (Some("2"), vec!["2. help desk", "2018", "GEF"]),
                (None, vec!["Aichi Target 1"]),
                (Some("3"), vec!["3. portal", "-2020", "and UNEP"]),
            ]
        );
    }

    #[test]
    fn vertical_tables() {
        let mut table = TableBuffer::default();
        for (n, text, tab) in [
            (1, "activity", true),
            (2, "decision", true),
            (3, "partners", true),
            (4, "1- tools", true),
            (5, "XII/2", true),
            (6, "SCBD", true),
            (7, "and BBI", false),
            (8, "2- desk", true),
            (9, "XI/2", true),
            (10, "GEF", true),
        ] {
            table.push_vertical(n, text, tab, vec![]);
        }
        let (headers, items) = table.build();
        assert_eq!(headers, ["activity", "decision", "partners"]);
        assert_eq!(items.len(), 2);
        let TableItem::Row { cells, span, .. } = &items[0] else { panic!("row expected") };
        assert_eq!(cells[2].text, "SCBD and BBI");
        assert_eq!(*span, Span { start: 4, end: 7 });
    }
}
