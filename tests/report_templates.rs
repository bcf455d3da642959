//! Report templates, the project configuration and corrections (issue 25):
//! every shipped template over a fixed set of real acts of train bodies
//! (gold/split.toml), checked cell by cell against its golden output; the
//! workbooks' cell types; a correction that survives re-ingest and
//! re-applied rules and shows in show, export and the reports; every kind
//! of template mistake is exit 2 with the file, the line and the choices.

use std::path::{Path, PathBuf};

use crate::common::*;

/// Real acts of train bodies: Giunta and Consiglio deliberations with
/// votes, determinations (commitment, payment, contract) of a town, a
/// city's determination and deliberations, a company's contract acts, and
/// the PEG sheet and Giunta deliberation of samples/.
const ACTS: &[&str] = &[
    "real-it/avella_Delibera_30__5312_DeliberadiGiunta_Copia_30_2026_1.pdf",
    "real-it/avella_Delibera_1__5331_DeliberadiConsiglio_Copia_1_2026_1.pdf",
    "real-it/avella_Determinazione_140__5290_DeterminadiImpegno_Copia_140_2026_1.pdf",
    "real-it/avella_Determinazione_141__5299_DeterminadiLiquidazione_Copia_141_2026_1.pdf",
    "real-it/avella_Determinazione_182__5368_DeterminaaContrarre_Copia_182_2026_1.pdf",
    "real-it3/firenze_dd-2025-07091_buono-sport-esiti.pdf",
    "real-it3/firenze_dg-2025-00001_pitti-uomo-dichiarazione-interesse.pdf",
    "real-it3/firenze_dg-2025-00216_street-art-servizi-igienici.pdf",
    "real-it3/pagopa_determina-a-contrarre-contact-center-2021.pdf",
    "real-it3/pagopa_determina-oda-buoni-pasto-convenzione-lotto8.pdf",
    "real-it3/pagopa_determina-affidamento-consulenza-legale-2019.pdf",
];

/// The shipped templates.
const TEMPLATES: &[&str] = &[
    "art23-dirigenti",
    "art23-politici",
    "art26-27-sovvenzioni",
    "art37-contratti",
    "delibere-voti",
    "peg-monitoraggio",
    "scheda-sintetica",
];

const CONFIG: &str = "administration = \"Comune di Prova\"\ntax_code = \"00000000000\"\nbase_url = \"https://albo.example.it/atti\"\n";

/// A project folder: the acts in `archivio/`, `atti.toml`, the index `idx`.
struct Project {
    tmp: tempfile::TempDir,
}

impl Project {
    fn new() -> Option<Project> {
        let corpus = shared("corpus")?;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("archivio");
        std::fs::create_dir_all(&dir).unwrap();
        for a in ACTS {
            let src = corpus.join(a);
            std::fs::copy(&src, dir.join(src.file_name().unwrap())).unwrap();
        }
        for s in ["peg_2021_Z001.pdf", "delibera_giunta_2023_045.txt"] {
            std::fs::copy(root().join("samples").join(s), dir.join(s)).unwrap();
        }
        std::fs::write(tmp.path().join("atti.toml"), CONFIG).unwrap();
        let p = Project { tmp };
        p.ingest(&[]);
        Some(p)
    }

    fn path(&self, p: &str) -> PathBuf {
        self.tmp.path().join(p)
    }

    fn ingest(&self, extra: &[&str]) {
        let mut args = vec!["ingest", "archivio", "--index", "idx"];
        args.extend_from_slice(extra);
        atti_ok(self.tmp.path(), &args, 0);
    }

    fn run(&self, args: &[&str], code: i32) -> String {
        let mut a = args.to_vec();
        a.extend(["--index", "idx"]);
        atti_ok(self.tmp.path(), &a, code)
    }

    /// A template's CSV, published on a fixed day.
    fn report(&self, name: &str, extra: &[&str]) -> String {
        let mut a = vec!["report", name, "--published", "2026-12-01"];
        a.extend_from_slice(extra);
        self.run(&a, 0)
    }
}

