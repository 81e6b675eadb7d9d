//! A minimal W3C WebDriver client: just the calls the stories need, with waiting.

use base64::Engine as _;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// WebDriver's code points for special keys (W3C WebDriver, "keyboard actions").
pub const KEY_F2: char = '\u{E032}';
pub const KEY_ENTER: char = '\u{E007}';

#[derive(Debug)]
pub struct Session {
    base: String,
}

#[derive(Debug, Clone)]
pub struct Element(String);

/// Why a step of a story failed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The WebDriver refused a command with a W3C error; `code` as the spec names it
    /// ("stale element reference", "element click intercepted", …), which callers branch on.
    #[error("{request} → HTTP {status} {code}: {message}")]
    Driver {
        request: String,
        status: u16,
        code: String,
        message: String,
    },
    /// The driver could not be reached, or answered something unreadable.
    #[error("{0}")]
    Transport(String),
    /// What the story found is not what a user relies on, or its setup failed: in words,
    /// for the runner to print.
    #[error("{0}")]
    Story(String),
}

impl Failure {
    /// Whether the driver refused with this W3C error code.
    pub fn is_driver(&self, w3c_code: &str) -> bool {
        matches!(self, Failure::Driver { code, .. } if code == w3c_code)
    }
}

impl From<String> for Failure {
    fn from(what: String) -> Failure {
        Failure::Story(what)
    }
}

impl From<&str> for Failure {
    fn from(what: &str) -> Failure {
        Failure::Story(what.to_string())
    }
}

pub type Result<T> = std::result::Result<T, Failure>;

fn request(method: &str, url: &str, body: Option<Value>) -> Result<Value> {
    let req = ureq::request(method, url).timeout(Duration::from_secs(120));
    let resp = match body {
        Some(b) => req.send_json(b),
        None => req.call(),
    };
    let resp = match resp {
        Ok(r) => r,
        Err(ureq::Error::Status(status, r)) => {
            let body: Value = r.into_json().unwrap_or(Value::Null);
            let error = &body["value"];
            return Err(Failure::Driver {
                request: format!("{method} {url}"),
                status,
                code: error["error"].as_str().unwrap_or_default().to_string(),
                message: error["message"]
                    .as_str()
                    .map_or_else(|| body.to_string(), str::to_string),
            });
        }
        Err(e) => return Err(Failure::Transport(format!("{method} {url}: {e}"))),
    };
    let v: Value = resp
        .into_json()
        .map_err(|e| Failure::Transport(format!("bad JSON from driver: {e}")))?;
    Ok(v["value"].clone())
}

