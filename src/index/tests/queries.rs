//! Known items, fields, operators, filters and passages, as people type them.

use super::*;

#[test]
fn known_items_come_first_as_people_type_them() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let peg = "samples/peg_2021_Z001.txt";
    let ambito = "samples/ambito_corsichese_ufficio_di_piano.txt";
    let giunta = "atti/giunta_42_2022.txt";
    let consiglio = "atti/consiglio_7_2023.txt";
    for (query, expected) in [
        // Lower case, no accents, another inflection.
        ("citta metropolitana", peg),
        ("grande firenze", peg),
        ("associazioni intercomunali", peg),
        ("convenzioni segreteria", giunta),
        ("convenzione", giunta),
        ("delibera giunta", giunta),
        ("delibere consiglio rendiconto", consiglio),
        ("ufficio di piano", ambito),
        ("assemblea sindaci corsichese", ambito),
        ("programmazione zonale", ambito),
        // A code pasted as it is, one found only in the text, a surname.
        ("2021_Z001", peg),
        ("2021_IND_STRATEG_13", peg),
        ("2021_Z002", "peg/peg_2021_Z002.txt"),
        ("ascione", peg),
        ("Rossi", giunta),
        ("verdi", consiglio),
        // Elision in the query.
        ("dell'ente convenzione", giunta),
        // Pasted with a label.
        ("Oggetto: rendiconto", consiglio),
    ] {
        assert_eq!(first(&index, query), expected, "query `{query}`");
    }
}

#[test]
fn fields_phrases_and_operators() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let files = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = find(&index, q).into_iter().map(|h| h.source_file).collect();
        v.sort();
        v
    };
    assert_eq!(files("director:ascione"), vec!["samples/peg_2021_Z001.txt"]);
    assert_eq!(
        files("direttore:ASCIONE"),
        vec!["samples/peg_2021_Z001.txt"]
    );
    // The sheet that is 2021_Z001 first, then the one that cites it.
    let cited: Vec<String> = find(&index, "code:2021_Z001")
        .into_iter()
        .map(|h| h.source_file)
        .collect();
    assert_eq!(
        cited,
        vec!["samples/peg_2021_Z001.txt", "peg/peg_2021_Z002.txt"]
    );
    assert_eq!(
        files("code:3/2008"),
        vec!["samples/ambito_corsichese_ufficio_di_piano.txt"]
    );
    assert_eq!(files("codice:42/2022"), vec!["atti/giunta_42_2022.txt"]);
    assert_eq!(
        files("signatory:bianchi"),
        vec!["atti/consiglio_7_2023.txt", "atti/giunta_42_2022.txt"]
    );
    assert_eq!(
        files("responsabile:giuseppe"),
        vec!["samples/peg_2021_Z001.txt"]
    );
    assert_eq!(files("organo:giunta"), vec!["atti/giunta_42_2022.txt"]);
    assert_eq!(
        files("person:neri OR person:verdi"),
        vec!["atti/consiglio_7_2023.txt", "peg/peg_2021_Z002.txt"]
    );
    // A phrase: "Piano di Zona" is in the Ambito page only; "piano" alone is
    // also in the PEG sheets ("Piano Esecutivo").
    assert_eq!(
        files("\"piano di zona\""),
        vec!["samples/ambito_corsichese_ufficio_di_piano.txt"]
    );
    assert!(files("piano").len() >= 3);
    // NOT: the convenzione acts that are not of the Giunta.
    let not_giunta = files("convenzione NOT giunta");
    assert!(!not_giunta.contains(&"atti/giunta_42_2022.txt".to_string()));
    assert!(not_giunta.contains(&"samples/peg_2021_Z001.txt".to_string()));
    // Exclusions alone: every document but those.
    assert_eq!(files("NOT convenzione").len(), 2);
    assert_eq!(
        files("-convenzione -rendiconto"),
        vec!["samples/ambito_corsichese_ufficio_di_piano.txt"]
    );
    assert_eq!(
        files("rendiconto OR programmazione"),
        vec![
            "atti/consiglio_7_2023.txt",
            "samples/ambito_corsichese_ufficio_di_piano.txt"
        ]
    );
    assert_eq!(
        files("kind:peg AND ascione"),
        vec!["samples/peg_2021_Z001.txt"]
    );
    assert_eq!(files("anno:2023"), vec!["atti/consiglio_7_2023.txt"]);
    assert_eq!(files("data:17/03/2022"), vec!["atti/giunta_42_2022.txt"]);
    assert_eq!(files("file:consiglio"), vec!["atti/consiglio_7_2023.txt"]);
    assert_eq!(
        files("titolo:rendiconto"),
        vec!["atti/consiglio_7_2023.txt"]
    );
    assert_eq!(
        files("year:[2022 TO 2023] comunale"),
        vec!["atti/consiglio_7_2023.txt", "atti/giunta_42_2022.txt"]
    );
    // Meaningful short words are searchable: "non" is only in the Consiglio act.
    assert_eq!(files("\"non approva\""), vec!["atti/consiglio_7_2023.txt"]);
}

