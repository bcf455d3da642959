//! Writes the PDF samples in `samples/` from known content, with the same
//! renderer as the benchmark corpus (`tools/examples/gen_corpus`):
//!
//! - `peg_2021_Z001.pdf`: the seed PEG sheet (`peg_2021_Z001.txt`) as a
//!   landscape PDF with the standard 14 fonts, its GANTT phases and
//!   indicators as ruled tables;
//! - `delibera_consiglio_2024_031.pdf`: a deliberation of a Consiglio
//!   comunale with an attendance table.
//!
//! The output is deterministic: run it again and the files do not change.
//! `cargo run --release -p atti-dev --example gen_samples [-- OUT_DIR]` (default: samples).

#[path = "gen_corpus/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "gen_corpus/render_pdf.rs"]
#[allow(dead_code)]
mod render_pdf;
#[path = "gen_corpus/rng.rs"]
#[allow(dead_code)]
mod rng;
#[path = "gen_corpus/vocab.rs"]
#[allow(dead_code)]
mod vocab;

use model::{Date, Deliberation, Indicator, Member, Organ, Peg, Phase};

fn date(y: i32, m: u32, d: u32) -> Date {
    Date { y, m, d }
}

fn seed_peg() -> Peg {
    Peg {
        comune: "Firenze".into(),
        year: 2021,
        code: "2021_Z001".into(),
        title: "Progetto Grande Firenze, associazione intercomunale".into(),
        direzione: "SEGRETARIO GENERALE".into(),
        direttore: "ASCIONE GIUSEPPE".into(),
        classificazione: "DIREZIONALE".into(),
        servizio: "SEGRETARIO GENERALE".into(),
        dirigente: "ASCIONE GIUSEPPE".into(),
        tipologia: "SVILUPPO".into(),
        indirizzo: ("2021_IND_STRATEG_13".into(), "BUONA AMMINISTR. E QUARTIERI".into()),
        strategico: ("2021_13_IS_OB_STR_03".into(), "GRANDE FIRENZE METROPOLITANA".into()),
        operativo: "Missione 01 - obiettivo 13.3".into(),
        description: vec![
            "Nell'ambito del progetto la \"Grande Firenze\" metropolitana si intende rafforzare la dialettica con la Città Metropolitana, quale magnete di sviluppo per la realizzazione delle strategie di area vasta.".into(),
            "Comune e Città metropolitana dovranno lavorare in modo sempre più integrato, anche promuovendo la costituzione di uffici comuni e Unioni di Comuni e convenzioni, ove possibile.".into(),
            "E' in questo quadro che rientra il progetto di costituzione di un'associazione intercomunale su funzioni e/o servizi di interesse dei comuni coinvolti.".into(),
            "Compito del Segretario Generale sarà l'assistenza tecnica alla predisposizione degli atti per la costituzione di tale associazione.".into(),
            "E' necessario il raccordo, il confronto e il concorso con gli uffici della Città Metropolitana.".into(),
            "La forte interazione con i livelli politici degli enti potenzialmente interessati comporta un flusso informativo adeguato nei confronti dell'Assessore delegato.".into(),
        ],
        phases: vec![
            Phase {
                description: "Predisposizione bozza di convenzione per la gestione di servizi associati".into(),
                weight: None,
                start: date(2021, 1, 1),
                end: date(2021, 4, 30),
                responsible: "ASCIONE GIUSEPPE".into(),
                centre: "SEGRETARIO GENERALE".into(),
                note: String::new(),
            },
            Phase {
                description: "Partecipazione agli incontri con gli enti di volta in volta coinvolti".into(),
                weight: None,
                start: date(2021, 5, 1),
                end: date(2021, 12, 31),
                responsible: "ASCIONE GIUSEPPE".into(),
                centre: "SEGRETARIO GENERALE".into(),
                note: String::new(),
            },
        ],
        indicators: vec![
            Indicator {
                description: "N. incontri con enti coinvolti".into(),
                kind: "RISULTATO".into(),
                target: ">=3".into(),
            },
            Indicator {
                description: "N. enti coinvolti nel progetto di associazione".into(),
                kind: "RISULTATO".into(),
                target: ">= 2".into(),
            },
        ],
    }
}

fn consiglio() -> Deliberation {
    let m = |name: &str, role: &str, present: bool| Member {
        name: name.into(),
        role: role.into(),
        present,
    };
    Deliberation {
        comune: "Valle Serena".into(),
        provincia: "Bergamo".into(),
        organ: Organ::Consiglio,
        number: 31,
        date: date(2024, 7, 29),
        hour: "20:45".into(),
        subject: "Variazione di assestamento generale e salvaguardia degli equilibri di bilancio per l'esercizio 2024 ai sensi degli articoli 175 e 193 del D.Lgs. 18 agosto 2000, n. 267".into(),
        members: vec![
            m("CATTANEO PIETRO", "Sindaco", true),
            m("BONETTI ANNA", "Consigliere", true),
            m("MAGRI LUIGI", "Consigliere", true),
            m("PESENTI CARLA", "Consigliere", false),
            m("ROTA STEFANO", "Consigliere", true),
            m("LOCATELLI MARTA", "Consigliere", true),
            m("GHILARDI ENRICO", "Consigliere", true),
            m("MILESI SILVIA", "Consigliere", false),
            m("FACCHINETTI ANDREA", "Consigliere", true),
            m("BELOTTI GIADA", "Consigliere", true),
            m("ZANCHI MATTEO", "Consigliere", true),
        ],
        president: "CATTANEO PIETRO".into(),
        secretary: "VITALI ROBERTA".into(),
        premises: vec![
            "Visto l'art. 175, comma 8, del D.Lgs. 18 agosto 2000, n. 267, che disciplina la variazione di assestamento generale;".into(),
            "Visto l'art. 193 del medesimo decreto, in materia di salvaguardia degli equilibri di bilancio;".into(),
            "Visto il D.Lgs. 23 giugno 2011, n. 118, e il principio contabile applicato della programmazione;".into(),
            "Acquisito il parere favorevole dell'organo di revisione ai sensi dell'art. 239, comma 1, lett. b), del T.U. n. 267/2000;".into(),
        ],
        decisions: vec![
            "di approvare la variazione di assestamento generale del bilancio di previsione 2024-2026, come da prospetti allegati;".into(),
            "di dare atto del permanere degli equilibri generali di bilancio;".into(),
        ],
        votes: (7, 2, 0),
        immediately_executable: true,
    }
}

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "samples".into()));
    std::fs::create_dir_all(&out).expect("output folder");
    // No TrueType font: the samples use the standard 14 fonts, so they can
    // be regenerated on any machine and give the same bytes.
    let fonts = render_pdf::Fonts {
        regular: None,
        bold: None,
    };
    let mut rng = rng::Rng::for_doc(1, 0);
    let peg = render_pdf::peg(&seed_peg(), &mut rng, &fonts).expect("PEG sheet renders");
    let mut rng = rng::Rng::for_doc(1, 1);
    let del =
        render_pdf::deliberation(&consiglio(), &mut rng, &fonts).expect("deliberation renders");
    for (name, r) in [
        ("peg_2021_Z001.pdf", peg),
        ("delibera_consiglio_2024_031.pdf", del),
    ] {
        let path = out.join(name);
        std::fs::write(&path, &r.bytes).expect("write sample");
        eprintln!(
            "{}: {} pages, {} fonts, {} text",
            path.display(),
            r.pages,
            r.fonts,
            r.style
        );
    }
}
