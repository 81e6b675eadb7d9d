//! The ledger export at county scale, as a ratio against bare rust_xlsxwriter writing the
//! same cells in the same run, with peak heap memory of each (results in
//! docs/PERFORMANCE.md):
//!
//! 1. a month of N cases (default 25,000: a busy county's month, whole center);
//! 2. a year of M cases (default 250,000: the county's year), as the annual ledger.
//!
//! The cases are generated through the real case rules (intake, checklist, corrections,
//! acceptance, special procedures, refusals, completion, fees and voids, ratings, a
//! handover), so the ledger computes from what a window or the county would hold. Ours is
//! `compute` + `write_xlsx` (formats, widths, frozen and filtered headers, print setup);
//! the baseline writes the very same cell values (`plain_cells`) with plain `write_string` /
//! `write_number` and saves, with nothing else.
//!
//! Usage: cargo bench -p yichuang-ledger --bench export -- [month-cases] [year-cases]

use chrono::{Datelike, Duration as Days, NaiveDate, NaiveDateTime, NaiveTime};
use peak_alloc::PeakAlloc;
use rust_xlsxwriter::Workbook;
use std::time::{Duration, Instant};
use yichuang_core::case::{
    apply, Actor, ApplicantInput, CardLevel, Case, CaseCommand, CaseEvent, Ctx, Decision,
    FeeAdjustment, FeeInput, Intake, LineUpdate, MaterialStatus, Office, PaymentMethod, Rating,
    Role,
};
use yichuang_core::catalog::{Catalog, ItemKind, ServiceItem};
use yichuang_core::{Lang, WorkCalendar};
use yichuang_ledger::{compute, plain_cells, CardRecord, Month, Period, PlainCell};