#[test]
fn all_words_first_then_any_word() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    // No document has both words: any-word results instead of nothing.
    let hits = find(&index, "rendiconto corsichese");
    let files: Vec<&str> = hits.iter().map(|h| h.source_file.as_str()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    // Both words present: only the documents that have both.
    assert_eq!(find(&index, "convenzione segreteria").len(), 1);
}

#[test]
fn filters_restrict_without_reordering() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let kinds = |q: &str, req: Request| -> Vec<String> {
        let mut v: Vec<String> = find_with(&index, q, req)
            .into_iter()
            .map(|h| h.source_file)
            .collect();
        v.sort();
        v
    };
    let peg_only = Request {
        kind: Some("peg".into()),
        ..Request::default()
    };
    assert_eq!(
        kinds("convenzione", peg_only),
        vec!["peg/peg_2021_Z002.txt", "samples/peg_2021_Z001.txt"]
    );
    let delibere = Request {
        kind: Some("delibera".into()),
        year: Some(2023),
        ..Request::default()
    };
    assert_eq!(
        kinds("comunale", delibere),
        vec!["atti/consiglio_7_2023.txt"]
    );
    let dated = |from: &str, to: &str| Request {
        from: Some(from.parse().unwrap()),
        to: Some(to.parse().unwrap()),
        ..Request::default()
    };
    assert_eq!(
        kinds("segretario", dated("2022-03-17", "2022-03-17")),
        vec!["atti/giunta_42_2022.txt"]
    );
    assert_eq!(
        kinds("segretario", dated("2022-03-18", "2023-12-31")),
        vec!["atti/consiglio_7_2023.txt"]
    );
    let from_only = Request {
        from: Some("2023-01-01".parse().unwrap()),
        ..Request::default()
    };
    assert_eq!(
        kinds("comunale", from_only),
        vec!["atti/consiglio_7_2023.txt"]
    );
    let limited = Request {
        limit: 1,
        ..Request::default()
    };
    assert_eq!(find_with(&index, "convenzione", limited).len(), 1);
}

#[test]
fn hits_carry_passage_with_marked_words() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let hits = find(&index, "citta metropolitana");
    let h = &hits[0];
    assert_eq!(h.rank, 1);
    assert_eq!(h.kind, "peg");
    assert_eq!(h.year, Some(2021));
    assert_eq!(
        h.title.as_deref(),
        Some("Progetto Grande Firenze, associazione intercomunale")
    );
    assert!(
        h.snippet.contains("[[Città]] [[Metropolitana]]")
            || h.snippet.contains("[[Città]] [[metropolitana]]"),
        "{}",
        h.snippet
    );
    assert!(!h.snippet.contains('\n'));
    // The JSON contract of `--json`.
    let json: serde_json::Value = serde_json::to_value(h).unwrap();
    for key in [
        "rank",
        "score",
        "doc_id",
        "source_file",
        "kind",
        "year",
        "title",
        "snippet",
    ] {
        assert!(json.get(key).is_some(), "missing {key} in {json}");
    }
    assert!(json.get("passage").is_none());
    // Plain markers, not HTML: & < > stay as written.
    let h = &find(&index, "unanimi")[0];
    assert!(h.snippet.contains("[[unanimi]]"), "{}", h.snippet);
    assert!(
        h.snippet
            .contains("convenzione & i suoi allegati <A> e <B>"),
        "{}",
        h.snippet
    );
    // A field query marks the name in the body too.
    let h = &find(&index, "director:ascione")[0];
    assert!(h.snippet.contains("[[ASCIONE]]"), "{}", h.snippet);
}

#[test]
fn words_standing_together_rank_first() {
    // Both pages have "ufficio" and "piano"; only one names the
    // "Ufficio di Piano", in a longer text and without the words in its title.
    let mut scattered = base(
        "atti/scattered.txt",
        "other",
        "PIANO TRIENNALE\nGli uffici comunali hanno predisposto il piano delle opere.",
    );
    scattered.title = Some("Piano triennale delle opere".into());
    let mut named = ambito_seed();
    named.title = Some("Contenuto principale".into());
    let mut docs = corpus();
    docs.retain(|d| !d.source_file.contains("ambito"));
    docs.push(scattered);
    docs.push(named);
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &docs);
    assert_eq!(
        first(&index, "ufficio di piano"),
        "samples/ambito_corsichese_ufficio_di_piano.txt"
    );
}

