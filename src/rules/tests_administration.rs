//! The administration that issues an act, read from texts written for
//! these tests (not from any corpus document): the body named in the
//! letterhead, else the body the act speaks as, never one it only cites;
//! and a main amount only where a dispositive decides one.

use super::*;
use crate::read::Page;

fn read(text: &str) -> RuleOutput {
    let pages = [Page {
        number: 1,
        text: text.to_owned(),
        ..Page::default()
    }];
    RuleSet::load(None, true).unwrap().apply(&pages)
}

fn admin(text: &str) -> Option<String> {
    read(text).administration
}

#[test]
fn a_school_is_the_body_of_its_letterhead_not_the_ministry_above_it() {
    for (text, want) in [
        (
            "ISTITUTO COMPRENSIVO“G. RODARI”\n10100 TORINO via Nizza n. 3\nCod.Fisc. 97500000000\nOggetto: determina a contrarre per l'acquisto di toner\nIL DIRIGENTE SCOLASTICO\nVISTO il D.I. 129/2018;",
            "Istituto Comprensivo G. Rodari",
        ),
        (
            "Ministero dell’Istruzione e del Merito Istituto Comprensivo statale di Via Roma - Bari\nSede amministrativa - Via Roma, 5\nOggetto: affidamento diretto del servizio di trasporto\nVISTO il R.D. 2440/1923;",
            "Istituto Comprensivo statale di Via Roma - Bari",
        ),
        (
            "Al sito web\nSCUOLA SECONDARIA DI PRIMO GRADO “GIOVANNI PASCOLI”\nVia Dante, 12 – 80100 Napoli\nOggetto: Determina a contrarre per il servizio di formazione\nPREMESSO che questa Istituzione Scolastica ha ottenuto il finanziamento;",
            "Scuola Secondaria di Primo Grado Giovanni Pascoli",
        ),
        (
            "LICEO SCIENTIFICO STATALE “A. VOLTA” (MI)\nOggetto: acquisto di materiale di laboratorio\nIL DIRIGENTE SCOLASTICO",
            "Liceo Scientifico Statale A. Volta",
        ),
    ] {
        assert_eq!(admin(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_body_made_of_others_is_the_one_its_organ_speaks_for() {
    // The member bodies print their names above the ente's in the
    // letterhead; the assembly adopts the act in the ente's name.
    let text = "Provincia di Treviso Comune di Treviso\n\nENTE DI GOVERNO DELL'AMBITO TERRITORIALE OTTIMALE DI TREVISO\n\nDeliberazione n. 3\nOggetto: approvazione della tariffa\nL’ASSEMBLEA DELL’ENTE DI GOVERNO DELL'AMBITO TERRITORIALE OTTIMALE DI TREVISO\nPremesso che:\n";
    assert_eq!(
        admin(text).as_deref(),
        Some("Ente di Governo dell'Ambito Territoriale Ottimale di Treviso")
    );
    // A health agency whose director general adopts the act, under a
    // letterhead printed as an image (no text): the agency.
    let text = "Deliberazione n. 12 del 3/4/2024\nOggetto: fornitura di reagenti\nIL DIRETTORE GENERALE DELL'AZIENDA SANITARIA LOCALE DI FROSINONE\nVISTO il d.lgs. 502/1992;\nconsiderato che la Regione Lazio ha assegnato i fondi;\n";
    assert_eq!(
        admin(text).as_deref(),
        Some("Azienda Sanitaria Locale di Frosinone")
    );
}

#[test]
fn a_district_of_a_town_issues_in_the_towns_name() {
    let text = "MUNICIPIO V - VALPOLCEVERA DETERMINAZIONE DIRIGENZIALE N. 4\nACQUISTO DI MATERIALI PER LA MANUTENZIONE DEGLI IMMOBILI IN USO AL COMUNE DI GENOVA: materiale edile (CIG Z2F235F6BB)\n";
    assert_eq!(admin(text).as_deref(), Some("Comune di Genova"));
    // An all-capital name of several words cannot be told from the words
    // after it: no administration rather than a wrong one.
    let text = "MUNICIPIO 2\nCONTRIBUTO AL COMUNE DI SAN DONATO PER LA FESTA PATRONALE\n";
    assert_eq!(admin(text), None);
}

#[test]
fn a_body_only_cited_is_not_the_issuer() {
    let text = "COMUNE DI VIGNOLA\nProvincia di Modena\nDETERMINAZIONE N. 17\nOggetto: rimborso all'Istituto Comprensivo di Vignola\nVISTA la nota dell'Ente Parco regionale;\n";
    assert_eq!(admin(text).as_deref(), Some("Comune di Vignola"));
}

#[test]
fn no_main_amount_where_no_dispositive_is_read() {
    // A transcript cut after its premises: the sums are those the premises
    // recall (a programme's total), not one the act decides.
    let text = "DETERMINA DEL DIRETTORE N. 12/2020\nOggetto: perizia di variante dei lavori di manutenzione\nPREMESSO che con delibera n. 5 è stato approvato il programma per l'importo complessivo di € 1.200.000,00;\nche i lavori sono stati affidati alla ditta Alfa S.r.l. per € 300.000,00;\n";
    assert_eq!(
        read(text).decisions.first().and_then(|d| d.main_amount),
        None
    );
    // Without its dispositive, a subject that says what the act decides
    // ("determinazione di impegno ... per l'importo di") still gives it.
    let cut = "Determinazione n. 40 del 2/5/2019\nOggetto: Determinazione di impegno per l'importo complessivo di € 20.000,00 a favore dei comuni beneficiari.\nVISTO lo Statuto;\nVISTA la legge regionale che stanzia € 500.000,00;\n";
    let d = read(cut).decisions.into_iter().next().unwrap();
    assert_eq!(
        d.main_amount.map(|e| e.to_string()),
        Some("20000.00".to_owned())
    );
    assert_eq!(d.main_amount_role.as_deref(), Some("commitment"));
    // The same act with its dispositive decides the sum it commits.
    let text =
        format!("{text}DETERMINA\n1. di impegnare la somma di € 15.000,00 per la variante;\n");
    let d = read(&text).decisions.into_iter().next().unwrap();
    assert_eq!(
        d.main_amount.map(|e| e.to_string()),
        Some("15000.00".to_owned())
    );
}

#[test]
fn a_letter_spaced_letterhead_is_read_as_its_words() {
    // Letters parted by one space, words by two.
    let text = "C O M U N E  D I  V I C O V A R O\nProvincia di Roma\nDETERMINAZIONE N. 8\nOggetto: acquisto di arredi\n";
    assert_eq!(admin(text).as_deref(), Some("Comune di Vicovaro"));
    // Letters parted evenly: the heading words of public bodies part them,
    // a place's name is what is left between them.
    let text = "Decreto n. 31\nA Z I E N D A S A N I T A R I A L O C A L E D I R I E T I Via del Terminillo, 42\nOggetto: noleggio di apparecchiature\nIL DIRETTORE GENERALE\n";
    assert_eq!(
        admin(text).as_deref(),
        Some("Azienda Sanitaria Locale di Rieti")
    );
}

#[test]
fn a_health_body_under_its_regions_line_is_the_issuer() {
    let text = "SERVIZIO SANITARIO NAZIONALE\nREGIONE MOLISE\nAZIENDA SANITARIA REGIONALE DEL MOLISE\nDeliberazione del Direttore Generale n. 90\nOggetto: fornitura di farmaci\nVISTA la legge della Regione Molise n. 9/2005;\n";
    assert_eq!(
        admin(text).as_deref(),
        Some("Azienda Sanitaria Regionale del Molise")
    );
    // A region's act keeps the region, whatever bodies it names below.
    let text = "REGIONE MOLISE\nGIUNTA REGIONALE\nDeliberazione n. 7\nOggetto: riparto del fondo tra le aziende\nVISTA la nota dell'Azienda Sanitaria Regionale del Molise;\n";
    assert_eq!(admin(text).as_deref(), Some("Regione Molise"));
}

#[test]
fn a_school_name_ends_at_its_address_and_takes_its_quoted_name_below() {
    for (text, want) in [
        (
            "Istituto Comprensivo 3 Forlimpopoli Via Roma, 15 - 47034 Forlimpopoli Tel. 0543/000000 Prot. N. 12/B15 Oggetto: Determina per l’affidamento diretto di targhe CIG: Z6B304958B IL DIRIGENTE SCOLASTICO VISTO",
            "Istituto Comprensivo 3 Forlimpopoli",
        ),
        (
            "ISTITUTO D’ ISTRUZIONE SUPERIORE\n\"GALILEO FERRARIS\"\nVia Dante, 3 - 10100 Torino\nOggetto: Determina per l’affidamento diretto del viaggio di istruzione\nIL DIRIGENTE SCOLASTICO\nVISTO il D.I. 129/2018;",
            "Istituto d’Istruzione Superiore Galileo Ferraris",
        ),
    ] {
        assert_eq!(admin(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn an_act_without_a_decision_row_keeps_its_codes() {
    // The subject is run into the letterhead's last line and the excerpt
    // stops before the premises: no decision row, yet the act's CIG is read.
    let text = "ISTITUTO COMPRENSIVO X\n\nAll Agid (protocollo@pec.agid.gov.it) Alla Corte dei Conti (campania@corteconticert.it ) Oggetto : DETERMINA a contrarre n. 40 per l acquisto di forniture con AFFIDAMENTO DIRETTO tramite TRATTATIVA DIRETTA sul MEPA\n\nCIG: ZC6364515B;\n\nIL DIRIGENTE SCOLASTICO\n";
    let x = read(text);
    let cig: Vec<&str> = x
        .fields
        .iter()
        .filter(|f| f.name == "decision.cig")
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(cig, ["ZC6364515B"]);
}
