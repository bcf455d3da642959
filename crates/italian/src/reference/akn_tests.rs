//! Scores [`find_references`] against the 404 references that Normattiva
//! marked up in its Akoma Ntoso text of the CAD (D.Lgs. 82/2005).
//!
//! The XML is reduced to plain text (inline tags such as `<ref>` and `<ins>`
//! dropped, block tags become line breaks), remembering where each
//! `<ref href="/akn/it/act/{type}/{issuer}/{date}/{number}/!main#art_..">`
//! starts and ends. `find_references` then runs over the whole plain text, and
//! a found reference matches a gold one when their spans overlap and they
//! agree on act type, number and year, and on the article where the gold has
//! one. Recall: gold references matched. Precision: found references (with an
//! act type) that match the gold reference they overlap, among those that
//! overlap one; found references outside every gold span are listed and
//! counted apart (Normattiva does not mark every citation, e.g. the CAD's
//! references to itself).
//!
//! The file lives in the shared corpus (see `atti_dev::shared`). When it is
//! absent the test says so and passes.

use super::*;

const FILE: &str = "corpus/real-it/normattiva_akn_dlgs82-2005_CAD_vig20250130.xml";

#[derive(Debug)]
struct Gold {
    range: Range<usize>,
    href: String,
    act_type: String,
    number: String,
    year: i32,
    article: Option<String>,
    paragraph: Option<String>,
    letter: Option<String>,
}

