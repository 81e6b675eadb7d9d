//! The ledger workbook read back by second implementations: openpyxl cell by cell (through
//! `tests/read_back.py`), and LibreOffice rendering it to a PDF that poppler reads. The tools
//! are required, not optional: `make deps` installs them.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;
use yichuang_ledger::{
    write_xlsx, BadRatingRow, CardRow, Ledger, LedgerError, Month, RegisterRow, SummaryLevel,
    SummaryRow,
};

const SCOPE: &str = "江永县政务服务中心（全部部门）";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, s).unwrap()
}

fn sample_ledger() -> Ledger {
    let completed = RegisterRow {
        case_no: "431125-SCJG-20261103-000001".into(),
        item_code: "11431125MB1C12345X-001".into(),
        item_name: "食品经营许可（新办）".into(),
        department: "县市场监督管理局".into(),
        window: "市场监管窗口".into(),
        clerk: "张三".into(),
        acted_for_owner_by: "李四、王五".into(),
        applicant_id_masked: "4311**********1234".into(),
        applicant_name: "赵六".into(),
        kind: "承诺件".into(),
        state: "已办结".into(),
        received: at(2026, 11, 3, 9, 30, 15),
        accepted: Some(day(2026, 11, 3)),
        due: Some(day(2026, 11, 17)),
        statutory_due: Some(day(2026, 12, 1)),
        completed: Some(at(2026, 11, 12, 16, 45, 0)),
        on_time: Some(true),
        days_used: Some(7),
        statutory_days: 20,
        promised_days: 10,
        paused_days: 2,
        pauses: 1,
        correction_notices: 1,
        fees_cents: 1_234_567,
        rating: "非常满意".into(),
    };
    let waiting = RegisterRow {
        case_no: "431125-SCJG-20261130-000002".into(),
        item_code: "11431125MB1C12345X-002".into(),
        item_name: "个体工商户登记".into(),
        department: "县市场监督管理局".into(),
        window: "市场监管窗口".into(),
        clerk: "张三".into(),
        acted_for_owner_by: String::new(),
        applicant_id_masked: "4311**********5678".into(),
        applicant_name: "钱七".into(),
        kind: "即办件".into(),
        state: "待受理".into(),
        received: at(2026, 11, 30, 17, 59, 59),
        accepted: None,
        due: None,
        statutory_due: None,
        completed: None,
        on_time: None,
        days_used: None,
        statutory_days: 1,
        promised_days: 0,
        paused_days: 0,
        pauses: 0,
        correction_notices: 0,
        fees_cents: 5,
        rating: String::new(),
    };
    let figures = SummaryRow {
        level: Some(SummaryLevel::Department),
        key: "SCJG".into(),
        name: "县市场监督管理局".into(),
        received: 2,
        accepted: 1,
        refused: 1,
        completed: 3,
        completed_on_time: 2,
        immediate_completed: 3,
        immediate_on_the_spot: 1,
        days_used: 7,
        statutory_days: 20,
        correction_notices: 1,
        overrides: 1,
        yellow_cards: 1,
        red_cards: 0,
        fees_cents: 1_234_572,
        ratings: 3,
        satisfied: 2,
        bad_ratings: 1,
        bad_rectified_on_time: 0,
    };
    Ledger {
        period: Month {
            year: 2026,
            month: 11,
        }
        .into(),
        scope: SCOPE.into(),
        generated_at: at(2026, 12, 1, 8, 0, 0),
        register: vec![completed, waiting],
        summary: vec![
            figures.clone(),
            SummaryRow {
                level: Some(SummaryLevel::Window),
                key: "SCJG/市场监管窗口".into(),
                name: "市场监管窗口".into(),
                ..figures.clone()
            },
            SummaryRow {
                level: Some(SummaryLevel::Item),
                key: "11431125MB1C12345X-002".into(),
                name: "个体工商户登记".into(),
                received: 1,
                fees_cents: 5,
                ..SummaryRow::default()
            },
            SummaryRow {
                level: Some(SummaryLevel::Total),
                key: String::new(),
                name: SCOPE.into(),
                ..figures
            },
        ],
        cards: vec![CardRow {
            case_no: "431125-SCJG-20261103-000001".into(),
            item_name: "食品经营许可（新办）".into(),
            department: "县市场监督管理局".into(),
            window: "市场监管窗口".into(),
            clerk: "张三".into(),
            level: "黄牌".into(),
            due_date: day(2026, 11, 17),
            raised_on: day(2026, 11, 16),
            status: "已办结".into(),
            appeal: "已撤销：系统停电，无法办理；裁定：属实（李督查）".into(),
        }],
        bad_ratings: vec![BadRatingRow {
            case_no: "431125-SCJG-20261103-000001".into(),
            item_name: "食品经营许可（新办）".into(),
            department: "县市场监督管理局".into(),
            window: "市场监管窗口".into(),
            clerk: "张三".into(),
            rating: "不满意".into(),
            reasons: "等候时间长、一次性告知不清".into(),
            comment: "窗口排队太久，材料清单前后说法不一致，希望改进。".into(),
            rated_at: at(2026, 11, 12, 17, 0, 0),
            follow_up_due: Some(day(2026, 11, 13)),
            followed_up_at: Some(at(2026, 11, 13, 10, 20, 0)),
            rectify_due: Some(day(2026, 11, 19)),
            rectified_at: None,
            status: "整改中".into(),
        }],
    }
}

