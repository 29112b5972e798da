//! Query answers as aligned text tables, for people at a terminal.

use cbdkg_graph::QueryAnswer;
use cbdkg_graph::model::Term;
use cbdkg_graph::model::vocab::xsd;
use cbdkg_ontologies::standard::{dcterms, prov, rdf, rdfs, skos};
use unicode_width::UnicodeWidthStr;

/// Widest a cell is shown; longer values are cut with `…`.
pub const MAX_CELL_WIDTH: usize = 80;

/// Renders solutions as a table, a boolean as `true`/`false`; graphs are not tables (`None`).
pub fn render(answer: &QueryAnswer) -> Option<String> {
    match answer {
        QueryAnswer::Boolean(value) => Some(format!("{value}\n")),
        QueryAnswer::Solutions { variables, rows, truncated } => {
            let header: Vec<String> = variables.iter().map(|v| v.to_string()).collect();
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|row| row.iter().map(|t| t.as_ref().map_or_else(String::new, |t| cut(&display(t)))).collect())
                .collect();
            let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
            for row in &cells {
                for (width, cell) in widths.iter_mut().zip(row) {
                    *width = (*width).max(cell.width());
                }
            }
            let mut out = String::new();
            push_row(&mut out, &header, &widths);
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            push_row(&mut out, &rule, &widths);
            for row in &cells {
                push_row(&mut out, row, &widths);
            }
            let plural = if rows.len() == 1 { "" } else { "s" };
            let cut_note = if *truncated { ", cut at the row cap" } else { "" };
            out.push_str(&format!("({} row{plural}{cut_note})\n", rows.len()));
            Some(out)
        }
        QueryAnswer::Graph { .. } => None,
    }
}

fn push_row(out: &mut String, cells: &[String], widths: &[usize]) {
    let padded: Vec<String> =
        cells.iter().zip(widths).map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.width()))).collect();
    out.push_str(padded.join("  ").trim_end());
    out.push('\n');
}

/// A term as people read it: prefixed names for known vocabularies, plain strings without
/// quotes, language tags after `@`, numbers bare.
pub fn display(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => compact(node.as_str()),
        Term::BlankNode(node) => node.to_string(),
        Term::Literal(literal) => {
            let value = literal.value().replace(['\n', '\r', '\t'], " ");
            if let Some(language) = literal.language() {
                format!("{value}@{language}")
            } else {
                let datatype = literal.datatype();
                if [xsd::STRING, xsd::INTEGER, xsd::DECIMAL, xsd::DOUBLE, xsd::BOOLEAN].contains(&datatype) {
                    value
                } else {
                    format!("\"{value}\"^^{}", compact(datatype.as_str()))
                }
            }
        }
        #[expect(unreachable_patterns, reason = "Term has more variants when RDF 1.2 is enabled")]
        other => other.to_string(),
    }
}

fn compact(iri: &str) -> String {
    let namespaces = [
        ("cbdkg:", cbdkg_ontologies::ONTOLOGY_NS),
        ("vocab:", cbdkg_ontologies::VOCAB_NS),
        ("rdf:", namespace(rdf::TYPE)),
        ("rdfs:", namespace(rdfs::LABEL)),
        ("xsd:", "http://www.w3.org/2001/XMLSchema#"),
        ("skos:", namespace(skos::CONCEPT)),
        ("dcterms:", namespace(dcterms::TITLE)),
        ("prov:", namespace(prov::ENTITY)),
        ("owl:", "http://www.w3.org/2002/07/owl#"),
    ];
    for (prefix, namespace) in namespaces {
        if let Some(local) = iri.strip_prefix(namespace)
            && !local.is_empty()
            && !local.contains(['/', '#'])
        {
            return format!("{prefix}{local}");
        }
    }
    format!("<{iri}>")
}

fn namespace(term: &str) -> &str {
    let end = term.rfind(['#', '/']).map_or(term.len(), |i| i + 1);
    &term[..end]
}

fn cut(text: &str) -> String {
    cut_to(text, MAX_CELL_WIDTH)
}

