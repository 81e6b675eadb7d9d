//! Realistic notices, rendering of notices and sheets to disk, and the poppler tools that read rendered PDFs back like a person would.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{NaiveDate, NaiveDateTime};
use yichuang_documents::{
    render_pdf, render_sheet_pdf, CjkFont, CorrectionLine, LineProblem, Notice, NoticeBody,
    NoticeKind, Sheet,
};

pub const CASE_NO: &str = "431125-SCJ-W03-2026-000007";

pub fn font() -> CjkFont {
    CjkFont::locate().unwrap_or_else(|e| {
        panic!("{e}: install fonts-noto-cjk (make deps) — these tests never skip")
    })
}

fn issued_at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 5)
        .unwrap()
        .and_hms_opt(10, 32, 15)
        .unwrap()
}

fn base(kind: NoticeKind, number: &str, body: NoticeBody) -> Notice {
    Notice {
        kind,
        number: number.into(),
        case_no: CASE_NO.into(),
        center_name: "示例县政务服务中心".into(),
        department_name: "示例县市场监督管理局".into(),
        window: "03号窗口".into(),
        item_code: "431125-SCJ-XK-0012".into(),
        item_name: "食品经营许可（新办）".into(),
        applicant_name: "张晓梅".into(),
        applicant_id_masked: "4311**********1234".into(),
        clerk_name: "李建国".into(),
        issued_at: issued_at(),
        body,
        voided: None,
    }
}

pub fn line(name: &str, form: &str, copies: u32, problem: Option<&str>) -> CorrectionLine {
    CorrectionLine {
        material_name: name.into(),
        form: form.into(),
        copies,
        problem: match problem {
            None => LineProblem::Missing,
            Some(reason) => LineProblem::Defective {
                reason: reason.into(),
            },
        },
    }
}

pub fn correction(lines: Vec<CorrectionLine>) -> Notice {
    base(
        NoticeKind::Correction,
        "431125-SCJ-W03-BZ-2026-000012",
        NoticeBody::Correction {
            lines,
            legal_basis: "《中华人民共和国行政许可法》第三十二条第一款第（四）项；\
                          《食品经营许可和备案管理办法》第十五条"
                .into(),
        },
    )
}

pub fn usual_correction_lines() -> Vec<CorrectionLine> {
    vec![
        line("食品经营许可申请书", "原件", 1, None),
        line("营业执照", "复印件", 1, Some("未加盖申请单位公章")),
        line("法定代表人身份证明", "复印件", 1, None),
        line(
            "食品安全管理制度文本",
            "原件",
            1,
            Some("缺少从业人员健康管理制度"),
        ),
        line(
            "经营场所平面布局图",
            "原件",
            2,
            Some("未标注设备布局和操作流程"),
        ),
    ]
}

pub fn acceptance(provisional: bool) -> Notice {
    let due_date = if provisional {
        NaiveDate::from_ymd_opt(2027, 1, 8).unwrap()
    } else {
        NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()
    };
    base(
        NoticeKind::Acceptance,
        "431125-SCJ-W03-SL-2026-000031",
        NoticeBody::Acceptance {
            due_date,
            working_days: 20,
            provisional,
            legal_basis: "《中华人民共和国行政许可法》第三十二条第一款第（五）项".into(),
            calendar_version: "holidays-cn/2026@3f9a2c1e".into(),
        },
    )
}

pub fn rejection(reason: &str) -> Notice {
    let mut notice = base(
        NoticeKind::Rejection,
        "431125-SCJ-W03-BY-2026-000004",
        NoticeBody::Rejection {
            reason: reason.into(),
            legal_basis: "《中华人民共和国行政许可法》第三十二条第一款第（一）项".into(),
        },
    );
    notice.item_name = "公共场所卫生许可".into();
    notice
}

pub const REJECTION_REASON: &str =
    "申请的经营项目“棋牌室”已依法取消公共场所卫生许可，依法不需要取得行政许可。";

/// A rendered notice or sheet on disk. Kept under the target directory (not deleted) so a failing
/// run leaves the PDF behind to be looked at.
pub struct Rendered {
    pub pdf: PathBuf,
    pub bytes: Vec<u8>,
}

pub fn render(notice: &Notice, name: &str) -> Rendered {
    save(render_pdf(notice, &font()).expect("render_pdf"), name)
}

pub fn render_sheet(sheet: &Sheet, name: &str) -> Rendered {
    save(
        render_sheet_pdf(sheet, &font()).expect("render_sheet_pdf"),
        name,
    )
}

fn save(bytes: Vec<u8>, name: &str) -> Rendered {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("documents-samples");
    std::fs::create_dir_all(&dir).expect("create sample dir");
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&pdf, &bytes).expect("write pdf");
    Rendered { pdf, bytes }
}

/// Runs a poppler tool; a missing tool fails the test, it never skips it.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run `{tool}` ({e}): install poppler-utils (apt-get install poppler-utils, or make deps)")
    });
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

impl Rendered {
    pub fn path(&self) -> &str {
        self.pdf.to_str().expect("utf-8 path")
    }

    /// The text as `pdftotext -layout` reads it, pages separated by form feeds.
    pub fn text(&self) -> String {
        poppler("pdftotext", &["-layout", "-enc", "UTF-8", self.path(), "-"])
    }

    /// The text with the spaces `-layout` puts between columns and the line breaks that
    /// wrapping puts inside paragraphs removed, so a phrase is found wherever it wrapped.
    /// Pages stay separated by form feeds.
    pub fn flat_text(&self) -> String {
        self.text().replace([' ', '\u{3000}', '\n'], "")
    }

    pub fn pages(&self) -> usize {
        let info = poppler("pdfinfo", &[self.path()]);
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no page count in pdfinfo output:\n{info}"))
    }

    /// Page `page` (1-based) at 150 dpi, also saved as PNG next to the PDF.
    pub fn raster(&self, page: usize) -> image::RgbImage {
        let prefix = self.pdf.with_extension("");
        let prefix = prefix.to_str().expect("utf-8 path");
        let page = page.to_string();
        poppler(
            "pdftoppm",
            &[
                "-r",
                "150",
                "-png",
                "-singlefile",
                "-f",
                &page,
                "-l",
                &page,
                self.path(),
                prefix,
            ],
        );
        image::open(format!("{prefix}.png"))
            .expect("read pdftoppm's PNG")
            .to_rgb8()
    }
}

/// Every QR code found on the image, decoded.
pub fn decode_qr(image: &image::RgbImage) -> Vec<String> {
    let gray = image::DynamicImage::ImageRgb8(image.clone()).to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        gray.width() as usize,
        gray.height() as usize,
        |x, y| gray.get_pixel(x as u32, y as u32).0[0],
    );
    prepared
        .detect_grids()
        .into_iter()
        .map(|grid| grid.decode().expect("a QR grid that does not decode").1)
        .collect()
}

/// Pixels that read as seal red (also when printed semi-transparent over white).
pub fn red_pixels(image: &image::RgbImage) -> usize {
    image
        .pixels()
        .filter(|p| {
            let [r, g, b] = p.0;
            r > 170 && g < 170 && b < 170 && r as i32 - g as i32 > 60
        })
        .count()
}
