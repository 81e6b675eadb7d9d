//! Fees (收费, DOMAIN.md rule 6): only an item with a fee standard is charged, at the standard
//! amount unless a reduction or exemption is recorded with its reason; the fiscal system's
//! payment code and receipt number are recorded, format-checked; a charge is voided (refunded)
//! with a reason, never deleted. The daily cash report balances by construction:
//! charged − voided = collected, per payment method. Storage and printing are not here.

use crate::catalog::FeeStandard;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the applicant paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// 现金
    Cash,
    /// 银行卡
    BankCard,
    /// 扫码（微信、支付宝、非税缴款码）
    Scan,
}

/// The amount charged against the standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FeeAdjustment {
    /// The standard amount.
    Standard,
    /// 减收: a lower amount, with the reason (e.g. a policy for the disabled).
    Reduced { amount_cents: u32, reason: String },
    /// 免收: nothing to pay, with the reason.
    Exempt { reason: String },
}

/// What the clerk enters for a fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeeInput {
    pub adjustment: FeeAdjustment,
    pub method: PaymentMethod,
    /// 非税收入缴款码: 20 digits (none for an exemption).
    pub payment_code: String,
    /// 财政电子票据号: 8 to 12 digits (none for an exemption).
    pub receipt_no: String,
}

/// A voided (refunded) charge: why, when, by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeeVoid {
    pub reason: String,
    pub at: NaiveDateTime,
    pub by: String,
}

/// One charge on a case, kept for good (a void is recorded on it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeeCharge {
    /// 1, 2, 3… within the case.
    pub seq: u32,
    pub standard_name: String,
    pub standard_cents: u32,
    pub charged_cents: u32,
    pub adjustment: FeeAdjustment,
    pub method: PaymentMethod,
    pub payment_code: Option<String>,
    pub receipt_no: Option<String>,
    pub at: NaiveDateTime,
    pub by_id: String,
    pub by: String,
    pub voided: Option<FeeVoid>,
}

/// Why a fee is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    #[error("this item has no fee standard and cannot be charged")]
    NoStandard,
    #[error("a reduction must be below the standard amount and above zero")]
    BadReduction,
    #[error("a reduction or exemption needs a reason")]
    ReasonRequired,
    #[error("the payment code must be 20 digits")]
    BadPaymentCode,
    #[error("the receipt number must be 8 to 12 digits")]
    BadReceiptNo,
    #[error("this charge was already voided")]
    AlreadyVoided,
}

impl FeeError {
    pub fn code(&self) -> &'static str {
        match self {
            FeeError::NoStandard => "fee_no_standard",
            FeeError::BadReduction => "fee_bad_reduction",
            FeeError::ReasonRequired => "fee_reason_required",
            FeeError::BadPaymentCode => "fee_bad_payment_code",
            FeeError::BadReceiptNo => "fee_bad_receipt_no",
            FeeError::AlreadyVoided => "fee_already_voided",
        }
    }

    pub fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::En => self.to_string(),
            crate::Lang::ZhCn => match self {
                FeeError::NoStandard => "该事项没有收费标准，不能收费".into(),
                FeeError::BadReduction => "减收金额须大于零且低于收费标准".into(),
                FeeError::ReasonRequired => "减收或免收须填写理由".into(),
                FeeError::BadPaymentCode => "缴款码应为 20 位数字".into(),
                FeeError::BadReceiptNo => "票据号应为 8 至 12 位数字".into(),
                FeeError::AlreadyVoided => "该笔收费已作废".into(),
            },
        }
    }
}

fn digits(s: &str, range: std::ops::RangeInclusive<usize>) -> bool {
    range.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks a fee against the item's standard and builds the charge.
pub fn charge(
    standard: Option<&FeeStandard>,
    input: &FeeInput,
    seq: u32,
    at: NaiveDateTime,
    by_id: &str,
    by: &str,
) -> Result<FeeCharge, FeeError> {
    let standard = standard.ok_or(FeeError::NoStandard)?;
    let (charged, adjustment) = match &input.adjustment {
        FeeAdjustment::Standard => (standard.amount_cents, FeeAdjustment::Standard),
        FeeAdjustment::Reduced {
            amount_cents,
            reason,
        } => {
            if *amount_cents == 0 || *amount_cents >= standard.amount_cents {
                return Err(FeeError::BadReduction);
            }
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(FeeError::ReasonRequired);
            }
            (
                *amount_cents,
                FeeAdjustment::Reduced {
                    amount_cents: *amount_cents,
                    reason: reason.to_string(),
                },
            )
        }
        FeeAdjustment::Exempt { reason } => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(FeeError::ReasonRequired);
            }
            (
                0,
                FeeAdjustment::Exempt {
                    reason: reason.to_string(),
                },
            )
        }
    };
    // Money changes hands only when something is charged: then the fiscal system's code and
    // receipt are what ties this charge to the treasury.
    let (payment_code, receipt_no) = if charged > 0 {
        let code = input.payment_code.trim();
        let receipt = input.receipt_no.trim();
        if !digits(code, 20..=20) {
            return Err(FeeError::BadPaymentCode);
        }
        if !digits(receipt, 8..=12) {
            return Err(FeeError::BadReceiptNo);
        }
        (Some(code.to_string()), Some(receipt.to_string()))
    } else {
        (None, None)
    };
    Ok(FeeCharge {
        seq,
        standard_name: standard.name.clone(),
        standard_cents: standard.amount_cents,
        charged_cents: charged,
        adjustment,
        method: input.method,
        payment_code,
        receipt_no,
        at,
        by_id: by_id.to_string(),
        by: by.to_string(),
        voided: None,
    })
}

