//! Transport: the hub serves HTTPS with rustls, a workstation enrolled with the county's own
//! CA certificate syncs over it, and one that does not trust that CA never sends its token.

mod common;

use common::County;
use std::sync::Arc;
use yichuang_app::api::sync as sync_api;
use yichuang_app::ports::FixedClock;
use yichuang_app::{App, AppConfig, ErrorCode};
use yichuang_hub::server::Hub;

fn county_ca_and_hub_cert() -> (String, String, String) {
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "县数据中心 CA");
    let ca_key = rcgen::KeyPair::generate().expect("ca key");
    let ca = ca_params.self_signed(&ca_key).expect("ca cert");
    let params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).expect("params");
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = params.signed_by(&key, &ca, &ca_key).expect("hub cert");
    (ca.pem(), cert.pem(), key.serialize_pem())
}

#[tokio::test]
async fn a_window_syncs_over_https_with_the_countys_own_ca_and_refuses_an_untrusted_hub() {
    let county = County::start().await;
    let (ca_pem, cert_pem, key_pem) = county_ca_and_hub_cert();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let hub = Hub::new(county.hub_pool.clone());
    let server = tokio::spawn(async move {
        yichuang_hub::server::serve_tls(listener, hub, cert_pem.as_bytes(), key_pem.as_bytes())
            .await
            .expect("serve tls");
    });
    let url = format!("https://localhost:{port}");

    // Without the county's CA the certificate is not trusted: no enrollment, token unspent.
    let token = county.token("SCJG", "W01").await;
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::at_local("2026-11-23 09:30"));
    let app = App::open(AppConfig::headless(dir.path().join("data"), clock.clone()))
        .await
        .expect("open");
    let refused = sync_api::enroll(
        &app,
        sync_api::EnrollRequest {
            hub_address: url.clone(),
            token: token.clone(),
            ca_pem: None,
        },
    )
    .await
    .expect_err("untrusted certificate");
    assert_eq!(refused.code, ErrorCode::HubCertificateUntrusted);
    assert!(refused.message.contains("CA"), "{}", refused.message);
    assert_eq!(
        county
            .count("SELECT count(*) FROM enrollment_token WHERE used_at IS NOT NULL")
            .await,
        0
    );

    // With it: enrolled over HTTPS, users and catalog come down, a case goes up.
    let status = sync_api::enroll(
        &app,
        sync_api::EnrollRequest {
            hub_address: url,
            token,
            ca_pem: Some(ca_pem),
        },
    )
    .await
    .expect("enrolled over https");
    assert!(status.enrolled);
    assert_eq!(status.online, Some(true));
    yichuang_app::api::session::login(
        &app,
        yichuang_app::api::session::LoginRequest {
            username: "lina".into(),
            password: common::PASSWORD.into(),
        },
    )
    .await
    .expect("login");
    let window = common::Window {
        dir,
        app,
        clock,
        secrets: Arc::new(yichuang_app::ports::MemorySecretStore::default()),
        user: "lina".into(),
    };
    window.intake("tls-1", 1).await;
    let s = window.sync().await.expect("sync over https");
    assert_eq!(s.pending, 0);
    assert_eq!(county.count("SELECT count(*) FROM case_record").await, 1);
    server.abort();
}

#[test]
fn a_plain_http_hub_address_off_loopback_is_refused_before_anything_is_sent() {
    for bad in ["http://10.0.0.5:8443", "http://hub.county.gov.cn"] {
        assert!(yichuang_sync::HubAddress::parse(bad).is_err(), "{bad}");
    }
    let listen: std::net::SocketAddr = "0.0.0.0:8443".parse().expect("addr");
    assert!(!yichuang_hub::server::plain_http_allowed(&listen));
    let listen: std::net::SocketAddr = "127.0.0.1:8443".parse().expect("addr");
    assert!(yichuang_hub::server::plain_http_allowed(&listen));
}