/// Plain text of the document after `</meta>`, and the gold references in it.
fn plain_text(xml: &str) -> (String, Vec<Gold>) {
    let body = xml.find("</meta>").map_or(xml, |i| &xml[i..]);
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let gt = lt + rest[lt..].find('>').expect("tag closes");
        let tag = &rest[lt + 1..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        match name.as_str() {
            "ref" if !tag.starts_with('/') => {
                let href = tag
                    .split("href=\"")
                    .nth(1)
                    .and_then(|h| h.split('"').next())
                    .unwrap_or("");
                open = Some((text.len(), href.to_string()));
            }
            "ref" => {
                let (start, href) = open.take().expect("ref opened");
                if let Some(g) = parse_href(&href, start..text.len()) {
                    gold.push(g);
                }
            }
            "ins" | "del" | "i" | "b" | "u" | "sup" | "sub" | "span" | "eventRef" => {}
            _ => text.push('\n'),
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(rest);
    (text, gold)
}

fn parse_href(href: &str, range: Range<usize>) -> Option<Gold> {
    let (path, part) = href.split_once('#').unwrap_or((href, ""));
    let segs: Vec<&str> = path.trim_start_matches("/akn/it/act/").split('/').collect();
    let act_type = match segs.first()? {
        &"legge" => "legge",
        &"decretoLegislativo" => "decreto_legislativo",
        &"decretoLegge" => "decreto_legge",
        &"decretoDelPresidenteDellaRepubblica" => "dpr",
        &"costituzione" => "costituzione",
        &"direttivaUe" => "direttiva_ue",
        &"regolamento" => "regolamento_ue",
        &"codice.civile" => "regio_decreto",
        &"regio.decreto" => "regio_decreto",
        other => other,
    }
    .to_string();
    let year: i32 = segs.get(2)?.get(..4)?.parse().ok()?;
    let number = segs.get(3)?.to_string();
    let (mut article, mut paragraph, mut letter) = (None, None, None);
    for p in part
        .trim_start_matches("art_")
        .split('-')
        .filter(|p| !p.is_empty())
    {
        if let Some(c) = p.strip_prefix("com") {
            paragraph = Some(c.to_string());
        } else if let Some(l) = p.strip_prefix("let") {
            letter = Some(l.to_string());
        } else if p.starts_with(|c: char| c.is_ascii_digit()) && article.is_none() {
            article = Some(p.to_string());
        }
    }
    Some(Gold {
        range,
        href: href.to_string(),
        act_type,
        number,
        year,
        article,
        paragraph,
        letter,
    })
}

fn flat(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|x| x.replace('-', ""))
}

fn same_act(r: &Reference, g: &Gold) -> bool {
    let ty = r.act_type.as_deref().unwrap_or("");
    // A testo unico is a D.Lgs. or a D.P.R. in the gold; number and year decide.
    let type_ok = ty == g.act_type
        || (ty == "testo_unico" && matches!(g.act_type.as_str(), "decreto_legislativo" | "dpr"));
    let number_ok = g.act_type == "costituzione" || r.number.as_deref() == Some(g.number.as_str());
    type_ok && number_ok && r.year == Some(g.year)
}

fn matches(r: &Reference, g: &Gold) -> bool {
    same_act(r, g) && (g.article.is_none() || flat(&r.article) == g.article)
}

fn matches_exactly(r: &Reference, g: &Gold) -> bool {
    matches(r, g) && flat(&r.paragraph) == g.paragraph && flat(&r.letter) == g.letter
}

#[test]
fn akn_cad_precision_recall() {
    let Some(path) = atti_dev::shared::path(FILE, "akn_cad_precision_recall") else {
        return;
    };
    let xml = std::fs::read_to_string(&path).expect("the CAD's Akoma Ntoso text");
    let (text, gold) = plain_text(&xml);
    assert_eq!(gold.len(), 404, "gold references read from the file");
    let found: Vec<(Range<usize>, Reference)> = find_references(&text, &RefSettings::default())
        .into_iter()
        .filter(|(_, r)| r.act_type.is_some())
        .collect();
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;

    let mut recalled = 0;
    let mut recalled_exact = 0;
    for g in &gold {
        let cands: Vec<_> = found
            .iter()
            .filter(|(r, _)| overlaps(r, &g.range))
            .collect();
        if cands.iter().any(|(_, r)| matches(r, g)) {
            recalled += 1;
            if cands.iter().any(|(_, r)| matches_exactly(r, g)) {
                recalled_exact += 1;
            } else {
                eprintln!(
                    "INEXACT {:?} {} -> {:?}",
                    &text[g.range.clone()],
                    g.href,
                    cands
                        .iter()
                        .map(|(_, x)| (x.article.clone(), x.paragraph.clone(), x.letter.clone()))
                        .collect::<Vec<_>>()
                );
            }
        } else {
            eprintln!(
                "MISSED {:?} {} -> {:?}",
                &text[g.range.clone()],
                g.href,
                cands
                    .iter()
                    .map(|(r, x)| (
                        &text[r.clone()],
                        x.act_type.clone(),
                        x.number.clone(),
                        x.year,
                        x.article.clone()
                    ))
                    .collect::<Vec<_>>()
            );
        }
    }
    let (mut judged, mut correct, mut outside) = (0, 0, 0);
    for (range, r) in &found {
        let gs: Vec<&Gold> = gold.iter().filter(|g| overlaps(range, &g.range)).collect();
        if gs.is_empty() {
            outside += 1;
            eprintln!(
                "UNMARKED {:?} {:?} {:?} {:?} art {:?}",
                &text[range.clone()],
                r.act_type,
                r.number,
                r.year,
                r.article
            );
            continue;
        }
        judged += 1;
        if gs.iter().any(|g| matches(r, g)) {
            correct += 1;
        } else {
            eprintln!(
                "WRONG {:?} {:?} {:?} {:?} art {:?} vs {:?}",
                &text[range.clone()],
                r.act_type,
                r.number,
                r.year,
                r.article,
                gs.iter().map(|g| &g.href).collect::<Vec<_>>()
            );
        }
    }
    let recall = recalled as f64 / gold.len() as f64;
    let precision = correct as f64 / judged.max(1) as f64;
    let strict = correct as f64 / (judged + outside).max(1) as f64;
    println!(
        "AKN CAD: gold {}, found {} with an act ({} overlapping gold, {} outside every gold span)",
        gold.len(),
        found.len(),
        judged,
        outside
    );
    println!("recall {recall:.4} ({recalled}/{})", gold.len());
    println!(
        "recall with paragraph and letter exact {:.4} ({recalled_exact}/{})",
        recalled_exact as f64 / gold.len() as f64,
        gold.len()
    );
    println!("precision {precision:.4} ({correct}/{judged})");
    println!(
        "precision counting every unmarked reference as wrong {strict:.4} ({correct}/{})",
        judged + outside
    );
    assert!(recall >= 0.95, "recall {recall:.4}");
    assert!(precision >= 0.95, "precision {precision:.4}");
}
