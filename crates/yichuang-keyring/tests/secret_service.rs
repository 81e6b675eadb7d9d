//! The adapter against a real Secret Service: a private D-Bus session bus and a
//! gnome-keyring-daemon that this test starts with a throwaway home, so the developer's own
//! keyring is never read or written. `secret-tool` (libsecret) is the second implementation of
//! the protocol: it proves the items are filed the way other tools (and a keyring manager) see
//! them, not merely that our own round trip is consistent.
//!
//! There is exactly one `#[test]` in this binary: libdbus finds the bus through the process
//! environment (`DBUS_SESSION_BUS_ADDRESS`), and changing it is only sound while no other test
//! thread can be reading it. The checks inside run one after another and all of them run even
//! when one fails, so a single run reports every broken behaviour by name.
//!
//! A missing binary fails the test with the package to install: skipping would let the keyring
//! adapter go untested on exactly the machines that lack a keyring.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use yichuang_keyring::KeyringSecretStore;
use yichuang_sync::{Secret, SecretStore};

/// Not the app's service name, so a stray item is recognisable as test debris.
const SERVICE: &str = "yichuang-keyring-test";

/// The binaries this test drives, and the Debian package each comes from.
const REQUIRED: &[(&str, &str)] = &[
    ("dbus-daemon", "dbus"),
    ("dbus-send", "dbus"),
    ("gnome-keyring-daemon", "gnome-keyring"),
    ("secret-tool", "libsecret-tools"),
];

const STARTUP_TIMEOUT: Duration = Duration::from_secs(15);

#[test]
fn the_keyring_adapter_keeps_credentials_in_a_real_secret_service() {
    require_binaries();
    let mut session = PrivateSession::start();
    // Safe here: this is the only test in the binary and nothing else has started a thread
    // that reads the environment.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &session.bus_address);
    let store = KeyringSecretStore::new(SERVICE);

    let mut failed = Vec::new();
    let mut check = |name: &str, f: &dyn Fn()| {
        println!("check: {name} ...");
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
            Ok(()) => println!("check: {name} ... ok"),
            Err(_) => {
                println!("check: {name} ... FAILED");
                failed.push(name.to_string());
            }
        }
    };

    check("a stored credential reads back", &|| {
        a_stored_credential_reads_back(&store)
    });
    check("storing again replaces the credential", &|| {
        storing_again_replaces_the_credential(&store)
    });
    check("delete removes it and a second delete is fine", &|| {
        delete_removes_it_and_a_second_delete_is_fine(&store)
    });
    check("an unknown account is none", &|| {
        an_unknown_account_is_none(&store)
    });
    check(
        "secret-tool finds the same secret by service and username",
        &|| secret_tool_finds_the_same_secret_by_service_and_username(&store),
    );
    check(
        "two matching items are an error that does not show the secret",
        &|| two_matching_items_are_an_error_that_does_not_show_the_secret(&store),
    );
    // Last: it stops the keyring daemon.
    session.stop_keyring();
    check(
        "a missing keyring service is an error, not an empty store",
        &|| a_missing_keyring_service_is_an_error_not_an_empty_store(&store),
    );

    assert!(
        failed.is_empty(),
        "{} check(s) failed: {}",
        failed.len(),
        failed.join("; ")
    );
}

fn a_stored_credential_reads_back(store: &KeyringSecretStore) {
    let secret = Secret::new("wks_live_reads_back_0001");
    store.set("reads-back", &secret).expect("set");
    assert_eq!(store.get("reads-back").expect("get"), Some(secret));
}

fn storing_again_replaces_the_credential(store: &KeyringSecretStore) {
    store
        .set("replaced", &Secret::new("wks_live_first_0002"))
        .expect("first set");
    store
        .set("replaced", &Secret::new("wks_live_second_0003"))
        .expect("second set");
    assert_eq!(
        store
            .get("replaced")
            .expect("get")
            .as_ref()
            .map(Secret::expose),
        Some("wks_live_second_0003")
    );
    // Replaced in place: a second item would make every later read ambiguous.
    assert_eq!(secret_tool_count("replaced"), 1, "items for the account");
}

fn delete_removes_it_and_a_second_delete_is_fine(store: &KeyringSecretStore) {
    store
        .set("deleted", &Secret::new("wks_live_deleted_0004"))
        .expect("set");
    store.delete("deleted").expect("first delete");
    assert_eq!(store.get("deleted").expect("get after delete"), None);
    store
        .delete("deleted")
        .expect("deleting a missing credential is fine");
}

