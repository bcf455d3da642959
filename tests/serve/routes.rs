//! Every route with its status, downloads, filters in the address, another process's ingest, report templates.

use super::*;

#[tokio::test]
async fn every_route_answers_with_its_status() {
    let s = site();
    let app = &s.app;
    let home = get(app, "/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.content_type.starts_with("text/html"));
    assert!(
        home.text().contains("<html lang=\"it\">") && home.text().contains("Ricerca negli atti")
    );
    assert!(home.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("default-src 'none'"));

    let hits = get(app, "/search?q=trasporto+scolastico").await;
    assert_eq!(hits.status, StatusCode::OK);
    let html = hits.text();
    assert!(html.contains("1 documento trovato."), "{html}");
    assert!(html.contains("<mark>"), "matched words are marked: {html}");
    let id = doc_links(&html)[0].clone();
    assert_eq!(id.len(), 16);

    let doc = get(app, &format!("/doc/{id}")).await;
    assert_eq!(doc.status, StatusCode::OK);
    let dhtml = doc.text();
    // Every column of the documents table, by its label.
    for col in atti::record::schema::TableId::Documents.schema().columns {
        assert!(
            dhtml.contains(&format!("<th>{}</th>", col.label)),
            "{}",
            col.label
        );
    }
    assert!(dhtml.contains("<td>Giunta Comunale</td>"), "{dhtml}");
    // The provenance of the act number: a link to the span of page 1.
    let prov = dhtml
        .split("decision.act_number")
        .nth(1)
        .and_then(|r| r.split("href=\"").nth(1))
        .map(|r| r[..r.find('"').unwrap()].replace("&amp;", "&"))
        .unwrap();
    assert!(
        prov.starts_with(&format!("/doc/{id}/page/1?start=")),
        "{prov}"
    );
    let page = get(app, &prov).await;
    assert_eq!(page.status, StatusCode::OK);
    let marked = page.text();
    let segno = marked.split("<mark id=\"segno\">").nth(1).unwrap();
    assert_eq!(&segno[..segno.find("</mark>").unwrap()], "45");

    let file = get(app, &format!("/file/{id}")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(
        file.body,
        std::fs::read(
            s.root
                .join("archivio/delibere/delibera_giunta_2023_045.txt")
        )
        .unwrap()
    );
    assert!(file.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .starts_with("sandbox"));

    let report = get(app, "/report").await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(report.text().contains("<h1>Rapporto di conformità</h1>"));

    let css = get(app, "/static/atti.css").await;
    assert_eq!(
        (css.status, css.content_type.as_str()),
        (StatusCode::OK, "text/css; charset=utf-8")
    );

    for (uri, status) in [
        ("/doc/0000000000000000", StatusCode::NOT_FOUND),
        (&format!("/doc/{id}/page/9"), StatusCode::NOT_FOUND),
        (&format!("/doc/{id}/page/uno"), StatusCode::BAD_REQUEST),
        (
            &format!("/doc/{id}/page/1?start=x"),
            StatusCode::BAD_REQUEST,
        ),
        ("/file/0000000000000000", StatusCode::NOT_FOUND),
        ("/export/tabella.csv", StatusCode::NOT_FOUND),
        ("/export/documents.pdf", StatusCode::NOT_FOUND),
        ("/export/documents", StatusCode::NOT_FOUND),
        ("/nessuna/pagina", StatusCode::NOT_FOUND),
        ("/search?q=AND", StatusCode::BAD_REQUEST),
        ("/search?kind=nessuno", StatusCode::BAD_REQUEST),
    ] {
        let got = get(app, uri).await;
        assert_eq!(got.status, status, "{uri}: {}", got.text());
        assert!(got.content_type.starts_with("text/html"), "{uri}");
    }
    // No write route: any other method is refused.
    for m in ["POST", "PUT", "DELETE", "PATCH"] {
        for uri in ["/search", "/", "/report", "/altro"] {
            let got = send(app, m, uri).await;
            assert_eq!(got.status, StatusCode::METHOD_NOT_ALLOWED, "{m} {uri}");
        }
    }
}

#[tokio::test]
async fn downloads_are_the_export_writers_over_the_result_set() {
    let s = site();
    let app = &s.app;
    let csv = get(app, "/export/decisions.csv?q=giunta").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.content_type, "text/csv; charset=utf-8");
    assert!(csv.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("decisions.csv"));
    let text = csv.text();
    // The Italian dialect of `atti export`: byte order mark, `;`.
    assert!(
        text.starts_with("\u{feff}doc_id;source_file;body;"),
        "{text}"
    );
    assert!(
        text.contains(";Giunta Comunale;deliberazione;45;2023-06-16;"),
        "{text}"
    );

    let xlsx = get(app, "/export/documents.xlsx?q=trasporto").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let path = s.root.join("documents.xlsx");
    std::fs::write(&path, &xlsx.body).unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let names = book.sheet_names();
    let sheet = book.worksheet_range(&names[0]).unwrap();
    // Header and the one document found.
    assert_eq!(sheet.height(), 2, "{names:?}");
    assert_eq!(
        sheet.get((1, 1)).unwrap().to_string(),
        "archivio/delibere/delibera_giunta_2023_045.txt"
    );
    // Every document when nothing is asked; failures only then.
    let all = get(app, "/export/documents.csv").await.text();
    let every = all.lines().count() - 1;
    assert!(every >= 4, "{all}");
    let filtered = get(app, "/export/failures.csv?q=giunta").await.text();
    assert_eq!(filtered.lines().count(), 1, "header only: {filtered}");
}

#[tokio::test]
async fn filters_and_sort_are_in_the_address() {
    let s = site();
    let app = &s.app;
    let all = get(app, "/search").await.text();
    let n = doc_links(&all).len();
    assert!(n >= 4, "{all}");
    let consiglio = get(app, "/search?body=Consiglio+Comunale").await.text();
    assert_eq!(doc_links(&consiglio).len(), 1, "{consiglio}");
    assert!(
        consiglio.contains("<option value=\"Consiglio Comunale\" selected>"),
        "{consiglio}"
    );
    let peg = get(app, "/search?kind=peg").await.text();
    assert_eq!(doc_links(&peg).len(), 1, "{peg}");
    let y2024 = get(app, "/search?year=2024").await.text();
    assert_eq!(doc_links(&y2024).len(), 1, "{y2024}");
    // A date range leaves the undated out, and says how many; undated=1 shows them.
    let range = get(app, "/search?from=2023-01-01&to=2024-12-31")
        .await
        .text();
    let undated = get(app, "/search?from=2023-01-01&to=2024-12-31&undated=1")
        .await
        .text();
    assert!(range.contains("senza data non mostrat"), "{range}");
    assert!(doc_links(&undated).len() > doc_links(&range).len());
    // Newest first.
    let by_date = get(app, "/search?from=2020-01-01&sort=date").await.text();
    let dates: Vec<&str> = by_date
        .match_indices("<span>")
        .map(|(i, _)| &by_date[i + 6..i + 16])
        .filter(|d| d.len() == 10 && d.as_bytes()[2] == b'/')
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| (&d[6..10], &d[3..5], &d[0..2]));
    sorted.reverse();
    assert_eq!(dates, sorted);
    assert!(dates.len() >= 2, "{by_date}");
}

