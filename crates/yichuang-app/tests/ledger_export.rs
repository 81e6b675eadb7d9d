//! The ledger export as the 台账 page polls it: where it stands while the save dialog is open,
//! and nothing left behind once it is done, saved or cancelled.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use yichuang_app::api::{cases, catalog, ledger, workstation};
use yichuang_app::ports::{Desktop, DesktopError, FixedClock, MemorySecretStore, NoNotifier};
use yichuang_app::{App, AppConfig};
use yichuang_core::case::CaseCommand;

/// A save dialog the test answers: it says when it opens, then waits for the answer.
#[derive(Debug)]
struct Dialog {
    opened: Mutex<Sender<String>>,
    answer: Mutex<Receiver<Option<PathBuf>>>,
}

impl Desktop for Dialog {
    fn choose_save_path(&self, suggested_name: &str) -> Result<Option<PathBuf>, DesktopError> {
        self.opened
            .lock()
            .expect("lock")
            .send(suggested_name.to_string())
            .expect("the test listens");
        Ok(self
            .answer
            .lock()
            .expect("lock")
            .recv_timeout(Duration::from_secs(30))
            .expect("the test answers"))
    }

    fn open_for_print(&self, _pdf: &Path) -> Result<(), DesktopError> {
        Ok(())
    }
}

#[tokio::test]
async fn the_export_reports_where_it_stands_and_clears_when_done_or_cancelled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (opened_tx, opened) = channel();
    let (answer, answer_rx) = channel();
    let app = Arc::new(
        App::open(AppConfig {
            data_dir: dir.path().join("data"),
            clock: Arc::new(FixedClock::at_local("2026-11-23 09:00")),
            notifier: Arc::new(NoNotifier),
            desktop: Arc::new(Dialog {
                opened: Mutex::new(opened_tx),
                answer: Mutex::new(answer_rx),
            }),
            secrets: Arc::new(MemorySecretStore::default()),
        })
        .await
        .expect("open"),
    );
    catalog::load_demo(&app, ()).await.expect("demo catalog");
    workstation::set(&app, profile()).await.expect("window");
    let d = cases::intake(&app, intake_req("i1", "11010519491231002X"))
        .await
        .expect("intake");
    let d = act(&app, "t1", &d.case.id, tick(&d, &[]))
        .await
        .expect("ticked");
    act(&app, "a1", &d.case.id, CaseCommand::Accept)
        .await
        .expect("accepted");
    assert_eq!(ledger::progress(&app, ()).await.expect("progress"), None);

    let opened = Arc::new(Mutex::new(opened));
    for save in [true, false] {
        let running = {
            let app = app.clone();
            tokio::spawn(async move {
                ledger::export(
                    &app,
                    ledger::LedgerExportRequest {
                        month: "2026-11".into(),
                    },
                )
                .await
            })
        };
        let waiting = opened.clone();
        let name = tokio::task::spawn_blocking(move || {
            waiting
                .lock()
                .expect("lock")
                .recv_timeout(Duration::from_secs(30))
        })
        .await
        .expect("join")
        .expect("the dialog opened");
        assert!(name.ends_with("202611.xlsx"), "{name}");
        // While the clerk chooses, the page shows the figures done and the dialog waiting.
        assert_eq!(
            ledger::progress(&app, ()).await.expect("progress"),
            Some(ledger::ExportProgress {
                stage: ledger::ExportStage::Choosing,
                percent: 30,
            })
        );
        let path = dir.path().join(&name);
        answer.send(save.then(|| path.clone())).expect("answer");
        let result = running.await.expect("join").expect("exported");
        assert_eq!(result.cases, 1);
        assert_eq!(result.saved_to.is_some(), save);
        assert_eq!(path.exists(), save);
        if save {
            std::fs::remove_file(&path).expect("clean up for the cancelled run");
        }
        assert_eq!(
            ledger::progress(&app, ()).await.expect("progress"),
            None,
            "nothing left running"
        );
    }
}
