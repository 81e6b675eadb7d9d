//! The workstation's blocking HTTP client for the hub. HTTPS (rustls, the web PKI or the
//! county's own CA) everywhere; plain HTTP only to a loopback address, for tests and a hub on
//! the same PC. Call it from a blocking thread (`spawn_blocking`).

use crate::wire::*;
use crate::Secret;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

/// Why a sync request did not get an answer the workstation can use.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The hub could not be reached (network down, refused, timed out, cut off).
    #[error("the county hub cannot be reached: {0}")]
    Offline(String),
    /// The hub refused the request.
    #[error("the county hub refused the request: {0:?}")]
    Refused(WireError),
    /// The hub answered something that is not this protocol.
    #[error("unexpected answer from the county hub: {0}")]
    BadReply(String),
    /// The address is not allowed (plain HTTP off loopback, or not a URL).
    #[error("invalid hub address: {0}")]
    BadAddress(String),
    /// The county CA certificate given at enrollment cannot be read.
    #[error("invalid CA certificate: {0}")]
    BadCaCertificate(String),
    /// The hub's certificate is not trusted (wrong address, or the county CA is missing).
    #[error("the hub's certificate is not trusted: {0}")]
    Untrusted(String),
}

/// Largest reply read (a first pull page with the catalog is a few MiB).
const MAX_REPLY_BYTES: u64 = 256 * 1024 * 1024;

/// A validated hub address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubAddress(url::Url);

