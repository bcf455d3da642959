//! Applying rules to pages: records, parts, rows, spans.

use super::*;

#[test]
fn every_builtin_rule_file_loads_and_its_examples_pass() {
    let set = RuleSet::load(None, true).expect("built-in rules compile");
    let outcomes = set.test_examples();
    assert!(outcomes.len() >= 40, "only {} examples", outcomes.len());
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed)
        .map(|o| {
            format!(
                "{} ({})\n  input:    {:?}\n  expected: {:?}\n  got:      {:?}",
                o.rule, o.origin, o.input, o.expected, o.got
            )
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    // Every rule documents itself with at least one example.
    let with_examples: std::collections::HashSet<&str> =
        outcomes.iter().map(|o| o.rule.as_str()).collect();
    for r in set.list() {
        assert!(
            with_examples.contains(r.id.as_str()),
            "rule {} has no example",
            r.id
        );
    }
}

#[test]
fn a_peg_with_two_sheets_gives_two_objectives_each_with_its_phases() {
    let sheet = |code: &str, who: &str, start: &str| {
        format!(
            "PIANO ESECUTIVO DI GESTIONE\n\n{code} Obiettivo {code}\n\nDirezione CULTURA Direttore {who}\n\n GANTT\nFASI\nDescrizione Peso Inizio Previsto Fine Prevista Responsabile\n\nFase unica {start} 31/12/2022 {who}\n\nINDICATORI\nDescrizione Tipo Valore Atteso\nN. eventi RISULTATO >= 4\n"
        )
    };
    let text = sheet("2022_C01", "ROSSI MARIO", "01/02/2022")
        + &sheet("2022_C02", "BIANCHI ANNA", "01/03/2022");
    let pages = [Page {
        number: 1,
        text,
        ..Page::default()
    }];
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    assert_eq!(x.kind, "peg");
    let codes: Vec<_> = x
        .objectives
        .iter()
        .map(|o| o.objective_code.clone().unwrap())
        .collect();
    assert_eq!(codes, ["2022_C01", "2022_C02"]);
    assert_eq!(x.objectives[1].director.as_deref(), Some("BIANCHI ANNA"));
    assert_eq!(x.phases.len(), 2);
    assert_eq!(x.phases[1].objective_code.as_deref(), Some("2022_C02"));
    assert_eq!(x.phases[1].start_date, NaiveDate::from_ymd_opt(2022, 3, 1));
    assert_eq!(x.phases[1].responsible.as_deref(), Some("BIANCHI ANNA"));
    assert_eq!(x.indicators.len(), 2);
    assert_eq!(x.indicators[0].objective_code.as_deref(), Some("2022_C01"));
    // The same sheets without their headings (set aside as page headers)
    // are still cut at each objective's code.
    let bare = pages[0].text.replace("PIANO ESECUTIVO DI GESTIONE", "");
    let pages = [Page {
        number: 1,
        text: bare + "\npiano esecutivo di gestione",
        ..Page::default()
    }];
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    assert_eq!(x.objectives.len(), 2, "{:#?}", x.objectives);
    assert_eq!(x.phases[0].objective_code.as_deref(), Some("2022_C01"));
}

#[test]
fn the_lead_is_the_first_line_left_after_boilerplate_cut_at_a_word() {
    let long = "L'Ufficio di Piano è individuato, ai sensi dell'art. 18 della legge, come la struttura tecnico-amministrativa a cui è affidato il coordinamento degli interventi e l'istruttoria degli atti.";
    let text = format!(
        "Contenuto principale\n\nMessaggio di avviso\n\nQuesto sito usa cookie di analytics per raccogliere dati.\n\n{long}\n\nSecondo paragrafo."
    );
    let pages = [Page {
        number: 1,
        text,
        ..Page::default()
    }];
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    let lead = x.lead.expect("a lead");
    assert!(
        lead.starts_with("L'Ufficio di Piano è individuato"),
        "{lead}"
    );
    assert!(lead.chars().count() <= LEAD_CHARS, "{lead}");
    assert!(lead.ends_with('…'), "{lead}");
    // Cut after a whole word of the line.
    let kept = lead.trim_end_matches('…');
    assert!(long.starts_with(kept), "{lead}");
    assert!(long[kept.len()..].starts_with(' '), "{lead}");
    // A short line is the lead as it is.
    let pages = [Page {
        number: 1,
        text: "\n  Avviso   pubblico per il servizio\n".into(),
        ..Page::default()
    }];
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    assert_eq!(x.lead.as_deref(), Some("Avviso pubblico per il servizio"));
}

#[test]
fn a_roll_call_a_sitting_and_a_denied_executability_read_from_a_whole_act() {
    let roll = "NOMINATIVO              QUALIFICA        PRESENTE    ASSENTE\n\
                BRUNO ANNA              Sindaco              X\n\
                CARUSO PIETRO           Assessore                        X\n\
                DE LUCA SARA            Assessore            X\n\
                ESPOSITO LUIGI          Assessore                        X\n";
    let act = |stated: &str| {
        format!(
            "DELIBERAZIONE DELLA GIUNTA COMUNALE N. 7 DEL 02/02/2024\n\nOGGETTO: Prova\n\n\
             L'anno duemilaventiquattro, il giorno due del mese di febbraio, si è riunita la Giunta\n\
             Comunale in seduta straordinaria nelle persone dei signori:\n\n{roll}\n{stated}\n\n\
             DELIBERA\n\nLa presente deliberazione non viene dichiarata immediatamente eseguibile.\n"
        )
    };
    let read = |text: String| {
        let pages = [Page {
            number: 1,
            text,
            ..Page::default()
        }];
        let x = RuleSet::load(None, true).unwrap().apply(&pages);
        assert_eq!(x.kind, "deliberation");
        x.decisions[0].clone()
    };
    // The marks, counted by the column they stand in.
    let d = read(act(""));
    assert_eq!((d.present_count, d.absent_count), (Some(2), Some(2)));
    assert_eq!(d.immediately_executable, Some(false));
    assert_eq!(d.body.as_deref(), Some("Giunta Comunale"));
    // A count the act states wins over the marks.
    let d = read(act("Presenti n. 3 assenti n. 1"));
    assert_eq!((d.present_count, d.absent_count), (Some(3), Some(1)));
    // An organ named after "si è riunito" loses what is said of its sitting.
    let text = act("").replace(
        "DELIBERAZIONE DELLA GIUNTA COMUNALE N. 7 DEL 02/02/2024",
        "VERBALE N. 7",
    );
    let d = read(text);
    assert_eq!(d.body.as_deref(), Some("Giunta Comunale"));
}

#[test]
fn a_table_ends_where_another_begins_even_without_its_end_line() {
    let text = "PIANO ESECUTIVO DI GESTIONE\n2022_B01 Prova\n GANTT\nFASI\nDescrizione Peso Inizio Previsto Fine Prevista Responsabile\nUnica fase 01/01/2022 31/12/2022 ROSSI MARIO\nDescrizione Tipo Valore Atteso\nN. atti RISULTATO >= 5\n";
    let pages = [Page {
        number: 1,
        text: text.into(),
        ..Page::default()
    }];
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    assert_eq!(x.phases.len(), 1);
    assert_eq!(x.phases[0].responsible.as_deref(), Some("ROSSI MARIO"));
    assert_eq!(x.phases[0].responsibility_centre, None);
}

#[test]
fn word_offsets_that_disagree_with_the_text_do_not_panic() {
    use crate::read::Word;
    let text = "D.g.r. 29 dicembre 2011 - n. IX/2838     città è più\nOggetto: perché sì   ùà\nDescrizione Tipo Valore Atteso\nàà RISULTATO >=3\n".to_owned();
    let mut words = Vec::new();
    // Offsets landing inside multi-byte letters, past the end, and
    // texts longer than what the page holds.
    for (i, start) in [
        0usize,
        3,
        37,
        38,
        41,
        45,
        60,
        61,
        62,
        75,
        90,
        1000,
        usize::MAX,
    ]
    .into_iter()
    .enumerate()
    {
        words.push(Word {
            text: "àèìòù".repeat(i % 3 + 1),
            x: (i as f32) * 40.0,
            y: 10.0,
            width: 30.0,
            size: 8.0,
            line: (i % 4) as u32,
            start,
        });
    }
    let pages = [Page {
        number: 1,
        text,
        words,
        width: 500.0,
        height: 800.0,
        ..Page::default()
    }];
    let rules = RuleSet::load(None, true).unwrap();
    let x = rules.apply(&pages);
    for f in &x.fields {
        let sp = f.span.unwrap();
        assert!(sp.start <= sp.end, "{f:?}");
    }
}

#[test]
fn a_rules_folder_file_replaces_the_builtin_one_and_mistakes_stop_the_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("extra.toml"),
        "[[field]]\nid = \"x.bad\"\ndescription = \"d\"\ntarget = \"decision.body\"\nregex = \"[\"\n",
    )
    .unwrap();
    // A file named like a built-in one replaces it.
    let ok = tempfile::tempdir().unwrap();
    std::fs::write(
        ok.path().join("references.toml"),
        "[settings]\nregion = \"toscana\"\n",
    )
    .unwrap();
    let set = RuleSet::load(Some(ok.path()), true).unwrap();
    assert_eq!(set.compiled().settings.region.as_deref(), Some("toscana"));
    // ...with its table of named acts; the regions are the built-in
    // references_regions.toml's, a file of their own.
    let lex = set.compiled().lexicon();
    assert!(lex.table().named.is_empty() && lex.table().region.len() == 20);
    assert!(set.compiled().lexicon.is_some());
    // A setting in a file of another name keeps the built-in tables.
    let other = tempfile::tempdir().unwrap();
    std::fs::write(
        other.path().join("region.toml"),
        "[settings]\nregion = \"toscana\"\n",
    )
    .unwrap();
    let set = RuleSet::load(Some(other.path()), true).unwrap();
    assert_eq!(set.compiled().settings.region.as_deref(), Some("toscana"));
    let lex = set.compiled().lexicon();
    assert!(lex.table().named.len() >= 40 && lex.table().region.len() == 20);
    // ...and reads with the built-in lexicon, compiled on first use.
    assert!(set.compiled().lexicon.is_none());
    // A file that adds named acts makes a lexicon of its own, with both.
    std::fs::write(
        other.path().join("acts.toml"),
        "[[named]]\nid = \"acts.named.prova\"\ndescription = \"d\"\n\
         patterns = ['legge\\s+di\\s+prova']\n\
         act = { type = \"legge\", number = \"1\", date = \"2020-01-02\" }\n\
         examples = [{ input = \"art. 2 della legge di prova\", expected = \"legge 1/2020 art. 2\" }]\n",
    )
    .unwrap();
    let set = RuleSet::load(Some(other.path()), true).unwrap();
    let own = set
        .compiled()
        .lexicon
        .clone()
        .expect("a lexicon of its own");
    assert_eq!(own.table().named.len(), lex.table().named.len() + 1);
    assert!(set.list().iter().any(|r| r.id == "peg.objective.director"));
    let only = RuleSet::load(Some(ok.path()), false).unwrap();
    assert!(only.list().is_empty());
    let err = RuleSet::load(Some(dir.path()), true).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let msg = err.to_string();
    assert!(msg.contains("extra.toml:5:9: rule `x.bad`"), "{msg}");
}

