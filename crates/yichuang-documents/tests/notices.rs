//! Rendered notices read back with poppler, as the applicant and a scanner would read them.

mod common;

use common::*;
use yichuang_documents::{render_pdf, Notice};

/// Fails with every expected phrase that is missing, not just the first.
fn assert_contains_all(text: &str, expected: &[&str]) {
    let missing: Vec<&&str> = expected.iter().filter(|e| !text.contains(**e)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{text}");
}

fn assert_common_parts(text: &str, number: &str, item_name: &str) {
    assert_contains_all(
        text,
        &[
            "示例县政务服务中心",
            &format!("编号：{number}"),
            CASE_NO,
            item_name,
            "431125-SCJ-XK-0012",
            "张晓梅",
            "4311**********1234",
            "经办人：李建国",
            "03号窗口",
            "示例县市场监督管理局",
            "2026年3月5日",
            "（盖章处）",
            "扫码查询办件",
        ],
    );
}

#[test]
fn a_correction_notice_lists_every_material_with_its_problem_at_once() {
    let rendered = render(&correction(usual_correction_lines()), "correction");
    let text = rendered.flat_text();
    assert_common_parts(
        &text,
        "431125-SCJ-W03-BZ-2026-000012",
        "食品经营许可（新办）",
    );
    assert_contains_all(
        &text,
        &[
            "材料补正通知书（一次性告知书）",
            "材料不齐全或不符合法定形式",
            "现一次性告知您需补正的全部材料如下：",
            "序号",
            "材料名称",
            "形式/份数",
            "食品经营许可申请书",
            "营业执照",
            "不符合要求：未加盖申请单位公章",
            "法定代表人身份证明",
            "食品安全管理制度文本",
            "不符合要求：缺少从业人员健康管理制度",
            "经营场所平面布局图",
            "原件2份",
            "复印件1份",
            "缺少",
            "本通知书已一次性告知全部需补正内容。",
            "法律依据：《中华人民共和国行政许可法》第三十二条",
        ],
    );
    assert_eq!(rendered.pages(), 1);
}

#[test]
fn an_acceptance_notice_promises_the_due_date_in_working_days() {
    let rendered = render(&acceptance(false), "acceptance");
    let text = rendered.flat_text();
    assert_common_parts(
        &text,
        "431125-SCJ-W03-SL-2026-000031",
        "食品经营许可（新办）",
    );
    assert_contains_all(
        &text,
        &[
            "受理通知书",
            "您的申请材料齐全、符合法定形式，决定予以受理。",
            "承诺办结日期：2026年4月2日（20个工作日）",
            "法律依据：《中华人民共和国行政许可法》第三十二条第一款第（五）项",
            "holidays-cn/2026@3f9a2c1e",
        ],
    );
    assert!(!text.contains("暂定"), "a firm date must not say 暂定");
    assert!(!text.contains("不予受理"), "{text}");
}

#[test]
fn a_provisional_due_date_says_it_will_be_recomputed() {
    let text = render(&acceptance(true), "acceptance-provisional").flat_text();
    assert_contains_all(
        &text,
        &["承诺办结日期：2027年1月8日（20个工作日）（暂定，待次年节假日安排公布后重算）"],
    );
}

#[test]
fn a_rejection_notice_gives_the_reason_the_law_and_the_remedy() {
    let rendered = render(&rejection(REJECTION_REASON), "rejection");
    let text = rendered.flat_text();
    assert_common_parts(&text, "431125-SCJ-W03-BY-2026-000004", "公共场所卫生许可");
    assert_contains_all(
        &text,
        &[
            "不予受理通知书",
            "公共场所卫生许可",
            "决定不予受理",
            &format!("不予受理理由：{REJECTION_REASON}"),
            "法律依据：《中华人民共和国行政许可法》第三十二条第一款第（一）项",
            "申请行政复议",
            "提起行政诉讼",
        ],
    );
}

#[test]
fn the_font_is_embedded_as_a_subset_and_the_file_stays_small() {
    for (name, notice) in [
        ("subset-correction", correction(usual_correction_lines())),
        ("subset-acceptance", acceptance(false)),
        ("subset-rejection", rejection(REJECTION_REASON)),
    ] {
        let rendered = render(&notice, name);
        let fonts = poppler("pdffonts", &[rendered.path()]);
        // name type encoding emb sub uni object ID: the last five columns are fixed.
        let rows: Vec<Vec<&str>> = fonts
            .lines()
            .skip(2)
            .map(|l| l.split_whitespace().collect())
            .collect();
        assert!(!rows.is_empty(), "no font in {name}:\n{fonts}");
        for row in &rows {
            let [emb, sub] = [row[row.len() - 5], row[row.len() - 4]];
            assert_eq!((emb, sub), ("yes", "yes"), "{name}: {fonts}");
            assert!(row[0].contains('+'), "subset fonts carry a tag: {fonts}");
        }
        // The font file is 19–26 MB; a notice must be mailable and quick to print.
        let size = rendered.bytes.len();
        assert!(size < 2 * 1024 * 1024, "{name} is {size} bytes");
    }
}

#[test]
fn the_qr_code_scans_back_to_the_case_number() {
    let rendered = render(&acceptance(false), "qr-acceptance");
    let page = rendered.raster(1);
    assert_eq!(decode_qr(&page), vec![CASE_NO.to_owned()]);
}

#[test]
fn forty_materials_continue_onto_a_second_page_and_none_is_lost() {
    let names: Vec<String> = (1..=40).map(|i| format!("第{i}项补充证明材料")).collect();
    let lines = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let problem = (i % 3 == 0).then_some("签字不全");
            line(name, if i % 2 == 0 { "原件" } else { "复印件" }, 1, problem)
        })
        .collect();
    let rendered = render(&correction(lines), "correction-40");
    assert_eq!(rendered.pages(), 2);
    let text = rendered.flat_text();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    for name in &names {
        assert_eq!(text.matches(name.as_str()).count(), 1, "{name} in:\n{text}");
    }
    // The table really breaks: the first material on page one, the last on page two,
    // and page two repeats the column header and says which notice it continues.
    assert!(pages[0].contains("第1项补充证明材料"));
    assert!(pages[1].contains("第40项补充证明材料"));
    assert_contains_all(
        pages[1],
        &[
            "材料补正通知书（一次性告知书）（续）",
            "材料名称",
            "（盖章处）",
        ],
    );
    assert!(pages[0].contains("第1页共2页") && pages[1].contains("第2页共2页"));
    // The QR code sits with the footer on the last page.
    assert_eq!(decode_qr(&rendered.raster(2)), vec![CASE_NO.to_owned()]);
}

