//! Families seen in session 44's blind batch (two universities' rectoral
//! decrees, the statutes of two consortia, a health zone's notice, two
//! small municipalities' determinations), written in our own wording as
//! other bodies print them: the royal decree written "decreto reale" (the
//! decree that founded a consortium or an institute), and the testi unici
//! of the Kingdom's years cited by their date and number alone, and a
//! testo unico named in the title of the act that approved it.

use super::lawyer_forms_tests::check;

#[test]
fn a_royal_decree_written_decreto_reale() {
    check(&[
        (
            "l'Istituto, eretto in ente morale con decreto reale 14 marzo 1929, n. 512, ha sede in Pavia",
            &["regio_decreto 512/1929"],
        ),
        (
            "ai sensi dell'art. 4 del decreto reale 2 dicembre 1923, n. 2682",
            &["regio_decreto 2682/1923 art. 4"],
        ),
        // The adjective alone, not before a date, is no act.
        ("il decreto realizza gli obiettivi del piano", &[]),
    ]);
}

#[test]
fn a_testo_unico_of_the_kingdom_cited_by_date_and_number() {
    check(&[
        (
            "in deroga al termine di cui all'art. 17 del testo unico 31 agosto 1933, n. 1592",
            &["regio_decreto 1592/1933 art. 17"],
        ),
        (
            "ai sensi dell'art. 216 del T.U. 27 luglio 1934, n. 1265, sulle industrie insalubri",
            &["regio_decreto 1265/1934 art. 216"],
        ),
        (
            "visto il testo unico delle leggi sulla Corte dei conti, approvato con regio decreto 12 luglio 1934, n. 1214",
            &["regio_decreto 1214/1934"],
        ),
        (
            "l'art. 40 del testo unico dell'imposta di registro",
            &["dpr 131/1986 art. 40"],
        ),
    ]);
}

#[test]
fn a_testo_unico_named_in_the_title_of_the_act_that_approved_it() {
    check(&[
        (
            "visto il decreto legislativo 16 aprile 1994, n. 297, recante «Approvazione del testo unico delle disposizioni legislative vigenti in materia di istruzione, relative alle scuole di ogni ordine e grado»",
            &["decreto_legislativo 297/1994"],
        ),
        (
            "visto il R.D. 27 luglio 1934, n. 1265, recante “Approvazione del testo unico delle leggi sanitarie”, e in particolare l'art. 216",
            &["regio_decreto 1265/1934 art. 216"],
        ),
    ]);
}