impl HubAddress {
    /// `https://…`, or `http://` to a loopback host only: credentials never cross a network
    /// in clear text.
    pub fn parse(text: &str) -> Result<HubAddress, SyncError> {
        let url = url::Url::parse(text.trim()).map_err(|e| SyncError::BadAddress(e.to_string()))?;
        match url.scheme() {
            "https" => {}
            "http" => {
                let loopback = match url.host() {
                    Some(url::Host::Domain(d)) => d == "localhost",
                    Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
                    Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
                    None => false,
                };
                if !loopback {
                    return Err(SyncError::BadAddress(
                        "plain http is allowed only to this computer (loopback); use https".into(),
                    ));
                }
            }
            other => return Err(SyncError::BadAddress(format!("unsupported scheme {other}"))),
        }
        if url.host().is_none() {
            return Err(SyncError::BadAddress("no host".into()));
        }
        Ok(HubAddress(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    fn join(&self, path: &str) -> String {
        format!("{}{}", self.0.as_str().trim_end_matches('/'), path)
    }
}

/// A client for one hub.
#[derive(Debug, Clone)]
pub struct HubClient {
    address: HubAddress,
    agent: ureq::Agent,
}

impl HubClient {
    /// `extra_ca_pem`: the county's own CA certificate(s), when its hub does not use a
    /// publicly trusted one.
    pub fn new(address: HubAddress, extra_ca_pem: Option<&str>) -> Result<HubClient, SyncError> {
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        if let Some(pem) = extra_ca_pem {
            use rustls::pki_types::pem::PemObject;
            use rustls::pki_types::CertificateDer;
            let mut added = 0;
            for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
                let cert = cert.map_err(|e| SyncError::BadCaCertificate(e.to_string()))?;
                roots
                    .add(cert)
                    .map_err(|e| SyncError::BadCaCertificate(e.to_string()))?;
                added += 1;
            }
            if added == 0 {
                return Err(SyncError::BadAddress(
                    "no certificate in the CA file".into(),
                ));
            }
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| SyncError::BadAddress(e.to_string()))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        let agent = ureq::AgentBuilder::new()
            .tls_config(Arc::new(tls))
            .timeout_connect(Duration::from_secs(5))
            .timeout(Duration::from_secs(60))
            .build();
        Ok(HubClient { address, agent })
    }

    pub fn address(&self) -> &HubAddress {
        &self.address
    }

    /// Exchanges a one-time enrollment token for this workstation's identity and credential.
    pub fn enroll(&self, token: &Secret, label: &str) -> Result<EnrollReply, SyncError> {
        let body = serde_json::json!({ "token": token.expose(), "label": label });
        self.send("/v1/enroll", None, &body)
    }

    pub fn push(&self, credential: &Secret, req: &PushRequest) -> Result<PushReply, SyncError> {
        self.send("/v1/push", Some(credential), req)
    }

    pub fn pull(&self, credential: &Secret, req: &PullRequest) -> Result<PullReply, SyncError> {
        self.send("/v1/pull", Some(credential), req)
    }

    fn send<B: serde::Serialize, R: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        credential: Option<&Secret>,
        body: &B,
    ) -> Result<R, SyncError> {
        let mut request = self
            .agent
            .post(&self.address.join(path))
            .set(PROTOCOL_HEADER, &PROTOCOL_VERSION.to_string());
        if let Some(c) = credential {
            request = request.set("authorization", &format!("Bearer {}", c.expose()));
        }
        let body = serde_json::to_vec(body).map_err(|e| SyncError::BadReply(e.to_string()))?;
        match request
            .set("content-type", "application/json")
            .send_bytes(&body)
        {
            Ok(response) => {
                use std::io::Read;
                let mut text = String::new();
                response
                    .into_reader()
                    .take(MAX_REPLY_BYTES)
                    .read_to_string(&mut text)
                    .map_err(|e| SyncError::Offline(format!("reply cut off: {e}")))?;
                serde_json::from_str(&text).map_err(|e| {
                    // A reply cut short by the network reads as a broken document.
                    SyncError::Offline(format!("incomplete or invalid reply: {e}"))
                })
            }
            Err(ureq::Error::Status(status, response)) => {
                let text = response.into_string().unwrap_or_default();
                match serde_json::from_str::<WireError>(&text) {
                    Ok(e) if e.code == WireErrorCode::Unavailable => {
                        Err(SyncError::Offline(e.message))
                    }
                    Ok(e) => Err(SyncError::Refused(e)),
                    Err(_) if status >= 500 => {
                        Err(SyncError::Offline(format!("hub answered HTTP {status}")))
                    }
                    Err(_) => Err(SyncError::BadReply(format!("HTTP {status}: {text}"))),
                }
            }
            Err(ureq::Error::Transport(t)) => match untrusted_certificate(&t) {
                Some(reason) => Err(SyncError::Untrusted(reason)),
                None => Err(SyncError::Offline(t.to_string())),
            },
        }
    }
}

/// The certificate problem behind a failed connection, if that is what it was.
fn untrusted_certificate(t: &ureq::Transport) -> Option<String> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(t);
    while let Some(e) = source {
        // rustls reports through an io::Error, whose `source()` skips the error it wraps.
        let inner = e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .map(|i| i as &(dyn std::error::Error + 'static))
            .unwrap_or(e);
        if let Some(rustls::Error::InvalidCertificate(c)) = inner.downcast_ref::<rustls::Error>() {
            return Some(format!("{c:?}"));
        }
        source = e.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_refused_off_loopback() {
        assert!(HubAddress::parse("http://10.1.2.3:8443").is_err());
        assert!(HubAddress::parse("http://hub.county.gov.cn").is_err());
        assert!(HubAddress::parse("http://127.0.0.1:8080").is_ok());
        assert!(HubAddress::parse("http://[::1]:8080").is_ok());
        assert!(HubAddress::parse("http://localhost:8080/").is_ok());
        assert!(HubAddress::parse("https://hub.county.gov.cn").is_ok());
        assert!(HubAddress::parse("ftp://hub").is_err());
        assert!(HubAddress::parse("not a url").is_err());
    }

    #[test]
    fn a_bad_ca_file_is_refused() {
        let a = HubAddress::parse("https://hub.example").expect("valid");
        assert!(HubClient::new(a, Some("no certificate here")).is_err());
    }
}
