//! Notices as files: the stamped PDF of a notice exactly as it was told (rebuilt from the
//! stored content, never from the case's current state), printing through the system viewer
//! and saving a copy where the clerk chooses.

use super::workstation::station;
use crate::{ApiError, App, ErrorCode};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;
use yichuang_core::case::{IssuedNotice, NoticeContent};
use yichuang_core::catalog::MaterialForm;
use yichuang_documents as doc;
use yichuang_local::cases as store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoticeRequest {
    pub number: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoticeFile {
    pub number: String,
    /// Where the PDF is kept on this workstation.
    pub path: String,
    pub sha256: String,
    pub voided: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaveResult {
    /// `null` when the clerk cancelled the dialog.
    pub saved_to: Option<String>,
}

fn doc_err(app: &App) -> impl Fn(doc::DocumentError) -> ApiError {
    let lang = app.lang();
    move |e| {
        tracing::error!(error = %e, "notice rendering failed");
        ApiError::new(
            ErrorCode::DocumentFailed,
            e.message(lang == yichuang_core::Lang::ZhCn),
        )
    }
}

fn io_err(app: &App, what: &str) -> impl Fn(std::io::Error) -> ApiError {
    let lang = app.lang();
    let what = what.to_string();
    move |e| {
        tracing::error!(error = %e, %what, "notice file");
        ApiError::new(
            ErrorCode::DocumentFailed,
            lang.pick("通知书文件写入失败", "Could not write the notice file"),
        )
    }
}

fn form_label(form: MaterialForm) -> String {
    match form {
        MaterialForm::Original => "原件".into(),
        MaterialForm::Copy => "复印件".into(),
    }
}

/// The printable notice for a stored one.
fn document(n: &IssuedNotice, voided: Option<String>) -> doc::Notice {
    let body = match &n.content {
        NoticeContent::Correction {
            lines, legal_basis, ..
        } => doc::NoticeBody::Correction {
            lines: lines
                .iter()
                .map(|l| doc::CorrectionLine {
                    material_name: l.name.clone(),
                    form: form_label(l.form),
                    copies: l.copies,
                    problem: match &l.defect {
                        Some(reason) => doc::LineProblem::Defective {
                            reason: reason.clone(),
                        },
                        None => doc::LineProblem::Missing,
                    },
                })
                .collect(),
            legal_basis: legal_basis.clone(),
        },
        NoticeContent::Acceptance {
            due_date,
            working_days,
            provisional,
            calendar_version,
            legal_basis,
            ..
        } => doc::NoticeBody::Acceptance {
            due_date: *due_date,
            working_days: *working_days,
            provisional: *provisional,
            legal_basis: legal_basis.clone(),
            calendar_version: calendar_version.clone(),
        },
        NoticeContent::Rejection {
            reason,
            legal_basis,
        } => doc::NoticeBody::Rejection {
            reason: reason.clone(),
            legal_basis: legal_basis.clone(),
        },
        NoticeContent::Completion {
            decision,
            completed_on,
            legal_basis,
            approval,
        } => doc::NoticeBody::Completion {
            denied: match decision {
                yichuang_core::case::Decision::Granted => None,
                yichuang_core::case::Decision::Denied {
                    reason,
                    legal_basis,
                } => Some((reason.clone(), legal_basis.clone())),
            },
            completed_on: *completed_on,
            legal_basis: legal_basis.clone(),
            approved_by: approval.as_ref().map(|a| match &a.seal {
                Some(seal) => format!("{}（{seal}）", a.by),
                None => a.by.clone(),
            }),
        },
    };
    doc::Notice {
        kind: match n.content.kind() {
            yichuang_core::case::NoticeKind::Correction => doc::NoticeKind::Correction,
            yichuang_core::case::NoticeKind::Acceptance => doc::NoticeKind::Acceptance,
            yichuang_core::case::NoticeKind::Rejection => doc::NoticeKind::Rejection,
            yichuang_core::case::NoticeKind::Completion => doc::NoticeKind::Completion,
        },
        number: n.number.clone(),
        case_no: n.case_no.clone(),
        center_name: n.center_name.clone(),
        department_name: n.department_name.clone(),
        window: n.window_name.clone(),
        item_code: n.item_code.clone(),
        item_name: n.item_name.clone(),
        applicant_name: n.applicant_name.clone(),
        applicant_id_masked: n.applicant_id_masked.clone(),
        clerk_name: n.issued_by.clone(),
        issued_at: n.issued_at,
        body,
        voided,
    }
}

/// Renders the notice to `<data dir>/notices/<number>.pdf` (written whole, then renamed into
/// place, so a crash never leaves half a PDF under the real name).
pub async fn pdf(app: &App, req: NoticeRequest) -> Result<NoticeFile, ApiError> {
    let lang = app.lang();
    let (notice, sha, voided) = store::notice(&app.store, &req.number)
        .await
        .map_err(|e| ApiError::from_store(e, lang))?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NoticeNotFound,
                match lang {
                    yichuang_core::Lang::ZhCn => format!("没有编号为 {} 的通知书", req.number),
                    yichuang_core::Lang::En => format!("No notice numbered {}", req.number),
                },
            )
        })?;
    if notice.sha256() != sha {
        tracing::error!(number = %req.number, "stored notice no longer matches its hash");
        return Err(ApiError::new(
            ErrorCode::StorageFailed,
            lang.pick(
                "通知书存档与其哈希不符，已拒绝打印。请联系信息科。",
                "The stored notice does not match its hash; printing refused. Call IT.",
            ),
        ));
    }
    // A department prints only its own cases' notices.
    let st = station(app).await?;
    let owner = store::load(&app.store, &notice.case_id)
        .await
        .map_err(|e| ApiError::from_store(e, lang))?;
    if owner.is_none_or(|c| c.office.department_code != st.profile.department_code) {
        return Err(ApiError::new(
            ErrorCode::NoticeNotFound,
            lang.pick("本部门没有该通知书", "No such notice in this department"),
        ));
    }
    let is_void = voided.is_some();
    let printable = document(&notice, voided);
    let bytes = doc::render_pdf(&printable, font(app).await?).map_err(doc_err(app))?;
    let path = keep(app, "notices", &format!("{}.pdf", req.number), &bytes)?;
    Ok(NoticeFile {
        number: req.number,
        path,
        sha256: sha,
        voided: is_void,
    })
}

