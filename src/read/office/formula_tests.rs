//! Tests of formula.rs: references, operators, names and tables' parts as
//! parsed.

use super::*;

fn r(row: u32, col: u32) -> Expr {
    Expr::Ref(CellRef {
        sheet: None,
        row,
        col,
        row_abs: false,
        col_abs: false,
    })
}

#[test]
fn precedence_and_references() {
    assert_eq!(
        parse("A1+B2*2"),
        Expr::Binary(
            Op::Add,
            Box::new(r(0, 0)),
            Box::new(Expr::Binary(
                Op::Mul,
                Box::new(r(1, 1)),
                Box::new(Expr::Num(2.0))
            ))
        )
    );
    assert_eq!(
        parse("-2^2"),
        Expr::Binary(
            Op::Pow,
            Box::new(Expr::Neg(Box::new(Expr::Num(2.0)))),
            Box::new(Expr::Num(2.0))
        )
    );
    let Expr::Call(name, args) = parse("_xlfn.CONCAT('Foglio 2'!$A$1:B3, \"a\"\"b\", )") else {
        panic!("not a call");
    };
    assert_eq!(name, "CONCAT");
    let Expr::Range(a, b) = &args[0] else {
        panic!("not a range: {:?}", args[0]);
    };
    assert_eq!(a.sheet.as_deref(), Some("Foglio 2"));
    assert!(a.row_abs && a.col_abs && !b.row_abs);
    assert_eq!((b.row, b.col), (2, 1));
    assert_eq!(args[1], Expr::Str("a\"b".into()));
    assert_eq!(args[2], Expr::Missing);
}

#[test]
fn what_is_not_known_stays_unknown() {
    assert_eq!(
        parse("Totale*2"),
        Expr::Binary(Op::Mul, Box::new(Expr::Unknown), Box::new(Expr::Num(2.0)))
    );
    assert_eq!(
        parse("SUM(A:A)"),
        Expr::Call("SUM".into(), vec![Expr::Unknown])
    );
    assert_eq!(parse("[1]Foglio1!A1"), Expr::Unknown);
    assert_eq!(parse("A1 +"), Expr::Unknown);
    let deep = format!("{}1{}", "(".repeat(500), ")".repeat(500));
    assert_eq!(parse(&deep), Expr::Unknown);
}

#[test]
fn shared_formulas_move_relative_references() {
    let Expr::Ref(a) = parse("$A2") else { panic!() };
    assert_eq!(a.moved(3, 5), Some((4, 0)));
    let Expr::Ref(b) = parse("A1") else { panic!() };
    assert_eq!(b.moved(-1, 0), None);
}

#[test]
fn a_table_s_own_row_is_relative_to_the_formula_s_cell() {
    let mut names = Names::default();
    let table = Table {
        sheet: "Dati".to_owned(),
        first: (0, 0),
        last: (4, 1),
        header_rows: 1,
        totals_rows: 0,
        columns: vec!["Voce".into(), "Importo".into()],
    };
    names.tables.insert("movimenti".to_owned(), table);
    let at = |row, row_abs| CellRef {
        sheet: Some("Dati".to_owned()),
        row,
        col: 1,
        row_abs,
        col_abs: true,
    };
    let this = parse_with("Movimenti[[#This Row],[Importo]]*2", &names, (3, 2));
    assert_eq!(
        this,
        Expr::Binary(
            Op::Mul,
            Box::new(Expr::Ref(at(3, false))),
            Box::new(Expr::Num(2.0))
        )
    );
    // Its own row from a row the table does not reach; the data rows.
    assert_eq!(
        parse_with("Movimenti[@Importo]", &names, (9, 2)),
        Expr::Error("#VALUE!".to_owned())
    );
    assert_eq!(
        parse_with("SUM(Movimenti[Importo])", &names, (9, 2)),
        Expr::Call(
            "SUM".to_owned(),
            vec![Expr::Range(at(1, true), at(4, true))]
        )
    );
    // A sheet's name before a table's is no structured reference.
    assert_eq!(
        parse_with("Dati!Movimenti[Importo]", &names, (9, 2)),
        Expr::Unknown
    );
}
