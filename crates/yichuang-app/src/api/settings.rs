//! Workstation settings the clerk can change: the UI language for now.

use crate::{ApiError, App};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yichuang_core::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub lang: Lang,
    /// Where the local cache lives, for IT staff.
    pub data_dir: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SetLanguageRequest {
    pub lang: Lang,
}

pub async fn get(app: &App, _req: ()) -> Result<Settings, ApiError> {
    Ok(Settings {
        lang: app.lang(),
        data_dir: app.data_dir().display().to_string(),
    })
}

pub async fn set_language(app: &App, req: SetLanguageRequest) -> Result<Settings, ApiError> {
    app.set_lang(req.lang).await?;
    get(app, ()).await
}
