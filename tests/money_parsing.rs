//! `Pounds` as people write it and as it is stored (public API only).

use proptest::prelude::*;
use rust_decimal::Decimal;
use send_pathway::money::Pounds;
use send_pathway::Error;

#[test]
fn money_parsing_thousands_separators() {
    let ok = |s: &str| s.parse::<Pounds>().unwrap_or_else(|e| panic!("{s}: {e}"));
    assert_eq!(
        ok("£1,250.50"),
        Pounds::new(Decimal::new(125_050, 2)).unwrap()
    );
    assert_eq!(ok("2,000"), Pounds::whole(2_000).unwrap());
    assert_eq!(ok("12500000"), Pounds::whole(12_500_000).unwrap());
    assert_eq!(ok("£12,500,000.00"), Pounds::whole(12_500_000).unwrap());
    for bad in [
        "12,50",
        "1,,2",
        ",100",
        "1,00,000",
        "100,",
        "£1,2345",
        "1,234.567",
        "12.345",
    ] {
        match bad.parse::<Pounds>() {
            Err(Error::InvalidAmount { given, reason }) => {
                assert_eq!(given, bad);
                assert!(!reason.is_empty());
            }
            other => panic!("{bad:?} must be refused, got {other:?}"),
        }
    }
    let err = "12,50".parse::<Pounds>().unwrap_err().to_string();
    assert!(err.contains("12,50") && err.contains("comma"), "{err}");
}

#[test]
fn money_checked_total_is_an_error_on_overflow() {
    let huge = Pounds::whole(1_000_000_000_000).unwrap();
    assert!(Pounds::checked_total([huge, Pounds::whole(1).unwrap()]).is_err());
    assert_eq!(
        Pounds::checked_total([Pounds::whole(1).unwrap(), Pounds::whole(2).unwrap()]).unwrap(),
        Pounds::whole(3).unwrap()
    );
}

#[test]
fn money_stored_form() {
    let p: Pounds = "£1,250.50".parse().unwrap();
    assert_eq!(serde_json::to_string(&p).unwrap(), "\"1250.50\"");
    let w = Pounds::whole(2_000).unwrap();
    assert_eq!(serde_json::to_string(&w).unwrap(), "\"2000\"");
    assert!(serde_json::from_str::<Pounds>("\"1,,2\"").is_err());
    assert!(
        serde_json::from_str::<Pounds>("2000").is_err(),
        "never a JSON number"
    );
}

fn pounds() -> impl Strategy<Value = Pounds> {
    (0i64..=100_000_000_000_000).prop_map(|pence| Pounds::new(Decimal::new(pence, 2)).unwrap())
}

proptest! {
    #[test]
    fn money_display_parses_back(p in pounds()) {
        let shown = p.to_string();
        prop_assert_eq!(shown.parse::<Pounds>().unwrap(), p);
        prop_assert_eq!(shown.ends_with(".00"), false);
    }

    #[test]
    fn money_serde_round_trips(p in pounds()) {
        let json = serde_json::to_string(&p).unwrap();
        prop_assert!(!json.contains(','));
        prop_assert_eq!(serde_json::from_str::<Pounds>(&json).unwrap(), p);
    }

    #[test]
    fn money_checked_total_equals_the_exact_sum(ps in prop::collection::vec(pounds(), 0..20)) {
        let exact: Decimal = ps.iter().map(|p| p.amount()).sum();
        match Pounds::checked_total(ps.iter().copied()) {
            Ok(total) => prop_assert_eq!(total.amount(), exact),
            Err(_) => prop_assert!(exact > Decimal::from(1_000_000_000_000i64)),
        }
    }

    #[test]
    fn money_parsing_never_panics(s in "\\PC{0,20}") {
        let _ = s.parse::<Pounds>();
    }
}
