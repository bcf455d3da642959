//! Rules applied again to the stored pages (issue 17): a changed rule
//! changes exactly its values at the next ingest without a file being read;
//! pages of another extractor are not used; `atti rules diff` and `atti
//! rules stats` try rules on the archive without changing the index.

use std::path::{Path, PathBuf};

use crate::common::*;

/// The samples copied into a temporary archive, ingested into `idx`.
struct Archive {
    tmp: tempfile::TempDir,
}

impl Archive {
    fn new() -> Archive {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("archive");
        std::fs::create_dir_all(&dir).unwrap();
        for e in std::fs::read_dir(root().join("samples")).unwrap().flatten() {
            std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        }
        let a = Archive { tmp };
        let s = a.ingest(&[]);
        assert_eq!(s["new"], 6, "{s}");
        a
    }

    fn path(&self, p: &str) -> PathBuf {
        self.tmp.path().join(p)
    }

    fn ingest(&self, extra: &[&str]) -> serde_json::Value {
        let mut args = vec!["ingest", "archive", "--index", "idx", "--json"];
        args.extend_from_slice(extra);
        let out = atti_ok(self.tmp.path(), &args, 0);
        serde_json::from_str(out.trim()).unwrap()
    }

    fn table(&self, table: &str) -> Vec<serde_json::Value> {
        export_jsonl(self.tmp.path(), Path::new("idx"), table)
    }

    /// A rules folder whose `peg.toml` lowers the case of the typology.
    fn changed_rules(&self) -> &'static str {
        let peg = std::fs::read_to_string(root().join("rules/peg.toml")).unwrap();
        let old = "target = \"objective.typology\"\nexamples = [\n  { input = \"Servizio SEGRETARIO GENERALE Dirigente ASCIONE GIUSEPPE Tipologia SVILUPPO\", expected = \"SVILUPPO\" },";
        assert!(
            peg.contains(old),
            "the typology rule of rules/peg.toml moved: update this test"
        );
        let new = "target = \"objective.typology\"\nnormalise = [\"lower\"]\nexamples = [\n  { input = \"Servizio SEGRETARIO GENERALE Dirigente ASCIONE GIUSEPPE Tipologia SVILUPPO\", expected = \"sviluppo\" },";
        std::fs::create_dir_all(self.path("rules")).unwrap();
        std::fs::write(self.path("rules/peg.toml"), peg.replace(old, new)).unwrap();
        "rules"
    }

    /// Every file of the archive overwritten with as many other bytes, its
    /// modification time put back: whatever reads it reads nonsense.
    fn garble_files(&self) {
        for e in std::fs::read_dir(self.path("archive")).unwrap().flatten() {
            let meta = e.metadata().unwrap();
            let len = meta.len() as usize;
            std::fs::write(e.path(), "z".repeat(len)).unwrap();
            std::fs::File::options()
                .write(true)
                .open(e.path())
                .unwrap()
                .set_modified(meta.modified().unwrap())
                .unwrap();
        }
    }

    fn stored_pages(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for d in std::fs::read_dir(self.path("idx/pages")).unwrap().flatten() {
            out.extend(
                std::fs::read_dir(d.path())
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
            );
        }
        out
    }
}

/// The rows of a table without the fields an ingest stamps.
fn stable(rows: Vec<serde_json::Value>) -> Vec<serde_json::Value> {
    rows.into_iter()
        .map(|mut r| {
            if let Some(o) = r.as_object_mut() {
                o.remove("ingested_at");
                o.remove("pipeline");
            }
            r
        })
        .collect()
}