#[tokio::test]
async fn an_ingest_by_another_process_is_seen_once_committed() {
    let s = site();
    let app = &s.app;
    let before = get(app, "/search?q=bocciofila").await.text();
    assert!(before.contains("Nessun documento"), "{before}");
    std::fs::write(
        s.root.join("archivio/nuova.txt"),
        "DELIBERAZIONE DELLA GIUNTA COMUNALE N. 99 DEL 05/12/2026\nOGGETTO: contributo alla bocciofila comunale\n",
    )
    .unwrap();
    atti_ok(&s.root, &["ingest", "archivio", "--index", "idx"], 0);
    tokio::time::sleep(atti::serve::state::RELOAD_EVERY + std::time::Duration::from_millis(200))
        .await;
    let after = get(app, "/search?q=bocciofila").await.text();
    assert!(after.contains("1 documento trovato."), "{after}");
}

/// The report templates: listed with their legal basis and frequency, and
/// downloaded for a year, a half year or two dates in csv and xlsx, with
/// the project's configuration and corrections; a wrong period is refused
/// in Italian before any document is read.
#[tokio::test]
async fn report_templates_are_listed_and_downloaded_for_a_period() {
    use calamine::{Data, Reader};
    let s = site();
    std::fs::write(
        s.root.join("atti.toml"),
        "administration = \"Comune di Prova\"\ntax_code = \"00000000000\"\n",
    )
    .unwrap();
    atti_ok(
        &s.root,
        &[
            "correct",
            "archivio/delibere/delibera_consiglio_2024_031.pdf",
            "decision.absent_count",
            "3",
            "--why",
            "verificato sul verbale",
            "--who",
            "Segreteria",
            "--index",
            "idx",
            "--config",
            "atti.toml",
        ],
        0,
    );
    let sources = atti::rules::source::sources(None, true).unwrap();
    let checks = atti::compliance::Checks::load(&sources).unwrap();
    let state = State::new(Index::open(&s.root.join("idx")).unwrap(), checks)
        .with_config(Some(s.root.join("atti.toml")));
    let app = &router(Arc::new(state));

    let list = get(app, "/reports").await;
    assert_eq!(list.status, StatusCode::OK);
    let html = list.text();
    let shipped = atti::report::Catalog::load(None).unwrap();
    assert_eq!(shipped.sources.len(), 7);
    for t in shipped.all().unwrap() {
        assert!(
            html.contains(&format!("<td><code>{}</code></td>", t.name))
                && html.contains(&format!("<option value=\"{}\">", t.name)),
            "{}: {html}",
            t.name
        );
        for text in [&t.title, &t.legal_basis, &t.frequency] {
            let escaped = text
                .replace('&', "&amp;")
                .replace('\'', "&#39;")
                .replace('"', "&quot;");
            assert!(
                html.contains(text.as_str()) || html.contains(&escaped),
                "{text}"
            );
        }
    }
    assert!(html.contains("action=\"/reports/download\""), "{html}");

    // The year 2023: the Giunta's deliberations 12 (the hostile text) and
    // 45 of 16 June, not the Consiglio's of 2024.
    let csv = get(
        app,
        "/reports/download?template=delibere-voti&format=csv&year=2023&half=&from=&to=",
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.text());
    assert_eq!(csv.content_type, "text/csv; charset=utf-8");
    assert_eq!(
        csv.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"delibere-voti_2023.csv\""
    );
    let text = csv.text();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(
        rows[1].starts_with("2023-04-03,12,Giunta Comunale,"),
        "{text}"
    );
    assert!(
        rows[2].starts_with("2023-06-16,45,Giunta Comunale,A.02.02,APPROVAZIONE DEL PIANO DEL SERVIZIO DI TRASPORTO SCOLASTICO"),
        "{text}"
    );
    // The second half of 2023 has none; from-to picks the 2024 act, with
    // its correction (absent 2 -> 3) beside the extracted value.
    let none = get(
        app,
        "/reports/download?template=delibere-voti&year=2023&half=2",
    )
    .await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(none.text().lines().count(), 1, "only the header");
    let range = get(
        app,
        "/reports/download?template=delibere-voti&from=2024-07-01&to=31%2F07%2F2024",
    )
    .await;
    assert_eq!(
        range.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"delibere-voti_2024-07-01_2024-07-31.csv\""
    );
    let text = range.text();
    assert!(
        text.contains("2024-07-29,31,Consiglio Comunale,A.02.01,")
            && text.contains(",9,3,7,2,0,approvata,")
            && text.contains("decision.absent_count corretto in \"\"3\"\" (estratto: \"\"2\"\"; Segreteria, verificato sul verbale)"),
        "{text}"
    );

    // The first half of 2023 as a workbook: a date cell, the number kept
    // as text, the votes as numbers, the header block of the project.
    let xlsx = get(
        app,
        "/reports/download?template=delibere-voti&format=xlsx&year=2023&half=1",
    )
    .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(
        xlsx.content_type,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        xlsx.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"delibere-voti_2023-1.xlsx\""
    );
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.body.clone())).unwrap();
    let range = book.worksheet_range("Deliberazioni").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    let r = &rows[2];
    assert!(matches!(r[0], Data::DateTime(_)), "{:?}", r[0]);
    assert_eq!(r[1], Data::String("45".into()));
    assert_eq!(r[5], Data::Float(4.0));

    // The ods form is typed for its viewer.
    let ods = get(
        app,
        "/reports/download?template=scheda-sintetica&format=ods&year=2024",
    )
    .await;
    assert_eq!(
        (ods.status, ods.content_type.as_str()),
        (
            StatusCode::OK,
            "application/vnd.oasis.opendocument.spreadsheet"
        )
    );
    assert!(ods.body.starts_with(b"PK"));

    for (uri, status, message) in [
        (
            "/reports/download?template=delibere-voti&year=20x3",
            StatusCode::BAD_REQUEST,
            "l'anno `20x3` non è valido",
        ),
        (
            "/reports/download?template=delibere-voti&half=1",
            StatusCode::BAD_REQUEST,
            "il semestre vuole anche l'anno",
        ),
        (
            "/reports/download?template=delibere-voti&year=2023&half=3",
            StatusCode::BAD_REQUEST,
            "il semestre `3` non esiste",
        ),
        (
            "/reports/download?template=delibere-voti&year=2023&from=2023-01-01",
            StatusCode::BAD_REQUEST,
            "non entrambi",
        ),
        (
            "/reports/download?template=delibere-voti&from=2024-12-31&to=2024-01-01",
            StatusCode::BAD_REQUEST,
            "la data iniziale (31/12/2024) viene dopo quella finale (01/01/2024)",
        ),
        (
            "/reports/download?template=delibere-voti&from=31-31-2024",
            StatusCode::BAD_REQUEST,
            "la data iniziale `31-31-2024` non è valida",
        ),
        (
            "/reports/download?template=delibere-voti&format=pdf",
            StatusCode::BAD_REQUEST,
            "il formato `pdf` non è previsto",
        ),
        (
            "/reports/download?template=&year=2023",
            StatusCode::BAD_REQUEST,
            "scegliere un modello",
        ),
        (
            "/reports/download?template=..%2Fatti.toml",
            StatusCode::BAD_REQUEST,
            "solo i modelli dell&#39;elenco",
        ),
        (
            "/reports/download?template=delibere-votti",
            StatusCode::NOT_FOUND,
            "nessun modello di report `delibere-votti`",
        ),
    ] {
        let got = get(app, uri).await;
        assert_eq!(got.status, status, "{uri}: {}", got.text());
        assert!(got.content_type.starts_with("text/html"), "{uri}");
        let html = got.text().replace("&#39;", "'");
        assert!(
            html.contains(&message.replace("&#39;", "'")),
            "{uri}: {html}"
        );
    }
}
