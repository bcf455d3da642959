//! Tests of [`super`]: answers as `soffice --convert-to csv` 7.4 wrote them
//! (`bench/office/empty_cells.py`).

use super::*;

fn range(v: Vec<V>) -> Arg {
    Arg::Range { cells: v, cols: 1 }
}

fn s(x: &str) -> V {
    V::Str(x.to_owned())
}

#[test]
fn text_formats_as_an_italian_libreoffice_writes_them() {
    // As `soffice --convert-to csv` 7.4 wrote them (empty_cells.py).
    assert_eq!(
        format_text(1234567.891, "#,##0.00").as_deref(),
        Some("1.234.567,89")
    );
    assert_eq!(format_text(20.5, "0").as_deref(), Some("21"));
    assert_eq!(format_text(20.5, "0.00").as_deref(), Some("20,50"));
    assert_eq!(format_text(0.256, "0%").as_deref(), Some("26%"));
    assert_eq!(
        format_text(44652.0, "dd/mm/yyyy").as_deref(),
        Some("01/04/2022")
    );
    assert_eq!(
        format_text(44652.0, "yyyy-mm-dd").as_deref(),
        Some("2022-04-01")
    );
    assert_eq!(
        format_text(44652.5, "d/m/yy hh:mm").as_deref(),
        Some("1/4/22 12:00")
    );
    assert_eq!(format_text(44652.0, "mmmm yyyy"), None);
    assert_eq!(format_text(3.0, "0.0#"), None);
}

#[test]
fn conditional_aggregates() {
    let nums = || range(vec![V::Num(10.0), V::Num(20.5), V::Num(30.0), V::Num(-4.0)]);
    let names = || range(vec![s("Anagrafe"), s("Tributi")]);
    let call1 = |n: &str, a: Vec<Arg>| call(n, &a).map(|r| r.unwrap_or_else(|e| e));
    assert_eq!(
        call1("SUMIF", vec![nums(), Arg::One(s(">0"))]),
        Some(V::Num(60.5))
    );
    assert_eq!(
        call1("COUNTIF", vec![nums(), Arg::One(s(">0"))]),
        Some(V::Num(3.0))
    );
    assert_eq!(
        call1("COUNTIF", vec![names(), Arg::One(s("anagrafe"))]),
        Some(V::Num(1.0))
    );
    assert_eq!(
        call1("COUNTIF", vec![names(), Arg::One(s("<>Tributi"))]),
        Some(V::Num(1.0))
    );
    assert_eq!(
        call1("COUNTIF", vec![nums(), Arg::One(s("=30"))]),
        Some(V::Num(1.0))
    );
    assert_eq!(
        call1("COUNTIF", vec![nums(), Arg::One(V::Num(10.0))]),
        Some(V::Num(1.0))
    );
    let two = || range(vec![V::Num(10.0), V::Num(20.5)]);
    assert_eq!(
        call1("SUMIF", vec![names(), Arg::One(s("Tributi")), two()]),
        Some(V::Num(20.5))
    );
    assert_eq!(
        call1(
            "SUMIFS",
            vec![
                nums(),
                nums(),
                Arg::One(s(">0")),
                nums(),
                Arg::One(s("<30"))
            ]
        ),
        Some(V::Num(30.5))
    );
    assert_eq!(
        call1(
            "COUNTIFS",
            vec![nums(), Arg::One(s(">0")), nums(), Arg::One(s("<=30"))]
        ),
        Some(V::Num(3.0))
    );
    // Read by the opener's locale, or wildcards: not evaluated.
    assert_eq!(
        call1("AVERAGEIF", vec![nums(), Arg::One(s(">=20.5"))]),
        None
    );
    assert_eq!(call1("COUNTIF", vec![names(), Arg::One(s("Ana*"))]), None);
}

#[test]
fn text_functions() {
    let call1 = |n: &str, a: Vec<V>| {
        let a: Vec<Arg> = a.into_iter().map(Arg::One).collect();
        call(n, &a).map(|r| r.unwrap_or_else(|e| e))
    };
    assert_eq!(
        call1("SUBSTITUTE", vec![s("Anagrafe"), s("a"), s("o")]),
        Some(s("Anogrofe"))
    );
    assert_eq!(
        call1("SUBSTITUTE", vec![s("a-a-a"), s("a"), s("b"), V::Num(2.0)]),
        Some(s("a-b-a"))
    );
    assert_eq!(
        call1("FIND", vec![s("g"), s("Anagrafe")]),
        Some(V::Num(4.0))
    );
    assert_eq!(
        call1("FIND", vec![s("z"), s("Anagrafe")]),
        Some(err("#VALUE!"))
    );
    assert_eq!(
        call1("SEARCH", vec![s("TRIB"), s("Tributi")]),
        Some(V::Num(1.0))
    );
    assert_eq!(
        call1(
            "REPLACE",
            vec![s("Anagrafe"), V::Num(1.0), V::Num(4.0), s("X")]
        ),
        Some(s("Xrafe"))
    );
    assert_eq!(call1("REPT", vec![s("ab"), V::Num(3.0)]), Some(s("ababab")));
    assert_eq!(call1("REPT", vec![s("ab"), V::Num(1e9)]), None);
    assert_eq!(
        call1("EXACT", vec![s("Anagrafe"), s("anagrafe")]),
        Some(V::Bool(false))
    );
    assert_eq!(
        call1("PROPER", vec![s("ufficio tributi")]),
        Some(s("Ufficio Tributi"))
    );
    assert_eq!(
        call1("CHOOSE", vec![V::Num(2.0), s("uno"), s("due")]),
        Some(s("due"))
    );
    assert_eq!(
        call1("CHOOSE", vec![V::Num(5.0), s("uno"), s("due")]),
        Some(err("Err:502"))
    );
    assert_eq!(call1("SIGN", vec![V::Num(-4.0)]), Some(V::Num(-1.0)));
    assert_eq!(
        call1("TEXT", vec![s("Anagrafe"), s("0.00")]),
        Some(s("Anagrafe"))
    );
}
