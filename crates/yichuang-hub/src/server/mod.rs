//! The hub's HTTP server: enrollment, push and pull for workstations (JSON over HTTPS). It is
//! stateless — everything lives in PostgreSQL — so several instances can run behind a load
//! balancer. Domain rules are yichuang-core's; this module authenticates, scopes and stores.

mod enroll;
mod error;
mod pull;
mod push;

use axum::extract::DefaultBodyLimit;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::Router;
pub use error::HubError;
use sqlx::PgPool;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use yichuang_sync::{WireErrorCode, PROTOCOL_HEADER};

/// The oldest workstation protocol this hub still serves.
pub const MIN_PROTOCOL: u32 = 2;

/// What every request handler shares.
#[derive(Debug, Clone)]
pub struct Hub {
    pub pool: PgPool,
    /// Protocol versions below this get `client_too_old` (tests raise it to see the refusal).
    pub min_protocol: u32,
}

impl Hub {
    pub fn new(pool: PgPool) -> Hub {
        Hub {
            pool,
            min_protocol: MIN_PROTOCOL,
        }
    }
}

/// The workstation a request comes from, as the county knows it: the scope of everything it
/// may read or write. Derived from the credential, never from the request body.
#[derive(Debug, Clone)]
pub(crate) struct Scope {
    pub workstation_id: String,
    pub department: String,
    pub window: String,
}

pub fn router(hub: Hub) -> Router {
    Router::new()
        .route("/v1/enroll", post(enroll::enroll))
        .route("/v1/push", post(push::push))
        .route("/v1/pull", post(pull::pull))
        .layer(DefaultBodyLimit::max(32 * 1024 * 1024))
        .with_state(Arc::new(hub))
}

/// Refuses a workstation whose protocol is too old (it keeps its outbox and asks for an
/// update) or that names none.
pub(crate) fn check_protocol(hub: &Hub, headers: &HeaderMap) -> Result<u32, HubError> {
    let version = headers
        .get(PROTOCOL_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0);
    if version < hub.min_protocol {
        let mut e = HubError::new(
            axum::http::StatusCode::UPGRADE_REQUIRED,
            WireErrorCode::ClientTooOld,
            format!(
                "窗口软件版本过旧（协议 {version}），县级中心要求至少协议 {}。请更新软件；未同步的数据仍保存在本机。",
                hub.min_protocol
            ),
        );
        e.wire.min_protocol = Some(hub.min_protocol);
        return Err(e);
    }
    Ok(version)
}

/// The workstation behind a bearer credential; revoked or unknown ones are refused.
pub(crate) async fn authenticate(hub: &Hub, headers: &HeaderMap) -> Result<Scope, HubError> {
    check_protocol(hub, headers)?;
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(HubError::unauthorized)?;
    let row: Option<(String, String, String)> = sqlx::query_as(
        "UPDATE workstation SET last_seen_at = now() \
         WHERE credential_sha256 = $1 AND revoked_at IS NULL \
         RETURNING id, department_code, window_code",
    )
    .bind(crate::admin::secret_sha256(token.trim()))
    .fetch_optional(&hub.pool)
    .await
    .map_err(HubError::database)?;
    let (workstation_id, department, window) = row.ok_or_else(HubError::unauthorized)?;
    Ok(Scope {
        workstation_id,
        department,
        window,
    })
}

/// Serves on `listener` until `shutdown` resolves. Plain HTTP: for loopback (tests, a hub on
/// the same machine) or behind a TLS-terminating proxy on the same host.
pub async fn serve_plain(
    listener: TcpListener,
    hub: Hub,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(hub))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Serves HTTPS (rustls) on `listener` with the given certificate chain and key (PEM).
pub async fn serve_tls(
    listener: TcpListener,
    hub: Hub,
    cert_pem: &[u8],
    key_pem: &[u8],
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo};
    use hyper_util::server::conn::auto::Builder;
    use hyper_util::service::TowerToHyperService;
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};

    let invalid = |e: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, e);
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert_pem)
        .collect::<Result<_, _>>()
        .map_err(|e| invalid(format!("certificate: {e}")))?;
    let key = PrivateKeyDer::from_pem_slice(key_pem).map_err(|e| invalid(format!("key: {e}")))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| invalid(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| invalid(e.to_string()))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let app = router(hub);
    loop {
        let (tcp, peer) = listener.accept().await?;
        let acceptor = acceptor.clone();
        let app = app.clone();
        // Each connection's handshake runs on its own task, so a slow client never holds up
        // the accept loop.
        tokio::spawn(async move {
            let Ok(tls) = acceptor.accept(tcp).await else {
                tracing::debug!(%peer, "TLS handshake failed");
                return;
            };
            let service = TowerToHyperService::new(app);
            if let Err(e) = Builder::new(TokioExecutor::new())
                .serve_connection(TokioIo::new(tls), service)
                .await
            {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
        });
    }
}

/// Why the server's database role is unfit to serve workstations.
#[derive(Debug)]
pub enum RoleProblem {
    /// Superuser, BYPASSRLS or not a member of `yichuang_app`: row-level security would not
    /// hold, or the grants would not fit.
    Privileged(String),
    Database(sqlx::Error),
}

/// The server must log in as a member of `yichuang_app` that row-level security binds.
pub async fn check_role(pool: &PgPool) -> Result<(), RoleProblem> {
    let (name, unfit): (String, bool) = sqlx::query_as(
        "SELECT current_user::text, rolsuper OR rolbypassrls            OR NOT pg_has_role(current_user, 'yichuang_app', 'MEMBER')          FROM pg_roles WHERE rolname = current_user",
    )
    .fetch_one(pool)
    .await
    .map_err(RoleProblem::Database)?;
    if unfit {
        return Err(RoleProblem::Privileged(name));
    }
    Ok(())
}

/// Whether an address may serve plain HTTP (loopback only).
pub fn plain_http_allowed(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}
