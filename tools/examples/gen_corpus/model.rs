//! What a generated document says, before it is rendered as PDF, text or
//! HTML: a PEG sheet or a deliberation, with every value drawn from the
//! document's own [`Rng`].

use crate::rng::Rng;
use crate::vocab::*;
use atti_italian::date::MONTH_NAMES;
use atti_italian::numwords;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

fn days_in(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    pub fn random_in(rng: &mut Rng, y: i32, m_lo: u32, m_hi: u32) -> Date {
        let m = rng.range(m_lo as usize, m_hi as usize) as u32;
        let d = rng.range(1, days_in(y, m) as usize) as u32;
        Date { y, m, d }
    }

    pub fn month_end(y: i32, m: u32) -> Date {
        Date {
            y,
            m,
            d: days_in(y, m),
        }
    }

    /// dd/mm/yyyy
    pub fn slash(&self) -> String {
        format!("{:02}/{:02}/{}", self.d, self.m, self.y)
    }

    pub fn iso(&self) -> String {
        format!("{}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

pub fn person(rng: &mut Rng) -> (String, String) {
    (rng.pick(SURNAMES).to_string(), rng.pick(NAMES).to_string())
}

#[derive(Debug, Clone)]
pub struct Phase {
    pub description: String,
    pub weight: Option<u32>,
    pub start: Date,
    pub end: Date,
    pub responsible: String,
    pub centre: String,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub description: String,
    pub kind: String,
    pub target: String,
}

/// One PEG sheet: one management objective.
#[derive(Debug, Clone)]
pub struct Peg {
    pub comune: String,
    pub year: i32,
    pub code: String,
    pub title: String,
    pub direzione: String,
    pub direttore: String,
    pub classificazione: String,
    pub servizio: String,
    pub dirigente: String,
    pub tipologia: String,
    pub indirizzo: (String, String),
    pub strategico: (String, String),
    pub operativo: String,
    pub description: Vec<String>,
    pub phases: Vec<Phase>,
    pub indicators: Vec<Indicator>,
}

fn upper_person(rng: &mut Rng) -> String {
    let (s, n) = person(rng);
    format!("{} {}", s.to_uppercase(), n.to_uppercase())
}

impl Peg {
    pub fn generate(rng: &mut Rng) -> Peg {
        let (comune, _) = *rng.pick(COMUNI);
        let year = rng.range(2016, 2025) as i32;
        let d = rng.below(DIREZIONI.len());
        let (direzione, servizi) = DIREZIONI[d];
        let servizio = rng.pick(servizi).to_string();
        let letters = ["Z", "ZA", "ZG", "DB", "U", "S", "T", "P"];
        let code = format!("{}_{}{:03}", year, rng.pick(&letters), rng.range(1, 140));
        let q = rng.pick(QUALIFIERS);
        let title = format!(
            "{} {}{}{}",
            rng.pick(ACTIONS),
            rng.pick(OBJECTS),
            if q.is_empty() { "" } else { " " },
            q
        );
        let direttore = upper_person(rng);
        let dirigente = if rng.chance(0.5) {
            direttore.clone()
        } else {
            upper_person(rng)
        };
        let ind_n = rng.range(1, 15);
        let str_n = rng.range(1, 9);
        let indirizzo = (
            format!("{year}_IND_STRATEG_{ind_n:02}"),
            rng.pick(INDIRIZZI).to_string(),
        );
        let strategico = (
            format!("{year}_{ind_n:02}_IS_OB_STR_{str_n:02}"),
            rng.pick(STRATEGICI).to_string(),
        );
        let operativo = format!(
            "Missione {:02} - obiettivo {}.{}",
            rng.range(1, 20),
            ind_n,
            str_n
        );
        let mut description = Vec::new();
        for _ in 0..rng.range(2, 5) {
            description.push(sentence(rng, &comune.to_string()));
        }
        // Phases follow each other through the year; some sheets have many,
        // so that the table runs onto the next page.
        let n_phases = if rng.chance(0.25) {
            rng.range(10, 28)
        } else {
            rng.range(2, 7)
        };
        let mut phases = Vec::with_capacity(n_phases);
        let weights = rng.chance(0.4);
        // Starts spread over the year in order; a phase lasts one to three
        // months; long lists overlap, as real plans do.
        for i in 0..n_phases {
            let start_m = 1 + (i * 12 / n_phases) as u32;
            let start_d = if n_phases > 12 && i % 2 == 1 { 15 } else { 1 };
            let end_m = (start_m + (12 / n_phases as u32).max(1) - 1 + rng.below(2) as u32).min(12);
            let start = Date {
                y: year,
                m: start_m,
                d: start_d,
            };
            let end = Date::month_end(year, end_m);
            let responsible = if rng.chance(0.6) {
                dirigente.clone()
            } else {
                upper_person(rng)
            };
            phases.push(Phase {
                description: PHASES[(rng.below(PHASES.len()) + i) % PHASES.len()].to_string(),
                weight: weights.then(|| (100 / n_phases as u32).max(1)),
                start,
                end,
                responsible,
                centre: servizio.clone(),
                note: rng.pick(NOTES).to_string(),
            });
        }
        let mut indicators = Vec::new();
        for _ in 0..rng.range(1, 4) {
            let (d, k, targets) = *rng.pick(INDICATORS);
            indicators.push(Indicator {
                description: d.to_string(),
                kind: k.to_string(),
                target: rng.pick(targets).to_string(),
            });
        }
        Peg {
            comune: comune.to_string(),
            year,
            code,
            title,
            direzione: direzione.to_string(),
            direttore,
            classificazione: rng.pick(CLASSIFICAZIONI).to_string(),
            servizio,
            dirigente,
            tipologia: rng.pick(TIPOLOGIE).to_string(),
            indirizzo,
            strategico,
            operativo,
            description,
            phases,
            indicators,
        }
    }
}

fn sentence(rng: &mut Rng, comune: &str) -> String {
    let starts = [
        "Nell’ambito del progetto si intende",
        "L’obiettivo prevede di",
        "L'Amministrazione intende",
        "Si rende necessario",
        "Compito della Direzione sarà",
        "È in questo quadro che si intende",
    ];
    let verbs = [
        "rafforzare il coordinamento con gli uffici della Città metropolitana",
        "ridurre i tempi di conclusione dei procedimenti",
        "garantire la continuità dei servizi erogati ai cittadini",
        "completare la digitalizzazione dei fascicoli",
        "migliorare la qualità dei dati pubblicati nella sezione Amministrazione trasparente",
        "promuovere la costituzione di uffici comuni con gli enti dell’ambito",
        "assicurare il rispetto degli equilibri di bilancio",
        "sviluppare la partecipazione delle associazioni del territorio",
    ];
    let tails = [
        format!("del Comune di {comune}"),
        "nel rispetto delle risorse assegnate".to_string(),
        "in raccordo con l’Assessore delegato".to_string(),
        "entro la fine dell’esercizio".to_string(),
        "anche mediante convenzioni, ove possibile".to_string(),
    ];
    format!(
        "{} {} {}.",
        rng.pick(&starts),
        rng.pick(&verbs),
        rng.pick(&tails)
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Organ {
    Giunta,
    Consiglio,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    pub role: String,
    pub present: bool,
}

/// A deliberation of the Giunta or the Consiglio comunale.
#[derive(Debug, Clone)]
pub struct Deliberation {
    pub comune: String,
    pub provincia: String,
    pub organ: Organ,
    pub number: u32,
    pub date: Date,
    pub hour: String,
    pub subject: String,
    pub members: Vec<Member>,
    pub president: String,
    pub secretary: String,
    pub premises: Vec<String>,
    pub decisions: Vec<String>,
    pub votes: (u32, u32, u32),
    pub immediately_executable: bool,
}

impl Deliberation {
    pub fn generate(rng: &mut Rng) -> Deliberation {
        let (comune, provincia) = *rng.pick(COMUNI);
        let organ = if rng.chance(0.6) {
            Organ::Giunta
        } else {
            Organ::Consiglio
        };
        let year = rng.range(2016, 2026) as i32;
        let date = Date::random_in(rng, year, 1, 12);
        let number = rng.range(1, if organ == Organ::Giunta { 250 } else { 90 }) as u32;
        let hour = format!(
            "{:02}:{}",
            rng.range(9, 21),
            rng.pick(&["00", "15", "30", "45"])
        );
        let subject = format!(
            "{} {}",
            rng.pick(SUBJECT_HEADS),
            rng.pick(SUBJECT_TAILS)
                .replace("{year}", &year.to_string())
                .replace("{year2}", &(year + 2).to_string())
                .replace("{year0}", &(year - 1).to_string())
        );
        let mut members = Vec::new();
        let n = if organ == Organ::Giunta {
            rng.range(5, 8)
        } else {
            rng.range(11, 17)
        };
        for i in 0..n {
            let (s, f) = person(rng);
            let role = match (organ, i) {
                (_, 0) => "Sindaco",
                (Organ::Giunta, 1) => "Vice Sindaco",
                (Organ::Giunta, _) => "Assessore",
                (Organ::Consiglio, _) => "Consigliere",
            };
            members.push(Member {
                name: format!("{s} {f}"),
                role: role.to_string(),
                present: i == 0 || rng.chance(0.8),
            });
        }
        let present = members.iter().filter(|m| m.present).count() as u32;
        let against = if organ == Organ::Consiglio && rng.chance(0.5) {
            rng.range(1, 3) as u32
        } else {
            0
        };
        let abstained = if rng.chance(0.3) { 1 } else { 0 };
        let votes = (
            present.saturating_sub(against + abstained),
            against,
            abstained,
        );
        let (ss, sf) = person(rng);
        let d2 = Date::random_in(rng, year - 1, 1, 12);
        let y3 = year - rng.range(2, 6) as i32;
        let d3 = Date::random_in(rng, y3, 1, 12);
        let mut premises = Vec::new();
        premises.push(PREMISES[0].to_string());
        for _ in 0..rng.range(3, 9) {
            let p = rng
                .pick(&PREMISES[1..])
                .replace("{n2}", &rng.range(1, 80).to_string())
                .replace("{d2}", &d2.slash())
                .replace("{n3}", &rng.range(1, 80).to_string())
                .replace("{d3}", &d3.slash());
            if !premises.contains(&p) {
                premises.push(p);
            }
        }
        let mut decisions = vec![
            "di richiamare la premessa quale parte integrante e sostanziale del presente atto;"
                .to_string(),
            format!(
                "di approvare {} come risultante dall’allegato “A”;",
                subject.to_lowercase()
            ),
        ];
        if rng.chance(0.6) {
            decisions.push(
                "di demandare ai Dirigenti competenti l’adozione degli atti conseguenti;"
                    .to_string(),
            );
        }
        if rng.chance(0.5) {
            decisions.push(format!(
                "di dare atto che la spesa di € {}.{:03},{:02} trova copertura nel bilancio {}-{};",
                rng.range(1, 250),
                rng.below(1000),
                rng.below(100),
                year,
                year + 2
            ));
        }
        decisions.push("di pubblicare il presente atto all’Albo pretorio on line e nella sezione Amministrazione trasparente;".to_string());
        Deliberation {
            comune: comune.to_string(),
            provincia: provincia.to_string(),
            organ,
            number,
            date,
            hour,
            subject,
            president: members[0].name.clone(),
            members,
            secretary: format!("{ss} {sf}"),
            premises,
            decisions,
            votes,
            immediately_executable: rng.chance(0.7),
        }
    }

    pub fn organ_upper(&self) -> &'static str {
        match self.organ {
            Organ::Giunta => "GIUNTA COMUNALE",
            Organ::Consiglio => "CONSIGLIO COMUNALE",
        }
    }

    /// "L'anno duemilaventitré, il giorno ..." paragraph.
    pub fn opening(&self) -> String {
        let place = match self.organ {
            Organ::Giunta => "nella sala delle adunanze della sede comunale, convocata nei modi di legge, si è riunita la Giunta comunale",
            Organ::Consiglio => "nella sala consiliare, in seduta pubblica di prima convocazione, si è riunito il Consiglio comunale",
        };
        format!(
            "L'anno {}, il giorno {} del mese di {}, alle ore {}, {}, nelle persone dei signori:",
            numwords::words(self.date.y as u32).unwrap_or_default(),
            match self.date.d {
                1 => "primo".to_owned(),
                d => numwords::words(d).unwrap_or_default(),
            },
            MONTH_NAMES[self.date.m as usize - 1],
            self.hour,
            place
        )
    }

    pub fn votes_sentence(&self) -> String {
        let (f, c, a) = self.votes;
        if c == 0 && a == 0 {
            "Con voti unanimi favorevoli, espressi nelle forme di legge,".to_string()
        } else {
            format!("Con voti favorevoli n. {f}, contrari n. {c}, astenuti n. {a}, espressi per alzata di mano,")
        }
    }

    pub const EXECUTABLE: &'static str = "Di dichiarare la presente deliberazione immediatamente eseguibile, ai sensi dell’art. 134, comma 4, del D.Lgs. 18 agosto 2000, n. 267.";
}