/// One line of the daily cash report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CashLine {
    pub charged_cents: i64,
    /// Refunded this day (of charges from this day or earlier).
    pub voided_cents: i64,
    /// charged − voided: negative on a day with more refunds than takings.
    pub collected_cents: i64,
    /// Charges made this day.
    pub count: u32,
}

/// The day's cash report of a window (or one clerk): per payment method and in total.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CashReport {
    pub by_method: Vec<(PaymentMethod, CashLine)>,
    pub total: CashLine,
}

/// Voids (refunds) a charge: a reason is required and a charge is voided once. The charge
/// itself is kept; the report counts the refund on the day it was made.
pub fn void(
    charge: &mut FeeCharge,
    reason: &str,
    at: NaiveDateTime,
    by: &str,
) -> Result<(), FeeError> {
    if charge.voided.is_some() {
        return Err(FeeError::AlreadyVoided);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(FeeError::ReasonRequired);
    }
    charge.voided = Some(FeeVoid {
        reason: reason.to_string(),
        at,
        by: by.to_string(),
    });
    Ok(())
}

/// The cash report of `day` over the given charges (the caller picks whose: a window's, a
/// clerk's): what was charged that day, what was refunded that day (whenever it had been
/// charged), and collected = charged − refunded, per payment method. A day's report never
/// changes afterwards: a later refund lands on its own day. An exemption moves no money and
/// is left out.
pub fn cash_report<'a>(
    charges: impl IntoIterator<Item = &'a FeeCharge>,
    day: chrono::NaiveDate,
) -> CashReport {
    let mut by: std::collections::BTreeMap<PaymentMethod, CashLine> = Default::default();
    for c in charges.into_iter().filter(|c| c.charged_cents > 0) {
        let charged_today = c.at.date() == day;
        let voided_today = c.voided.as_ref().is_some_and(|v| v.at.date() == day);
        if !charged_today && !voided_today {
            continue;
        }
        let line = by.entry(c.method).or_default();
        if charged_today {
            line.count += 1;
            line.charged_cents += i64::from(c.charged_cents);
        }
        if voided_today {
            line.voided_cents += i64::from(c.charged_cents);
        }
        line.collected_cents = line.charged_cents - line.voided_cents;
    }
    let mut total = CashLine::default();
    for line in by.values() {
        total.count += line.count;
        total.charged_cents += line.charged_cents;
        total.voided_cents += line.voided_cents;
    }
    total.collected_cents = total.charged_cents - total.voided_cents;
    CashReport {
        by_method: by.into_iter().collect(),
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn standard() -> FeeStandard {
        FeeStandard {
            name: "不动产登记费（住宅）".into(),
            amount_cents: 8000,
            basis: "发改价格规〔2016〕2559号".into(),
        }
    }

    fn at() -> NaiveDateTime {
        NaiveDateTime::parse_from_str("2026-03-02 10:00", "%Y-%m-%d %H:%M").expect("time")
    }

    fn input(adjustment: FeeAdjustment) -> FeeInput {
        FeeInput {
            adjustment,
            method: PaymentMethod::Scan,
            payment_code: "43112526030200000001".into(),
            receipt_no: "0012345678".into(),
        }
    }

    #[test]
    fn the_amount_follows_the_standard_and_an_item_without_one_is_not_charged() {
        let c = charge(
            Some(&standard()),
            &input(FeeAdjustment::Standard),
            1,
            at(),
            "u",
            "李娜",
        )
        .expect("charged");
        assert_eq!(c.charged_cents, 8000);
        assert_eq!(c.receipt_no.as_deref(), Some("0012345678"));
        assert_eq!(
            charge(None, &input(FeeAdjustment::Standard), 1, at(), "u", "李娜"),
            Err(FeeError::NoStandard)
        );
    }

    #[test]
    fn a_reduction_or_exemption_needs_its_reason_and_a_reduction_stays_below_the_standard() {
        let s = standard();
        let reduced = |amount_cents, reason: &str| {
            input(FeeAdjustment::Reduced {
                amount_cents,
                reason: reason.into(),
            })
        };
        assert_eq!(
            charge(Some(&s), &reduced(4000, " "), 1, at(), "u", "李娜"),
            Err(FeeError::ReasonRequired)
        );
        for bad in [0, 8000, 9000] {
            assert_eq!(
                charge(Some(&s), &reduced(bad, "残疾人减半"), 1, at(), "u", "李娜"),
                Err(FeeError::BadReduction)
            );
        }
        let half =
            charge(Some(&s), &reduced(4000, "残疾人减半"), 1, at(), "u", "李娜").expect("reduced");
        assert_eq!(half.charged_cents, 4000);
        let mut exempt = input(FeeAdjustment::Exempt {
            reason: "低保户免收".into(),
        });
        exempt.payment_code.clear();
        exempt.receipt_no.clear();
        let free = charge(Some(&s), &exempt, 2, at(), "u", "李娜").expect("exempt");
        assert_eq!((free.charged_cents, free.payment_code), (0, None));
    }

    #[test]
    fn the_payment_code_and_receipt_number_are_format_checked() {
        let s = standard();
        let mut i = input(FeeAdjustment::Standard);
        i.payment_code = "4311252603020000000X".into();
        assert_eq!(
            charge(Some(&s), &i, 1, at(), "u", "李娜"),
            Err(FeeError::BadPaymentCode)
        );
        let mut i = input(FeeAdjustment::Standard);
        i.receipt_no = "1234567".into();
        assert_eq!(
            charge(Some(&s), &i, 1, at(), "u", "李娜"),
            Err(FeeError::BadReceiptNo)
        );
    }

    fn day(d: u32) -> NaiveDateTime {
        at() + chrono::Duration::days(i64::from(d))
    }

    fn arb_charge() -> impl Strategy<Value = FeeCharge> {
        (
            1u32..20_000,
            0usize..3,
            0u32..3,
            proptest::option::of(0u32..3),
        )
            .prop_map(|(cents, m, on, void_after)| FeeCharge {
                seq: 1,
                standard_name: "费".into(),
                standard_cents: cents,
                charged_cents: cents,
                adjustment: FeeAdjustment::Standard,
                method: [
                    PaymentMethod::Cash,
                    PaymentMethod::BankCard,
                    PaymentMethod::Scan,
                ][m],
                payment_code: None,
                receipt_no: None,
                at: day(on),
                by_id: "u".into(),
                by: "李娜".into(),
                voided: void_after.map(|after| FeeVoid {
                    reason: "重复收费".into(),
                    at: day(on + after),
                    by: "李娜".into(),
                }),
            })
    }

    #[test]
    fn a_refund_lands_on_the_day_it_was_made_and_an_earlier_report_never_changes() {
        let s = standard();
        let mut c = charge(
            Some(&s),
            &input(FeeAdjustment::Standard),
            1,
            day(0),
            "u",
            "李娜",
        )
        .expect("charged");
        let monday = cash_report([&c], day(0).date());
        void(&mut c, "重复收费", day(1), "李娜").expect("refunded");
        assert_eq!(
            cash_report([&c], day(0).date()),
            monday,
            "Monday stays as it was"
        );
        let tuesday = cash_report([&c], day(1).date());
        assert_eq!(
            (
                tuesday.total.charged_cents,
                tuesday.total.voided_cents,
                tuesday.total.collected_cents
            ),
            (0, 8000, -8000)
        );
        assert_eq!(
            void(&mut c, "again", day(1), "李娜"),
            Err(FeeError::AlreadyVoided)
        );
        let mut other = charge(
            Some(&s),
            &input(FeeAdjustment::Standard),
            2,
            day(1),
            "u",
            "李娜",
        )
        .expect("charged");
        assert_eq!(
            void(&mut other, " ", day(1), "李娜"),
            Err(FeeError::ReasonRequired)
        );
    }

    proptest! {
        #[test]
        fn each_days_cash_report_balances_and_matches_an_independent_sum(
            charges in proptest::collection::vec(arb_charge(), 0..60),
            d in 0u32..5,
        ) {
            let date = day(d).date();
            let report = cash_report(&charges, date);
            let charged: i64 = charges
                .iter()
                .filter(|c| c.at.date() == date)
                .map(|c| i64::from(c.charged_cents))
                .sum();
            let voided: i64 = charges
                .iter()
                .filter(|c| c.voided.as_ref().is_some_and(|v| v.at.date() == date))
                .map(|c| i64::from(c.charged_cents))
                .sum();
            prop_assert_eq!(report.total.charged_cents, charged);
            prop_assert_eq!(report.total.voided_cents, voided);
            prop_assert_eq!(report.total.collected_cents, charged - voided);
            let by_method: i64 = report.by_method.iter().map(|(_, l)| l.collected_cents).sum();
            prop_assert_eq!(by_method, report.total.collected_cents);
            for (_, l) in &report.by_method {
                prop_assert_eq!(l.charged_cents - l.voided_cents, l.collected_cents);
            }
        }
    }
}