#[test]
fn a_changed_rule_changes_exactly_its_values_without_reading_a_file() {
    let a = Archive::new();
    assert_eq!(a.stored_pages().len(), 6, "one stored reading per content");
    let objectives = a.table("objectives");
    let others: Vec<_> = [
        "documents",
        "decisions",
        "phases",
        "indicators",
        "references",
    ]
    .iter()
    .map(|t| stable(a.table(t)))
    .collect();
    let rules = a.changed_rules();
    // Were any file read now, its text would be a run of `z`.
    a.garble_files();

    let s = a.ingest(&["--rules", rules]);
    assert_eq!(
        (
            &s["reapplied"],
            &s["unchanged"],
            &s["new"],
            &s["changed"],
            &s["failed"]
        ),
        (
            &serde_json::json!(2),
            &serde_json::json!(4),
            &serde_json::json!(0),
            &serde_json::json!(0),
            &serde_json::json!(0)
        ),
        "only the two PEG sheets have their rules changed: {s}"
    );
    let after = a.table("objectives");
    assert_eq!(after.len(), objectives.len());
    for (old, new) in objectives.iter().zip(&after) {
        assert_eq!(old["typology"], "SVILUPPO", "{old}");
        assert_eq!(new["typology"], "sviluppo", "{new}");
        let (mut old, mut new) = (old.clone(), new.clone());
        for r in [&mut old, &mut new] {
            r.as_object_mut().unwrap().remove("typology");
        }
        assert_eq!(old, new, "nothing else of the objective changes");
    }
    let documents = stable(a.table("documents"));
    assert_eq!(
        documents, others[0],
        "the documents are as they were (no file was read)"
    );
    for (t, before) in ["decisions", "phases", "indicators", "references"]
        .iter()
        .zip(&others[1..])
    {
        assert_eq!(&stable(a.table(t)), before, "{t}");
    }
    // Done once: the next ingest has nothing to do.
    let s = a.ingest(&["--rules", rules]);
    assert_eq!(
        (&s["reapplied"], &s["unchanged"]),
        (&serde_json::json!(0), &serde_json::json!(6)),
        "{s}"
    );

    // --reextract reads the (garbled) files: their text is what the files
    // hold now.
    let s = a.ingest(&["--rules", rules, "--reextract"]);
    assert_eq!(s["reapplied"], 0, "{s}");
    let show = atti_ok(
        a.path("").as_path(),
        &[
            "show",
            "archive/peg_2021_Z001.txt",
            "--index",
            "idx",
            "--json",
        ],
        0,
    );
    assert!(show.contains("zzzz"), "{}", &show[..show.len().min(400)]);
}

#[test]
fn pages_of_another_extractor_are_not_used_and_the_files_are_read_again() {
    let a = Archive::new();
    // Pages written by another build's extractor: the version in the header.
    for p in a.stored_pages() {
        let mut bytes = std::fs::read(&p).unwrap();
        assert_eq!(&bytes[..8], b"ATTIPAGE");
        bytes[9..25].copy_from_slice(b"0000000000000000");
        std::fs::write(&p, bytes).unwrap();
    }
    let rules = a.changed_rules();
    let s = a.ingest(&["--rules", rules]);
    assert_eq!(
        (&s["reapplied"], &s["changed"], &s["unchanged"]),
        (
            &serde_json::json!(0),
            &serde_json::json!(2),
            &serde_json::json!(4)
        ),
        "the PEG sheets are read from their files: {s}"
    );
    let typologies: Vec<_> = a
        .table("objectives")
        .iter()
        .map(|o| o["typology"].clone())
        .collect();
    assert_eq!(typologies, ["sviluppo", "sviluppo"]);
    let renewed = a
        .stored_pages()
        .iter()
        .filter(|p| &std::fs::read(p).unwrap()[9..25] != b"0000000000000000")
        .count();
    assert_eq!(
        renewed, 2,
        "the two files read have their pages stored anew"
    );

    // With no usable pages and the files unreadable as they were, a rules
    // change reads the files: a garbled PEG sheet is no longer a PEG sheet.
    a.garble_files();
    std::fs::remove_dir_all(a.path("rules")).unwrap();
    for p in a.stored_pages() {
        let mut bytes = std::fs::read(&p).unwrap();
        bytes[9..25].copy_from_slice(b"0000000000000000");
        std::fs::write(&p, bytes).unwrap();
    }
    let s = a.ingest(&[]);
    // Both read again: one garbled past reading (failed, counted only so),
    // the other read as a document that holds no PEG sheet now.
    assert_eq!(
        (&s["reapplied"], &s["changed"], &s["failed"]),
        (
            &serde_json::json!(0),
            &serde_json::json!(1),
            &serde_json::json!(1)
        ),
        "{s}"
    );
    assert!(a.table("objectives").is_empty());
}

