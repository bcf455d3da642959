//! Signed files (`.p7m`, CAdES): the document inside is ingested as usual,
//! under the `.p7m`'s name, with its signers and signing time (issue 18).
//! The files are the signed acts of train bodies in `../shared/corpus/real-it3`.

use crate::common::{atti_ok, export_jsonl, shared};

#[test]
fn signed_files_are_ingested_with_signer_and_time() {
    let Some(dir) = shared("corpus/real-it3") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let files = [
        "pagopa_determina-a-contrarre-revisione-legale-2019.pdf.p7m",
        "pagopa_determina-affidamento-servizio-pulizia-2020.pdf.p7m",
        "messina_convenzione-digipro-pon-governance-2018.doc.p7m",
    ];
    let mut args = vec!["ingest", "--index", index.to_str().unwrap()];
    let paths: Vec<String> = files
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    args.extend(paths.iter().map(String::as_str));
    let root = dir.display().to_string();
    args.extend(["--root", &root]);
    atti_ok(tmp.path(), &args, 0);
    let docs = export_jsonl(tmp.path(), &index, "documents");
    // The signed Word file is read (natively, no converter needed).
    assert_eq!(docs.len(), 3, "{docs:#?}");
    let by = |name: &str| {
        docs.iter()
            .find(|d| d["source_file"] == name)
            .unwrap_or_else(|| panic!("{name} in {docs:#?}"))
    };
    // The DER envelope (definite lengths), InfoCert.
    let d = by(files[0]);
    assert_eq!(d["status"], "ok");
    assert_eq!(d["extractor"], "p7m+pdf");
    assert_eq!(d["pages"], 4);
    assert_eq!(d["signer"], "GIUSEPPE VIRGONE");
    assert_eq!(d["signed_at"], "2019-10-31T13:21:32Z");
    // The BER envelope (indefinite lengths, content in pieces), ArubaPEC.
    let d = by(files[1]);
    assert_eq!(d["signer"], "Di Giuseppe Emiliana");
    assert_eq!(d["signed_at"], "2020-08-31T08:25:33Z");
    assert!(d["chars"].as_u64().unwrap() > 1000, "{d}");
    // A signed Word file is read as what it holds, with its signers.
    let d = by(files[2]);
    assert_eq!(d["extractor"], "p7m+doc");
    assert_eq!(d["signer"], "MONACO RICCARDO; Accorinti Renato");
    assert!(export_jsonl(tmp.path(), &index, "skipped").is_empty());
    // Its text is searchable like any PDF's.
    let hits = atti_ok(
        tmp.path(),
        &[
            "search",
            "sanificazione",
            "--index",
            index.to_str().unwrap(),
        ],
        0,
    );
    assert!(hits.contains(files[1]), "{hits}");
}

#[test]
fn a_signed_word_file_says_what_it_holds_and_who_signed() {
    let Some(dir) = shared("corpus/real-it3") else {
        return;
    };
    let bytes =
        std::fs::read(dir.join("messina_convenzione-digipro-pon-governance-2018.doc.p7m")).unwrap();
    let u = atti::read::signed::unwrap(&bytes).unwrap();
    // Word 97 inside (an OLE2 compound file), two signers.
    assert!(u.content.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]));
    assert_eq!(u.signers, ["MONACO RICCARDO", "Accorinti Renato"]);
    assert_eq!(u.layers, 1);
    let tmp = tempfile::tempdir().unwrap();
    let out = crate::common::atti(
        tmp.path(),
        &[
            "extract",
            dir.join("messina_convenzione-digipro-pon-governance-2018.doc.p7m")
                .to_str()
                .unwrap(),
        ],
    );
    // The Word file inside is read natively.
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("DigiPro"), "{text}");
    assert!(text.contains("Comune di Messina"), "{text}");
}
