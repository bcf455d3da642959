//! The output of `atti rules diff` and `atti rules stats`: a table for a
//! person (Italian), or JSON for a script.

use std::fmt::Write as _;

use super::count_it;
use super::ingest::seconds;
use atti::error::Result;
use atti::escape::terminal;
use atti::review::diff::Diff;
use atti::review::stats::Stats;

/// Writes what candidate rules would change.
pub fn diff(o: &mut String, d: &Diff, json: bool) -> Result<()> {
    if json {
        writeln!(o, "{}", serde_json::to_string(d)?).ok();
        return Ok(());
    }
    writeln!(
        o,
        "{} documenti: {} riletti dalle pagine salvate, {} con le stesse regole per il loro tipo{}{}{} ({})",
        count_it(d.documents),
        count_it(d.read),
        count_it(d.current),
        if d.untouched > 0 {
            format!(
                ", {} non toccati (nessuna regola cambiata vi trova nulla)",
                count_it(d.untouched)
            )
        } else {
            String::new()
        },
        if d.no_pages > 0 {
            format!(
                ", {} senza pagine salvate (non confrontati: rilanciare atti ingest)",
                count_it(d.no_pages)
            )
        } else {
            String::new()
        },
        if d.failed > 0 {
            format!(", {} su cui le regole falliscono", count_it(d.failed))
        } else {
            String::new()
        },
        seconds(d.elapsed_ms)
    )
    .ok();
    if !d.any() {
        writeln!(o, "nessun valore cambia").ok();
        return Ok(());
    }
    writeln!(
        o,
        "{} documenti cambiano\n\n{:<40} {:>9} {:>9} {:>9}",
        count_it(d.changed_documents),
        "campo",
        "comparsi",
        "spariti",
        "cambiati"
    )
    .ok();
    for f in &d.fields {
        writeln!(
            o,
            "{:<40} {:>9} {:>9} {:>9}",
            f.field,
            count_it(f.appeared),
            count_it(f.disappeared),
            count_it(f.changed)
        )
        .ok();
        for e in &f.examples {
            let show = |v: &Option<String>| match v {
                Some(v) => format!("{:?}", terminal(v)),
                None => "-".into(),
            };
            writeln!(
                o,
                "    {}{}: {} -> {}",
                terminal(&e.source_file),
                e.page.map(|p| format!(" p. {p}")).unwrap_or_default(),
                show(&e.old),
                show(&e.new)
            )
            .ok();
        }
    }
    Ok(())
}

/// Writes each rule's hits, and the rules that never match.
pub fn stats(o: &mut String, s: &Stats, json: bool) -> Result<()> {
    if json {
        writeln!(o, "{}", serde_json::to_string(s)?).ok();
        return Ok(());
    }
    writeln!(
        o,
        "{} documenti letti dalle pagine salvate{} ({})\n",
        count_it(s.read),
        if s.no_pages + s.failed > 0 {
            format!(
                "; {} senza pagine salvate o su cui le regole falliscono, non contati",
                count_it(s.no_pages + s.failed)
            )
        } else {
            String::new()
        },
        seconds(s.elapsed_ms)
    )
    .ok();
    writeln!(
        o,
        "{:<40} {:<6} {:>10} {:>10}",
        "regola", "tipo", "documenti", "valori"
    )
    .ok();
    for r in &s.rules {
        writeln!(
            o,
            "{:<40} {:<6} {:>10} {:>10}",
            r.id,
            r.family,
            count_it(r.documents),
            count_it(r.values)
        )
        .ok();
    }
    let never: Vec<_> = s.never().collect();
    if never.is_empty() {
        writeln!(o, "\nogni regola trova qualcosa nell'archivio").ok();
    } else {
        writeln!(
            o,
            "\nregole che non trovano nulla nell'archivio ({}):",
            never.len()
        )
        .ok();
        for r in never {
            writeln!(o, "  {} ({})", r.id, r.origin).ok();
        }
    }
    Ok(())
}
