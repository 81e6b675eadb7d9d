//! Number series at the county: each series (per department) has one owning workstation and
//! a high-water mark. A number at or below the mark, or from another workstation, was issued
//! already (refused); one that skips ahead is taken (the case is real) and the gap recorded.

use super::rule::{refuse, RunError};
use crate::server::Scope;
use sqlx::PgConnection;
use yichuang_core::case::{CaseMutation, Numbered};
use yichuang_sync::{OutboxMutation, RejectCode};

pub(super) async fn check(
    tx: &mut PgConnection,
    scope: &Scope,
    n: &Numbered,
) -> Result<(), RunError> {
    let mark: Option<(i64, String)> = sqlx::query_as(
        "SELECT last_seq, workstation_id FROM series_mark \
         WHERE department_code = $1 AND series = $2 FOR UPDATE",
    )
    .bind(&scope.department)
    .bind(&n.series)
    .fetch_optional(&mut *tx)
    .await?;
    let seq =
        i64::try_from(n.seq).map_err(|_| refuse(RejectCode::Malformed, "编号序号超出范围。"))?;
    match mark {
        Some((_, owner)) if owner != scope.workstation_id => Err(refuse(
            RejectCode::NumberTaken,
            format!(
                "编号 {} 所属的编号序列由另一台工作站使用。请为每台电脑设置不同的窗口号。",
                n.number
            ),
        )),
        Some((last, _)) if seq <= last => Err(refuse(
            RejectCode::NumberTaken,
            format!("编号 {} 已被使用。", n.number),
        )),
        Some((last, _)) => {
            if seq != last + 1 {
                note_gap(tx, scope, &n.series, last + 1, seq).await?;
            }
            sqlx::query(
                "UPDATE series_mark SET last_seq = $3 WHERE department_code = $1 AND series = $2",
            )
            .bind(&scope.department)
            .bind(&n.series)
            .bind(seq)
            .execute(&mut *tx)
            .await?;
            Ok(())
        }
        None => {
            if seq != 1 {
                note_gap(tx, scope, &n.series, 1, seq).await?;
            }
            sqlx::query(
                "INSERT INTO series_mark (department_code, series, last_seq, workstation_id, window_code) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&scope.department)
            .bind(&n.series)
            .bind(seq)
            .bind(&scope.workstation_id)
            .bind(&scope.window)
            .execute(&mut *tx)
            .await?;
            Ok(())
        }
    }
}

/// A refused mutation still used its number at the window (a notice may even have been
/// printed): the series mark moves past it, as for an accepted one, so the next number is not
/// taken for a gap. Marks are per department, so a refusal can never touch another
/// department's series; a number already used or owned elsewhere simply changes nothing.
pub(super) async fn mark_number_used(
    tx: &mut PgConnection,
    scope: &Scope,
    m: &OutboxMutation,
) -> Result<(), sqlx::Error> {
    let Some(n) = serde_json::from_value::<CaseMutation>(m.payload.clone())
        .ok()
        .and_then(|c| c.number)
    else {
        return Ok(());
    };
    // In a savepoint of its own: a clash here (two pushes opening the same new series at
    // once) must not abort the batch the refusal belongs to.
    let mut sp = sqlx::Connection::begin(&mut *tx).await?;
    match check(&mut sp, scope, &n).await {
        Ok(()) => sp.commit().await,
        Err(RunError::Refused(_)) => sp.rollback().await,
        Err(RunError::Database(e)) => {
            sp.rollback().await?;
            tracing::warn!(error = %e, "the series mark of a refused mutation was not moved");
            Ok(())
        }
    }
}

async fn note_gap(
    tx: &mut PgConnection,
    scope: &Scope,
    series: &str,
    expected: i64,
    got: i64,
) -> Result<(), sqlx::Error> {
    tracing::warn!(series, expected, got, workstation = %scope.workstation_id, "number series skipped ahead");
    sqlx::query(
        "INSERT INTO series_gap (series, expected_seq, got_seq, workstation_id) VALUES ($1, $2, $3, $4)",
    )
    .bind(series)
    .bind(expected)
    .bind(got)
    .bind(&scope.workstation_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
