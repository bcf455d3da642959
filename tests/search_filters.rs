//! The search filters on real acts of train bodies (issue 23): a few
//! determinations copied from ../shared/corpus into a temporary archive,
//! ingested with the built-in rules, then searched by purpose
//! (`procedure:`) and by act number (`number:`, and the number typed as
//! words), as a person would.

use std::collections::BTreeSet;

use crate::common::*;

/// Train acts: two contracts, a payment and a grant.
const ACTS: &[&str] = &[
    "real-it3/pagopa_determina-a-contrarre-2019-01-gsuite-rdo.pdf",
    "real-it/avella_Determinazione_182__5368_DeterminaaContrarre_Copia_182_2026_1.pdf",
    "real-it/avella_Determinazione_141__5299_DeterminadiLiquidazione_Copia_141_2026_1.pdf",
    "real-it3/firenze_dd-2025-07091_buono-sport-esiti.pdf",
];

fn hits(dir: &std::path::Path, index: &str, q: &str) -> Vec<String> {
    let out = atti_ok(
        dir,
        &["search", q, "--index", index, "--json", "-n", "10"],
        0,
    );
    out.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["source_file"].as_str().map(str::to_owned))
        .collect()
}

fn names(v: &[String]) -> BTreeSet<&str> {
    v.iter()
        .map(|s| s.split('_').next().unwrap_or(s.as_str()))
        .collect()
}

#[test]
fn real_acts_are_found_by_purpose_and_by_number() {
    let Some(corpus) = shared("corpus") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archivio");
    std::fs::create_dir_all(&archive).unwrap();
    for a in ACTS {
        let from = corpus.join(a);
        std::fs::copy(&from, archive.join(from.file_name().unwrap())).unwrap();
    }
    let index = tmp.path().join("index");
    let idx = index.to_str().unwrap();
    atti_ok(tmp.path(), &["ingest", "archivio", "--index", idx], 0);

    let contracts = hits(tmp.path(), idx, "procedure:contract");
    assert_eq!(contracts.len(), 2, "{contracts:?}");
    assert!(
        contracts.iter().any(|f| f.contains("gsuite")),
        "{contracts:?}"
    );
    assert!(
        contracts.iter().any(|f| f.contains("Determinazione_182")),
        "{contracts:?}"
    );
    let payments = hits(tmp.path(), idx, "procedura:pagamento");
    assert_eq!(payments.len(), 1, "{payments:?}");
    assert!(payments[0].contains("Determinazione_141"), "{payments:?}");
    let grants = hits(tmp.path(), idx, "procedure:grant");
    assert_eq!(
        names(&grants),
        BTreeSet::from(["archivio/firenze"]),
        "{grants:?}"
    );

    // Avella's determination 182 of 2026, by its number.
    let by_number = hits(tmp.path(), idx, "number:182/2026");
    assert_eq!(by_number.len(), 1, "{by_number:?}");
    assert!(by_number[0].contains("Determinazione_182"), "{by_number:?}");
    for q in ["determinazione n. 182 del 2026", "determina 182/2026"] {
        let first = hits(tmp.path(), idx, q);
        assert!(
            first
                .first()
                .is_some_and(|f| f.contains("Determinazione_182")),
            "{q}: {first:?}"
        );
    }
}
