//! Citation forms as word processors and older drafting print them (our own
//! wording, not copied from any gold act): a decree-law whose hyphen became
//! a spaced dash ("decreto – legge"), a law abbreviated as "L" without its
//! full stop before its date, paragraphs named by ordinal words in a list
//! ("art. 117, commi secondo e terzo"), and an act's heading on the line
//! after a site's line.

use super::lawyer_forms_tests::check;

#[test]
fn a_decree_law_with_a_spaced_dash() {
    check(&[
        (
            "di cui all’articolo 1 del decreto – legge 6 maggio 2021, n. 59, si applicano",
            &["decreto_legge 59/2021 art. 1"],
        ),
        (
            "l'art. 207, comma 1, del decreto - legge 19 maggio 2020, n. 34, convertito dalla legge 17 luglio 2020, n. 77",
            &["decreto_legge 34/2020 art. 207 c. 1", "legge 77/2020"],
        ),
        (
            "visto il decreto — legislativo 18 aprile 2016, n. 50",
            &["decreto_legislativo 50/2016"],
        ),
        // A dash between two clauses is no decree-law.
        (
            "il decreto – la legge lo consente – è adottato ai sensi della legge 7 agosto 1990, n. 241",
            &["legge 241/1990"],
        ),
    ]);
}

#[test]
fn a_law_abbreviated_as_l_without_its_full_stop_before_its_date() {
    check(&[
        (
            "di cui all’art. 1, comma 418, della L 27 dicembre 2017, n. 205 “Bilancio di previsione”",
            &["legge 205/2017 art. 1 c. 418"],
        ),
        (
            "ai sensi della L 7 agosto 1990 n. 241",
            &["legge 241/1990"],
        ),
        // A bare L before a number is a size, a class, a series: no law.
        (
            "taglia L 42, classe L 2 del catalogo",
            &[],
        ),
    ]);
}

#[test]
fn paragraphs_named_by_ordinal_words_in_a_list() {
    check(&[
        (
            "- Costituzione, art. 117, commi secondo, lett. e), e terzo.",
            &[
                "costituzione 1947 art. 117 c. 2 lett. e",
                "costituzione 1947 art. 117 c. 3",
            ],
        ),
        (
            "l'art. 3, commi primo e secondo, della legge 7 agosto 1990, n. 241",
            &["legge 241/1990 art. 3 c. 1", "legge 241/1990 art. 3 c. 2"],
        ),
    ]);
}

#[test]
fn an_acts_heading_on_the_line_after_a_sites_line() {
    check(&[(
        "Normativa regionale - Molise\nLegge regionale 22 gennaio 2010, n. 3\nLegge finanziaria regionale 2010\n \nIl Consiglio regionale ha approvato IL PRESIDENTE DELLA GIUNTA Promulga la seguente legge ARTICOLO 1 (Finalità) 1. È autorizzata l’iscrizione delle somme riferite all’anno 2008 ai sensi dell’articolo 61 della legge regionale 7 maggio 2002, n. 4 (Nuovo ordinamento contabile).",
        &["legge_regionale 4/2002 art. 61"],
    ),
    // A citation that a narrow column put alone on its line, after a
    // sentence broken mid-way, is a citation.
    (
        "COMUNE DI PROVA\nIl responsabile, ai sensi della\nLegge 7 agosto 1990, n. 241\ne dello statuto, dispone quanto segue in merito al procedimento avviato su istanza di parte, previa istruttoria del servizio competente e acquisiti i pareri prescritti dai regolamenti vigenti.",
        &["legge 241/1990"],
    )]);
}

#[test]
fn an_article_printed_right_after_its_act_before_another_act() {
    check(&[
        (
            "Riferimenti: L. n. 441/1982, D.Lgs. n. 33/2013 art. 47, L. n. 689/1981,",
            &[
                "legge 441/1982",
                "decreto_legislativo 33/2013 art. 47",
                "legge 689/1981",
            ],
        ),
        (
            "norme: D.Lgs. 50/2016 art. 36, L. 120/2020 art. 1",
            &[
                "decreto_legislativo 50/2016 art. 36",
                "legge 120/2020 art. 1",
            ],
        ),
        // An article after a comma, or opening its own clause, is the next act's.
        (
            "visti il D.L. 95/2012, art. 1, L. n. 135/2012",
            &["decreto_legge 95/2012", "legge 135/2012 art. 1"],
        ),
        (
            "visti l'art. 1, L. n. 191/2004 e il D.L. 95/2012",
            &["legge 191/2004 art. 1", "decreto_legge 95/2012"],
        ),
    ]);
}
