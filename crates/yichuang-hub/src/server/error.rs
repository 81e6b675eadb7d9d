//! A refused request: an HTTP status and a [`WireError`] body the workstation branches on by
//! code. Database details go to the hub's log, never to the workstation.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use yichuang_sync::{WireError, WireErrorCode};

#[derive(Debug)]
pub struct HubError {
    pub status: StatusCode,
    pub wire: WireError,
}

impl HubError {
    pub fn new(status: StatusCode, code: WireErrorCode, message: impl Into<String>) -> HubError {
        HubError {
            status,
            wire: WireError {
                code,
                message: message.into(),
                expected_seq: None,
                min_protocol: None,
            },
        }
    }

    pub fn unauthorized() -> HubError {
        HubError::new(
            StatusCode::UNAUTHORIZED,
            WireErrorCode::Unauthorized,
            "工作站凭据无效或已注销，请重新注册本机。",
        )
    }

    pub fn malformed(detail: impl std::fmt::Display) -> HubError {
        HubError::new(
            StatusCode::BAD_REQUEST,
            WireErrorCode::Malformed,
            format!("请求格式无效：{detail}"),
        )
    }

    /// The database failed: logged here, reported as "try again later".
    pub fn database(e: sqlx::Error) -> HubError {
        tracing::error!(error = %e, "county database error");
        HubError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            WireErrorCode::Unavailable,
            "县级数据库暂时不可用，请稍后再同步。",
        )
    }
}

impl IntoResponse for HubError {
    fn into_response(self) -> Response {
        (self.status, Json(self.wire)).into_response()
    }
}
