//! Plain-text and HTML renderings of the documents, as archives hold them:
//! text exported from a management system (UTF-8 or Windows-1252, LF or CRLF)
//! and pages saved from a municipality's web site.

use crate::model::{Deliberation, Organ, Peg};

pub fn peg_text(p: &Peg) -> String {
    let mut s = String::new();
    s.push_str("PIANO ESECUTIVO DI GESTIONE\n\n");
    s.push_str(&format!("{} {}\n\n", p.code, p.title));
    s.push_str(&format!(
        "Direzione {} Direttore {} Classificazione {}\n\n",
        p.direzione, p.direttore, p.classificazione
    ));
    s.push_str(&format!(
        "Servizio {} Dirigente {} Tipologia {}\n\n",
        p.servizio, p.dirigente, p.tipologia
    ));
    s.push_str("Collegato a\n");
    s.push_str(&format!(
        "INDIRIZZO STRATEGICO D.U.P.: {} {}\n",
        p.indirizzo.0, p.indirizzo.1
    ));
    s.push_str(&format!(
        "OBIETTIVO STRATEGICO D.U.P.: {} {}\n\n",
        p.strategico.0, p.strategico.1
    ));
    s.push_str("Obiettivo Operativo\ndel D.U.P.\n\n");
    s.push_str(&format!("{}\n\n", p.operativo));
    s.push_str("Descrizione\ndettagliata\ndell'obiettivo\n\n");
    for l in &p.description {
        s.push_str(l);
        s.push('\n');
    }
    s.push_str(" GANTT\n\nFASI\n\n");
    s.push_str("Descrizione Peso Inizio Previsto Fine Prevista Responsabile Centro di Responsabilità Note\n\n");
    for ph in &p.phases {
        let w = ph.weight.map(|w| format!(" {w}")).unwrap_or_default();
        s.push_str(&format!(
            "{}{} {} {} {}\n\n{}\n",
            ph.description,
            w,
            ph.start.slash(),
            ph.end.slash(),
            ph.responsible,
            ph.centre
        ));
        if !ph.note.is_empty() {
            s.push_str(&format!("{}\n", ph.note));
        }
        s.push('\n');
    }
    s.push_str("INDICATORI\n\nDescrizione Tipo Valore Atteso\n\n");
    for i in &p.indicators {
        s.push_str(&format!("{} {} {}\n\n", i.description, i.kind, i.target));
    }
    s
}

pub fn deliberation_text(d: &Deliberation) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "COMUNE DI {}\nProvincia di {}\n\n",
        d.comune.to_uppercase(),
        d.provincia
    ));
    let of = match d.organ {
        Organ::Giunta => "DELLA GIUNTA COMUNALE",
        Organ::Consiglio => "DEL CONSIGLIO COMUNALE",
    };
    s.push_str(&format!(
        "DELIBERAZIONE {} N. {} DEL {}\n\n",
        of,
        d.number,
        d.date.slash()
    ));
    s.push_str(&format!("OGGETTO: {}\n\n", d.subject));
    s.push_str(&d.opening());
    s.push_str("\n\n");
    for m in &d.members {
        s.push_str(&format!(
            "{:<32}{:<16}{}\n",
            m.name,
            m.role,
            if m.present { "Presente" } else { "Assente" }
        ));
    }
    let present = d.members.iter().filter(|m| m.present).count();
    s.push_str(&format!(
        "\nPresenti n. {} Assenti n. {}\n\n",
        present,
        d.members.len() - present
    ));
    s.push_str(&format!(
        "Partecipa il Segretario Generale {}. Il Presidente {}, constatato il numero legale, dichiara aperta la seduta.\n\n",
        d.secretary, d.president
    ));
    s.push_str(match d.organ {
        Organ::Giunta => "LA GIUNTA COMUNALE\n\n",
        Organ::Consiglio => "IL CONSIGLIO COMUNALE\n\n",
    });
    for p in &d.premises {
        s.push_str(p);
        s.push('\n');
    }
    s.push_str("Acquisiti i pareri favorevoli di regolarità tecnica e contabile espressi ai sensi dell’art. 49 del D.Lgs. 267/2000;\n");
    s.push_str(&d.votes_sentence());
    s.push_str("\n\nDELIBERA\n\n");
    for (i, dec) in d.decisions.iter().enumerate() {
        s.push_str(&format!("{}. {}\n", i + 1, dec));
    }
    if d.immediately_executable {
        s.push_str(
            "\nInoltre, con separata votazione, riportante il medesimo esito,\n\nDELIBERA\n\n",
        );
        s.push_str(Deliberation::EXECUTABLE);
        s.push('\n');
    }
    s.push_str(&format!(
        "\nIL PRESIDENTE {}\nIL SEGRETARIO GENERALE {}\n",
        d.president, d.secretary
    ));
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn deliberation_html(d: &Deliberation) -> String {
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str(&format!("<title>{}</title>\n", esc(&d.subject)));
    s.push_str("<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}</style>\n");
    s.push_str("</head>\n<body>\n<nav><a href=\"/\">Home</a> &raquo; <a href=\"/albo\">Albo pretorio</a></nav>\n<main>\n");
    s.push_str(&format!("<h1>Comune di {}</h1>\n", esc(&d.comune)));
    let of = match d.organ {
        Organ::Giunta => "della Giunta comunale",
        Organ::Consiglio => "del Consiglio comunale",
    };
    s.push_str(&format!(
        "<h2>Deliberazione {} n. {} del {}</h2>\n",
        of,
        d.number,
        d.date.slash()
    ));
    s.push_str(&format!(
        "<p><strong>OGGETTO:</strong> {}</p>\n",
        esc(&d.subject)
    ));
    s.push_str(&format!("<p>{}</p>\n", esc(&d.opening())));
    s.push_str(
        "<table>\n<tr><th>Nominativo</th><th>Carica</th><th>Presente</th><th>Assente</th></tr>\n",
    );
    for m in &d.members {
        let (p, a) = if m.present { ("X", "") } else { ("", "X") };
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{p}</td><td>{a}</td></tr>\n",
            esc(&m.name),
            esc(&m.role)
        ));
    }
    s.push_str("</table>\n");
    for p in &d.premises {
        s.push_str(&format!("<p>{}</p>\n", esc(p)));
    }
    s.push_str(&format!(
        "<p>{}</p>\n<h3>DELIBERA</h3>\n<ol>\n",
        esc(&d.votes_sentence())
    ));
    for dec in &d.decisions {
        s.push_str(&format!("<li>{}</li>\n", esc(dec)));
    }
    s.push_str("</ol>\n");
    if d.immediately_executable {
        s.push_str(&format!("<p>{}</p>\n", esc(Deliberation::EXECUTABLE)));
    }
    s.push_str(&format!(
        "<p>Il Presidente {}<br>Il Segretario Generale {}</p>\n</main>\n<footer>&copy; Comune di {} &ndash; P.IVA 00000000000</footer>\n</body>\n</html>\n",
        esc(&d.president),
        esc(&d.secretary),
        esc(&d.comune)
    ));
    s
}

