//! A TCP fault proxy between a workstation and the hub: passes bytes through, or drops the
//! connection, resets it, delays it, cuts the reply short, or swallows the reply after the
//! hub has answered (the county committed; the workstation never hears). Switchable while
//! running, and with a seeded random mode for the flaky-network story.

use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Fault {
    /// Bytes pass both ways.
    Pass = 0,
    /// The connection is accepted and closed at once (network down).
    Refuse = 1,
    /// The request reaches the hub; the reply is thrown away and the connection closed.
    SwallowReply = 2,
    /// The reply is cut after a few bytes.
    TruncateReply = 3,
    /// The connection is reset (RST) once the request has been read.
    Reset = 4,
    /// Everything is delayed by half a second each way.
    Delay = 5,
    /// Each connection draws one of the above from a seeded generator.
    Random = 6,
}

impl Fault {
    fn from_u8(v: u8) -> Fault {
        match v {
            1 => Fault::Refuse,
            2 => Fault::SwallowReply,
            3 => Fault::TruncateReply,
            4 => Fault::Reset,
            5 => Fault::Delay,
            6 => Fault::Random,
            _ => Fault::Pass,
        }
    }
}

pub struct FaultProxy {
    pub port: u16,
    mode: Arc<AtomicU8>,
    /// Requests that reached the hub (whatever happened to the reply).
    forwarded: Arc<AtomicU64>,
    forwarded_signal: Arc<tokio::sync::Notify>,
    task: tokio::task::JoinHandle<()>,
}

impl FaultProxy {
    pub async fn start(upstream_port: u16, seed: u64) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let port = listener.local_addr().expect("addr").port();
        let mode = Arc::new(AtomicU8::new(Fault::Pass as u8));
        let forwarded = Arc::new(AtomicU64::new(0));
        let forwarded_signal = Arc::new(tokio::sync::Notify::new());
        let rng = Arc::new(AtomicU64::new(seed.max(1)));
        let (m, f, s) = (mode.clone(), forwarded.clone(), forwarded_signal.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    return;
                };
                let mut fault = Fault::from_u8(m.load(Ordering::SeqCst));
                if fault == Fault::Random {
                    fault = random_fault(&rng);
                }
                let (f, s) = (f.clone(), s.clone());
                tokio::spawn(async move {
                    let _ = relay(client, upstream_port, fault, f, s).await;
                });
            }
        });
        FaultProxy {
            port,
            mode,
            forwarded,
            forwarded_signal,
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn set(&self, fault: Fault) {
        self.mode.store(fault as u8, Ordering::SeqCst);
    }

    pub fn forwarded(&self) -> u64 {
        self.forwarded.load(Ordering::SeqCst)
    }

    /// Waits until the next request has been handed to the hub.
    pub async fn request_reached_hub(&self) {
        self.forwarded_signal.notified().await;
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// xorshift64*: a reproducible choice per connection.
fn random_fault(state: &AtomicU64) -> Fault {
    let mut x = state.load(Ordering::SeqCst);
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    state.store(x, Ordering::SeqCst);
    match x.wrapping_mul(0x2545_F491_4F6C_DD1D) % 10 {
        0 => Fault::Refuse,
        1 => Fault::SwallowReply,
        2 => Fault::TruncateReply,
        3 => Fault::Reset,
        4 => Fault::Delay,
        _ => Fault::Pass,
    }
}

/// Reads one HTTP/1.1 request (headers + Content-Length body).
async fn read_request(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(buf);
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                return Ok(buf);
            }
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

async fn relay(
    mut client: TcpStream,
    upstream_port: u16,
    fault: Fault,
    forwarded: Arc<AtomicU64>,
    signal: Arc<tokio::sync::Notify>,
) -> std::io::Result<()> {
    if fault == Fault::Refuse {
        return Ok(());
    }
    let request = read_request(&mut client).await?;
    if fault == Fault::Reset {
        // Linger 0: closing sends RST instead of FIN.
        socket2::SockRef::from(&client).set_linger(Some(Duration::ZERO))?;
        return Ok(());
    }
    if fault == Fault::Delay {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let mut upstream = TcpStream::connect(("127.0.0.1", upstream_port)).await?;
    // One request per connection keeps the faults simple to reason about.
    let request = force_close(request);
    upstream.write_all(&request).await?;
    forwarded.fetch_add(1, Ordering::SeqCst);
    signal.notify_waiters();
    let mut reply = Vec::new();
    upstream.read_to_end(&mut reply).await?;
    match fault {
        Fault::SwallowReply => Ok(()),
        Fault::TruncateReply => {
            let cut = reply
                .len()
                .min(find(&reply, b"\r\n\r\n").map_or(20, |i| i + 10));
            client.write_all(&reply[..cut]).await?;
            client.shutdown().await
        }
        Fault::Delay => {
            tokio::time::sleep(Duration::from_millis(500)).await;
            client.write_all(&reply).await?;
            client.shutdown().await
        }
        _ => {
            client.write_all(&reply).await?;
            client.shutdown().await
        }
    }
}

/// Asks the hub to close after its reply, so reading to the end of the reply terminates.
fn force_close(request: Vec<u8>) -> Vec<u8> {
    let Some(end) = find(&request, b"\r\n\r\n") else {
        return request;
    };
    let head = String::from_utf8_lossy(&request[..end]).to_string();
    let mut lines: Vec<&str> = head
        .split("\r\n")
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .collect();
    lines.push("Connection: close");
    let mut out = lines.join("\r\n").into_bytes();
    out.extend_from_slice(&request[end..]);
    out
}
