//! Finding and loading the one CJK font a notice is set in.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use skrifa::raw::FileRef;
use skrifa::string::StringId;
use skrifa::{FontRef, MetadataProvider};

use crate::error::DocumentError;

/// The environment variable naming a font file, optionally with a face: `/path/f.ttc#2`.
pub const FONT_ENV: &str = "YICHUANG_CJK_FONT";

/// Characters every notice prints; a face without them would print empty boxes.
const REQUIRED_CHARS: &str = "通知书受理补正办件编号申请人盖章";

/// Where CJK fonts usually live, in order of preference. A Song (serif) face comes first
/// because official notices are set in 宋体; sans faces follow. The face inside a
/// collection is chosen by name (see [`simplified_chinese_face`]), so the same list works
/// for Noto (face 2 is SC), PingFang and SimSun without hard-coding each collection's order.
const SYSTEM_FONTS: &[&str] = &[
    // Debian/Ubuntu: fonts-noto-cjk
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    // Fedora, Arch
    "/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    // WenQuanYi, AR PL (older Linux desktops, domestic distributions)
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    // Windows
    r"C:\Windows\Fonts\simsun.ttc",
    r"C:\Windows\Fonts\msyh.ttc",
    r"C:\Windows\Fonts\simhei.ttf",
    // macOS
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
];

/// A CJK font face held in memory, ready to be measured and embedded (subset) in PDFs.
///
/// Loading reads a whole font file (20+ MB for a collection), so the App locates it once
/// and keeps it; cloning is cheap (the bytes are shared).
#[derive(Clone)]
pub struct CjkFont {
    data: Arc<Vec<u8>>,
    index: u32,
    family: String,
    pub(crate) pdf: krilla::text::Font,
}

impl fmt::Debug for CjkFont {
    // The bytes are megabytes of binary: show what identifies the face instead.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CjkFont")
            .field("family", &self.family)
            .field("face_index", &self.index)
            .field("bytes", &self.data.len())
            .finish()
    }
}

impl CjkFont {
    /// Finds a CJK font: `YICHUANG_CJK_FONT` first (a path, optionally `#face-index`), then
    /// the usual system paths. An explicit but unusable `YICHUANG_CJK_FONT` is an error,
    /// not a silent fallback, so a misconfigured workstation is noticed.
    pub fn locate() -> Result<CjkFont, DocumentError> {
        let spec = std::env::var_os(FONT_ENV).map(|v| v.to_string_lossy().into_owned());
        locate_with(spec.as_deref())
    }

    /// Loads face `index` of a font or collection (0 for a single font).
    pub fn from_bytes(data: Vec<u8>, index: u32) -> Result<CjkFont, DocumentError> {
        let family = {
            let face = FontRef::from_index(&data, index)
                .map_err(|e| DocumentError::BadFont(format!("cannot read face {index}: {e}")))?;
            let charmap = face.charmap();
            let missing: String = REQUIRED_CHARS
                .chars()
                .filter(|&c| charmap.map(c).is_none())
                .collect();
            if !missing.is_empty() {
                return Err(DocumentError::BadFont(format!(
                    "face {index} has no glyphs for {missing}"
                )));
            }
            name_of(&face, StringId::FAMILY_NAME).unwrap_or_else(|| "unnamed".to_owned())
        };
        let data = Arc::new(data);
        let pdf = krilla::text::Font::new(data.clone().into(), index).ok_or_else(|| {
            DocumentError::BadFont(format!("the PDF writer cannot read face {index}"))
        })?;
        Ok(CjkFont {
            data,
            index,
            family,
            pdf,
        })
    }

    /// The face's family name, e.g. "Noto Serif CJK SC", for diagnostics.
    pub fn family_name(&self) -> &str {
        &self.family
    }

    pub fn face_index(&self) -> u32 {
        self.index
    }

    /// A reader over the face, for measuring; it borrows the bytes, so it lives per render.
    pub(crate) fn face(&self) -> Result<FontRef<'_>, DocumentError> {
        FontRef::from_index(&self.data, self.index)
            .map_err(|e| DocumentError::BadFont(e.to_string()))
    }
}

/// [`CjkFont::locate`] with the environment variable's value passed in, so tests need not
/// mutate the process environment.
fn locate_with(spec: Option<&str>) -> Result<CjkFont, DocumentError> {
    if let Some(spec) = spec.filter(|s| !s.is_empty()) {
        let (path, index) = parse_font_spec(spec);
        return load_file(&path, index)
            .map_err(|e| DocumentError::BadFont(format!("{FONT_ENV}={}: {e}", path.display())));
    }
    SYSTEM_FONTS
        .iter()
        .map(Path::new)
        .filter(|path| path.is_file())
        .find_map(|path| load_file(path, None).ok())
        .ok_or(DocumentError::NoCjkFont)
}

fn load_file(path: &Path, index: Option<u32>) -> Result<CjkFont, DocumentError> {
    let data = std::fs::read(path).map_err(|e| DocumentError::BadFont(e.to_string()))?;
    let index = index.unwrap_or_else(|| simplified_chinese_face(&data));
    CjkFont::from_bytes(data, index)
}

