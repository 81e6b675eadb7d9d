//! The case-number QR code, drawn as vector squares so it stays sharp on any printer.

use qrcode::{Color, EcLevel, QrCode};

use crate::error::DocumentError;

/// Dark modules of the QR code for `data`, as `[x, y, w, h]` squares filling a `size`-point
/// square at (`x`, `y`). Horizontal runs are merged: fewer path segments, and no hairline
/// seams between neighbouring modules when a viewer anti-aliases.
pub(crate) fn qr_squares(
    data: &str,
    x: f32,
    y: f32,
    size: f32,
) -> Result<Vec<[f32; 4]>, DocumentError> {
    // M (15 % recovery) survives a fold or a smudge and keeps a case number at version 2.
    let code = QrCode::with_error_correction_level(data, EcLevel::M)
        .map_err(|e| DocumentError::Render(format!("QR code for {data:?}: {e}")))?;
    let modules = code.width();
    let colors = code.to_colors();
    let unit = size / modules as f32;
    let mut squares = Vec::new();
    for row in 0..modules {
        let mut col = 0;
        while col < modules {
            if colors[row * modules + col] != Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < modules && colors[row * modules + col] == Color::Dark {
                col += 1;
            }
            squares.push([
                x + start as f32 * unit,
                y + row as f32 * unit,
                (col - start) as f32 * unit,
                unit,
            ]);
        }
    }
    Ok(squares)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_squares_stay_inside_the_requested_box() {
        let squares = qr_squares("431125-SCJ-W03-2026-000007", 10.0, 20.0, 80.0).unwrap();
        assert!(!squares.is_empty());
        for [x, y, w, h] in squares {
            assert!(x >= 10.0 && y >= 20.0, "{x},{y}");
            assert!(x + w <= 90.001 && y + h <= 100.001, "{x}+{w},{y}+{h}");
        }
    }

    #[test]
    fn the_top_left_finder_pattern_starts_with_a_seven_module_run() {
        let squares = qr_squares("431125-SCJ-W03-2026-000007", 0.0, 0.0, 25.0).unwrap();
        // Version 2 is 25 modules wide, so one module is one point here.
        assert_eq!(squares[0], [0.0, 0.0, 7.0, 1.0]);
    }
}