fn an_unknown_account_is_none(store: &KeyringSecretStore) {
    assert_eq!(store.get("never-stored").expect("get"), None);
}

fn secret_tool_finds_the_same_secret_by_service_and_username(store: &KeyringSecretStore) {
    store
        .set("cross-checked", &Secret::new("wks_live_cross_0005"))
        .expect("set");
    let found = secret_tool(
        &["lookup", "service", SERVICE, "username", "cross-checked"],
        None,
    );
    assert_eq!(found.trim_end_matches('\n'), "wks_live_cross_0005");
}

fn two_matching_items_are_an_error_that_does_not_show_the_secret(store: &KeyringSecretStore) {
    store
        .set("duplicated", &Secret::new("wks_live_duplicate_0006"))
        .expect("set");
    // Another program filing an item with the same identifying attributes (plus one of its
    // own) is how a real keyring ends up with two candidates.
    secret_tool(
        &[
            "store",
            "--label=duplicate",
            "service",
            SERVICE,
            "username",
            "duplicated",
            "target",
            "default",
            "copy",
            "2",
        ],
        Some("wks_live_duplicate_0006"),
    );
    let err = store
        .get("duplicated")
        .expect_err("two candidates must not silently pick one");
    let message = err.to_string();
    assert!(
        message.contains("2 keyring items match"),
        "message names the problem: {message}"
    );
    assert!(
        message.contains("duplicated") && message.contains(SERVICE),
        "message names the account and service: {message}"
    );
    assert!(
        !message.contains("wks_live_duplicate_0006") && !format!("{err:?}").contains("0006"),
        "message must not contain the secret: {message}"
    );
    secret_tool(
        &["clear", "service", SERVICE, "username", "duplicated"],
        None,
    );
    assert_eq!(store.get("duplicated").expect("get after clear"), None);
}

fn a_missing_keyring_service_is_an_error_not_an_empty_store(store: &KeyringSecretStore) {
    // An absent keyring must not look like "not enrolled yet", or the app would re-enroll and
    // lose the credential it already has.
    let read = store
        .get("reads-back")
        .expect_err("a missing keyring service is an error");
    assert!(
        read.to_string().contains("no keyring service answered"),
        "message names the problem: {read}"
    );
    let write = store
        .set("unreachable", &Secret::new("wks_live_unreachable_0007"))
        .expect_err("storing without a keyring service is an error");
    let message = write.to_string();
    assert!(
        message.contains("could not store the credential for account `unreachable`"),
        "message names the action and account: {message}"
    );
    assert!(
        !message.contains("wks_live_unreachable_0007"),
        "message must not contain the secret: {message}"
    );
}

/// Runs `secret-tool` on the private bus (inherited from the environment) and returns stdout.
fn secret_tool(args: &[&str], stdin: Option<&str>) -> String {
    let mut child = Command::new("secret-tool")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn secret-tool");
    {
        let mut pipe = child.stdin.take().expect("secret-tool stdin");
        if let Some(input) = stdin {
            pipe.write_all(input.as_bytes())
                .expect("write to secret-tool");
        }
    }
    let out = child.wait_with_output().expect("run secret-tool");
    assert!(
        out.status.success(),
        "secret-tool {} failed ({}): {}",
        args.first().copied().unwrap_or_default(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("secret-tool prints UTF-8")
}

/// How many items `secret-tool` finds for an account of the test service.
fn secret_tool_count(account: &str) -> usize {
    secret_tool(
        &["search", "--all", "service", SERVICE, "username", account],
        None,
    )
    .lines()
    .filter(|line| line.starts_with('['))
    .count()
}

fn require_binaries() {
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|(bin, _)| find_in_path(bin).is_none())
        .map(|(bin, package)| format!("`{bin}` (Debian package {package})"))
        .collect();
    assert!(
        missing.is_empty(),
        "this test needs a real Secret Service but these programs are not on PATH: {}. \
         Install them with `make apt-deps` or `apt-get install -y dbus gnome-keyring \
         libsecret-tools`.",
        missing.join(", ")
    );
}

fn find_in_path(bin: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(bin))
        .find(|candidate| candidate.is_file())
}

/// A private session bus with an unlocked gnome-keyring on it, torn down on drop so a failing
/// check leaves no daemons behind.
struct PrivateSession {
    keyring: Option<Child>,
    bus: Child,
    bus_address: String,
    // Removed only after Drop has stopped the daemons that keep their files in it.
    dir: tempfile::TempDir,
}

