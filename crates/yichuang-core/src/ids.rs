//! Identity numbers applicants give at the counter: the 居民身份证 number (GB 11643) and the
//! 统一社会信用代码 (GB 32100), checked digit by digit, and masking for lists and logs.
//! Whether the person exists is not knowable here; only that the number is well formed.

use crate::Lang;
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Why an ID number or credit code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("must be 18 characters, got {0}")]
    Length(usize),
    #[error("character {position} ({found:?}) is not allowed there")]
    BadCharacter { position: usize, found: char },
    #[error("the birth date {0} is not a real date")]
    BadBirthDate(String),
    #[error("the birth date {0} is in the future")]
    FutureBirthDate(NaiveDate),
    #[error("the check character should be {expected}, found {found}")]
    CheckDigit { expected: char, found: char },
}

impl IdError {
    /// The message shown on the field, in the clerk's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (IdError::Length(n), Lang::ZhCn) => format!("应为 18 位，实际为 {n} 位"),
            (IdError::BadCharacter { position, found }, Lang::ZhCn) => {
                format!("第 {position} 位“{found}”不是有效字符")
            }
            (IdError::BadBirthDate(d), Lang::ZhCn) => format!("出生日期 {d} 不是有效日期"),
            (IdError::FutureBirthDate(d), Lang::ZhCn) => format!("出生日期 {d} 晚于今天"),
            (IdError::CheckDigit { expected, found }, Lang::ZhCn) => {
                format!("校验位应为 {expected}，实际为 {found}，请核对号码是否录错")
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}

/// A well-formed 18-digit 居民身份证 number.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ResidentId(String);

const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

impl ResidentId {
    /// Checks length, digits, birth date (not after `today`) and the GB 11643 check digit.
    /// A lower-case `x` is accepted and stored upper-case.
    pub fn parse(input: &str, today: NaiveDate) -> Result<ResidentId, IdError> {
        let s: String = input.trim().to_uppercase();
        let chars: Vec<char> = s.chars().collect();
        if chars.len() != 18 {
            return Err(IdError::Length(chars.len()));
        }
        let mut sum = 0;
        for (i, c) in chars[..17].iter().enumerate() {
            let d = c.to_digit(10).ok_or(IdError::BadCharacter {
                position: i + 1,
                found: *c,
            })?;
            sum += d * ID_WEIGHTS[i];
        }
        let found = chars[17];
        if !(found.is_ascii_digit() || found == 'X') {
            return Err(IdError::BadCharacter {
                position: 18,
                found,
            });
        }
        let birth: String = chars[6..14].iter().collect();
        let date = NaiveDate::parse_from_str(&birth, "%Y%m%d")
            .map_err(|_| IdError::BadBirthDate(birth.clone()))?;
        if date > today {
            return Err(IdError::FutureBirthDate(date));
        }
        if date.year() < 1900 {
            return Err(IdError::BadBirthDate(birth));
        }
        let expected = ID_CHECK[(sum % 11) as usize];
        if expected != found {
            return Err(IdError::CheckDigit { expected, found });
        }
        Ok(ResidentId(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For lists, exports and logs: `4301**********1234` keeps region prefix and last four.
    pub fn masked(&self) -> String {
        mask(&self.0, 4, 4)
    }
}

/// Never prints the full number by accident (logs, debug output).
impl fmt::Debug for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResidentId({})", self.masked())
    }
}

/// A well-formed 18-character 统一社会信用代码.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CreditCode(String);

const CREDIT_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS: [usize; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

impl CreditCode {
    /// Checks length, the character set (no I, O, S, V, Z), the 6-digit region part and
    /// the GB 32100 check character.
    pub fn parse(input: &str) -> Result<CreditCode, IdError> {
        let s = input.trim().to_uppercase();
        let chars: Vec<char> = s.chars().collect();
        if chars.len() != 18 {
            return Err(IdError::Length(chars.len()));
        }
        let mut sum = 0;
        for (i, c) in chars.iter().enumerate() {
            let value = CREDIT_CHARS.find(*c).ok_or(IdError::BadCharacter {
                position: i + 1,
                found: *c,
            })?;
            // Positions 3–8 are the administrative division code: digits only.
            if (2..8).contains(&i) && !c.is_ascii_digit() {
                return Err(IdError::BadCharacter {
                    position: i + 1,
                    found: *c,
                });
            }
            if i < 17 {
                sum += value * CREDIT_WEIGHTS[i];
            }
        }
        let check = (31 - sum % 31) % 31;
        let expected = CREDIT_CHARS.as_bytes()[check] as char;
        if expected != chars[17] {
            return Err(IdError::CheckDigit {
                expected,
                found: chars[17],
            });
        }
        Ok(CreditCode(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Masks a mainland mobile number: `138****5678`.
pub fn mask_phone(phone: &str) -> String {
    mask(phone.trim(), 3, 4)
}

fn mask(s: &str, keep_start: usize, keep_end: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= keep_start + keep_end {
        return "*".repeat(chars.len());
    }
    let hidden = chars.len() - keep_start - keep_end;
    chars[..keep_start]
        .iter()
        .chain(std::iter::repeat_n(&'*', hidden))
        .chain(chars[chars.len() - keep_end..].iter())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
    }

    #[test]
    fn the_standards_sample_id_number_is_accepted_with_its_x() {
        let id = ResidentId::parse("11010519491231002x", today()).expect("valid");
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(id.masked(), "1101**********002X");
        assert!(!format!("{id:?}").contains("19491231"));
    }

    #[test]
    fn a_mistyped_digit_is_caught_by_the_check_digit() {
        let err = ResidentId::parse("110105194912310021", today()).expect_err("refused");
        assert_eq!(
            err,
            IdError::CheckDigit {
                expected: 'X',
                found: '1'
            }
        );
        assert!(err.message(Lang::ZhCn).contains("校验位应为 X"));
    }

    #[test]
    fn an_impossible_or_future_birth_date_is_refused() {
        assert!(matches!(
            ResidentId::parse("110105194902301234", today()),
            Err(IdError::BadBirthDate(_))
        ));
        assert!(matches!(
            ResidentId::parse("110105202712011234", today()),
            Err(IdError::FutureBirthDate(_))
        ));
    }

    #[test]
    fn wrong_length_and_letters_are_refused_with_the_position() {
        assert_eq!(
            ResidentId::parse("1101051949", today()),
            Err(IdError::Length(10))
        );
        assert_eq!(
            ResidentId::parse("1101A5194912310021", today()),
            Err(IdError::BadCharacter {
                position: 5,
                found: 'A'
            })
        );
    }

    #[test]
    fn a_published_credit_code_is_accepted_and_a_changed_one_is_not() {
        CreditCode::parse("91350100M000100Y43").expect("valid");
        assert!(matches!(
            CreditCode::parse("91350100M000100Y44"),
            Err(IdError::CheckDigit { .. })
        ));
        assert!(matches!(
            CreditCode::parse("9135010OM000100Y43"),
            Err(IdError::BadCharacter { position: 8, .. })
        ));
    }

    #[test]
    fn phones_are_masked_in_the_middle() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
    }

    proptest! {
        #[test]
        fn any_id_with_a_valid_birth_date_and_its_computed_check_digit_is_accepted(
            region in 110000u32..660000, days in 0i64..40000, seq in 0u32..1000
        ) {
            let birth = NaiveDate::from_ymd_opt(1920, 1, 1).expect("d") + chrono::Duration::days(days);
            prop_assume!(birth <= today());
            let body = format!("{region:06}{}{seq:03}", birth.format("%Y%m%d"));
            let sum: u32 = body.chars().zip(ID_WEIGHTS).map(|(c, w)| c.to_digit(10).expect("digit") * w).sum();
            let id = format!("{body}{}", ID_CHECK[(sum % 11) as usize]);
            prop_assert!(ResidentId::parse(&id, today()).is_ok());
            // Changing any one of the first 17 digits is always detected.
            for pos in 0..17 {
                let mut bad: Vec<char> = id.chars().collect();
                bad[pos] = char::from_digit((bad[pos].to_digit(10).expect("d") + 1) % 10, 10).expect("c");
                let bad: String = bad.into_iter().collect();
                prop_assert!(ResidentId::parse(&bad, today()).is_err(), "{} accepted", bad);
            }
        }
    }
}