/// Counts live heap bytes and their high-water mark, so each phase's peak is measured in
/// the process that runs it.
#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Runs `f`, returning its result, its time and its peak heap above what was live before.
fn measured<T>(f: impl FnOnce() -> T) -> (T, Duration, usize) {
    let base = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    (out, took, HEAP.peak_usage().saturating_sub(base))
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// A small deterministic generator (xorshift64*): the same cases every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const DEMO: &str = include_str!("../../yichuang-app/data/demo-catalog.json");

struct Generator {
    calendar: WorkCalendar,
    items: Vec<ServiceItem>,
    departments: Vec<(String, String)>,
    dice: Dice,
    numbers: u64,
}

impl Generator {
    fn new() -> Generator {
        let catalog = Catalog::parse(DEMO).expect("demo catalog");
        let items = catalog
            .items
            .iter()
            .filter(|i| i.kind != ItemKind::Joint && !i.requires_chief_approval)
            .cloned()
            .collect();
        let departments = catalog
            .departments
            .iter()
            .map(|d| (d.code.clone(), d.name.clone()))
            .collect();
        Generator {
            calendar: WorkCalendar::embedded(),
            items,
            departments,
            dice: Dice(0x9E37_79B9_7F4A_7C15),
            numbers: 0,
        }
    }

    fn run(
        &mut self,
        case: &mut Case,
        events: &mut Vec<CaseEvent>,
        who: &Actor,
        at: NaiveDateTime,
        command: CaseCommand,
    ) {
        self.numbers += 1;
        let number = format!("N{}", self.numbers);
        let ctx = ctx(&self.calendar, who, at);
        let e = apply(case, &command, Some(&number), &ctx)
            .unwrap_or_else(|err| panic!("{command:?}: {err}"));
        *case = e.case;
        events.extend(e.events);
    }

    /// One case received at `at`, taken through a realistic life.
    fn case(&mut self, at: NaiveDateTime) -> (Case, Vec<CaseEvent>, Vec<CardRecord>) {
        let item = self.items[self.dice.below(self.items.len() as u64) as usize].clone();
        let dept = self
            .departments
            .iter()
            .find(|(c, _)| *c == item.department)
            .cloned()
            .unwrap_or_else(|| (item.department.clone(), item.department.clone()));
        let window = self.dice.below(2) + 1;
        let clerk = Actor {
            user_id: format!("u-{}-{window}", dept.0),
            name: format!("{}{}号窗口员", dept.1, window),
            role: Role::Clerk,
        };
        let backup = Actor {
            user_id: format!("u-{}-b", dept.0),
            name: format!("{}B岗", dept.1),
            role: Role::Clerk,
        };
        let applicant_role = Actor {
            user_id: "applicant".into(),
            name: "申请人".into(),
            role: Role::Applicant,
        };
        let supervisor = Actor {
            user_id: "u-sup".into(),
            name: "赵督查".into(),
            role: Role::Supervisor,
        };
        self.numbers += 1;
        let applicant = ApplicantInput::Person {
            name: format!("申请人{}", self.numbers),
            id_number: "11010519491231002X".into(),
            phone: "13800000000".into(),
        };
        let intake = Case::intake(
            Intake {
                id: format!("c{}", self.numbers),
                case_no: format!(
                    "431125-{}-W{window:02}-{}-{:06}",
                    dept.0,
                    at.year(),
                    self.numbers
                ),
                item: &item,
                catalog_version: "2026.11",
                applicant: &applicant,
                agent: None,
                situations: &[],
                office: Office {
                    region_code: "431125".into(),
                    department_code: dept.0.clone(),
                    window_code: format!("W{window:02}"),
                    center_name: "江永县政务服务中心".into(),
                    department_name: dept.1.clone(),
                    window_name: format!("{window}号窗口"),
                },
            },
            &ctx(&self.calendar, &clerk, at),
        )
        .expect("intake");
        let (mut case, mut events) = (intake.case, intake.events);
        let mut cards = Vec::new();
        let minutes = |m: i64| at + Days::minutes(m);
        let tick = |case: &Case, missing: bool| CaseCommand::UpdateChecklist {
            lines: case
                .checklist
                .iter()
                .enumerate()
                .map(|(n, l)| LineUpdate {
                    code: l.code.clone(),
                    status: if missing && n == 0 {
                        MaterialStatus::Missing
                    } else {
                        MaterialStatus::Received
                    },
                })
                .collect(),
        };
        let correction = self.dice.chance(10) && item.kind == ItemKind::Promised;
        let c = tick(&case, correction);
        self.run(&mut case, &mut events, &clerk, minutes(5), c);
        if self.dice.chance(4) {
            self.run(
                &mut case,
                &mut events,
                &clerk,
                minutes(10),
                CaseCommand::Reject {
                    reason: "不属于本机关职权范围".into(),
                    legal_basis: "《行政许可法》第三十二条".into(),
                },
            );
            return (case, events, cards);
        }
        if item.kind == ItemKind::Immediate {
            self.run(
                &mut case,
                &mut events,
                &clerk,
                minutes(10),
                CaseCommand::CompleteOnTheSpot,
            );
        } else {
            let mut day = at;
            if correction {
                self.run(
                    &mut case,
                    &mut events,
                    &clerk,
                    minutes(6),
                    CaseCommand::IssueCorrectionNotice,
                );
                day = at + Days::days(1);
                self.run(
                    &mut case,
                    &mut events,
                    &clerk,
                    day,
                    CaseCommand::CorrectionReceived,
                );
                let c = tick(&case, false);
                self.run(&mut case, &mut events, &clerk, day, c);
            }
            let handed = self.dice.chance(5);
            if handed {
                self.run(
                    &mut case,
                    &mut events,
                    &clerk,
                    day + Days::minutes(1),
                    CaseCommand::HandOver {
                        handover_id: format!("h{}", self.numbers),
                        to_id: backup.user_id.clone(),
                        to_name: backup.name.clone(),
                        reason: "请假".into(),
                    },
                );
            }
            let actor = if handed { &backup } else { &clerk };
            self.run(
                &mut case,
                &mut events,
                actor,
                day + Days::minutes(2),
                CaseCommand::Accept,
            );
            if let Some(fee) = &item.fee {
                let _ = fee;
                self.run(
                    &mut case,
                    &mut events,
                    actor,
                    day + Days::minutes(3),
                    charge(self.numbers),
                );
                if self.dice.chance(3) {
                    self.run(
                        &mut case,
                        &mut events,
                        actor,
                        day + Days::minutes(4),
                        CaseCommand::VoidFee {
                            seq: 1,
                            reason: "票据错误".into(),
                        },
                    );
                }
            }
            if self.dice.chance(3) && !item.special_procedures.is_empty() {
                self.run(
                    &mut case,
                    &mut events,
                    actor,
                    day + Days::days(1),
                    CaseCommand::Suspend {
                        procedure: item.special_procedures[0].clone(),
                        reason: "现场核查".into(),
                        legal_basis: "《行政许可法》第四十五条".into(),
                    },
                );
                self.run(
                    &mut case,
                    &mut events,
                    actor,
                    day + Days::days(3),
                    CaseCommand::Resume,
                );
            }
            if self.dice.chance(5) {
                // Late: a yellow card, sometimes appealed and ruled on.
                cards.push(CardRecord {
                    case_id: case.id.clone(),
                    level: CardLevel::Yellow.as_str().into(),
                    due_date: day.date() + Days::days(3),
                    raised_on: day.date() + Days::days(2),
                });
                if self.dice.chance(30) {
                    self.run(
                        &mut case,
                        &mut events,
                        actor,
                        day + Days::days(2),
                        CaseCommand::AppealCard {
                            card: CardLevel::Yellow,
                            reason: "申请人要求暂缓".into(),
                        },
                    );
                    let uphold = self.dice.chance(50);
                    self.run(
                        &mut case,
                        &mut events,
                        &supervisor,
                        day + Days::days(2) + Days::hours(1),
                        CaseCommand::RuleAppeal {
                            card: CardLevel::Yellow,
                            uphold,
                            note: "经核查".into(),
                        },
                    );
                }
            }
            if handed {
                self.run(
                    &mut case,
                    &mut events,
                    &clerk,
                    day + Days::days(4),
                    CaseCommand::TakeBack,
                );
            }
            self.run(
                &mut case,
                &mut events,
                &clerk,
                day + Days::days(4) + Days::minutes(5),
                CaseCommand::Complete {
                    decision: Decision::Granted,
                },
            );
        }
        if self.dice.chance(30) {
            let rating = Rating::ALL[self.dice.below(5) as usize];
            let rated = case.closed_at.unwrap_or(at) + Days::minutes(2);
            self.run(
                &mut case,
                &mut events,
                &applicant_role,
                rated,
                CaseCommand::Evaluate {
                    rating,
                    reasons: if rating.is_bad() {
                        vec!["slow".into()]
                    } else {
                        vec![]
                    },
                    comment: None,
                },
            );
        }
        (case, events, cards)
    }

    /// `n` cases received over the working days of `period`.
    fn period(
        &mut self,
        period: Period,
        n: usize,
    ) -> (Vec<(Case, Vec<CaseEvent>)>, Vec<CardRecord>) {
        let days: Vec<NaiveDate> = period
            .first_day()
            .iter_days()
            .take_while(|d| period.contains(*d))
            .filter(|d| self.calendar.is_workday(*d))
            .collect();
        let mut cases = Vec::with_capacity(n);
        let mut cards = Vec::new();
        for i in 0..n {
            let day = days[i * days.len() / n];
            let at = day.and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("time"))
                + Days::seconds((self.dice.below(7 * 3600)) as i64);
            let (case, events, raised) = self.case(at);
            cases.push((case, events));
            cards.extend(raised);
        }
        (cases, cards)
    }
}

