//! End-to-end stories in the REAL Yichuang window: the built app is started by tauri-driver
//! (which drives WebKitWebDriver) under the caller's X display, and each story clicks and
//! types as a clerk would. Run by `make e2e` under xvfb-run and dbus-run-session.
//!
//! Usage: yichuang-e2e <path to the built app> [screenshot dir]
//!
//! A story that needs the county (see [`stories::Needs`]) gets a throwaway PostgreSQL, the
//! real `yichuang-hub` next to the app binary (or at `YICHUANG_HUB_BIN`) and a keyring, all
//! started before its window opens and stopped after it closes.

mod county;
mod stories;
mod supervision;
mod webdriver;
mod window_day;

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// tauri-driver, killed when the run ends however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn start_driver(data_dir: &std::path::Path) -> webdriver::Result<(Driver, String)> {
    let port = free_port();
    let native = free_port();
    let tauri_driver = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
    let child = Command::new(&tauri_driver)
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        // The app inherits these: each run starts from an empty local cache, on a known
        // day at the counter (so deadlines, holidays included, are the same every run).
        .env("YICHUANG_DATA_DIR", data_dir)
        .env("YICHUANG_CLOCK_START", stories::CLOCK_START)
        .env("YICHUANG_SAVE_DIR", data_dir.join("saved"))
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start {tauri_driver}: {e} (make e2e installs it)"))?;
    let driver = Driver(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err("tauri-driver did not start listening".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok((driver, format!("http://127.0.0.1:{port}")))
}

/// Starts the app's session. tauri-driver answers on its port before its native
/// WebKitWebDriver is ready, so the first request can be dropped ("Unexpected EOF"); a few
/// tries a second apart ride that out, while a real failure still fails the story.
fn start_session(url: &str, app: &str) -> webdriver::Result<webdriver::Session> {
    let mut last = None;
    for attempt in 1..=4 {
        match webdriver::Session::start(url, app) {
            Ok(s) => return Ok(s),
            Err(e) => {
                eprintln!("session start attempt {attempt} failed: {e}");
                last = Some(e);
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    }
    Err(last.unwrap_or_else(|| "tauri-driver gave no session".into()))
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(app) = args.next() else {
        eprintln!("usage: yichuang-e2e <app binary> [screenshot dir]");
        return ExitCode::from(2);
    };
    let app = std::fs::canonicalize(&app).unwrap_or_else(|_| PathBuf::from(&app));
    let shots = PathBuf::from(args.next().unwrap_or_else(|| "target/e2e".into()));

    let mut passed = 0;
    let mut failed = 0;
    // YICHUANG_E2E_ONLY=<part of a story name> runs just the matching stories (for debugging).
    let only = std::env::var("YICHUANG_E2E_ONLY").unwrap_or_default();
    let hub_bin = std::env::var_os("YICHUANG_HUB_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| app.with_file_name("yichuang-hub"));
    for (name, needs, story) in stories::ALL
        .iter()
        .filter(|(n, _, _)| n.contains(only.as_str()))
    {
        // Every story opens a fresh app on its own empty data dir.
        let data_dir = match tempfile::Builder::new().prefix("yichuang-e2e-").tempdir() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("cannot create a data dir: {e}");
                return ExitCode::FAILURE;
            }
        };
        // The county outlives the window: declared before the driver and the session, it is
        // stopped only after the app has closed (the app syncs in the background).
        let county = match needs {
            stories::Needs::Window => Ok(None),
            stories::Needs::County => county::County::start(&hub_bin).map(Some).map_err(|e| {
                webdriver::Failure::from(format!("the county could not be set up: {e}"))
            }),
        };
        let result = county.and_then(|county| {
            let outcome = start_driver(data_dir.path()).and_then(|(driver, url)| {
                let session = start_session(&url, app.to_str().unwrap_or_default())?;
                let ctx = stories::Ctx {
                    session: &session,
                    shots: &shots,
                    scratch: data_dir.path(),
                    county: county.as_ref(),
                };
                let outcome = story(&ctx);
                if outcome.is_err() {
                    let _ = session.screenshot(&shots.join(format!("FAILED-{name}.png")));
                }
                session.end();
                drop(driver);
                outcome
            });
            if let (Err(_), Some(county)) = (&outcome, &county) {
                county.save_logs(&shots);
            }
            drop(county);
            outcome
        });
        match result {
            Ok(()) => {
                passed += 1;
                eprintln!("e2e story ok: {name}");
            }
            Err(e) => {
                failed += 1;
                eprintln!("e2e story FAILED: {name}\n  {e}");
            }
        }
    }
    // The plain closing line CI reads.
    println!("e2e: {passed} passed, {failed} failed");
    if failed == 0 && passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