/// The cells of a report's CSV (any delimiter, BOM dropped).
fn cells(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start_matches(BOM);
    let first = text.lines().next().unwrap_or_default();
    let delim = if first.contains(';') || !first.contains(',') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Compares a report with its golden file cell by cell (ATTI_BLESS=1
/// rewrites it); a difference names the row, the column and both values.
fn golden_cells(name: &str, actual: &str) {
    let path = root()
        .join("tests/expected/reports")
        .join(format!("{name}.csv"));
    if std::env::var_os("ATTI_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no golden file {}: run with ATTI_BLESS=1", path.display()));
    let (e, a) = (cells(&expected), cells(actual));
    let header = e.iter().find(|r| r.len() > 2).cloned().unwrap_or_default();
    let mut diffs = Vec::new();
    for (i, (er, ar)) in e.iter().zip(&a).enumerate() {
        for (j, (ec, ac)) in er.iter().zip(ar).enumerate() {
            if ec != ac {
                let col = header.get(j).map_or("?", String::as_str);
                diffs.push(format!(
                    "row {}, column `{col}`: expected {ec:?}, got {ac:?}",
                    i + 1
                ));
            }
        }
        if er.len() != ar.len() {
            diffs.push(format!(
                "row {}: {} cells expected, {} got",
                i + 1,
                er.len(),
                ar.len()
            ));
        }
    }
    if e.len() != a.len() {
        diffs.push(format!("{} rows expected, {} got", e.len(), a.len()));
    }
    assert_eq!(
        expected.as_bytes().first(),
        actual.as_bytes().first(),
        "{name}: byte order mark"
    );
    assert!(
        diffs.is_empty(),
        "{name} differs from its golden file:\n{}",
        diffs.join("\n")
    );
    assert_eq!(
        expected, actual,
        "{name}: same cells, other bytes (delimiter, quoting or line ends)"
    );
}

#[test]
fn every_shipped_template_matches_its_golden_output_cell_by_cell() {
    let Some(p) = Project::new() else { return };
    let list = p.run(&["report", "--list"], 0);
    for t in TEMPLATES {
        assert!(list.contains(t), "{t} not in --list:\n{list}");
        p.run(&["report", t, "--check"], 0);
        golden_cells(t, &p.report(t, &[]));
    }
    // Values read from the acts, as the golden files hold them.
    let votes = cells(&p.report("delibere-voti", &[]));
    let avella_consiglio = votes
        .iter()
        .find(|r| r[1] == "1" && r[2] == "Consiglio Comunale")
        .unwrap();
    assert_eq!(avella_consiglio[0], "2026-03-03");
    assert_eq!(
        avella_consiglio[3], "A.02.01",
        "AgID albo code of a Consiglio deliberation"
    );
    assert_eq!(&avella_consiglio[5..10], ["12", "1", "11", "0", "1"]);
    let giunta = votes.iter().find(|r| r[1] == "30").unwrap();
    assert_eq!(giunta[3], "A.02.02");
    assert!(
        giunta[13].starts_with("https://albo.example.it/atti/archivio/avella_Delibera_30"),
        "{}",
        giunta[13]
    );
    // The PAT layout: `;`, no byte order mark, LF, dates dd-mm-yyyy.
    let pat = p.report("art23-dirigenti", &[]);
    assert!(pat.starts_with("Numero del provvedimento;Oggetto;Tipologia;Struttura responsabile;Funzionario responsabile;Data;Scelta del contraente;"), "{pat}");
    assert!(!pat.contains("\r\n"));
}

#[test]
fn the_period_selects_rows_by_the_templates_date() {
    let Some(p) = Project::new() else { return };
    let first_2026 = cells(&p.report("delibere-voti", &["--half", "2026-1"]));
    let dates: Vec<&str> = first_2026[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(dates, ["2026-03-03", "2026-03-03"]);
    let y2023 = cells(&p.report("delibere-voti", &["--year", "2023"]));
    assert_eq!(y2023.len(), 2, "{y2023:?}");
    assert_eq!(y2023[1][1], "45");
    let none = cells(&p.report(
        "delibere-voti",
        &["--from", "2026-07-01", "--to", "2026-12-31"],
    ));
    assert_eq!(none.len(), 1, "only the header");
}

#[test]
fn workbooks_keep_dates_numbers_and_codes_typed_and_the_header_frozen() {
    use calamine::{Data, Reader};
    let Some(p) = Project::new() else { return };
    p.run(&["report", "delibere-voti", "--out", "v.xlsx"], 0);
    p.run(&["report", "delibere-voti", "--out", "v.ods"], 0);
    let mut x: calamine::Xlsx<_> = calamine::open_workbook(p.path("v.xlsx")).unwrap();
    let mut o: calamine::Ods<_> = calamine::open_workbook(p.path("v.ods")).unwrap();
    assert_eq!(x.sheet_names(), ["Deliberazioni"]);
    assert_eq!(o.sheet_names(), ["Deliberazioni"]);
    for range in [
        x.worksheet_range("Deliberazioni").unwrap(),
        o.worksheet_range("Deliberazioni").unwrap(),
    ] {
        let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
        assert_eq!(rows[0][0], Data::String("data".into()));
        let r = rows
            .iter()
            .find(|r| r[1] == Data::String("1".into()))
            .expect("act number 1 kept as text");
        assert!(
            matches!(r[0], Data::DateTime(_) | Data::DateTimeIso(_)),
            "a date cell: {:?}",
            r[0]
        );
        assert!(
            matches!(r[5], Data::Float(x) if x == 12.0) || r[5] == Data::Int(12),
            "present: {:?}",
            r[5]
        );
        assert_eq!(r[2], Data::String("Consiglio Comunale".into()));
    }
    // The header row frozen in both.
    let sheet = zip_part(&p.path("v.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("state=\"frozen\"") && sheet.contains("ySplit=\"1\""),
        "{sheet}"
    );
    let settings = zip_part(&p.path("v.ods"), "settings.xml");
    assert!(
        settings.contains("\"VerticalSplitMode\" config:type=\"short\">2<"),
        "{settings}"
    );
}

fn zip_part(path: &Path, name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

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

/// Writes a template and checks it: exit 2, the message naming the file,
/// the line and what to write.
fn template_error(p: &Path, text: &str, line: usize, needle: &str) {
    let f = p.join("modello.toml");
    std::fs::write(&f, text).unwrap();
    let out = atti(
        p,
        &["report", f.to_str().unwrap(), "--check", "--index", "idx"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}\n{err}");
    assert!(
        err.contains(&format!("modello.toml:{line}:")),
        "line {line} expected:\n{err}\n{text}"
    );
    assert!(err.contains(needle), "`{needle}` expected:\n{err}");
}

const GOOD: &str = "title = \"T\"\ndescription = \"D\"\nrows = \"decisions\"\n\n[[filter]]\nfield = \"decision.procedure\"\nin = [\"contract\"]\n\n[[column]]\nheader = \"Oggetto\"\nfield = \"decision.subject\"\nformat = \"GG/MM/AAAA\"\n";

#[test]
fn every_kind_of_template_mistake_is_exit_2_with_file_line_and_choices() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path();
    atti_ok(
        p,
        &[
            "ingest",
            root()
                .join("samples/delibera_giunta_2023_045.txt")
                .to_str()
                .unwrap(),
            "--index",
            "idx",
        ],
        0,
    );
    std::fs::write(p.join("modello.toml"), GOOD).unwrap();
    atti_ok(
        p,
        &[
            "report",
            p.join("modello.toml").to_str().unwrap(),
            "--check",
            "--index",
            "idx",
        ],
        0,
    );
    let cases: &[(&str, &str, usize, &str)] = &[
        ("title = \"T\"", "titel = \"T\"", 1, "did you mean `title`"),
        (
            "rows = \"decisions\"",
            "rows = \"decisons\"",
            3,
            "did you mean `decisions`",
        ),
        (
            "field = \"decision.subject\"",
            "field = \"decision.subjcet\"",
            9,
            "did you mean `subject`",
        ),
        (
            "field = \"decision.subject\"",
            "field = \"decison.subject\"",
            9,
            "did you mean `decision`",
        ),
        (
            "in = [\"contract\"]",
            "in = [\"contrat\"]",
            5,
            "did you mean `contract`",
        ),
        (
            "format = \"GG/MM/AAAA\"",
            "format = \"GG.MM.AA\"",
            12,
            "valid: dd-mm-yyyy, GG/MM/AAAA",
        ),
        (
            "field = \"decision.subject\"",
            "map = \"albo-agdi\"\nfield = \"decision.body\"",
            9,
            "did you mean `albo-agid`",
        ),
        (
            "field = \"decision.subject\"",
            "field = \"decision.subject\"\nconstant = \"x\"",
            9,
            "give exactly one of field, constant",
        ),
        (
            "field = \"decision.subject\"",
            "aggregate = \"summ\"",
            11,
            "did you mean `sum`",
        ),
        (
            "field = \"decision.subject\"",
            "field = \"decision.subject\"\ntype = \"amout\"",
            12,
            "did you mean `amount`",
        ),
        (
            "in = [\"contract\"]",
            "matches = \"(giunta\"",
            5,
            "matches `(giunta`",
        ),
        (
            "rows = \"decisions\"",
            "rows = \"decisions\"\nperiod = \"decision.subject\"",
            4,
            "is not a date field",
        ),
        ("in = [\"contract\"]", "min = 10", 5, "not a number"),
    ];
    for (from, to, line, needle) in cases {
        assert!(GOOD.contains(from));
        template_error(p, &GOOD.replacen(from, to, 1), *line, needle);
    }
    // An unknown template name, and a mistake in atti.toml.
    let out = atti(p, &["report", "art23-dirigent", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `art23-dirigenti`"));
    std::fs::write(
        p.join("atti.toml"),
        "administration = \"X\"\nbase_ulr = \"https://x.it\"\n",
    )
    .unwrap();
    let out = atti(p, &["report", "delibere-voti", "--index", "idx"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("atti.toml:2: chiave sconosciuta `base_ulr`: did you mean `base_url`?"),
        "{err}"
    );
}
