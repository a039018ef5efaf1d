use send_pathway::calendar::HolidayCalendar;
fn main() {
    let cal = HolidayCalendar::england_and_wales();
    let load = send_pathway::strategies::national_caseload(2026, 100_000);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mode = std::env::args().nth(1).unwrap_or_default();
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for _ in 0..std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10)
    {
        if mode == "read" {
            for c in load.iter().take(20_000) {
                let r = send_pathway::pathway::CaseRecord::from(c);
                n += r.into_case(&cal, c.policy()).is_ok() as usize;
            }
        } else {
            for c in &load {
                n += c.obligations(today, &cal).map_or(0, |o| o.len());
            }
        }
    }
    eprintln!("{n} in {:?}", t.elapsed());
}