/// `"/f.ttc#2"` → (`/f.ttc`, Some(2)). A `#` not followed by a number is part of the path.
fn parse_font_spec(spec: &str) -> (PathBuf, Option<u32>) {
    match spec.rsplit_once('#') {
        Some((path, index)) => match index.trim().parse() {
            Ok(index) => (PathBuf::from(path), Some(index)),
            Err(_) => (PathBuf::from(spec), None),
        },
        None => (PathBuf::from(spec), None),
    }
}

/// The face of a collection meant for Simplified Chinese: collections such as Noto CJK put
/// Japanese first, whose glyph shapes differ from the mainland standard (e.g. 骨, 写).
/// Picks the first face whose PostScript name marks SC/GB, else face 0.
pub(crate) fn simplified_chinese_face(data: &[u8]) -> u32 {
    let Ok(FileRef::Collection(collection)) = FileRef::new(data) else {
        return 0;
    };
    (0..collection.len())
        .find(|&i| {
            collection
                .get(i)
                .ok()
                .and_then(|face| name_of(&face, StringId::POSTSCRIPT_NAME))
                .is_some_and(|name| marks_simplified_chinese(&name))
        })
        .unwrap_or(0)
}

fn marks_simplified_chinese(postscript_name: &str) -> bool {
    // "NotoSerifCJKsc-Regular", "PingFangSC-Regular", "STSongGB": the region tag is glued
    // to the family, so look for it as a suffix of the family part.
    let family = postscript_name.split('-').next().unwrap_or(postscript_name);
    family.ends_with("SC") || family.ends_with("sc") || family.ends_with("GB")
}

fn name_of(face: &FontRef<'_>, id: StringId) -> Option<String> {
    face.localized_strings(id)
        .english_or_first()
        .map(|s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_font_spec_may_name_a_face_after_a_hash() {
        assert_eq!(
            parse_font_spec("/fonts/a.ttc#2"),
            (PathBuf::from("/fonts/a.ttc"), Some(2))
        );
        assert_eq!(
            parse_font_spec("/fonts/a.ttf"),
            (PathBuf::from("/fonts/a.ttf"), None)
        );
        assert_eq!(
            parse_font_spec("/odd#dir/a.ttf"),
            (PathBuf::from("/odd#dir/a.ttf"), None)
        );
    }

    #[test]
    fn simplified_chinese_is_recognised_from_postscript_names() {
        assert!(marks_simplified_chinese("NotoSansCJKsc-Regular"));
        assert!(marks_simplified_chinese("PingFangSC-Regular"));
        assert!(!marks_simplified_chinese("NotoSansCJKjp-Regular"));
        assert!(!marks_simplified_chinese("NotoSansCJKtc-Regular"));
        assert!(!marks_simplified_chinese("SimSun"));
    }

    #[test]
    fn garbage_bytes_are_a_bad_font() {
        let err = CjkFont::from_bytes(b"definitely not a font".to_vec(), 0).unwrap_err();
        assert!(matches!(err, DocumentError::BadFont(_)), "{err:?}");
        assert!(err.message(true).contains("字体"));
    }

    #[test]
    fn a_face_index_past_the_collection_is_a_bad_font() {
        let font = crate::test_font();
        let err = CjkFont::from_bytes(font.data.to_vec(), 99).unwrap_err();
        assert!(matches!(err, DocumentError::BadFont(_)), "{err:?}");
    }

    #[test]
    fn the_located_font_is_a_simplified_chinese_face_and_debug_hides_its_bytes() {
        let font = crate::test_font();
        assert!(
            font.family_name().ends_with("SC") || font.face_index() == 0,
            "{font:?}"
        );
        let debug = format!("{font:?}");
        assert!(debug.len() < 200, "{debug}");
        assert!(debug.contains("face_index"), "{debug}");
    }

    const NOTO_SANS: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    #[test]
    fn the_environment_variable_may_pick_a_face_explicitly() {
        let font = locate_with(Some(&format!("{NOTO_SANS}#3"))).expect(NOTO_SANS);
        assert_eq!(font.face_index(), 3);
        assert_eq!(font.family_name(), "Noto Sans CJK TC");
    }

    #[test]
    fn without_a_face_the_simplified_chinese_one_is_taken() {
        let font = locate_with(Some(NOTO_SANS)).expect(NOTO_SANS);
        assert_eq!(font.family_name(), "Noto Sans CJK SC");
    }

    #[test]
    fn a_wrong_environment_variable_is_an_error_not_a_silent_fallback() {
        let err = locate_with(Some("/nonexistent/font.ttc")).unwrap_err();
        match err {
            DocumentError::BadFont(detail) => assert!(detail.contains(FONT_ENV), "{detail}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn noto_cjk_collections_keep_simplified_chinese_at_face_two() {
        // The Makefile installs fonts-noto-cjk; this pins the index the brief asked about.
        let data = std::fs::read(NOTO_SANS)
            .unwrap_or_else(|e| panic!("{NOTO_SANS}: {e} (install fonts-noto-cjk: make deps)"));
        assert_eq!(simplified_chinese_face(&data), 2);
    }
}
