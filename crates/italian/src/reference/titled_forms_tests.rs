//! Families seen in session 46's blind batch (an independent authority's
//! deliberations, two rectoral decrees, a land-reclamation consortium's
//! plan, national park bodies' pages), written in our own wording as other
//! bodies print them: a paragraph written as a cardinal before "comma"
//! ("art. 29, 1 comma"), a date with "del" before its year ("12 luglio del
//! 1993"), and a law named by its subject before its date and number ("art.
//! 9 della legge quadro sulle aree protette, legge ... n. 394"); and, from
//! the probes that followed, an article after the name printed next to its
//! act ("D.Lgs. n. 50/2016 (Codice dei contratti pubblici), art. 36").

use super::lawyer_forms_tests::check;

#[test]
fn a_cardinal_paragraph_before_comma() {
    check(&[
        (
            "ai sensi dell'art. 29, 1 comma della L. R. 34/1994",
            &["legge_regionale 34/1994 art. 29 c. 1"],
        ),
        (
            "come previsto dall'art. 12, 3 comma, del D.Lgs. n. 165/2001",
            &["decreto_legislativo 165/2001 art. 12 c. 3"],
        ),
        (
            "secondo l'articolo 5, 2 comma della legge n. 241/1990",
            &["legge 241/1990 art. 5 c. 2"],
        ),
        // The degree sign keeps its reading.
        (
            "dall'art. 134, 4° comma, del D.Lgs. 267/2000",
            &["decreto_legislativo 267/2000 art. 134 c. 4"],
        ),
        // A number after "comma" makes it the next article's paragraph.
        (
            "visti gli artt. 28, 29 comma 2 della legge n. 241/1990",
            &["legge 241/1990 art. 28", "legge 241/1990 art. 29 c. 2"],
        ),
    ]);
}

#[test]
fn a_date_with_del_before_its_year() {
    check(&[
        (
            "con decreto del Presidente della Repubblica del 12 luglio del 1993 è stato istituito l'ente",
            &["dpr 1993"],
        ),
        (
            "visto il D.P.C.M. del 3 marzo del 2021",
            &["dpcm 2021"],
        ),
        (
            "la legge 7 agosto del 1990, n. 241",
            &["legge 241/1990"],
        ),
        // Without "del" as before.
        (
            "decreto del Presidente della Repubblica 12 luglio 1993",
            &["dpr 1993"],
        ),
    ]);
}

#[test]
fn a_law_named_by_its_subject_before_its_act() {
    check(&[
        (
            "l'art. 9 della legge quadro sulle aree protette, legge 6 dicembre 1991, n. 394, dispone",
            &["legge 394/1991 art. 9"],
        ),
        (
            "ai sensi dell'art. 6 della legge quadro sull'inquinamento acustico, legge 26 ottobre 1995, n. 447",
            &["legge 447/1995 art. 6"],
        ),
        (
            "l'articolo 4 della legge sul procedimento amministrativo, L. n. 241/1990",
            &["legge 241/1990 art. 4"],
        ),
        (
            "art. 3, comma 2, del testo unico in materia di documentazione, D.P.R. 445/2000",
            &["dpr 445/2000 art. 3 c. 2"],
        ),
        // A name followed by another clause names no act.
        (
            "l'art. 9 della legge sulle aree protette, come è noto, disciplina gli enti",
            &[],
        ),
    ]);
}

#[test]
fn an_article_after_the_name_printed_next_to_its_act() {
    check(&[
        (
            "visto il D.Lgs. n. 50/2016 (Codice dei contratti pubblici), art. 36, comma 2",
            &["decreto_legislativo 50/2016 art. 36 c. 2"],
        ),
        (
            "visto il D.Lgs. n. 50/2016 – Codice dei contratti pubblici – art. 36, comma 2, lett. a)",
            &["decreto_legislativo 50/2016 art. 36 c. 2 lett. a"],
        ),
        (
            "visto il D.Lgs. 267/2000 (TUEL), artt. 107 e 109",
            &[
                "decreto_legislativo 267/2000 art. 107",
                "decreto_legislativo 267/2000 art. 109",
            ],
        ),
        (
            "vista la L. 190/2012 - Disposizioni per la prevenzione della corruzione - art. 1, comma 32",
            &["legge 190/2012 art. 1 c. 32"],
        ),
        // A heading on the next line is the text's own article.
        (
            "visto il D.Lgs. 267/2000 (T.U.E.L.)\nArt. 1 - Oggetto del regolamento",
            &["decreto_legislativo 267/2000"],
        ),
        (
            "vista la L. 190/2012 - Disposizioni per la prevenzione della corruzione -\nArt. 1 Oggetto",
            &["legge 190/2012"],
        ),
        // An article that names its own act after the brackets.
        (
            "visto il D.Lgs. 267/2000 (TUEL), art. 5 del regolamento comunale",
            &["decreto_legislativo 267/2000"],
        ),
    ]);
}

/// A ministerial decree with its ministry's acronym after "D.M." or "DM",
/// as determinations cite the decree on split payment or on works'
/// management (our own wording).
#[test]
fn a_ministerial_decree_with_its_ministry_acronym() {
    check(&[
        (
            "ai sensi del D.M. MIT n. 49 del 7 marzo 2018",
            &["decreto_ministeriale 49/2018"],
        ),
        (
            "secondo il DM MEF 23 gennaio 2015 sulla scissione dei pagamenti",
            &["decreto_ministeriale 2015"],
        ),
        (
            "l'art. 5 del D.M. MIMS 12 aprile 2022, n. 141",
            &["decreto_ministeriale 141/2022 art. 5"],
        ),
    ]);
}
