//! `tend import` as a spreadsheet user meets it: Excel's CSV (byte order mark, CRLF, `;`),
//! lines numbered as an editor shows them, and each person imported once — on the engine this
//! test run uses.

use std::process::{Command, Output};

use tend_store::testing::fresh_database_url;
use tend_store::{Store, StoreOptions};

fn tend(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tend"))
        .args(args)
        .env("TEND_DATABASE_URL", db)
        .env("TEND_LOG", "warn")
        .output()
        .expect("run tend")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

async fn customer_names(db: &str) -> Vec<String> {
    let store = Store::open(&StoreOptions::new(db)).await.unwrap();
    let page = store.list_customers(None, None, 1000).await.unwrap();
    store.close().await;
    let mut names: Vec<String> = page
        .items
        .iter()
        .map(|c| c.customer.name.to_string())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn excel_csv_with_bom_crlf_and_semicolons_names_the_lines_an_editor_shows() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clientes.csv");
    // Line 1 header; 2 good; 3 bad; 4–5 one record with a quoted line break; 6 bad.
    let body = "\u{feff}Nombre;Correo;Notas\r\n\
        Ana;ana@example.com;ok\r\n\
        Bo;not-an-email;x\r\n\
        Cy;cy@example.com;\"two\r\nlines\"\r\n\
        Di;di@;y\r\n";
    std::fs::write(&file, body).unwrap();
    let path = file.to_str().unwrap();
    let map = [
        "--map",
        "Nombre=name",
        "--map",
        "Correo=email",
        "--map",
        "Notas=notes",
    ];
    for delimiter in [None, Some(";")] {
        let mut args = vec!["import", "customers", path];
        args.extend(map);
        if let Some(d) = delimiter {
            args.extend(["--delimiter", d]);
        }
        let out = tend(&db, &args);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(err.contains("line 3: email:"), "{err}");
        assert!(err.contains("line 6: email:"), "{err}");
        assert!(err.contains("(lines 3, 6)"), "{err}");
        assert_eq!(err.matches("line ").count(), 2, "{err}");
    }
    assert!(customer_names(&db).await.is_empty(), "all or nothing");

    let mut args = vec!["import", "customers", path, "--skip-invalid"];
    args.extend(map);
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        customer_names(&db).await,
        ["Ana", "Cy"],
        "the BOM is not part of a name"
    );

    let out = tend(&db, &["import", "customers", path, "--delimiter", "x"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--delimiter"),
        "{}",
        text(&out.stderr)
    );
}

#[tokio::test]
async fn a_person_is_imported_once_by_email_then_phone_then_source_id() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(
        &file,
        "name,email,phone,ref\n\
         Ana,ANA@example.com,,\n\
         Ana P.,ana@example.com,,\n\
         Bo,,+34 600 000 001,\n\
         Bo B.,,+34 600-000-001,\n\
         Cy,,,src-1\n\
         Cy C.,,,src-1\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let args = [
        "import",
        "customers",
        path,
        "--map",
        "name=name",
        "--map",
        "email=email",
        "--map",
        "phone=phone",
        "--map",
        "ref=external_ref",
    ];
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("imported 3 customers (3 already present)"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(customer_names(&db).await, ["Ana", "Bo", "Cy"]);
    let again = tend(&db, &args);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).contains("imported 0 customers (6 already present)"),
        "{}",
        text(&again.stdout)
    );

    // Complaints bring their customers: the same people, by e-mail or phone, twice over.
    let complaints = dir.path().join("complaints.csv");
    std::fs::write(
        &complaints,
        "who,mail,tel,what,when,id\n\
         Ana Again,Ana@Example.com,,Late parcel,2026-01-05,c-1\n\
         Bo Again,,+34600000001,Broken lid,2026-01-06,c-2\n\
         Dee,dee@example.com,,Wrong size,2026-01-07,c-3\n\
         Dee D.,DEE@example.com,,Wrong colour,2026-01-08,c-4\n",
    )
    .unwrap();
    let args = [
        "import",
        "complaints",
        complaints.to_str().unwrap(),
        "--map",
        "who=customer_name",
        "--map",
        "mail=customer_email",
        "--map",
        "tel=customer_phone",
        "--map",
        "what=description",
        "--map",
        "when=received_at",
        "--map",
        "id=external_id",
    ];
    for round in 0..2 {
        let out = tend(&db, &args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(
            customer_names(&db).await,
            ["Ana", "Bo", "Cy", "Dee"],
            "round {round}"
        );
    }
}