#[test]
fn a_reference_over_a_page_break_is_read_whole_on_the_page_where_it_ends() {
    let pages = [
        Page {
            number: 1,
            text: "VISTA la direttiva con cui sono stati individuati gli obiettivi della \
                   società di cui all'articolo 8,"
                .into(),
            ..Page::default()
        },
        Page {
            number: 2,
            text: "comma 2, del decreto-legge 14 dicembre 2018, n. 135; visto il citato \
                   art. 8;"
                .into(),
            ..Page::default()
        },
    ];
    let x = RuleSet::load(None, true).unwrap().apply(&pages);
    let got: Vec<(String, u32, usize)> = x
        .references
        .iter()
        .map(|r| {
            let s = r.span.expect("a span");
            (r.brief(), s.page, s.start)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("decreto_legge 135/2018 art. 8 c. 2".to_string(), 2, 0),
            ("decreto_legge 135/2018 art. 8".to_string(), 2, 69),
        ]
    );
}

#[test]
fn the_act_rules_split_by_concept_are_replaced_file_by_file() {
    // The act's rules are files read in name order: the header
    // (deliberation.toml, deliberation_heading.toml), the office
    // (deliberation_office.toml), the subject (deliberation_subject.toml),
    // besides the minutes and the rarer registers. A folder file named like
    // one of them replaces that one only.
    let builtin = RuleSet::load(None, true).unwrap();
    let has = |set: &RuleSet, id: &str| set.list().iter().any(|r| r.id == id);
    for id in [
        "delib.header.act_heading",
        "delib.office.header_block",
        "delib.subject.oggetto",
    ] {
        assert!(has(&builtin, id), "{id} is built in");
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("deliberation_subject.toml"),
        "[[field]]\nid = \"my.subject\"\ndescription = \"d\"\nkinds = [\"act\"]\n\
         regex = '(?m)^Titolo: (?P<value>.+)$'\ntarget = \"decision.subject\"\n",
    )
    .unwrap();
    let set = RuleSet::load(Some(dir.path()), true).unwrap();
    assert!(!has(&set, "delib.subject.oggetto"));
    assert!(has(&set, "my.subject"));
    assert!(has(&set, "delib.header.act_heading") && has(&set, "delib.office.header_block"));
    let pages = [Page {
        number: 1,
        text: "SETTORE TECNICO\nDETERMINAZIONE N. 12 DEL 03/02/2024\nTitolo: asfalti\n\
               OGGETTO: Rifacimento delle strade\nIL DIRIGENTE\n"
            .into(),
        ..Page::default()
    }];
    let d = |set: &RuleSet| set.apply(&pages).decisions.first().cloned().unwrap();
    let (before, after) = (d(&builtin), d(&set));
    assert_eq!(before.subject.as_deref(), Some("Rifacimento delle strade"));
    assert_eq!(after.subject.as_deref(), Some("asfalti"));
    for x in [&before, &after] {
        assert_eq!(x.act_number.as_deref(), Some("12"));
        assert_eq!(x.office.as_deref(), Some("SETTORE TECNICO"));
    }
}