#[test]
fn rules_diff_lists_what_would_change_and_changes_nothing() {
    let a = Archive::new();
    let cwd = a.path("");
    let cwd = cwd.as_path();
    let same = atti_ok(
        cwd,
        &["rules", "diff", "--index", "idx", "--fail-on-change"],
        0,
    );
    assert!(same.contains("nessun valore cambia"), "{same}");
    assert!(same.contains("6 con le stesse regole"), "{same}");

    let rules = a.changed_rules();
    let out = atti_ok(
        cwd,
        &["rules", "diff", "--index", "idx", "--rules", rules],
        0,
    );
    assert!(out.contains("2 documenti cambiano"), "{out}");
    assert!(
        out.contains("archive/peg_2021_Z001.pdf p. 1: \"SVILUPPO\" -> \"sviluppo\""),
        "{out}"
    );
    atti_ok(
        cwd,
        &[
            "rules",
            "diff",
            "--index",
            "idx",
            "--rules",
            rules,
            "--fail-on-change",
        ],
        1,
    );
    let json = atti_ok(
        cwd,
        &[
            "rules", "diff", "--index", "idx", "--rules", rules, "--json", "-n", "1",
        ],
        0,
    );
    let d: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(
        (&d["documents"], &d["read"], &d["current"]),
        (
            &serde_json::json!(6),
            &serde_json::json!(2),
            &serde_json::json!(4)
        ),
        "{d}"
    );
    let fields = d["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 1, "only the typology changes: {d}");
    assert_eq!(
        (
            &fields[0]["field"],
            &fields[0]["changed"],
            &fields[0]["appeared"],
            &fields[0]["disappeared"]
        ),
        (
            &serde_json::json!("objective.typology"),
            &serde_json::json!(2),
            &serde_json::json!(0),
            &serde_json::json!(0)
        )
    );
    assert_eq!(
        fields[0]["examples"].as_array().unwrap().len(),
        1,
        "--limit 1"
    );
    let only = atti_ok(
        cwd,
        &[
            "rules",
            "diff",
            "--index",
            "idx",
            "--rules",
            rules,
            "--kind",
            "deliberation",
            "--fail-on-change",
        ],
        0,
    );
    assert!(only.contains("nessun valore cambia"), "{only}");

    // The index is as it was: the values are those of the rules in force.
    let typologies: Vec<_> = a
        .table("objectives")
        .iter()
        .map(|o| o["typology"].clone())
        .collect();
    assert_eq!(typologies, ["SVILUPPO", "SVILUPPO"]);
    // A rules folder that does not exist, a bad flag: usage errors.
    atti_ok(
        cwd,
        &["rules", "diff", "--index", "idx", "--rules", "nowhere"],
        2,
    );
    atti_ok(
        cwd,
        &["rules", "diff", "--index", "idx", "--limit", "many"],
        2,
    );
}

#[test]
fn rules_stats_counts_hits_and_lists_a_rule_that_never_matches() {
    let a = Archive::new();
    let cwd = a.path("");
    let cwd = cwd.as_path();
    std::fs::create_dir_all(a.path("extra")).unwrap();
    std::fs::write(
        a.path("extra/never.toml"),
        "[[field]]\nid = \"test.never\"\ndescription = \"Protocollo interno, che nessun campione scrive\"\nkinds = [\"deliberation\"]\nregex = 'Protocollo interno n\\. (?P<value>\\d+)'\ntarget = \"decision.act_number\"\nexamples = [ { input = \"Protocollo interno n. 7\", expected = \"7\" } ]\n",
    )
    .unwrap();
    let out = atti_ok(
        cwd,
        &["rules", "stats", "--index", "idx", "--rules", "extra"],
        0,
    );
    let never = out
        .split("regole che non trovano nulla")
        .nth(1)
        .expect(&out);
    assert!(never.contains("test.never (extra/never.toml:2)"), "{out}");
    assert!(!never.contains("peg.objective.typology"), "{out}");
    let json = atti_ok(
        cwd,
        &[
            "rules", "stats", "--index", "idx", "--rules", "extra", "--json",
        ],
        0,
    );
    let s: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(s["read"], 6, "{s}");
    let hits = |id: &str| {
        s["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id}: {s}"))["documents"]
            .clone()
    };
    assert_eq!(hits("peg.objective.typology"), 2);
    assert_eq!(hits("kind.peg"), 2);
    assert_eq!(hits("test.never"), 0);
}

