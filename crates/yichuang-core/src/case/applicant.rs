//! Who applies (申请人) and who may act for them (代理人), checked field by field at intake.
//! Each refused field is reported with its path so the window can show the message on it.

use crate::ids::{mask_phone, CreditCode, IdError, ResidentId};
use crate::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the clerk typed, before checking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ApplicantInput {
    Person {
        name: String,
        id_number: String,
        phone: String,
    },
    Organisation {
        name: String,
        credit_code: String,
        legal_representative: String,
        phone: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgentInput {
    pub name: String,
    pub id_number: String,
    pub phone: String,
}

/// A checked applicant, as stored on the case. Numbers are kept whole (the notices need them);
/// lists and logs use [`Applicant::masked_id`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Applicant {
    Person {
        name: String,
        id_number: String,
        phone: String,
    },
    Organisation {
        name: String,
        credit_code: String,
        legal_representative: String,
        phone: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Agent {
    pub name: String,
    pub id_number: String,
    pub phone: String,
}

/// One refused field: its path in the intake form and the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    /// e.g. `applicant.id_number`, `agent.phone`.
    pub field: String,
    pub message: String,
}

impl Applicant {
    pub fn name(&self) -> &str {
        match self {
            Applicant::Person { name, .. } | Applicant::Organisation { name, .. } => name,
        }
    }

    /// The ID number or credit code, whole.
    pub fn id_number(&self) -> &str {
        match self {
            Applicant::Person { id_number, .. } => id_number,
            Applicant::Organisation { credit_code, .. } => credit_code,
        }
    }

    pub fn phone(&self) -> &str {
        match self {
            Applicant::Person { phone, .. } | Applicant::Organisation { phone, .. } => phone,
        }
    }

    /// A person's ID number shows region and last four; a credit code is public register
    /// data and is shown whole.
    pub fn masked_id(&self) -> String {
        match self {
            Applicant::Person { id_number, .. } => mask_id(id_number),
            Applicant::Organisation { credit_code, .. } => credit_code.clone(),
        }
    }

    pub fn masked_phone(&self) -> String {
        mask_phone(self.phone())
    }
}

/// `4301**********1234`, for any string that should have been an 18-digit ID number.
pub fn mask_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    chars[..4]
        .iter()
        .chain(std::iter::repeat_n(&'*', chars.len() - 8))
        .chain(chars[chars.len() - 4..].iter())
        .collect()
}

fn required(field: &str, value: &str, lang: Lang, errors: &mut Vec<FieldError>) -> String {
    let v = value.trim().to_string();
    if v.chars().any(char::is_control) {
        // Invisible characters (pasted from elsewhere) would print as nothing and cannot be
        // stored by the county's database; refuse them where the clerk can see and fix it.
        errors.push(FieldError {
            field: field.into(),
            message: lang
                .pick(
                    "含有不可见的控制字符，请重新输入",
                    "Contains invisible control characters; type it again",
                )
                .into(),
        });
    } else if v.is_empty() {
        errors.push(FieldError {
            field: field.into(),
            message: lang.pick("必填", "Required").into(),
        });
    } else if v.chars().count() > 100 {
        errors.push(FieldError {
            field: field.into(),
            message: lang
                .pick("过长（最多 100 字）", "Too long (100 characters at most)")
                .into(),
        });
    }
    v
}

fn id_field(
    field: &str,
    value: &str,
    today: NaiveDate,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> String {
    if value.trim().is_empty() {
        return required(field, value, lang, errors);
    }
    match ResidentId::parse(value, today) {
        Ok(id) => id.as_str().to_string(),
        Err(e) => {
            errors.push(id_error(field, &e, lang, "居民身份证号码", "ID number"));
            String::new()
        }
    }
}

fn id_error(field: &str, e: &IdError, lang: Lang, zh: &str, en: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: format!(
            "{}{}",
            lang.pick(zh, en),
            match lang {
                Lang::ZhCn => format!("有误：{}", e.message(lang)),
                Lang::En => format!(" is invalid: {}", e.message(lang)),
            }
        ),
    }
}

/// Mainland phones: an 11-digit mobile starting with 1, or a landline of digits and one
/// dash (0743-1234567). Anything else is most likely a typing slip.
fn phone_field(field: &str, value: &str, lang: Lang, errors: &mut Vec<FieldError>) -> String {
    // Spaces are how people read numbers out ("139 0000 1111"), not part of them.
    let v: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = v.chars().filter(|c| c.is_ascii_digit()).count();
    let dashes = v.chars().filter(|c| *c == '-').count();
    let only_allowed = v.chars().all(|c| c.is_ascii_digit() || c == '-');
    let mobile = v.len() == 11 && v.starts_with('1') && digits == 11;
    let landline = only_allowed && dashes <= 1 && (7..=12).contains(&digits) && !v.starts_with('1');
    if !(mobile || landline) {
        errors.push(FieldError {
            field: field.into(),
            message: lang
                .pick(
                    "联系电话格式有误（11 位手机号或区号-座机号）",
                    "Phone number is invalid (11-digit mobile or area code-landline)",
                )
                .into(),
        });
    }
    v
}

/// Checks the applicant and the optional agent; every problem is reported, nothing half-kept.
pub fn check_applicant(
    input: &ApplicantInput,
    agent: Option<&AgentInput>,
    today: NaiveDate,
    lang: Lang,
) -> Result<(Applicant, Option<Agent>), Vec<FieldError>> {
    let mut errors = Vec::new();
    let applicant = match input {
        ApplicantInput::Person {
            name,
            id_number,
            phone,
        } => Applicant::Person {
            name: required("applicant.name", name, lang, &mut errors),
            id_number: id_field("applicant.id_number", id_number, today, lang, &mut errors),
            phone: phone_field("applicant.phone", phone, lang, &mut errors),
        },
        ApplicantInput::Organisation {
            name,
            credit_code,
            legal_representative,
            phone,
        } => {
            let code = match CreditCode::parse(credit_code) {
                _ if credit_code.trim().is_empty() => {
                    required("applicant.credit_code", credit_code, lang, &mut errors)
                }
                Ok(c) => c.as_str().to_string(),
                Err(e) => {
                    errors.push(id_error(
                        "applicant.credit_code",
                        &e,
                        lang,
                        "统一社会信用代码",
                        "Credit code",
                    ));
                    String::new()
                }
            };
            Applicant::Organisation {
                name: required("applicant.name", name, lang, &mut errors),
                credit_code: code,
                legal_representative: required(
                    "applicant.legal_representative",
                    legal_representative,
                    lang,
                    &mut errors,
                ),
                phone: phone_field("applicant.phone", phone, lang, &mut errors),
            }
        }
    };
    let agent = agent.map(|a| Agent {
        name: required("agent.name", &a.name, lang, &mut errors),
        id_number: id_field("agent.id_number", &a.id_number, today, lang, &mut errors),
        phone: phone_field("agent.phone", &a.phone, lang, &mut errors),
    });
    if errors.is_empty() {
        Ok((applicant, agent))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
    }

    fn person(id: &str, phone: &str) -> ApplicantInput {
        ApplicantInput::Person {
            name: "张三".into(),
            id_number: id.into(),
            phone: phone.into(),
        }
    }

    #[test]
    fn a_person_with_a_valid_id_and_mobile_is_accepted_and_masked_in_lists() {
        let (a, agent) = check_applicant(
            &person("11010519491231002x", "13812345678"),
            None,
            today(),
            Lang::ZhCn,
        )
        .expect("valid");
        assert_eq!(a.id_number(), "11010519491231002X");
        assert_eq!(a.masked_id(), "1101**********002X");
        assert_eq!(a.masked_phone(), "138****5678");
        assert!(agent.is_none());
    }

    #[test]
    fn a_mistyped_id_is_reported_on_its_field_in_chinese() {
        let errs = check_applicant(
            &person("110105194912310021", "13812345678"),
            None,
            today(),
            Lang::ZhCn,
        )
        .expect_err("refused");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].field, "applicant.id_number");
        assert!(errs[0].message.contains("校验位"), "{}", errs[0].message);
    }

    #[test]
    fn every_bad_field_is_reported_at_once_including_the_agents() {
        let agent = AgentInput {
            name: " ".into(),
            id_number: "123".into(),
            phone: "abc".into(),
        };
        let errs = check_applicant(&person("", "12"), Some(&agent), today(), Lang::ZhCn)
            .expect_err("refused");
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "applicant.id_number",
                "applicant.phone",
                "agent.name",
                "agent.id_number",
                "agent.phone"
            ]
        );
    }

    #[test]
    fn an_empty_id_number_is_simply_required_and_spaces_in_a_phone_are_ignored() {
        let errs = check_applicant(&person("  ", "139 0000 1111"), None, today(), Lang::ZhCn)
            .expect_err("refused");
        assert_eq!(errs.len(), 1);
        assert_eq!(
            (errs[0].field.as_str(), errs[0].message.as_str()),
            ("applicant.id_number", "必填")
        );
        let (a, _) = check_applicant(
            &person("11010519491231002X", "139 0000 1111"),
            None,
            today(),
            Lang::ZhCn,
        )
        .expect("valid");
        assert_eq!(a.phone(), "13900001111");
    }

    #[test]
    fn an_organisation_needs_a_valid_credit_code_and_a_legal_representative() {
        let org = ApplicantInput::Organisation {
            name: "示例县好味餐饮有限公司".into(),
            credit_code: "91350100M000100Y44".into(),
            legal_representative: "".into(),
            phone: "0743-8123456".into(),
        };
        let errs = check_applicant(&org, None, today(), Lang::ZhCn).expect_err("refused");
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["applicant.credit_code", "applicant.legal_representative"]
        );
    }
}