/// How many customers and complaints are stored, counted page by page.
async fn counts(db: &str) -> (usize, usize) {
    let store = Store::open(&StoreOptions::new(db)).await.unwrap();
    let (mut customers, mut after) = (0, None);
    loop {
        let page = store.list_customers(None, after, 1000).await.unwrap();
        customers += page.items.len();
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    let (mut complaints, mut cursor) = (0, None);
    loop {
        let f = tend_store::ComplaintFilter {
            after: cursor,
            limit: 200,
            ..Default::default()
        };
        let page = store.list_complaints(&f).await.unwrap();
        complaints += page.items.len();
        match page.next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    store.close().await;
    (customers, complaints)
}

#[tokio::test]
async fn a_file_of_many_batches_is_stored_whole_or_not_at_all() {
    let db = fresh_database_url().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.csv");
    // 12,000 rows (more than two batches) from 3,000 people, each coming back four times.
    let rows = |bad_line: Option<usize>| {
        let mut s = String::from("id,when,who,mail,what\r\n");
        for i in 0..12_000 {
            let when = if Some(i + 2) == bad_line {
                "someday".to_owned()
            } else {
                format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28)
            };
            let p = i % 3000;
            s.push_str(&format!(
                "x-{i},{when},Işıl Öztürk {p},P{p}@Example.com,Kırık ürün; code A-{i}\r\n"
            ));
        }
        s
    };
    let path = file.to_str().unwrap();
    let mut args = vec!["import", "complaints", path];
    for m in [
        "id=external_id",
        "when=received_at",
        "who=customer_name",
        "mail=customer_email",
        "what=description",
    ] {
        args.extend(["--map", m]);
    }
    std::fs::write(&file, rows(Some(11_000))).unwrap();
    let out = tend(&db, &args);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("line 11000: received_at:"), "{err}");
    assert!(err.contains("(lines 11000)"), "{err}");
    assert_eq!(
        counts(&db).await,
        (0, 0),
        "a bad row anywhere stores nothing"
    );

    std::fs::write(&file, rows(None)).unwrap();
    let out = tend(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("imported 12000 complaints (0 already present)"),
        "{said}"
    );
    assert_eq!(
        counts(&db).await,
        (3000, 12_000),
        "a person once across batches"
    );

    // The search documents were written with the rows, by the one tokenizer.
    let store = Store::open(&StoreOptions::new(&db)).await.unwrap();
    for (q, want) in [
        ("A-11999", Some("x-11999")),
        ("kirik a-7", None),
        ("A-6001", Some("x-6001")),
    ] {
        let f = tend_store::ComplaintFilter {
            q: Some(q.into()),
            limit: 50,
            ..Default::default()
        };
        let page = store.list_complaints(&f).await.unwrap();
        match want {
            Some(id) => {
                let ids: Vec<_> = page
                    .items
                    .iter()
                    .map(|c| c.record.external_id.as_ref().unwrap().to_string())
                    .collect();
                assert_eq!(ids, [id], "q={q}");
                let who = &page.items[0].record.customer_id;
                let c = store.customer(*who).await.unwrap();
                let n: usize = id[2..].parse().unwrap();
                assert_eq!(
                    c.customer.name.to_string(),
                    format!("Işıl Öztürk {}", n % 3000)
                );
            }
            // `a-7` is the start of …, A-7999: more than a page.
            None => assert!(page.next.is_some(), "q={q}"),
        }
    }
    store.close().await;

    let again = tend(&db, &args);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let said = text(&again.stdout);
    assert!(
        said.contains("imported 0 complaints (12000 already present)"),
        "{said}"
    );
    assert_eq!(counts(&db).await, (3000, 12_000));
}