/// Renders search hits for a terminal: rank, document and paragraph, score, the start of the
/// text, and why it matched.
pub fn render_hits(response: &cbdkg_search::hybrid::SearchResponse) -> String {
    let mut out = String::new();
    if response.hits.is_empty() {
        out.push_str("no hits\n");
    }
    for (rank, hit) in response.hits.iter().enumerate() {
        let doc = hit.symbol.as_deref().unwrap_or_else(|| hit.doc.rsplit('/').next().unwrap_or(&hit.doc));
        out.push_str(&format!("{:>2}. {doc} ¶{}  [{:.4}]  {}\n", rank + 1, hit.paragraph, hit.score, hit.iri));
        let text: String = hit.text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("    {}\n", cut_to(&text, 160)));
        let why = &hit.why;
        let mut reasons = Vec::new();
        if why.exact_lookup {
            reasons.push("named in the query".to_owned());
        }
        if let Some(rank) = why.bm25_rank {
            reasons.push(format!("bm25 #{rank}"));
        }
        if let (Some(rank), Some(similarity)) = (why.vector_rank, why.similarity) {
            reasons.push(format!("vector #{rank} (cosine {similarity:.3})"));
        }
        if !why.matched_terms.is_empty() {
            reasons.push(format!("terms: {}", why.matched_terms.join(", ")));
        }
        out.push_str(&format!("    why: {}\n", reasons.join("; ")));
    }
    out.push_str(&format!(
        "({} hits, {} mode, {:.1} ms)\n",
        response.hits.len(),
        response.mode.as_str(),
        response.took_ms
    ));
    out
}

/// Renders an answer for a terminal: the answer, then each citation numbered as the answer
/// points to it, with its IRI, symbol and paragraph, and its quote in full.
pub fn render_answer(answer: &cbdkg_assistant::Answer) -> String {
    let mut out = format!("{}\n", answer.answer);
    if !answer.citations.is_empty() {
        out.push('\n');
    }
    for (n, citation) in answer.citations.iter().enumerate() {
        let place = match (&citation.symbol, citation.paragraph.as_str()) {
            (Some(symbol), "") => symbol.clone(),
            (Some(symbol), paragraph) => format!("{symbol} ¶{paragraph}"),
            (None, "") => String::new(),
            (None, paragraph) => format!("¶{paragraph}"),
        };
        out.push_str(&format!("[{}] {place}  {}\n", n + 1, citation.iri));
        let quote: String = citation.quote.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!("    “{quote}”\n"));
    }
    out
}

fn cut_to(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + 1 >= width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cbdkg_graph::model::{BlankNode, Literal, NamedNode, Variable};

    fn check(term: Term, expected: &str) {
        assert_eq!(display(&term), expected);
    }

    #[test]
    fn terms() {
        let iri = |s: &str| Term::from(NamedNode::new(s).unwrap());
        check(iri("https://cbdkg.example/ontology#Decision"), "cbdkg:Decision");
        check(iri("http://www.w3.org/2004/02/skos/core#prefLabel"), "skos:prefLabel");
        check(iri("https://cbdkg.example/id/decision/COP-13-23"), "<https://cbdkg.example/id/decision/COP-13-23>");
        check(Literal::from("plain\ntext").into(), "plain text");
        check(Literal::new_language_tagged_literal("المقرر", "ar").unwrap().into(), "المقرر@ar");
        check(Literal::from(42).into(), "42");
        check(Literal::new_typed_literal("2016-12-17", xsd::DATE).into(), "\"2016-12-17\"^^xsd:date");
        check(BlankNode::new("b0").unwrap().into(), "_:b0");
    }

    #[test]
    fn answers_list_their_citations() {
        let answer = cbdkg_assistant::Answer {
            answer: "Decision XIII/23, paragraph 15(g), requests the Executive Secretary to …: [1]".to_owned(),
            language: "en".to_owned(),
            kind: cbdkg_assistant::Kind::Fact,
            citations: vec![cbdkg_assistant::Citation {
                iri: "https://cbdkg.example/id/decision/COP-13-23/p15-g".to_owned(),
                symbol: Some("CBD/COP/DEC/XIII/23".to_owned()),
                paragraph: "15(g)".to_owned(),
                quote: "التكليف بإجراء تقييم\nمستقل".to_owned(),
            }],
            abstained: false,
        };
        assert_eq!(
            render_answer(&answer),
            "Decision XIII/23, paragraph 15(g), requests the Executive Secretary to …: [1]\n\n\
             [1] CBD/COP/DEC/XIII/23 ¶15(g)  https://cbdkg.example/id/decision/COP-13-23/p15-g\n    \
             “التكليف بإجراء تقييم مستقل”\n"
        );
    }

    #[test]
    fn tables_align_and_note_the_row_cap() {
        let answer = QueryAnswer::Solutions {
            variables: vec![Variable::new("doc").unwrap(), Variable::new("n").unwrap()],
            rows: vec![
                vec![Some(Literal::from("XIII/23").into()), Some(Literal::from(7).into())],
                vec![Some(Literal::from("CP-11/4").into()), None],
            ],
            truncated: true,
        };
        let expected = "?doc     ?n\n───────  ──\nXIII/23  7\nCP-11/4\n(2 rows, cut at the row cap)\n";
        assert_eq!(render(&answer).unwrap(), expected);
        assert_eq!(render(&QueryAnswer::Boolean(false)).unwrap(), "false\n");
        let long = "x".repeat(200);
        assert_eq!(cut(&long).chars().count(), MAX_CELL_WIDTH);
    }
}