/// A field rule for deliberations that reads `decision.office` where
/// `regex` finds it.
fn office_rule(regex: &str) -> String {
    format!(
        "[[field]]\nid = \"prova.ufficio\"\ndescription = \"Regola di prova\"\nkinds = [\"deliberation\"]\nregex = '{regex}'\ntarget = \"decision.office\"\n"
    )
}

#[test]
fn a_change_that_finds_nothing_in_a_document_leaves_its_record() {
    let a = Archive::new();
    let tables = ["documents", "decisions", "objectives", "references"];
    let before: Vec<_> = tables.iter().map(|t| stable(a.table(t))).collect();
    std::fs::create_dir_all(a.path("rules")).unwrap();
    // What no sample holds: the three deliberations are looked at, none
    // is read again, no file is read (they are garbled).
    std::fs::write(
        a.path("rules/prova.toml"),
        office_rule(r"(?i)\bprotocollo\s+n\.\s*(?P<value>\d+)"),
    )
    .unwrap();
    a.garble_files();
    let diff = atti_ok(
        a.path("").as_path(),
        &["rules", "diff", "--index", "idx", "--rules", "rules"],
        0,
    );
    assert!(
        diff.contains("0 riletti") && diff.contains("3 non toccati"),
        "{diff}"
    );
    let s = a.ingest(&["--rules", "rules"]);
    let counts = |s: &serde_json::Value| {
        ["reapplied", "unaffected", "unchanged", "changed", "new"].map(|k| s[k].as_u64().unwrap())
    };
    assert_eq!(counts(&s), [0, 3, 3, 0, 0], "{s}");
    for (t, b) in tables.iter().zip(&before) {
        assert_eq!(&stable(a.table(t)), b, "{t}");
    }
    // They are current for these rules now.
    assert_eq!(counts(&a.ingest(&["--rules", "rules"])), [0, 0, 6, 0, 0]);

    // Changed to find something in one of them: that one is read again,
    // and only its office changes.
    std::fs::write(
        a.path("rules/prova.toml"),
        office_rule(r"(?i)\b(?P<value>salvaguardia degli equilibri)\b"),
    )
    .unwrap();
    let s = a.ingest(&["--rules", "rules"]);
    assert_eq!(counts(&s), [1, 2, 3, 0, 0], "{s}");
    let offices: Vec<_> = a
        .table("decisions")
        .iter()
        .filter(|d| !d["office"].is_null())
        .map(|d| (d["source_file"].clone(), d["office"].clone()))
        .collect();
    assert_eq!(
        offices,
        [(
            serde_json::json!("archive/delibera_consiglio_2024_031.pdf"),
            serde_json::json!("salvaguardia degli equilibri")
        )]
    );

    // Back to the built-in rules: that one is read again, the others are
    // current for them as their records say, and nothing is left aside.
    let s = a.ingest(&[]);
    assert_eq!(counts(&s), [1, 2, 3, 0, 0], "{s}");
    for (t, b) in tables.iter().zip(&before) {
        assert_eq!(&stable(a.table(t)), b, "{t}");
    }
    assert!(!a.path("idx/current.tsv").exists());
    let kept = std::fs::read_dir(a.path("idx/rules")).unwrap().count();
    assert_eq!(kept, 1, "only the rules in force are kept");
}