fn ctx<'a>(calendar: &'a WorkCalendar, who: &'a Actor, at: NaiveDateTime) -> Ctx<'a> {
    Ctx {
        actor: who,
        workstation: "ws-bench",
        now: at,
        calendar,
        lang: Lang::ZhCn,
        closing: NaiveTime::from_hms_opt(17, 30, 0).expect("time"),
    }
}

fn charge(n: u64) -> CaseCommand {
    CaseCommand::ChargeFee {
        fee: FeeInput {
            adjustment: FeeAdjustment::Standard,
            method: PaymentMethod::Cash,
            payment_code: "43112526110500000001".into(),
            receipt_no: format!("{:08}", n % 100_000_000),
        },
    }
}

/// The baseline: the same cells, bare.
fn write_bare(sheets: &[(&'static str, Vec<Vec<PlainCell>>)], path: &std::path::Path) {
    let mut workbook = Workbook::new();
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).expect("name");
        for (r, row) in (0u32..).zip(rows) {
            for (c, cell) in (0u16..).zip(row) {
                match cell {
                    PlainCell::Text(t) => {
                        sheet.write_string(r, c, t).expect("cell");
                    }
                    PlainCell::Number(n) => {
                        sheet.write_number(r, c, *n).expect("cell");
                    }
                    PlainCell::Blank => {}
                }
            }
        }
    }
    workbook.save(path).expect("save");
}