pub fn peg_html(p: &Peg) -> String {
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str(&format!(
        "<title>{} {}</title>\n</head>\n<body>\n",
        esc(&p.code),
        esc(&p.title)
    ));
    s.push_str("<h1>PIANO ESECUTIVO DI GESTIONE</h1>\n");
    s.push_str(&format!("<h2>{} {}</h2>\n", esc(&p.code), esc(&p.title)));
    s.push_str("<table>\n");
    s.push_str(&format!(
        "<tr><th>Direzione</th><td>{}</td><th>Direttore</th><td>{}</td><th>Classificazione</th><td>{}</td></tr>\n",
        esc(&p.direzione), esc(&p.direttore), esc(&p.classificazione)
    ));
    s.push_str(&format!(
        "<tr><th>Servizio</th><td>{}</td><th>Dirigente</th><td>{}</td><th>Tipologia</th><td>{}</td></tr>\n</table>\n",
        esc(&p.servizio), esc(&p.dirigente), esc(&p.tipologia)
    ));
    s.push_str(&format!(
        "<p>Collegato a<br>INDIRIZZO STRATEGICO D.U.P.: {} {}<br>OBIETTIVO STRATEGICO D.U.P.: {} {}</p>\n",
        esc(&p.indirizzo.0), esc(&p.indirizzo.1), esc(&p.strategico.0), esc(&p.strategico.1)
    ));
    s.push_str(&format!(
        "<p>Obiettivo Operativo del D.U.P.: {}</p>\n",
        esc(&p.operativo)
    ));
    s.push_str(&format!("<p>{}</p>\n", esc(&p.description.join(" "))));
    s.push_str("<h3>FASI</h3>\n<table>\n<tr><th>Descrizione</th><th>Peso</th><th>Inizio Previsto</th><th>Fine Prevista</th><th>Responsabile</th><th>Centro di Responsabilità</th><th>Note</th></tr>\n");
    for ph in &p.phases {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&ph.description),
            ph.weight.map(|w| w.to_string()).unwrap_or_default(),
            ph.start.slash(),
            ph.end.slash(),
            esc(&ph.responsible),
            esc(&ph.centre),
            esc(&ph.note)
        ));
    }
    s.push_str("</table>\n<h3>INDICATORI</h3>\n<table>\n<tr><th>Descrizione</th><th>Tipo</th><th>Valore Atteso</th></tr>\n");
    for i in &p.indicators {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&i.description),
            esc(&i.kind),
            esc(&i.target)
        ));
    }
    s.push_str("</table>\n</body>\n</html>\n");
    s
}
