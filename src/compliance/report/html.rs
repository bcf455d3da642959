//! The report as an HTML page.

use std::fmt::Write as _;

use super::{esc, kind_label, Report};
use crate::compliance::severity_label;
use crate::compliance::wording::it_date;

impl Report {
    pub(super) fn html(&self) -> String {
        let mut s = String::new();
        s.push_str(concat!(
            "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<title>Rapporto di conformità</title>\n<style>\n",
            "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n",
            "table{border-collapse:collapse;margin:0 0 1.5em}\n",
            "th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}\n",
            "td.n{text-align:right}\n",
            ".errore{color:#a00;font-weight:bold}.avviso{color:#a60}.informazione{color:#555}\n",
            "</style>\n</head>\n<body>\n<h1>Rapporto di conformità</h1>\n"
        ));
        let _ = writeln!(
            s,
            "<ul><li>Data della verifica: {} ({})</li><li>Documenti esaminati: {}</li><li>Rilievi: {}</li></ul>",
            it_date(self.as_of),
            self.as_of,
            self.documents.len(),
            esc(&self.totals_line())
        );
        s.push_str("<h2>Documenti per tipo</h2>\n<table>\n<tr><th>Tipo</th><th>Documenti</th><th>Con rilievi</th></tr>\n");
        for (k, (n, with)) in self.by_kind() {
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td class=\"n\">{n}</td><td class=\"n\">{with}</td></tr>",
                esc(k)
            );
        }
        s.push_str("</table>\n<h2>Rilievi per controllo</h2>\n<table>\n<tr><th>Controllo</th><th>Tipo di documento</th><th>Severità</th><th>Descrizione</th><th>Rilievi</th></tr>\n");
        for c in &self.checks {
            let sev = severity_label(c.severity);
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"{sev}\">{sev}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                esc(&c.id),
                esc(&kind_label(&c.kind)),
                esc(&c.description),
                c.findings
            );
        }
        s.push_str("</table>\n<h2>Rilievi per documento</h2>\n");
        let mut folded_total = 0;
        for d in &self.documents {
            let (fs, folded) = self.listed(d);
            folded_total += folded;
            if fs.is_empty() {
                continue;
            }
            let _ = writeln!(
                s,
                "<h3>{}</h3>\n<p>doc_id <code>{}</code>, tipo {}</p>\n<table>\n<tr><th>Pagina</th><th>Severità</th><th>Controllo</th><th>Rilievo</th></tr>",
                esc(&d.source_file),
                esc(&d.doc_id),
                esc(&d.kind)
            );
            for f in fs {
                let sev = severity_label(f.severity);
                let _ = writeln!(
                    s,
                    "<tr><td class=\"n\">{}</td><td class=\"{sev}\">{sev}</td><td><code>{}</code></td><td>{}</td></tr>",
                    f.page.map_or("-".into(), |p| p.to_string()),
                    esc(&f.check),
                    esc(&f.message)
                );
            }
            s.push_str("</table>\n");
        }
        if self.findings.is_empty() {
            s.push_str("<p>Nessun rilievo.</p>\n");
        }
        if folded_total > 0 {
            let _ = writeln!(
                s,
                "<p>Note informative non elencate: {folded_total} (contate per controllo qui sopra; <code>--verbose</code> per elencarle).</p>"
            );
        }
        if !self.failures.is_empty() {
            s.push_str("<h2>File non letti</h2>\n<table>\n<tr><th>File</th><th>Fase</th><th>Motivo</th></tr>\n");
            for f in &self.failures {
                let _ = writeln!(
                    s,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&f.source_file),
                    esc(&f.stage),
                    esc(&f.reason)
                );
            }
            s.push_str("</table>\n");
        }
        if !self.skipped.is_empty() {
            s.push_str("<h2>File saltati</h2>\n<table>\n<tr><th>File</th><th>Motivo</th><th>Dettaglio</th></tr>\n");
            for x in &self.skipped {
                let _ = writeln!(
                    s,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&x.source_file),
                    esc(&x.reason),
                    esc(&x.detail)
                );
            }
            s.push_str("</table>\n");
        }
        let unchecked: Vec<_> = self.unchecked().collect();
        if !unchecked.is_empty() {
            s.push_str("<h2>Documenti non verificati (senza testo)</h2>\n<ul>\n");
            for d in unchecked {
                let _ = writeln!(
                    s,
                    "<li>{} (<code>{}</code>, {})</li>",
                    esc(&d.source_file),
                    esc(&d.doc_id),
                    esc(&d.status)
                );
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</body>\n</html>\n");
        s
    }
}
