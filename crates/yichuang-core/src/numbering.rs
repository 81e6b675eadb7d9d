//! Case and notice numbers (DOMAIN.md rule 7): one series per issuing workstation, kind and
//! year, rendered from a configurable template. Gap-free allocation is the store's job (the
//! next number is taken inside the transaction that uses it); this module only checks the
//! template and renders numbers.

use crate::Lang;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The county's default: region-department-window-year-sequence, e.g. `431125-SCJ-W03-2026-000007`.
pub const DEFAULT_CASE_FORMAT: &str = "{region}-{dept}-{window}-{year}-{seq:6}";
/// Notices add their kind: `431125-SCJ-W03-SL-2026-000012`.
pub const DEFAULT_NOTICE_FORMAT: &str = "{region}-{dept}-{window}-{kind}-{year}-{seq:6}";

/// The parts a number is made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeriesParts {
    pub region: String,
    pub dept: String,
    pub window: String,
    pub workstation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberFormatError {
    #[error("unknown placeholder {{{0}}}")]
    UnknownPlaceholder(String),
    #[error("the format must contain {0}")]
    Missing(&'static str),
    #[error("unclosed brace")]
    Unclosed,
}

impl NumberFormatError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NumberFormatError::UnknownPlaceholder(p), Lang::ZhCn) => {
                format!("编号格式中有未知占位符 {{{p}}}")
            }
            (NumberFormatError::Missing(what), Lang::ZhCn) => {
                format!("编号格式必须包含 {what}（否则编号无法在全县唯一且连续）")
            }
            (NumberFormatError::Unclosed, Lang::ZhCn) => "编号格式中有未闭合的花括号".into(),
            (e, Lang::En) => e.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Region,
    Dept,
    Window,
    Workstation,
    Kind,
    Year,
    Seq(usize),
}

/// A checked number template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberFormat {
    pieces: Vec<Piece>,
}

impl NumberFormat {
    /// Checks a template. It must name the year and the sequence, and the window or the
    /// workstation (one series has one writer); a notice template must also name the kind.
    pub fn parse(template: &str, for_notices: bool) -> Result<NumberFormat, NumberFormatError> {
        let mut pieces = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::Text(rest[..open].to_string()));
            }
            let close = rest[open..].find('}').ok_or(NumberFormatError::Unclosed)? + open;
            let name = &rest[open + 1..close];
            pieces.push(match name {
                "region" => Piece::Region,
                "dept" => Piece::Dept,
                "window" => Piece::Window,
                "ws" => Piece::Workstation,
                "kind" => Piece::Kind,
                "year" => Piece::Year,
                "seq" => Piece::Seq(1),
                s if s.starts_with("seq:") => match s[4..].parse::<usize>() {
                    Ok(w) if (1..=12).contains(&w) => Piece::Seq(w),
                    _ => return Err(NumberFormatError::UnknownPlaceholder(s.to_string())),
                },
                other => return Err(NumberFormatError::UnknownPlaceholder(other.to_string())),
            });
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_string()));
        }
        let has = |f: fn(&Piece) -> bool| pieces.iter().any(f);
        if !has(|p| matches!(p, Piece::Seq(_))) {
            return Err(NumberFormatError::Missing("{seq}"));
        }
        if !has(|p| *p == Piece::Year) {
            return Err(NumberFormatError::Missing("{year}"));
        }
        if !has(|p| matches!(p, Piece::Window | Piece::Workstation)) {
            return Err(NumberFormatError::Missing("{window} / {ws}"));
        }
        if for_notices && !has(|p| *p == Piece::Kind) {
            return Err(NumberFormatError::Missing("{kind}"));
        }
        Ok(NumberFormat { pieces })
    }

    /// The number `seq` of the series for `parts`, `kind` (notices) and `year`.
    pub fn render(&self, parts: &SeriesParts, kind: &str, year: i32, seq: u64) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Region => out.push_str(&parts.region),
                Piece::Dept => out.push_str(&parts.dept),
                Piece::Window => out.push_str(&parts.window),
                Piece::Workstation => out.push_str(&parts.workstation),
                Piece::Kind => out.push_str(kind),
                Piece::Year => out.push_str(&year.to_string()),
                Piece::Seq(w) => out.push_str(&format!("{seq:0w$}", w = *w)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> SeriesParts {
        SeriesParts {
            region: "431125".into(),
            dept: "SCJ".into(),
            window: "W03".into(),
            workstation: "ws-7f3a".into(),
        }
    }

    #[test]
    fn the_default_formats_render_region_department_window_year_and_sequence() {
        let case = NumberFormat::parse(DEFAULT_CASE_FORMAT, false).expect("valid");
        assert_eq!(
            case.render(&parts(), "", 2026, 7),
            "431125-SCJ-W03-2026-000007"
        );
        let notice = NumberFormat::parse(DEFAULT_NOTICE_FORMAT, true).expect("valid");
        assert_eq!(
            notice.render(&parts(), "SL", 2026, 12),
            "431125-SCJ-W03-SL-2026-000012"
        );
    }

    #[test]
    fn a_format_that_could_repeat_numbers_across_windows_or_years_is_refused() {
        assert_eq!(
            NumberFormat::parse("{region}-{year}-{seq}", false),
            Err(NumberFormatError::Missing("{window} / {ws}"))
        );
        assert_eq!(
            NumberFormat::parse("{window}-{seq}", false),
            Err(NumberFormatError::Missing("{year}"))
        );
        assert_eq!(
            NumberFormat::parse("{window}-{year}-{seq}", true),
            Err(NumberFormatError::Missing("{kind}"))
        );
        assert!(matches!(
            NumberFormat::parse("{window}-{year}-{seq}-{colour}", false),
            Err(NumberFormatError::UnknownPlaceholder(_))
        ));
        assert!(NumberFormat::parse("{ws}{year}{seq:8}", false).is_ok());
    }
}