/// What a cell must read back as.
#[derive(Debug, Clone, PartialEq)]
enum Want {
    Text(&'static str),
    Owned(String),
    Empty,
    Int(u64),
    Money(i64),
    Rate(Option<f64>),
    Date(Option<NaiveDate>),
    DateTime(Option<NaiveDateTime>),
}

fn text(s: &str) -> Want {
    if s.is_empty() {
        Want::Empty
    } else {
        Want::Owned(s.to_owned())
    }
}

fn require(tool: &str, probe: &mut Command) {
    let ok = probe.output().map(|o| o.status.success()).unwrap_or(false);
    assert!(
        ok,
        "{tool} is missing: the ledger workbook tests need it (`make deps` installs it)"
    );
}

fn write_sample(dir: &Path) -> (Ledger, PathBuf) {
    let ledger = sample_ledger();
    let path = dir.join("台账 2026-11.xlsx");
    write_xlsx(&ledger, &path).expect("the workbook is written");
    (ledger, path)
}

/// The workbook as openpyxl reads it (see `tests/read_back.py`).
fn read_back(path: &Path) -> Value {
    require("python3", Command::new("python3").arg("--version"));
    require(
        "openpyxl (python3 -m pip install openpyxl)",
        Command::new("python3").args(["-c", "import openpyxl"]),
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/read_back.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "read_back.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("read_back.py prints JSON")
}

fn sheet<'a>(book: &'a Value, name: &str) -> &'a Value {
    book["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

fn column_letter(c: usize) -> String {
    let mut n = c + 1;
    let mut s = Vec::new();
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

fn assert_cell(sheet: &Value, r: usize, c: usize, want: &Want, bold: bool) {
    let place = format!("{}!{}{}", sheet["name"], column_letter(c), r + 1);
    let cell = &sheet["rows"][r][c];
    let (t, v, fmt) = (cell["t"].as_str(), &cell["v"], cell["fmt"].as_str());
    let number = |fmt_want: &str| {
        assert_eq!(t, Some("n"), "{place}: {cell} should be a number");
        assert_eq!(fmt, Some(fmt_want), "{place}: number format");
        v.as_f64().unwrap()
    };
    match want {
        Want::Text(s) => assert_eq!((t, v.as_str()), (Some("s"), Some(*s)), "{place}"),
        Want::Owned(s) => assert_eq!((t, v.as_str()), (Some("s"), Some(s.as_str())), "{place}"),
        Want::Empty | Want::Rate(None) | Want::Date(None) | Want::DateTime(None) => {
            assert_eq!(t, Some("e"), "{place}: {cell} should be empty")
        }
        Want::Int(n) => assert_eq!(number("0"), *n as f64, "{place}"),
        Want::Money(cents) => {
            let yuan = number("#,##0.00");
            assert_eq!((yuan * 100.0).round() as i64, *cents, "{place}: {yuan}");
        }
        Want::Rate(Some(rate)) => {
            let got = number("0.0%");
            assert!((got - rate).abs() < 1e-9, "{place}: {got} ≠ {rate}");
        }
        Want::Date(Some(d)) => {
            assert_eq!(fmt, Some("yyyy-mm-dd"), "{place}: number format");
            let iso = d.format("%Y-%m-%dT00:00:00").to_string();
            assert_eq!((t, v.as_str()), (Some("d"), Some(iso.as_str())), "{place}");
        }
        Want::DateTime(Some(dt)) => {
            assert_eq!(fmt, Some("yyyy-mm-dd hh:mm"), "{place}: number format");
            let iso = dt.format("%Y-%m-%dT%H:%M:%S").to_string();
            assert_eq!((t, v.as_str()), (Some("d"), Some(iso.as_str())), "{place}");
        }
    }
    assert_eq!(cell["bold"].as_bool(), Some(bold), "{place}: bold");
}

/// Row 1 holds `headers` (bold), rows 2.. exactly `rows`; `bold_rows` are data rows in bold.
fn assert_table(sheet: &Value, headers: &[&str], rows: &[Vec<Want>], bold_rows: &[usize]) {
    let got = sheet["rows"].as_array().unwrap();
    assert_eq!(got.len(), rows.len() + 1, "{}: row count", sheet["name"]);
    let header: Vec<&str> = got[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["v"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(header, headers, "{}: headers", sheet["name"]);
    for cell in got[0].as_array().unwrap() {
        assert_eq!(cell["bold"], true, "{}: header bold", sheet["name"]);
    }
    for (r, row) in rows.iter().enumerate() {
        assert_eq!(
            row.len(),
            headers.len(),
            "expected row {r} is as wide as the header"
        );
        assert_eq!(got[r + 1].as_array().unwrap().len(), headers.len());
        for (c, want) in row.iter().enumerate() {
            assert_cell(sheet, r + 1, c, want, bold_rows.contains(&r));
        }
    }
}

const REGISTER_HEADERS: [&str; 25] = [
    "办件编号",
    "事项编码",
    "事项名称",
    "部门",
    "窗口",
    "经办人",
    "代办（AB岗）",
    "申请人",
    "证件号（脱敏）",
    "类型",
    "状态",
    "收件时间",
    "受理日期",
    "承诺办结日",
    "法定办结日",
    "办结时间",
    "是否按时",
    "已用工作日",
    "法定时限",
    "承诺时限",
    "暂停工作日",
    "暂停次数",
    "补正次数",
    "收费（元）",
    "评价",
];

const SUMMARY_HEADERS: [&str; 25] = [
    "层级",
    "编码",
    "名称",
    "收件",
    "受理",
    "不予受理",
    "办结",
    "按时办结",
    "按时办结率",
    "即办件办结",
    "当场办结",
    "当场办结率",
    "已用工作日",
    "法定工作日",
    "提速率",
    "补正告知",
    "一次性告知例外",
    "黄牌",
    "红牌",
    "收费（元）",
    "评价数",
    "满意数",
    "满意率",
    "差评数",
    "差评按时整改",
];

const CARD_HEADERS: [&str; 10] = [
    "办件编号",
    "事项",
    "部门",
    "窗口",
    "经办人",
    "预警类型",
    "期限",
    "发出日期",
    "状态",
    "申诉",
];

const BAD_RATING_HEADERS: [&str; 14] = [
    "办件编号",
    "事项",
    "部门",
    "窗口",
    "经办人",
    "评价",
    "原因",
    "意见",
    "评价时间",
    "回访期限",
    "回访时间",
    "整改期限",
    "整改时间",
    "状态",
];

fn register_rows(ledger: &Ledger) -> Vec<Vec<Want>> {
    let mut rows: Vec<Vec<Want>> = ledger
        .register
        .iter()
        .map(|r| {
            vec![
                text(&r.case_no),
                text(&r.item_code),
                text(&r.item_name),
                text(&r.department),
                text(&r.window),
                text(&r.clerk),
                text(&r.acted_for_owner_by),
                text(&r.applicant_name),
                text(&r.applicant_id_masked),
                text(&r.kind),
                text(&r.state),
                Want::DateTime(Some(r.received)),
                Want::Date(r.accepted),
                Want::Date(r.due),
                Want::Date(r.statutory_due),
                Want::DateTime(r.completed),
                match r.on_time {
                    Some(true) => Want::Text("是"),
                    Some(false) => Want::Text("否"),
                    None => Want::Empty,
                },
                r.days_used.map_or(Want::Empty, |d| Want::Int(d.into())),
                Want::Int(r.statutory_days.into()),
                Want::Int(r.promised_days.into()),
                Want::Int(r.paused_days.into()),
                Want::Int(r.pauses.into()),
                Want::Int(r.correction_notices.into()),
                Want::Money(r.fees_cents),
                text(&r.rating),
            ]
        })
        .collect();
    let mut totals = vec![Want::Empty; 25];
    totals[0] = Want::Text("合计");
    totals[1] = Want::Int(ledger.register.len() as u64);
    totals[23] = Want::Money(ledger.register.iter().map(|r| r.fees_cents).sum());
    rows.push(totals);
    rows
}

fn summary_rows(ledger: &Ledger) -> Vec<Vec<Want>> {
    let label = |l: Option<SummaryLevel>| match l {
        Some(SummaryLevel::Department) => Want::Text("部门"),
        Some(SummaryLevel::Window) => Want::Text("窗口"),
        Some(SummaryLevel::Item) => Want::Text("事项"),
        Some(SummaryLevel::Total) => Want::Text("合计"),
        None => Want::Empty,
    };
    let int = |n: u32| Want::Int(n.into());
    ledger
        .summary
        .iter()
        .map(|s| {
            vec![
                label(s.level),
                text(&s.key),
                text(&s.name),
                int(s.received),
                int(s.accepted),
                int(s.refused),
                int(s.completed),
                int(s.completed_on_time),
                Want::Rate(s.on_time_rate()),
                int(s.immediate_completed),
                int(s.immediate_on_the_spot),
                Want::Rate(s.on_the_spot_rate()),
                Want::Int(s.days_used),
                Want::Int(s.statutory_days),
                Want::Rate(s.speed_up_rate()),
                int(s.correction_notices),
                int(s.overrides),
                int(s.yellow_cards),
                int(s.red_cards),
                Want::Money(s.fees_cents),
                int(s.ratings),
                int(s.satisfied),
                Want::Rate(s.satisfaction_rate()),
                int(s.bad_ratings),
                int(s.bad_rectified_on_time),
            ]
        })
        .collect()
}

fn card_rows(ledger: &Ledger) -> Vec<Vec<Want>> {
    let row = |c: &CardRow| {
        vec![
            text(&c.case_no),
            text(&c.item_name),
            text(&c.department),
            text(&c.window),
            text(&c.clerk),
            text(&c.level),
            Want::Date(Some(c.due_date)),
            Want::Date(Some(c.raised_on)),
            text(&c.status),
            text(&c.appeal),
        ]
    };
    ledger.cards.iter().map(row).collect()
}

fn bad_rating_rows(ledger: &Ledger) -> Vec<Vec<Want>> {
    let row = |b: &BadRatingRow| {
        vec![
            text(&b.case_no),
            text(&b.item_name),
            text(&b.department),
            text(&b.window),
            text(&b.clerk),
            text(&b.rating),
            text(&b.reasons),
            text(&b.comment),
            Want::DateTime(Some(b.rated_at)),
            Want::Date(b.follow_up_due),
            Want::DateTime(b.followed_up_at),
            Want::Date(b.rectify_due),
            Want::DateTime(b.rectified_at),
            text(&b.status),
        ]
    };
    ledger.bad_ratings.iter().map(row).collect()
}

#[test]
fn the_sheets_are_register_summary_cards_and_bad_ratings_in_that_order() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = write_sample(dir.path());
    let book = read_back(&path);
    let names: Vec<&str> = book["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["登记", "汇总", "预警", "差评"]);
}

#[test]
fn every_cell_reads_back_in_openpyxl_as_the_ledger_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let (ledger, path) = write_sample(dir.path());
    let book = read_back(&path);

    let register = register_rows(&ledger);
    let totals_row = register.len() - 1;
    assert_table(
        sheet(&book, "登记"),
        &REGISTER_HEADERS,
        &register,
        &[totals_row],
    );

    let total_row = ledger
        .summary
        .iter()
        .position(|s| s.level == Some(SummaryLevel::Total))
        .unwrap();
    let summary = summary_rows(&ledger);
    assert_table(
        sheet(&book, "汇总"),
        &SUMMARY_HEADERS,
        &summary,
        &[total_row],
    );
    // The sample covers a rate of 2/3, a rate with nothing to divide by, and 提速率.
    assert!(summary[0].contains(&Want::Rate(Some(2.0 / 3.0))));
    assert!(summary[2].contains(&Want::Rate(None)));
    assert_eq!(summary[0][14], Want::Rate(Some(1.0 - 7.0 / 20.0)));

    assert_table(
        sheet(&book, "预警"),
        &CARD_HEADERS,
        &card_rows(&ledger),
        &[],
    );
    assert_table(
        sheet(&book, "差评"),
        &BAD_RATING_HEADERS,
        &bad_rating_rows(&ledger),
        &[],
    );
}

#[test]
fn every_sheet_freezes_filters_and_prints_its_header_row_on_a4_landscape_one_page_wide() {
    let dir = tempfile::tempdir().unwrap();
    let (ledger, path) = write_sample(dir.path());
    let book = read_back(&path);
    let title = format!("{SCOPE} 2026年11月 台账");
    assert_eq!(book["title"], title.as_str());
    let subject = book["subject"].as_str().unwrap();
    assert!(
        subject.contains("2026年11月") && subject.contains("2026-12-01 08:00"),
        "{subject}"
    );

    let counts = [
        ("登记", 25, ledger.register.len()),
        ("汇总", 25, ledger.summary.len()),
        ("预警", 10, ledger.cards.len()),
        ("差评", 14, ledger.bad_ratings.len()),
    ];
    for (name, columns, rows) in counts {
        let s = sheet(&book, name);
        assert_eq!(s["freeze_panes"], "A2", "{name}: frozen under the header");
        assert_eq!(s["orientation"], "landscape", "{name}");
        assert_eq!(s["paper_size"], 9, "{name}: A4");
        assert_eq!(s["fit_to_page"], true, "{name}");
        assert_eq!(s["fit_to_width"], 1, "{name}: one page wide");
        assert_eq!(
            s["fit_to_height"], 0,
            "{name}: as many pages down as needed"
        );
        let titles = s["print_title_rows"]
            .as_str()
            .unwrap_or_default()
            .replace('$', "");
        assert_eq!(
            titles, "1:1",
            "{name}: the header row repeats on every page"
        );
        let filter = format!("A1:{}{}", column_letter(columns - 1), rows + 1);
        assert_eq!(
            s["auto_filter"],
            filter.as_str(),
            "{name}: filter over header and data"
        );
        assert_eq!(s["header_center"], title.as_str(), "{name}: page header");
        // Every column has an explicit width that fits its CJK header.
        for c in 0..columns {
            let letter = column_letter(c);
            let width = s["widths"][&letter].as_f64().unwrap_or(0.0);
            let header = s["rows"][0][c]["v"].as_str().unwrap();
            let cjk_width: usize = header
                .chars()
                .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                .sum();
            assert!(
                width >= cjk_width as f64,
                "{name}!{letter} ({header}) is {width} wide"
            );
        }
    }
    let case_no = sheet(&book, "登记")["widths"]["A"].as_f64().unwrap();
    assert!(case_no >= 26.0, "the case number column is {case_no} wide");
}

#[test]
fn an_empty_ledger_still_has_four_sheets_with_their_headers() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = Ledger {
        register: vec![],
        summary: vec![],
        cards: vec![],
        bad_ratings: vec![],
        ..sample_ledger()
    };
    let path = dir.path().join("empty.xlsx");
    write_xlsx(&ledger, &path).unwrap();
    let book = read_back(&path);
    let mut totals = vec![Want::Empty; 25];
    totals[0] = Want::Text("合计");
    totals[1] = Want::Int(0);
    totals[23] = Want::Money(0);
    assert_table(sheet(&book, "登记"), &REGISTER_HEADERS, &[totals], &[0]);
    assert_table(sheet(&book, "汇总"), &SUMMARY_HEADERS, &[], &[]);
    assert_table(sheet(&book, "预警"), &CARD_HEADERS, &[], &[]);
    assert_table(sheet(&book, "差评"), &BAD_RATING_HEADERS, &[], &[]);
}

#[test]
fn writing_into_a_missing_directory_is_an_xlsx_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/dir/台账.xlsx");
    match write_xlsx(&sample_ledger(), &path) {
        Err(LedgerError::Xlsx(message)) => assert!(!message.is_empty()),
        other => panic!("expected an Xlsx error, got {other:?}"),
    }
}

#[test]
fn libreoffice_prints_the_workbook_with_its_chinese_headers_and_scope() {
    let office = ["libreoffice", "soffice"].into_iter().find(|bin| {
        Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(office) = office else {
        panic!("LibreOffice (libreoffice/soffice) is missing: `make deps` installs it");
    };
    require(
        "pdftotext (poppler-utils)",
        Command::new("pdftotext").arg("-v"),
    );

    let dir = tempfile::tempdir().unwrap();
    let (ledger, path) = write_sample(dir.path());
    let profile = format!(
        "-env:UserInstallation=file://{}/lo-profile",
        dir.path().display()
    );
    let out = Command::new(office)
        .arg(&profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&path)
        .output()
        .expect("LibreOffice runs");
    let pdf = path.with_extension("pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "LibreOffice did not convert the workbook: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(text.status.success(), "pdftotext failed");
    let text = String::from_utf8(text.stdout).unwrap();
    for needle in [
        "办件编号",
        "证件号（脱敏）",
        SCOPE,
        "2026年11月",
        "按时办结率",
        "预警类型",
        "整改期限",
        ledger.register[0].case_no.as_str(),
        "12,345.67",
        "2026-11-03 09:30",
        "66.7%",
    ] {
        assert!(text.contains(needle), "the PDF lacks {needle:?}:\n{text}");
    }
}
