//! Hostile names and text shown, not obeyed; no address out of the archive; bounds.

use super::*;

#[tokio::test]
async fn hostile_names_and_text_are_shown_not_obeyed() {
    let s = site();
    let app = &s.app;
    let found = get(app, "/search?q=convenzione+oggetto").await;
    let html = found.text();
    assert_eq!(found.status, StatusCode::OK);
    assert_no_live_markup(&html);
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt; &quot;delibera&quot; &amp; 'c'.txt"),
        "{html}"
    );
    let ids = doc_links(&html);
    assert!(!ids.is_empty());
    for id in &ids {
        let doc = get(app, &format!("/doc/{id}")).await;
        assert_eq!(doc.status, StatusCode::OK);
        assert_no_live_markup(&doc.text());
        let page = get(app, &format!("/doc/{id}/page/1?start=0&end=40")).await;
        assert_no_live_markup(&page.text());
        assert!(page.text().contains("&lt;script&gt;"), "{}", page.text());
    }
    // The original file is served as text, with a sandbox: never as HTML.
    let file = get(app, &format!("/file/{}", ids[0])).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.content_type, "text/plain");
    let disposition = file.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        !disposition.contains('<') && disposition.contains("filename*=UTF-8''%3Cimg"),
        "{disposition}"
    );
    // What is typed comes back escaped, in the form and in messages.
    let typed = get(
        app,
        "/search?q=%3Cscript%3Ealert(3)%3C%2Fscript%3E&body=%3Cb%3E",
    )
    .await;
    assert_no_live_markup(&typed.text());
    let bad = get(app, "/doc/%3Cscript%3Ealert(4)%3C%2Fscript%3E").await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
    assert_no_live_markup(&bad.text());
    assert!(bad.text().contains("&lt;script&gt;alert(4)"));
    let bad_date = get(app, "/search?from=%3Csvg%20onload%3Dx%3E").await;
    assert_eq!(bad_date.status, StatusCode::BAD_REQUEST);
    assert_no_live_markup(&bad_date.text());
    // The hostile PDFs of the shared corpus: their pages render too.
    let every = get(app, "/search?page=1&sort=date").await.text();
    for id in doc_links(&every) {
        let doc = get(app, &format!("/doc/{id}")).await;
        assert_eq!(doc.status, StatusCode::OK, "{id}");
        assert_no_live_markup(&doc.text());
    }
}

#[tokio::test]
async fn no_address_leads_out_of_the_archive() {
    let s = site();
    let app = &s.app;
    // Beside the archive root (the folder the ingest ran in), not in it.
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("segreto.txt");
    std::fs::write(&secret, "SEGRETO").unwrap();
    for uri in [
        "/file/../segreto.txt",
        "/file/..%2Fsegreto.txt",
        "/file/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/file/..%5c..%5cetc%5cpasswd",
        "/file/%252e%252e%252fsegreto.txt",
        "/file//etc/passwd",
        "/doc/..%2F..%2Fsegreto.txt/page/1",
        "/static/..%2F..%2FCargo.toml",
        "/export/..%2F..%2Fsegreto.txt",
    ] {
        let got = get(app, uri).await;
        assert!(
            got.status == StatusCode::NOT_FOUND || got.status == StatusCode::BAD_REQUEST,
            "{uri}: {}",
            got.status
        );
        assert!(
            !got.text().contains("SEGRETO") && !got.text().contains("root:"),
            "{uri}"
        );
    }
    // A link put in the archive after the ingest, in place of a document.
    let hits = get(app, "/search?q=trasporto").await.text();
    let id = doc_links(&hits)[0].clone();
    let doc = s
        .root
        .join("archivio/delibere/delibera_giunta_2023_045.txt");
    std::fs::remove_file(&doc).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, &doc).unwrap();
        let got = get(app, &format!("/file/{id}")).await;
        assert_eq!(got.status, StatusCode::FORBIDDEN);
        assert!(!got.text().contains("SEGRETO"));
        assert!(got.text().contains("fuori dall'archivio"), "{}", got.text());
        std::fs::remove_file(&doc).unwrap();
    }
    let gone = get(app, &format!("/file/{id}")).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn queries_pages_and_results_are_bounded() {
    let s = site();
    let app = &s.app;
    let long = format!("/search?q={}", "parola+".repeat(100));
    assert_eq!(get(app, &long).await.status, StatusCode::BAD_REQUEST);
    let huge = format!("/search?q=a&x={}", "b".repeat(5000));
    let got = get(app, &huge).await;
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(got.text().contains("troppo lungo"));
    assert_eq!(
        get(app, "/search?page=101").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(app, "/search?page=-1").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(app, "/search?year=99999").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(app, "/search?from=2024-01-01&to=2023-01-01")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    let long_id = format!("/doc/{}", "a".repeat(65));
    assert_eq!(get(app, &long_id).await.status, StatusCode::BAD_REQUEST);
    // A page past the last is empty, not an error.
    let far = get(app, "/search?q=comune&page=100").await;
    assert_eq!(far.status, StatusCode::OK);
    assert!(doc_links(&far.text()).is_empty());
}