#[test]
fn a_voided_notice_carries_a_large_red_void_mark_and_the_reason() {
    let mut notice = acceptance(false);
    notice.voided = Some("申请人身份信息录入错误，已重新出具".into());
    let voided = render(&notice, "acceptance-voided");
    let text = voided.flat_text();
    assert_contains_all(
        &text,
        &["作废原因：申请人身份信息录入错误，已重新出具", "受理通知书"],
    );

    // The big stamp is drawn, not just the line of text: count seal-red pixels.
    let red = red_pixels(&voided.raster(1));
    let clean = red_pixels(&render(&acceptance(false), "acceptance-clean").raster(1));
    assert_eq!(clean, 0, "an ordinary notice has no red on it");
    assert!(red > 40_000, "only {red} red pixels: no large void mark");
}

#[test]
fn long_text_wraps_inside_the_margins() {
    let reason = "申请人提交的申请事项不属于本行政机关职权范围，".repeat(8);
    let rendered = render(&rejection(&reason), "rejection-long");
    let bbox = poppler("pdftotext", &["-bbox", rendered.path(), "-"]);
    let right_edges: Vec<f32> = bbox
        .lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .filter_map(|l| l.split("xMax=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    assert!(right_edges.len() > 15, "{bbox}");
    // A4 is 595.28 pt wide; the right margin is 26 mm (73.7 pt). The lines use the width
    // (within one 12 pt character of the margin) without crossing it.
    let margin = 595.28 - 73.7;
    let widest = right_edges.iter().cloned().fold(0.0, f32::max);
    assert!(widest <= margin + 0.5, "text reaches x = {widest}");
    assert!(
        widest > margin - 12.5,
        "lines break early, widest ends at x = {widest}"
    );
    // And all of the reason is there, in order, across the wrapped lines.
    let text = rendered.flat_text();
    assert!(text.contains(&reason), "{text}");
}

#[test]
fn the_same_notice_always_renders_to_the_same_bytes() {
    let font = font();
    let notice = correction(usual_correction_lines());
    assert_eq!(
        render_pdf(&notice, &font).unwrap(),
        render_pdf(&notice, &font).unwrap()
    );
}

#[test]
fn a_notice_survives_a_json_round_trip_unchanged() {
    let mut notice = correction(usual_correction_lines());
    notice.voided = Some("重复出具".into());
    let json = serde_json::to_string(&notice).unwrap();
    let back: Notice = serde_json::from_str(&json).unwrap();
    assert_eq!(back, notice);
}
