use super::*;

fn sample() -> Reading {
    let cell = TableCell {
        row: 0,
        col: 1,
        row_span: 1,
        col_span: 2,
        text: "Inizio previsto".into(),
        bbox: [1.0, 2.0, 3.5, 4.25],
        start: 7,
        end: 22,
        value: Some(CellValue::Number(12.5)),
    };
    let date = TableCell {
        value: Some(CellValue::Date("2021-03-31".into())),
        ..TableCell::default()
    };
    Reading {
        pages: vec![
            Page {
                number: 1,
                text: "Città di Forlì\nDelibera n. 12".into(),
                words: vec![
                    Word {
                        text: "Città".into(),
                        x: 40.5,
                        y: 72.0,
                        width: 30.25,
                        size: 11.0,
                        line: 0,
                        start: 0,
                    },
                    Word {
                        text: "pag. 1".into(),
                        x: 300.0,
                        y: 820.0,
                        width: 20.0,
                        size: 8.0,
                        line: 3,
                        start: usize::MAX,
                    },
                ],
                furniture: vec!["pag. 1".into()],
                width: 595.0,
                height: 842.0,
                rulings: vec![Ruling {
                    x0: 10.0,
                    y0: 20.0,
                    x1: 500.0,
                    y1: 20.5,
                }],
                tables: vec![Table {
                    mode: TableMode::Lattice,
                    bbox: [0.0, 1.0, 2.0, 3.0],
                    rows: 1,
                    cols: 3,
                    cells: vec![cell, date],
                    covered: vec![TableCell {
                        row: 0,
                        col: 2,
                        row_span: 1,
                        col_span: 1,
                        text: "nascosto".into(),
                        value: Some(CellValue::Bool(true)),
                        ..TableCell::default()
                    }],
                }],
                ocr: Some(91.5),
                image_cover: 0.75,
                name: Some("Foglio1".into()),
                hidden: true,
                images: 3,
            },
            Page {
                number: 2,
                ..Page::default()
            },
        ],
        status: Status::Ok,
        extractor: "pdf".into(),
        title_hint: Some("Titolo".into()),
        warnings: vec!["una nota".into()],
        signature: Some(Signature {
            signers: vec!["ROSSI MARIO".into()],
            signed_at: Some("2020-08-31T08:25:33Z".into()),
        }),
        ocr_ms: 1234,
    }
}

#[test]
fn a_reading_comes_back_as_it_was_written() {
    let r = sample();
    assert_eq!(decode(&encode(&r)).unwrap(), r);
    let empty = Reading {
        status: Status::Encrypted,
        ..Reading::default()
    };
    assert_eq!(decode(&encode(&empty)).unwrap(), empty);
}

#[test]
fn truncated_or_padded_bytes_are_refused() {
    let bytes = encode(&sample());
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut padded = bytes.clone();
    padded.push(0);
    assert!(decode(&padded).is_err());
}