#[test]
fn a_pasted_code_marks_the_code_not_the_dates() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    let h = &find(&index, "2021_Z001")[0];
    assert!(h.snippet.contains("[[2021]]_[[Z001]]"), "{}", h.snippet);
}

#[test]
fn known_items_in_real_acts() {
    let Some(real) = atti_dev::shared::path("corpus/real-it", "known_items_in_real_acts") else {
        return;
    };
    let mut docs = corpus();
    let mut names: Vec<_> = std::fs::read_dir(&real)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in &names {
        let text = std::fs::read_to_string(p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy();
        let mut d = base(&format!("real-it/{name}"), "other", &text);
        // As the pipeline does without rules: the first line as the title.
        d.title = text
            .lines()
            .map(str::trim)
            .find(|l| l.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .map(|l| l.chars().take(160).collect());
        docs.push(d);
    }
    let index = build(tempfile::tempdir().unwrap().path(), &docs);
    let dgc = "real-it/avella_TXT_DGC37_2026.txt";
    let det = "real-it/avella_TXT_Det140_2026.txt";
    let plan = "real-it/avella_TXT_Piano_performance_2026.txt";
    for (query, expected) in [
        // A surname, lower case.
        ("segretario urciuoli", dgc),
        ("giunta vicesindaco alaia", dgc),
        // Without the accent of "disabilità".
        ("castello avella disabilita", det),
        ("barriere architettoniche", det),
        // A CIG pasted as it is.
        ("BA3E73AB05", det),
        ("servizi demografici", plan),
    ] {
        assert_eq!(first(&index, query), expected, "query `{query}`");
    }
    // The empty file is a document with no words, found by nothing.
    assert!(find(&index, "parere revisore")
        .iter()
        .all(|h| !h.source_file.contains("EMPTY")));
}

#[test]
fn anything_pasted_is_answered_or_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &corpus());
    for q in [
        "(",
        ")",
        "\"",
        "AND",
        "OR OR",
        "-",
        "+",
        ":",
        "title:",
        "^2",
        "~",
        "a:b:c",
        "[",
        "{",
        "}",
        "\\",
        "'",
        "’",
        "«",
        "»",
        "città)",
        "(giunta",
        "\"piano di",
        "year:abc",
        "year:[2020 TO",
        "data:ieri",
        "kind:",
        "code:",
        "-(",
        "NOT",
        "giunta AND",
        "OR giunta",
        "art. 30, comma 1, lett. a)",
        "n. 267/2000;",
        "D.Lgs. 18/08/2000 n° 267",
        "€ 1.500,00",
        "50%",
        "e-mail: protocollo@comune.it",
        "https://www.comune.it/atti?id=1&x=2",
        "🙂",
        "*",
        "**",
        "giunta*",
        "?",
        "!",
        "&&",
        "||",
        "<b>",
        "di",
        "di la il",
    ] {
        let req = Request {
            query: q.into(),
            limit: 5,
            ..Request::default()
        };
        match search(&index, &req) {
            Ok(_) => {}
            Err(Error::Query(msg)) => assert!(!msg.is_empty()),
            Err(e) => panic!("`{q}`: {e}"),
        }
    }
    // What can be read in a pasted reference still finds the act.
    assert_eq!(
        first(&index, "art. 30 del D.Lgs. 18 agosto 2000, n. 267"),
        "atti/giunta_42_2022.txt"
    );
}

/// The line: after `Sant'Agata`, phrases of the rest of the line are
/// found (positions drifted after a split word and never came back).
#[test]
fn phrases_after_a_split_word_are_found() {
    let text = "Il consiglio comunale di Sant'Agata approva il piano, immediatamente eseguibile, con voti unanimi.\nMonte Sant’Angelo, vent'anni dopo, nient'altro da aggiungere.";
    let d = base("santagata.txt", "deliberation", text);
    let dir = tempfile::tempdir().unwrap();
    let index = build(dir.path(), &[d, peg_seed()]);
    for phrase in [
        "\"consiglio comunale\"",
        "\"immediatamente eseguibile\"",
        "\"voti unanimi\"",
        "\"Sant'Agata approva\"",
        "\"nient'altro da aggiungere\"",
        "\"anni dopo\"",
    ] {
        let hits = find(&index, phrase);
        assert_eq!(
            hits.first().map(|h| h.source_file.as_str()),
            Some("santagata.txt"),
            "{phrase}"
        );
    }
}
