//! The whole center's 电子监察 board, from the county database as county IT (every
//! department): the cards that still matter — of open cases, of open rectification tasks,
//! and any appeal waiting for a ruling — per department and window. A workstation's board
//! holds its own department only; rulings are made at a workstation by a supervisor, so they
//! travel like every other case command.

use crate::admin::AdminError;
use sqlx::types::Json;
use sqlx::PgPool;
use yichuang_core::case::{CardLevel, CardStatus, Case};

/// One card on the county's board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardLine {
    pub department: String,
    pub window: String,
    pub case_no: String,
    pub item_name: String,
    pub level: CardLevel,
    pub due_date: chrono::NaiveDate,
    pub raised_at: chrono::DateTime<chrono::Utc>,
    pub status: CardStatus,
    /// The appeal's reason, and the ruling's note once ruled.
    pub appeal: Option<String>,
}

/// The board, ordered by department, window and when the card was raised. SQL leaves out
/// the cards of closed cases with no appeal waiting (years of them); the exact rule is below.
pub async fn board(pool: &PgPool, department: Option<&str>) -> Result<Vec<BoardLine>, AdminError> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT set_config('yichuang.department', '*', true)")
        .execute(&mut *tx)
        .await?;
    if let Some(d) = department {
        sqlx::query_scalar::<_, String>("SELECT code FROM department WHERE code = $1")
            .bind(d)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| AdminError::NoDepartment(d.to_string()))?;
    }
    let rows: Vec<(
        Json<Case>,
        String,
        chrono::NaiveDate,
        chrono::DateTime<chrono::Utc>,
    )> = sqlx::query_as(
        "SELECT c.document, k.level, k.due_date, k.raised_at FROM case_card k \
             JOIN case_record c ON c.id = k.case_id \
             WHERE ($1::text IS NULL OR k.department_code = $1) \
               AND (c.document->>'closed_at' IS NULL \
                    OR k.level IN ('follow_up_late', 'rectify_late') \
                    OR EXISTS (SELECT 1 FROM jsonb_array_elements( \
                                 COALESCE(c.document->'appeals', '[]'::jsonb)) a \
                               WHERE a->>'card' = k.level AND a->'ruling' IS NULL \
                                  OR a->>'card' = k.level AND a->'ruling' = 'null'::jsonb))",
    )
    .bind(department)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let mut lines: Vec<BoardLine> = rows
        .into_iter()
        .filter_map(|(case, level, due_date, raised_at)| {
            let c = case.0;
            let level = CardLevel::parse(&level)?;
            let status = c.card_status(level);
            let task_open = c.rectification.as_ref().is_some_and(|r| r.is_open());
            let live = match level {
                CardLevel::Yellow | CardLevel::Red => !c.state.is_closed(),
                CardLevel::FollowUpLate | CardLevel::RectifyLate => task_open,
            };
            if !live && status != CardStatus::Appealed {
                return None;
            }
            let appeal = c.appeal_of(level).map(|a| match &a.ruling {
                None => a.reason.clone(),
                Some(r) => format!("{}；裁定：{}（{}）", a.reason, r.note, r.by),
            });
            Some(BoardLine {
                department: c.office.department_name.clone(),
                window: c.office.window_name.clone(),
                case_no: c.case_no.clone(),
                item_name: c.item.name.clone(),
                level,
                due_date,
                raised_at,
                status,
                appeal,
            })
        })
        .collect();
    lines.sort_by(|a, b| {
        (&a.department, &a.window, a.raised_at, &a.case_no).cmp(&(
            &b.department,
            &b.window,
            b.raised_at,
            &b.case_no,
        ))
    });
    Ok(lines)
}

/// The board as county IT reads it in a terminal: a tally per department and window, then
/// one line per card.
pub fn render(lines: &[BoardLine]) -> String {
    if lines.is_empty() {
        return "没有需要关注的预警。".to_string();
    }
    let mut tally: std::collections::BTreeMap<(&str, &str), [u32; 4]> = Default::default();
    for l in lines {
        let t = tally.entry((&l.department, &l.window)).or_default();
        match (l.status, l.level) {
            (CardStatus::Cancelled, _) => {}
            (_, CardLevel::Yellow) => t[0] += 1,
            (_, CardLevel::Red) => t[1] += 1,
            _ => t[2] += 1,
        }
        if l.status == CardStatus::Appealed {
            t[3] += 1;
        }
    }
    let mut out = String::from("部门\t窗口\t黄牌\t红牌\t整改逾期\t待裁定申诉\n");
    for ((d, w), [y, r, t, a]) in &tally {
        out.push_str(&format!("{d}\t{w}\t{y}\t{r}\t{t}\t{a}\n"));
    }
    out.push_str("\n部门\t窗口\t办件编号\t事项\t预警\t期限\t状态\t申诉\n");
    for l in lines {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            l.department,
            l.window,
            l.case_no,
            l.item_name,
            l.level.label_zh(),
            l.due_date,
            l.status.label_zh(),
            l.appeal.as_deref().unwrap_or("")
        ));
    }
    out.trim_end().to_string()
}
