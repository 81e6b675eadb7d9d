//! The test host shared by the App's integration tests: a counter (App over a temp data
//! directory with a settable clock, a recording notifier and a headless desktop), a window
//! profile, and the small steps every story repeats. Each test file uses a part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use yichuang_app::api::{cases, catalog, workstation};
use yichuang_app::ports::{FixedClock, HeadlessDesktop, RecordingNotifier};
use yichuang_app::{App, AppConfig};
use yichuang_core::case::{ApplicantInput, CaseCommand, LineUpdate, MaterialStatus};

pub struct Counter {
    pub dir: tempfile::TempDir,
    pub app: App,
    pub clock: Arc<FixedClock>,
    pub notifier: Arc<RecordingNotifier>,
    pub desktop: Arc<HeadlessDesktop>,
}

pub async fn counter_at(local: &str) -> Counter {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::at_local(local));
    let notifier = Arc::new(RecordingNotifier::default());
    let desktop = Arc::new(HeadlessDesktop {
        save_dir: Some(dir.path().to_path_buf()),
        ..Default::default()
    });
    let app = App::open(AppConfig {
        data_dir: dir.path().join("data"),
        clock: clock.clone(),
        notifier: notifier.clone(),
        desktop: desktop.clone(),
        secrets: Arc::new(yichuang_app::ports::MemorySecretStore::default()),
    })
    .await
    .expect("open");
    catalog::load_demo(&app, ()).await.expect("demo catalog");
    workstation::set(&app, profile())
        .await
        .expect("window set up");
    Counter {
        dir,
        app,
        clock,
        notifier,
        desktop,
    }
}

pub fn profile() -> workstation::WorkstationProfile {
    workstation::WorkstationProfile {
        department_code: "SCJG".into(),
        window_code: "W03".into(),
        window_name: "3号窗口".into(),
        clerk_id: "0301".into(),
        clerk_name: "李娜".into(),
        center_name: "江永县政务服务中心".into(),
        case_format: yichuang_core::numbering::DEFAULT_CASE_FORMAT.into(),
        notice_format: yichuang_core::numbering::DEFAULT_NOTICE_FORMAT.into(),
        yellow_within_days: 1,
    }
}

pub fn set_local(clock: &FixedClock, local: &str) {
    let at = FixedClock::at_local(local);
    use yichuang_app::ports::Clock;
    clock.set(at.now());
}

pub fn intake_req(key: &str, id_number: &str) -> cases::IntakeRequest {
    cases::IntakeRequest {
        action_key: key.into(),
        item_code: "000102002000".into(),
        applicant: ApplicantInput::Person {
            name: "王小明".into(),
            id_number: id_number.into(),
            phone: "13812345678".into(),
        },
        agent: None,
        situations: vec![],
    }
}

pub async fn act(
    app: &App,
    key: &str,
    case_id: &str,
    command: CaseCommand,
) -> Result<cases::CaseDetail, yichuang_app::ApiError> {
    cases::act(
        app,
        cases::CaseActionRequest {
            action_key: key.into(),
            case_id: case_id.into(),
            command,
        },
    )
    .await
}

pub fn tick(detail: &cases::CaseDetail, missing: &[usize]) -> CaseCommand {
    CaseCommand::UpdateChecklist {
        lines: detail
            .case
            .checklist
            .iter()
            .enumerate()
            .map(|(i, l)| LineUpdate {
                code: l.code.clone(),
                status: if missing.contains(&i) {
                    MaterialStatus::Missing
                } else {
                    MaterialStatus::Received
                },
            })
            .collect(),
    }
}

pub async fn queue(app: &App, search: &str) -> Vec<cases::QueueItem> {
    cases::queue(
        app,
        cases::QueueRequest {
            state: None,
            item_code: None,
            card: None,
            search: search.into(),
            include_closed: false,
        },
    )
    .await
    .expect("queue")
}

pub fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("path"), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed: make deps");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .split_whitespace()
        .collect()
}