/// The CJK font, found on first use and kept.
async fn font(app: &App) -> Result<&doc::CjkFont, ApiError> {
    if let Some(f) = app.font.get() {
        return Ok(f);
    }
    let f = tokio::task::spawn_blocking(doc::CjkFont::locate)
        .await
        .map_err(|e| ApiError::new(ErrorCode::DocumentFailed, e.to_string()))?
        .map_err(doc_err(app))?;
    Ok(app.font.get_or_init(|| f))
}

/// Writes `bytes` to `<data dir>/<dir>/<name>` (whole, then renamed into place, so a crash
/// never leaves half a PDF under the real name); returns the path.
fn keep(app: &App, dir: &str, name: &str, bytes: &[u8]) -> Result<String, ApiError> {
    let dir = app.data_dir().join(dir);
    std::fs::create_dir_all(&dir).map_err(io_err(app, "create dir"))?;
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let path = dir.join(&safe);
    let tmp = dir.join(format!(".{safe}.tmp"));
    std::fs::write(&tmp, bytes).map_err(io_err(app, "write"))?;
    std::fs::rename(&tmp, &path).map_err(io_err(app, "rename"))?;
    Ok(path.display().to_string())
}

/// Renders a report sheet (handover sheet, cash report) and keeps it; returns the path.
pub(crate) async fn keep_sheet_pdf(
    app: &App,
    dir: &str,
    name: &str,
    sheet: &doc::Sheet,
) -> Result<String, ApiError> {
    let bytes = doc::render_sheet_pdf(sheet, font(app).await?).map_err(doc_err(app))?;
    keep(app, dir, name, &bytes)
}

/// Hands a kept PDF to the system viewer, whose print dialog prints it.
pub(crate) fn open_for_print(app: &App, path: &str) -> Result<(), ApiError> {
    app.desktop
        .open_for_print(&PathBuf::from(path))
        .map_err(|e| desktop_err(app, &e, path))
}

/// Hands the PDF to the system viewer, whose print dialog prints it.
pub async fn print(app: &App, req: NoticeRequest) -> Result<NoticeFile, ApiError> {
    let file = pdf(app, req).await?;
    open_for_print(app, &file.path)?;
    Ok(file)
}

/// Saves a copy where the clerk chooses (system save dialog).
pub async fn save(app: &App, req: NoticeRequest) -> Result<SaveResult, ApiError> {
    let file = pdf(app, req).await?;
    let name = PathBuf::from(&file.path)
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| format!("{}.pdf", file.number));
    let desktop = app.desktop.clone();
    let chosen = tokio::task::spawn_blocking(move || desktop.choose_save_path(&name))
        .await
        .map_err(|e| desktop_err(app, &e, &file.path))?
        .map_err(|e| desktop_err(app, &e, &file.path))?;
    let Some(target) = chosen else {
        return Ok(SaveResult { saved_to: None });
    };
    std::fs::copy(&file.path, &target).map_err(io_err(app, "copy"))?;
    Ok(SaveResult {
        saved_to: Some(target.display().to_string()),
    })
}

/// The desktop could not help; the clerk can still print the kept file by hand, so the
/// message says where it is.
fn desktop_err(app: &App, detail: &dyn std::fmt::Display, path: &str) -> ApiError {
    tracing::error!(%detail, "desktop service failed");
    ApiError::new(
        ErrorCode::DesktopFailed,
        format!(
            "{}{path}",
            app.lang().pick(
                "无法打开系统打印或保存对话框。通知书已保存：",
                "Could not open the system print or save dialog. The notice is saved at: ",
            )
        ),
    )
}
