//! The report in Markdown: what `atti run` writes as `compliance.md`.

use std::fmt::Write as _;

use super::{kind_label, md, Report};
use crate::compliance::severity_label;
use crate::compliance::wording::it_date;
use crate::record::skip;

impl Report {
    pub(super) fn markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# Rapporto di conformità\n");
        let _ = writeln!(
            s,
            "- Data della verifica: {} ({})",
            it_date(self.as_of),
            self.as_of
        );
        let _ = writeln!(s, "- Documenti esaminati: {}", self.documents.len());
        let _ = writeln!(s, "- Rilievi: {}", self.totals_line());
        let _ = writeln!(
            s,
            "- File non letti: {}; file saltati: {} (altri tipi {}, copie {})\n",
            self.failures.len(),
            self.skipped.len(),
            self.skipped
                .iter()
                .filter(|x| x.reason == skip::UNSUPPORTED)
                .count(),
            self.skipped
                .iter()
                .filter(|x| x.reason == skip::DUPLICATE)
                .count()
        );

        let _ = writeln!(s, "## Documenti per tipo\n");
        let _ = writeln!(s, "| Tipo | Documenti | Con rilievi |\n|---|---:|---:|");
        let kinds = self.by_kind();
        for (k, (n, with)) in &kinds {
            let _ = writeln!(s, "| {} | {n} | {with} |", md(k));
        }
        let with: usize = kinds.values().map(|x| x.1).sum();
        let _ = writeln!(s, "| **Totale** | {} | {with} |\n", self.documents.len());

        let _ = writeln!(s, "## Rilievi per controllo\n");
        if self.checks.is_empty() {
            let _ = writeln!(s, "Nessun controllo dichiarato.\n");
        } else {
            let _ = writeln!(
                s,
                "| Controllo | Tipo di documento | Severità | Descrizione | Rilievi |\n|---|---|---|---|---:|"
            );
            for c in &self.checks {
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {} | {} |",
                    md(&c.id),
                    md(&kind_label(&c.kind)),
                    severity_label(c.severity),
                    md(&c.description),
                    c.findings
                );
            }
            s.push('\n');
        }

        let _ = writeln!(s, "## Rilievi per documento\n");
        let mut clean = 0;
        let mut folded_total = 0;
        for d in &self.documents {
            if self.findings_of(d).is_empty() {
                clean += 1;
                continue;
            }
            let (fs, folded) = self.listed(d);
            folded_total += folded;
            if fs.is_empty() {
                continue;
            }
            let _ = writeln!(s, "### {}\n", md(&d.source_file));
            let _ = writeln!(s, "- doc_id: `{}`", md(&d.doc_id));
            let _ = writeln!(s, "- tipo: {}\n", md(&d.kind));
            let _ = writeln!(
                s,
                "| Pagina | Severità | Controllo | Rilievo |\n|---:|---|---|---|"
            );
            for f in fs {
                let _ = writeln!(
                    s,
                    "| {} | {} | `{}` | {} |",
                    f.page.map_or("-".into(), |p| p.to_string()),
                    severity_label(f.severity),
                    md(&f.check),
                    md(&f.message)
                );
            }
            s.push('\n');
        }
        if self.findings.is_empty() {
            let _ = writeln!(s, "Nessun rilievo.\n");
        } else if clean > 0 {
            let _ = writeln!(s, "Documenti senza rilievi: {clean}.\n");
        }
        if folded_total > 0 {
            let _ = writeln!(
                s,
                "Note informative non elencate: {folded_total} (contate per controllo qui sopra; `--verbose` per elencarle).\n"
            );
        }
        let unchecked: Vec<_> = self.unchecked().collect();
        if !unchecked.is_empty() {
            let _ = writeln!(s, "## Documenti non verificati (senza testo)\n");
            for d in unchecked {
                let _ = writeln!(
                    s,
                    "- {} (`{}`, {})",
                    md(&d.source_file),
                    md(&d.doc_id),
                    d.status
                );
            }
            s.push('\n');
        }
        if !self.failures.is_empty() {
            let _ = writeln!(s, "## File non letti\n");
            let _ = writeln!(s, "| File | Fase | Motivo |\n|---|---|---|");
            for f in &self.failures {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} |",
                    md(&f.source_file),
                    md(&f.stage),
                    md(&f.reason)
                );
            }
            s.push('\n');
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(s, "## File saltati\n");
            let _ = writeln!(s, "| File | Motivo | Dettaglio |\n|---|---|---|");
            for x in &self.skipped {
                let why = match x.reason.as_str() {
                    skip::DUPLICATE => "copia",
                    skip::UNSUPPORTED => "tipo non letto",
                    other => other,
                };
                let _ = writeln!(
                    s,
                    "| {} | {} | {} |",
                    md(&x.source_file),
                    why,
                    md(&x.detail)
                );
            }
            s.push('\n');
        }
        // One trailing newline, whatever the last section was.
        while s.ends_with("\n\n") {
            s.pop();
        }
        s
    }
}
