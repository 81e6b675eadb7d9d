//! Ports to the world outside the domain: the clock now; the keyring, notifier and printer
//! join when the features needing them land. Real implementations and fakes for tests.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use std::fmt::Debug;
use std::sync::Mutex;

/// China Standard Time, in which every counter date and deadline is reckoned.
pub fn china_time() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// Where "now" comes from, so deadlines can be tested on any day.
pub trait Clock: Send + Sync + Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Local wall-clock time at the counter.
    fn local_now(&self) -> NaiveDateTime {
        self.now().with_timezone(&china_time()).naive_local()
    }
}

/// The operating system's clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock a test sets by hand.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        FixedClock(Mutex::new(at))
    }

    /// A clock at the given China Standard Time, e.g. `"2026-02-13 10:00"`.
    pub fn at_local(local: &str) -> Self {
        let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M")
            .expect("a local time like 2026-02-13 10:00");
        let at = naive
            .and_local_timezone(china_time())
            .single()
            .expect("UTC+8 has no gaps");
        FixedClock::new(at.with_timezone(&Utc))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().expect("clock lock") = at;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}
