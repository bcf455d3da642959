//! Every kind of template mistake is exit 2 with the file, the line and the choices.

use super::*;

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
