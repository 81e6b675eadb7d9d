//! Measuring and line-breaking text with the font's own advance widths.
//!
//! Chinese breaks between any two characters, except that closing punctuation never starts
//! a line and opening punctuation never ends one (避头尾); runs of Latin letters and digits
//! (case numbers, item codes) stay whole unless they alone are wider than the line.

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{GlyphId, MetadataProvider};

use crate::error::DocumentError;
use crate::font::CjkFont;

/// Glyph look-up and widths for one face, borrowed for the length of a render.
pub(crate) struct Measure<'a> {
    charmap: Charmap<'a>,
    glyphs: GlyphMetrics<'a>,
    units_per_em: f32,
}

impl<'a> Measure<'a> {
    pub(crate) fn new(font: &'a CjkFont) -> Result<Self, DocumentError> {
        let face = font.face()?;
        let units_per_em = f32::from(
            face.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em
                .max(1),
        );
        Ok(Measure {
            charmap: face.charmap(),
            glyphs: face.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        })
    }

    /// The glyph for `c`; `.notdef` (0) when the face lacks it, which prints a visible box
    /// rather than silently dropping a character from an official notice.
    pub(crate) fn glyph(&self, c: char) -> GlyphId {
        self.charmap.map(c).unwrap_or(GlyphId::NOTDEF)
    }

    /// Advance of `c` in em (multiply by the font size for points).
    pub(crate) fn advance(&self, c: char) -> f32 {
        self.glyphs.advance_width(self.glyph(c)).unwrap_or(0.0) / self.units_per_em
    }

    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Breaks `text` into lines no wider than `width` points; the first line is `indent`
    /// points narrower (paragraph indent). Explicit newlines are kept.
    pub(crate) fn wrap(&self, text: &str, size: f32, width: f32, indent: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut limit = width - indent;
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_width = 0.0;
            for token in tokens(paragraph) {
                if !line.is_empty() && line_width + self.width(&token, size) > limit {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                    limit = width;
                }
                // A space carried to the start of a line would look like a stray indent.
                let token = if line.is_empty() {
                    token.trim_start_matches(' ')
                } else {
                    &token
                };
                let token_width = self.width(token, size);
                if line_width + token_width <= limit {
                    line.push_str(token);
                    line_width += token_width;
                    continue;
                }
                // Only a token wider than a whole line gets here: cut it per character.
                for c in token.chars() {
                    let w = self.advance(c) * size;
                    if !line.is_empty() && line_width + w > limit {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                        limit = width;
                    }
                    line.push(c);
                    line_width += w;
                }
            }
            lines.push(line);
            limit = width;
        }
        lines
    }
}

/// Units that must not be split: a CJK character with its clinging punctuation, or a run of
/// Latin letters/digits.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let joins = tokens
            .last()
            .and_then(|t| t.chars().last())
            .is_some_and(|prev| {
                (is_word(prev) && is_word(c)) || no_break_before(c) || no_break_after(prev)
            });
        match tokens.last_mut() {
            Some(last) if joins => last.push(c),
            _ => tokens.push(c.to_string()),
        }
    }
    tokens
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '*' | '#' | '@' | ':')
}

fn no_break_before(c: char) -> bool {
    "，。、；：！？）》」』”’〕】…—·%,.;:!?)]".contains(c)
}

fn no_break_after(c: char) -> bool {
    "（《「『“‘〔【([".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(font: &CjkFont) -> Measure<'_> {
        Measure::new(font).expect("measure")
    }

    #[test]
    fn cjk_characters_are_one_em_wide() {
        let font = crate::test_font();
        let m = measure(&font);
        assert!((m.advance('中') - 1.0).abs() < 0.01, "{}", m.advance('中'));
        assert!((m.width("中华人民", 12.0) - 48.0).abs() < 0.5);
        assert!(m.advance('1') < 0.7);
    }

    #[test]
    fn long_chinese_wraps_per_character_within_the_width() {
        let font = crate::test_font();
        let m = measure(&font);
        let text = "经审查您申请的事项材料不齐全或不符合法定形式现一次性告知您需补正的全部材料如下";
        let lines = m.wrap(text, 12.0, 120.0, 0.0);
        assert!(lines.len() >= 4, "{lines:?}");
        for line in &lines {
            assert!(m.width(line, 12.0) <= 120.0 + 0.01, "{line}");
        }
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let font = crate::test_font();
        let m = measure(&font);
        // Ten characters fit; the comma would be the eleventh and must pull "十" down with it.
        let lines = m.wrap("一二三四五六七八九十，后文", 12.0, 120.0, 0.0);
        assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
        assert_eq!(lines[0], "一二三四五六七八九");
    }

    #[test]
    fn case_numbers_are_not_split_when_they_fit_on_the_next_line() {
        let font = crate::test_font();
        let m = measure(&font);
        let lines = m.wrap(
            "办件编号为431125-SCJ-W03-2026-000007的申请",
            12.0,
            200.0,
            0.0,
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("431125-SCJ-W03-2026-000007")),
            "{lines:?}"
        );
    }

    #[test]
    fn the_first_line_leaves_room_for_the_indent() {
        let font = crate::test_font();
        let m = measure(&font);
        let lines = m.wrap("一二三四五六七八九十", 10.0, 100.0, 20.0);
        assert_eq!(lines, vec!["一二三四五六七八", "九十"]);
    }
}
