//! A correction survives re-ingest and re-applied rules and shows in show, export and the reports.

use super::*;

/// A rules folder whose `peg.toml` lowers the case of the typology (as
/// tests/reapply.rs does), so that an ingest applies changed rules to the
/// stored pages of every document.
fn changed_rules(p: &Project) -> &'static str {
    let peg = std::fs::read_to_string(root().join("rules/peg.toml")).unwrap();
    let old = "target = \"objective.typology\"\nexamples = [\n  { input = \"Servizio SEGRETARIO GENERALE Dirigente ASCIONE GIUSEPPE Tipologia SVILUPPO\", expected = \"SVILUPPO\" },";
    let new = "target = \"objective.typology\"\nnormalise = [\"lower\"]\nexamples = [\n  { input = \"Servizio SEGRETARIO GENERALE Dirigente ASCIONE GIUSEPPE Tipologia SVILUPPO\", expected = \"sviluppo\" },";
    assert!(
        peg.contains(old),
        "the typology rule of rules/peg.toml moved: update this test"
    );
    std::fs::create_dir_all(p.path("rules")).unwrap();
    std::fs::write(p.path("rules/peg.toml"), peg.replace(old, new)).unwrap();
    "rules"
}

#[test]
fn a_correction_survives_reingest_and_reapplied_rules_and_shows_everywhere() {
    let Some(p) = Project::new() else { return };
    let street = "archivio/firenze_dg-2025-00216_street-art-servizi-igienici.pdf";
    // The rules read 2017-08-11 (a date cited on page 12); the act says
    // "La seduta ha luogo il giorno 23/05/2025".
    p.run(
        &[
            "correct",
            street,
            "decision.decision_date",
            "23/05/2025",
            "--why",
            "data della seduta a p. 1",
            "--who",
            "Ufficio atti",
        ],
        0,
    );
    p.run(
        &[
            "correct",
            street,
            "decision.procedure",
            "contract",
            "--why",
            "procedura di affidamento dei servizi igienici",
            "--who",
            "Ufficio atti",
        ],
        0,
    );
    p.run(
        &[
            "correct",
            "archivio/peg_2021_Z001.pdf",
            "indicator.2.expected_raw",
            ">= 3",
            "--why",
            "target rivisto",
            "--who",
            "Controllo di gestione",
        ],
        0,
    );
    // The determination 182 is signed "f.to Arch. Giuseppe Canonico",
    // Responsabile del Servizio (p. 4); the rules read no responsible.
    let easter =
        "archivio/avella_Determinazione_182__5368_DeterminaaContrarre_Copia_182_2026_1.pdf";
    p.run(
        &[
            "correct",
            easter,
            "decision.responsible",
            "Giuseppe Canonico",
            "--why",
            "firma del Responsabile del Servizio a p. 4",
            "--who",
            "Ufficio atti",
        ],
        0,
    );
    // The Giunta of Florence notes in its premises that the street-art
    // service was awarded "all'Associazione Culturale Arteteca"; the rules
    // read parties from the dispositive only, so they miss it: the
    // correction adds it.
    for (field, value) in [
        ("party.1.role", "supplier"),
        ("party.1.name", "Associazione Culturale Arteteca"),
    ] {
        p.run(
            &[
                "correct",
                street,
                field,
                value,
                "--why",
                "affidataria del servizio, nelle premesse",
                "--who",
                "Ufficio atti",
            ],
            0,
        );
    }
    let pitti = "archivio/firenze_dg-2025-00001_pitti-uomo-dichiarazione-interesse.pdf";
    let file = std::fs::read_to_string(p.path("atti-corrections.toml")).unwrap();
    assert!(
        file.contains("field = \"decision.decision_date\"")
            && file.contains("extracted = \"2017-08-11\""),
        "{file}"
    );
    // A mistyped field is refused with the nearest name.
    let out = atti(
        p.tmp.path(),
        &[
            "correct",
            street,
            "decision.decison_date",
            "x",
            "--why",
            "w",
            "--index",
            "idx",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `decision_date`"));

    for round in 0..3 {
        match round {
            1 => p.ingest(&["--reextract"]),
            2 => {
                let rules = changed_rules(&p);
                p.ingest(&["--rules", rules]);
                let obj = export_jsonl(p.tmp.path(), Path::new("idx"), "objectives");
                assert_eq!(
                    obj[0]["typology"], "sviluppo",
                    "the changed rules were applied"
                );
            }
            _ => {}
        }
        // `atti run` (its own index of the same files) applies them too.
        let mut run = vec!["run", "archivio", "--out", "out"];
        if round == 2 {
            run.extend(["--rules", "rules"]);
        }
        atti_ok(p.tmp.path(), &run, 0);
        let table = cells(&std::fs::read_to_string(p.path("out/decisions.csv")).unwrap());
        let col = |n: &str| table[0].iter().position(|h| h == n).unwrap();
        let row = table
            .iter()
            .find(|r| r[col("source_file")] == street)
            .unwrap();
        assert_eq!(
            row[col("decision_date")],
            "2025-05-23",
            "run, round {round}"
        );
        assert_eq!(row[col("procedure")], "contract", "run, round {round}");
        let row = table
            .iter()
            .find(|r| r[col("source_file")] == easter)
            .unwrap();
        assert_eq!(
            row[col("responsible")],
            "Giuseppe Canonico",
            "run, round {round}"
        );
        let parties = cells(&std::fs::read_to_string(p.path("out/parties.csv")).unwrap());
        assert!(
            parties.iter().any(|r| r.contains(&street.to_owned())
                && r.contains(&"supplier".to_owned())
                && r.contains(&"Associazione Culturale Arteteca".to_owned())),
            "run, round {round}: {parties:?}"
        );
        // Read by the rules, not corrected: the applicant of the grant.
        assert!(
            parties.iter().any(|r| r.contains(&pitti.to_owned())
                && r.contains(&"beneficiary".to_owned())
                && r.contains(&"Fondazione Pitti Immagine Discovery".to_owned())),
            "run, round {round}: {parties:?}"
        );
        let show = p.run(&["show", street], 0);
        assert!(
            show.contains("2025-05-23  [corretto]") && show.contains("estratto: 2017-08-11"),
            "round {round}: {show}"
        );
        let dec = export_jsonl(p.tmp.path(), Path::new("idx"), "decisions");
        let row = dec.iter().find(|r| r["source_file"] == street).unwrap();
        assert_eq!(row["decision_date"], "2025-05-23", "round {round}");
        assert_eq!(row["procedure"], "contract", "round {round}");
        for t in [
            "art23-politici",
            "art37-contratti",
            "scheda-sintetica",
            "delibere-voti",
        ] {
            let r = p.report(t, &[]);
            let row = cells(&r).into_iter().find(|c| {
                c.iter()
                    .any(|x| x.contains("Street Art") || x.contains("STREET ART"))
            });
            let row = row.unwrap_or_else(|| {
                panic!("round {round}: {t} has no row of the corrected act:\n{r}")
            });
            assert!(
                row.iter()
                    .any(|c| c == "23/05/2025" || c == "23-05-2025" || c == "2025-05-23"),
                "{t}: {row:?}"
            );
            assert!(
                row.iter().any(|c| c.contains(
                    "decision.decision_date corretto in \"2025-05-23\" (estratto: \"2017-08-11\""
                )),
                "{t}: {row:?}"
            );
        }
        let dirigenti = cells(&p.report("art23-dirigenti", &[]));
        let row = dirigenti
            .iter()
            .find(|r| r.iter().any(|c| c.starts_with("FORNITURA UOVA DI PASQUA")))
            .unwrap_or_else(|| panic!("round {round}: art23-dirigenti: {dirigenti:?}"));
        assert!(
            row.contains(&"Giuseppe Canonico".to_owned())
                && row.iter().any(|c| c.contains(
                    "decision.responsible corretto in \"Giuseppe Canonico\" (estratto: \"nessuno\""
                )),
            "art23-dirigenti: {row:?}"
        );
        let grants = cells(&p.report("art26-27-sovvenzioni", &[]));
        let row = grants
            .iter()
            .find(|r| r[0] == "Fondazione Pitti Immagine Discovery")
            .unwrap_or_else(|| panic!("round {round}: art26-27-sovvenzioni: {grants:?}"));
        assert!(
            !row.iter().any(|c| c.contains("corretto")),
            "art26-27-sovvenzioni, read by the rules: {row:?}"
        );
        let contracts = cells(&p.report("art37-contratti", &[]));
        // Found by its party: the act has no CIG of its own (B35ADE4C5C,
        // printed in its premises, is the earlier award's, DD 8412/2024).
        let row = contracts
            .iter()
            .find(|r| r.iter().any(|c| c == "Associazione Culturale Arteteca"))
            .unwrap_or_else(|| panic!("round {round}: art37-contratti: {contracts:?}"));
        assert!(
            row.contains(&"Associazione Culturale Arteteca".to_owned())
                && row.iter().any(|c| c.contains(
                    "party.1.name corretto in \"Associazione Culturale Arteteca\" (estratto: \"nessuno\""
                )),
            "art37-contratti: {row:?}"
        );
        let peg = p.report("peg-monitoraggio", &[]);
        assert!(
            peg.contains(">= 3") && peg.contains("indicator.2.expected_raw corretto"),
            "{peg}"
        );
    }
    // The corrections stand; `atti corrections` lists them with the values
    // the rules read now.
    let list = p.run(&["corrections"], 0);
    assert!(list.contains("6 correzioni"), "{list}");
    assert!(
        list.contains("estratto ora: \"2017-08-11\"") && list.contains("stato: in vigore"),
        "{list}"
    );
    // A correction whose extracted value changed since is flagged.
    let edited = file.replace("extracted = \"2017-08-11\"", "extracted = \"2017-08-12\"");
    std::fs::write(p.path("atti-corrections.toml"), edited).unwrap();
    let list = p.run(&["corrections"], 0);
    assert!(
        list.contains("valore estratto cambiato dopo la correzione")
            && list.contains("1 con un valore estratto cambiato"),
        "{list}"
    );
}