impl Session {
    /// Starts the application under test through tauri-driver.
    pub fn start(driver: &str, application: &str) -> Result<Session> {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": application}
        }}});
        let v = request("POST", &format!("{driver}/session"), Some(caps))?;
        let id = v["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {v}"))?
            .to_string();
        Ok(Session {
            base: format!("{driver}/session/{id}"),
        })
    }

    fn post(&self, path: &str, body: Value) -> Result<Value> {
        request("POST", &format!("{}{path}", self.base), Some(body))
    }

    fn get(&self, path: &str) -> Result<Value> {
        request("GET", &format!("{}{path}", self.base), None)
    }

    /// Finds elements. WebKitWebDriver answers "stale element reference" when the page
    /// re-renders during the search (a list filtering as the clerk types); that is "not there
    /// yet", so the search is repeated a few times before it counts as an error.
    fn find_raw(&self, css: &str) -> Result<Value> {
        let mut last = None;
        for _ in 0..10 {
            match self.post("/elements", json!({"using": "css selector", "value": css})) {
                Ok(v) => return Ok(v),
                Err(e) if e.is_driver("stale element reference") => {
                    last = Some(e);
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| Failure::Story(format!("could not search for {css}"))))
    }

    pub fn find(&self, css: &str) -> Result<Option<Element>> {
        let v = self.find_raw(css)?;
        Ok(v.as_array()
            .and_then(|a| a.first())
            .and_then(|e| e[ELEMENT_KEY].as_str())
            .map(|s| Element(s.to_string())))
    }

    /// Every element matching `css`, in document order.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let v = self.find_raw(css)?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str())
                    .map(|s| Element(s.to_string()))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Whether a control is enabled (a disabled button is not).
    pub fn enabled(&self, e: &Element) -> Result<bool> {
        Ok(self.get(&format!("/element/{}/enabled", e.0))?.as_bool() == Some(true))
    }

    /// The handles of the application's open windows.
    pub fn window_handles(&self) -> Result<Vec<String>> {
        let v = self.get("/window/handles")?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|h| h.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// The handle of the window commands go to now.
    pub fn window_handle(&self) -> Result<String> {
        self.get("/window")?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| "no current window handle".into())
    }

    /// Sends the following commands to another of the application's windows.
    pub fn switch_to_window(&self, handle: &str) -> Result<()> {
        self.post("/window", json!({ "handle": handle }))
            .map(|_| ())
    }

    /// Waits up to 30 s for a window other than `known` to open; returns its handle.
    pub fn wait_new_window(&self, known: &[String]) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(h) = self
                .window_handles()?
                .into_iter()
                .find(|h| !known.contains(h))
            {
                return Ok(h);
            }
            if Instant::now() > deadline {
                return Err(format!("no new window opened (known: {known:?})").into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Runs `script` in the page with `args`; returns its value.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.post("/execute/sync", json!({"script": script, "args": args}))
    }

    /// The DOM text (`textContent`) or outer HTML of the first element matching `css`;
    /// `None` when there is none. WebKitWebDriver's element text is empty for some antd
    /// parts (a Select's chosen value), while the DOM has it.
    pub fn dom(&self, css: &str, outer_html: bool) -> Result<Option<String>> {
        let v = self.execute(
            "const e = document.querySelector(arguments[0]); \
             return e ? (arguments[1] ? e.outerHTML : e.textContent) : null;",
            vec![Value::from(css), Value::from(outer_html)],
        )?;
        Ok(v.as_str().map(str::to_string))
    }

    /// Waits up to 30 s for an element matching `css`.
    pub fn wait(&self, css: &str) -> Result<Element> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(e) = self.find(css)? {
                return Ok(e);
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {css}").into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Waits up to 30 s until the element's text satisfies `pred`; returns the text.
    pub fn wait_text(&self, css: &str, pred: impl Fn(&str) -> bool) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut last = String::new();
        loop {
            if let Some(e) = self.find(css)? {
                // The element may be re-rendered between find and read.
                match self.text(&e) {
                    Ok(t) if pred(&t) => return Ok(t),
                    Ok(t) => last = t,
                    Err(err) => last = format!("<{err}>"),
                }
            }
            if Instant::now() > deadline {
                return Err(
                    format!("timed out waiting for the text of {css}; last: {last:?}").into(),
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Waits up to 30 s until no element matches `css`.
    pub fn wait_gone(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.find(css)?.is_some() {
            if Instant::now() > deadline {
                return Err(format!("{css} is still there").into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(())
    }

    pub fn text(&self, e: &Element) -> Result<String> {
        let v = self.get(&format!("/element/{}/text", e.0))?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    pub fn click(&self, e: &Element) -> Result<()> {
        self.post(&format!("/element/{}/click", e.0), json!({}))
            .map(|_| ())
    }

    /// Sends one special key (e.g. [`KEY_F2`]) to the element, as a key press the page sees.
    pub fn press(&self, e: &Element, key: char) -> Result<()> {
        self.type_text(e, &key.to_string())
    }

    pub fn type_text(&self, e: &Element, text: &str) -> Result<()> {
        self.post(&format!("/element/{}/value", e.0), json!({"text": text}))
            .map(|_| ())
    }

    pub fn screenshot(&self, path: &std::path::Path) -> Result<()> {
        let v = self.get("/screenshot")?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .map_err(|e| format!("screenshot is not base64: {e}"))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(path, png).map_err(|e| format!("cannot save screenshot: {e}").into())
    }

    pub fn end(self) {
        let _ = request("DELETE", &self.base, None);
    }
}