fn bench(label: &str, period: Period, n: usize, dir: &std::path::Path) {
    let mut generator = Generator::new();
    let started = Instant::now();
    let (cases, cards) = generator.period(period, n);
    let events: usize = cases.iter().map(|(_, e)| e.len()).sum();
    println!(
        "{label}: generated {} cases ({events} timeline lines, {} cards) through the case rules in {:.1} s; input holds {:.0} MiB",
        cases.len(),
        cards.len(),
        started.elapsed().as_secs_f64(),
        mib(HEAP.current_usage()),
    );
    let now = period.next_first_day().and_hms_opt(8, 0, 0).expect("time");
    let ours_path = dir.join(format!("{label}-ours.xlsx"));
    let bare_path = dir.join(format!("{label}-bare.xlsx"));
    // Ours: the figures computed, then the formatted workbook.
    let (ledger, compute_time, compute_peak) = measured(|| {
        compute(
            period,
            "江永县政务服务中心（全部部门）",
            &cases,
            &cards,
            &generator.calendar,
            now,
        )
    });
    let ((), write_time, write_peak) = measured(|| {
        yichuang_ledger::write_xlsx(&ledger, &ours_path).expect("write");
    });
    let sheets = plain_cells(&ledger);
    let cells: usize = sheets
        .iter()
        .map(|(_, r)| r.iter().map(Vec::len).sum::<usize>())
        .sum();
    let ((), bare_time, bare_peak) = measured(|| write_bare(&sheets, &bare_path));
    let ours = compute_time + write_time;
    let size =
        |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    println!(
        "{label}: {} register rows, {cells} cells | compute {:.2} s (peak +{:.0} MiB) + write {:.2} s (peak +{:.0} MiB) = {:.2} s | bare rust_xlsxwriter {:.2} s (peak +{:.0} MiB) | ratio time {:.2}× (write alone {:.2}×), peak {:.2}× | files {:.1} MB / {:.1} MB",
        ledger.register.len(),
        compute_time.as_secs_f64(),
        mib(compute_peak),
        write_time.as_secs_f64(),
        mib(write_peak),
        ours.as_secs_f64(),
        bare_time.as_secs_f64(),
        mib(bare_peak),
        ours.as_secs_f64() / bare_time.as_secs_f64(),
        write_time.as_secs_f64() / bare_time.as_secs_f64(),
        compute_peak.max(write_peak) as f64 / bare_peak.max(1) as f64,
        size(&ours_path),
        size(&bare_path),
    );
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let month_cases = args.first().copied().unwrap_or(25_000);
    let year_cases = args.get(1).copied().unwrap_or(250_000);
    let dir = tempfile::tempdir().expect("tempdir");
    bench(
        "month",
        Month {
            year: 2026,
            month: 11,
        }
        .into(),
        month_cases,
        dir.path(),
    );
    bench("year", Period::Year(2026), year_cases, dir.path());
}