impl PrivateSession {
    fn start() -> PrivateSession {
        let dir = tempfile::Builder::new()
            .prefix("yichuang-keyring-test-")
            .tempdir()
            .expect("temp dir");
        for sub in ["home", "data", "config", "cache", "runtime"] {
            std::fs::create_dir(dir.path().join(sub)).expect("create session dir");
        }
        {
            // gnome-keyring puts its control socket here and refuses a runtime dir that other
            // users could enter.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(
                dir.path().join("runtime"),
                std::fs::Permissions::from_mode(0o700),
            )
            .expect("chmod runtime dir");
        }

        let (bus, bus_address) = start_bus(dir.path());
        let mut session = PrivateSession {
            keyring: None,
            bus,
            bus_address,
            dir,
        };
        session.keyring = Some(session.start_keyring());
        session.wait_for_default_collection();
        session
    }

    fn start_keyring(&self) -> Child {
        let root = self.dir.path();
        let log = std::fs::File::create(root.join("gnome-keyring.log")).expect("keyring log");
        // --foreground keeps the daemon our child so Drop can kill and reap it; --unlock with
        // the password on stdin creates the "login" collection unlocked and makes it the
        // default alias, which is where the keyring crate files new items. Without it the
        // first write would need an interactive prompt.
        let mut child = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("HOME", root.join("home"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env("XDG_RUNTIME_DIR", root.join("runtime"))
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus_address)
            .env_remove("GNOME_KEYRING_CONTROL")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::piped())
            .stdout(log.try_clone().expect("keyring log"))
            .stderr(log)
            .spawn()
            .expect("spawn gnome-keyring-daemon");
        // The daemon reads the password up to end of file, so the pipe must be closed.
        let mut stdin = child.stdin.take().expect("keyring stdin");
        stdin
            .write_all(b"throwaway-test-keyring-password")
            .expect("write keyring password");
        drop(stdin);
        child
    }

    /// Ready means the default alias resolves to a collection: owning the bus name alone is
    /// not enough, the login collection appears a moment later.
    fn wait_for_default_collection(&mut self) {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if let Some(status) = self
                .keyring
                .as_mut()
                .and_then(|child| child.try_wait().ok().flatten())
            {
                panic!(
                    "gnome-keyring-daemon exited during startup ({status}); its log:\n{}",
                    self.log("gnome-keyring.log")
                );
            }
            let reply = Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.secrets",
                    "/org/freedesktop/secrets",
                    "org.freedesktop.Secret.Service.ReadAlias",
                    "string:default",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.bus_address)
                .output()
                .expect("run dbus-send");
            let text = String::from_utf8_lossy(&reply.stdout);
            if reply.status.success() && text.contains("/org/freedesktop/secrets/collection/") {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "gnome-keyring-daemon did not provide a default collection within {:?}; \
                 last reply: {text}{}; its log:\n{}",
                STARTUP_TIMEOUT,
                String::from_utf8_lossy(&reply.stderr),
                self.log("gnome-keyring.log")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn stop_keyring(&mut self) {
        if let Some(child) = self.keyring.take() {
            stop(child);
        }
    }

    fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap_or_default()
    }
}

impl Drop for PrivateSession {
    fn drop(&mut self) {
        self.stop_keyring();
        // The bus is a field, not an Option; kill it in place and reap it.
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// A session bus of our own: no service directories, so nothing (a second keyring daemon in
/// particular) is auto-started behind the test's back, and a stopped keyring stays stopped.
fn start_bus(root: &Path) -> (Child, String) {
    let config = root.join("session.conf");
    std::fs::write(
        &config,
        format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
            root.join("runtime").display()
        ),
    )
    .expect("write bus config");
    let log = std::fs::File::create(root.join("dbus-daemon.log")).expect("bus log");
    // --nofork keeps the bus our child (a forked one is re-parented and cannot be reaped).
    let mut bus = Command::new("dbus-daemon")
        .arg(format!("--config-file={}", config.display()))
        .args(["--nofork", "--print-address=1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .expect("spawn dbus-daemon");

    // The address is printed once the bus listens; read it on a thread so a daemon that hangs
    // instead of exiting fails the test instead of blocking it forever.
    let stdout = bus.stdout.take().expect("bus stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let address = rx
        .recv_timeout(STARTUP_TIMEOUT)
        .unwrap_or_default()
        .trim()
        .to_string();
    if address.is_empty() {
        let _ = bus.kill();
        let _ = bus.wait();
        panic!(
            "dbus-daemon printed no bus address; its log:\n{}",
            std::fs::read_to_string(root.join("dbus-daemon.log")).unwrap_or_default()
        );
    }
    (bus, address)
}
