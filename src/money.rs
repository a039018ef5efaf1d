//! Sums of money in pounds: [`rust_decimal::Decimal`], to the penny, never a float.
//!
//! [`Pounds`] is what every cap, award and cost in the crate is measured in.
//! It parses what people write ("£1,250.50", "2,000", "12500000"), refuses
//! what they did not mean ("12,50", "1,,2", "12.345"), prints the way a letter
//! to a family would ("£2,000", "£1,250.50"), and is stored as a plain decimal
//! string ("2000", "1250.50") so no precision is lost. Totals are checked: an
//! overflow is an error, never a smaller total.
//!
//! ```
//! use send_pathway::money::Pounds;
//!
//! let term: Pounds = "£1,250.50".parse()?;
//! let cap = Pounds::whole(2_000)?;
//! assert_eq!(term.to_string(), "£1,250.50");
//! assert_eq!(cap.to_string(), "£2,000");
//! assert_eq!(Pounds::checked_total([term, cap])?.to_string(), "£3,250.50");
//! assert!("12,50".parse::<Pounds>().is_err()); // a misplaced thousands separator
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

use crate::error::{Error, Result};

/// A non-negative sum in pounds sterling, held to the penny.
///
/// Built from a [`Decimal`] or parsed from a string (see [`FromStr`] below for
/// what is accepted); always carried with two decimal places. Arithmetic is
/// checked. `Display` writes it as a person does ("£2,000", "£1,250.50") and
/// honours width and alignment (`{:>10}`); serde stores it as a decimal string
/// ("2000", "1250.50") and re-checks it on the way in.
///
/// ```
/// use send_pathway::money::Pounds;
/// let cap: Pounds = "2000".parse()?;
/// assert_eq!(cap.to_string(), "£2,000");
/// assert_eq!(format!("[{:>8}]", cap), "[  £2,000]");
/// assert!("12.345".parse::<Pounds>().is_err()); // no fractions of a penny
/// assert!("-1".parse::<Pounds>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Pounds(Decimal);

/// Largest sum accepted: far above any SEND budget, far below `Decimal`'s limits.
const MAX_POUNDS: i64 = 1_000_000_000_000;

impl Pounds {
    /// £0.00.
    pub const ZERO: Pounds = Pounds(Decimal::ZERO);

    /// A whole number of pounds, at compile time (for caps and constants).
    ///
    /// Exact for every `u32`: the largest, £4,294,967,295, is within the
    /// largest accepted sum.
    ///
    /// ```
    /// use send_pathway::money::Pounds;
    /// const TERM_CAP: Pounds = Pounds::whole_const(2_000);
    /// assert_eq!(TERM_CAP, Pounds::whole(2_000)?);
    /// assert_eq!(Pounds::whole_const(u32::MAX).to_string(), "£4,294,967,295");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn whole_const(pounds: u32) -> Pounds {
        // `pounds * 100` pence at scale 2, as a 64-bit mantissa: never overflows.
        let pence = pounds as u64 * 100;
        Pounds(Decimal::from_parts(
            (pence & 0xFFFF_FFFF) as u32,
            (pence >> 32) as u32,
            0,
            false,
            2,
        ))
    }

    /// A whole number of pounds.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAmount`] when negative or implausibly large.
    pub fn whole(pounds: i64) -> Result<Self> {
        Pounds::new(Decimal::from(pounds))
    }

    /// A sum from a decimal number of pounds.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAmount`] when negative, finer than a penny, or implausibly large.
    pub fn new(amount: Decimal) -> Result<Self> {
        let invalid = |reason| Error::InvalidAmount {
            given: amount.to_string(),
            reason,
        };
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(invalid("an amount of money cannot be negative"));
        }
        if amount > Decimal::from(MAX_POUNDS) {
            return Err(invalid("the amount is implausibly large"));
        }
        let mut normal = amount.normalize();
        if normal.scale() > 2 {
            return Err(invalid(
                "amounts are in pounds and pence, at most two decimal places",
            ));
        }
        normal.rescale(2);
        Ok(Pounds(normal))
    }

    /// The amount as a decimal number of pounds.
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// `self + other`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAmount`] when the sum is implausibly large.
    pub fn checked_add(self, other: Pounds) -> Result<Pounds> {
        let sum = self.0.checked_add(other.0).ok_or(Error::InvalidAmount {
            given: format!("{self} + {other}"),
            reason: "the sum is too large",
        })?;
        Pounds::new(sum)
    }

    /// The total of `amounts`.
    ///
    /// An overflow is an error, never a smaller total: a sum that cannot be
    /// represented must not pass a cap check.
    ///
    /// ```
    /// use send_pathway::money::Pounds;
    /// let total = Pounds::checked_total(["1999.99".parse()?, "0.01".parse()?])?;
    /// assert_eq!(total, Pounds::whole(2_000)?);
    /// assert_eq!(Pounds::checked_total([])?, Pounds::ZERO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAmount`] when the total is implausibly large (over
    /// £1,000,000,000,000).
    pub fn checked_total(amounts: impl IntoIterator<Item = Pounds>) -> Result<Pounds> {
        amounts
            .into_iter()
            .try_fold(Pounds::ZERO, |sum, p| sum.checked_add(p))
    }

    /// Whether the amount is £0.00.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Whether the amount is a whole number of pounds.
    pub fn is_whole(self) -> bool {
        self.0.fract().is_zero()
    }

    /// `self − other`, or zero when `other` is larger.
    pub fn saturating_sub(self, other: Pounds) -> Pounds {
        if other >= self {
            Pounds::ZERO
        } else {
            Pounds::new(self.0 - other.0).unwrap_or(Pounds::ZERO)
        }
    }
}

impl fmt::Display for Pounds {
    /// `£2,000` for whole pounds, `£1,250.50` otherwise: thousands grouped, as
    /// a person writes it. Width, fill and alignment are honoured.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.plain();
        let (whole, pence) = match text.split_once('.') {
            Some((w, p)) => (w, Some(p)),
            None => (text.as_str(), None),
        };
        let mut out = String::with_capacity(whole.len() + whole.len() / 3 + 5);
        out.push('£');
        let len = whole.len();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                out.push(',');
            }
            out.push(digit);
        }
        if let Some(p) = pence {
            out.push('.');
            out.push_str(p);
        }
        f.pad(&out)
    }
}

impl Pounds {
    /// The plain decimal form: "2000" for whole pounds, "1250.50" otherwise.
    fn plain(self) -> String {
        let mut d = self.0;
        if self.is_whole() {
            d.rescale(0);
        } else {
            d.rescale(2);
        }
        d.to_string()
    }
}

/// Why a written amount is refused, or the digits to read (integer and pence).
fn split_written(text: &str) -> core::result::Result<(String, &str), &'static str> {
    let body = text.strip_prefix('£').unwrap_or(text);
    if body.starts_with('-') {
        return Err("an amount of money cannot be negative");
    }
    let body = body.strip_prefix('+').unwrap_or(body);
    if body.is_empty() {
        return Err("no amount was given");
    }
    let (whole, pence) = match body.split_once('.') {
        Some((w, p)) => (w, Some(p)),
        None => (body, None),
    };
    if whole.is_empty() {
        return Err("write at least one digit of pounds before the decimal point (e.g. 0.50)");
    }
    if !whole.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return Err(
            "only digits, a leading £, commas between thousands and one decimal point are allowed",
        );
    }
    let mut digits = String::with_capacity(whole.len());
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        if first.is_empty() {
            return Err("a comma cannot start the amount or follow another comma");
        }
        if first.len() > 3 {
            return Err("commas separate thousands: at most three digits before the first comma (e.g. 1,250)");
        }
        digits.push_str(first);
        for group in groups {
            if group.is_empty() {
                return Err("a comma cannot end the amount or follow another comma");
            }
            if group.len() != 3 {
                return Err("commas separate thousands: exactly three digits after each comma (e.g. 1,250 or 12,500,000)");
            }
            digits.push_str(group);
        }
    } else {
        digits.push_str(whole);
    }
    let pence = match pence {
        None => "",
        Some("") => return Err("a decimal point must be followed by pence (e.g. 12.50)"),
        Some(p) if !p.bytes().all(|b| b.is_ascii_digit()) => {
            return Err("only digits may follow the decimal point, with no commas or second point")
        }
        Some(p) if p.len() > 2 => {
            return Err("amounts are in pounds and pence, at most two decimal places")
        }
        Some(p) => p,
    };
    Ok((digits, pence))
}

impl FromStr for Pounds {
    type Err = Error;

    /// Parse an amount as people write it.
    ///
    /// Accepted: an optional leading `£`; digits, with commas only as
    /// thousands separators in their proper places ("£1,250.50", "2,000",
    /// "12,500,000", "12500000"); an optional decimal point followed by one or
    /// two digits of pence. Surrounding spaces are ignored.
    ///
    /// Refused, with a reason: misplaced commas ("12,50", "1,,2", ",100",
    /// "1,00,000", "100,"), fractions of a penny ("12.345"), negatives,
    /// anything else that is not a number of pounds.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidAmount`] saying what is wrong.
    fn from_str(s: &str) -> Result<Self> {
        let invalid = |reason| Error::InvalidAmount {
            given: s.to_owned(),
            reason,
        };
        let (whole, pence) = split_written(s.trim()).map_err(invalid)?;
        let text = if pence.is_empty() {
            whole
        } else {
            format!("{whole}.{pence}")
        };
        let amount = Decimal::from_str_exact(&text)
            .map_err(|_| invalid("the amount is implausibly large"))?;
        Pounds::new(amount).map_err(|e| match e {
            Error::InvalidAmount { reason, .. } => invalid(reason),
            other => other,
        })
    }
}

impl TryFrom<Decimal> for Pounds {
    type Error = Error;
    fn try_from(amount: Decimal) -> Result<Self> {
        Pounds::new(amount)
    }
}

impl From<Pounds> for Decimal {
    fn from(p: Pounds) -> Decimal {
        p.0
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Pounds {
    /// A decimal string: "2000" for whole pounds, "1250.50" otherwise.
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> core::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.plain())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Pounds {
    /// A string, checked as [`FromStr`](#impl-FromStr-for-Pounds) checks it.
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> core::result::Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> &'static str {
        match text.parse::<Pounds>() {
            Err(Error::InvalidAmount { reason, .. }) => reason,
            other => panic!("{text:?} should be refused, got {other:?}"),
        }
    }

    #[test]
    fn pounds_are_exact_to_the_penny() {
        let a: Pounds = "1999.99".parse().unwrap();
        let b: Pounds = "0.01".parse().unwrap();
        assert_eq!(a.checked_add(b).unwrap(), Pounds::whole(2000).unwrap());
        assert_eq!(Pounds::whole(2000).unwrap().amount().to_string(), "2000.00");
        assert_eq!(
            "£6,000".parse::<Pounds>().unwrap(),
            Pounds::whole(6000).unwrap()
        );
        assert_eq!(
            "1.50".parse::<Pounds>().unwrap().amount().to_string(),
            "1.50"
        );
        assert!(Pounds::whole(-5).is_err());
        assert!("abc".parse::<Pounds>().is_err());
        assert!("1e40".parse::<Pounds>().is_err());
        assert_eq!(b.saturating_sub(a), Pounds::ZERO);
    }

    #[test]
    fn money_parsing_thousands_separators() {
        for (text, pence) in [
            ("£1,250.50", 125_050),
            ("2,000", 200_000),
            ("12500000", 1_250_000_000),
            ("12,500,000", 1_250_000_000),
            ("999", 99_900),
            ("£0.5", 50),
            (" £7 ", 700),
            ("1,000.05", 100_005),
        ] {
            let p: Pounds = text.parse().unwrap();
            assert_eq!(
                p.amount() * Decimal::from(100),
                Decimal::from(pence),
                "{text}"
            );
        }
        assert!(reason("12,50").contains("three digits after each comma"));
        assert!(reason("1,,2").contains("follow another comma"));
        assert!(reason(",100").contains("cannot start"));
        assert!(reason("1,00,000").contains("three digits after each comma"));
        assert!(reason("100,").contains("cannot end"));
        assert!(reason("1234,567").contains("at most three digits before the first comma"));
        assert!(reason("12.345").contains("two decimal places"));
        assert!(reason("12.").contains("followed by pence"));
        assert!(reason(".50").contains("before the decimal point"));
        assert!(reason("1.2.3").contains("only digits may follow"));
        assert!(reason("-1").contains("negative"));
        assert!(reason("£").contains("no amount"));
        assert!(reason("1 000").contains("only digits"));
        assert!(reason("99999999999999999999999999999999").contains("implausibly large"));
    }

    #[test]
    fn money_display_as_people_write_it() {
        let p = |s: &str| s.parse::<Pounds>().unwrap();
        assert_eq!(p("2000").to_string(), "£2,000");
        assert_eq!(p("2000.00").to_string(), "£2,000");
        assert_eq!(p("1250.5").to_string(), "£1,250.50");
        assert_eq!(p("0.07").to_string(), "£0.07");
        assert_eq!(p("12500000").to_string(), "£12,500,000");
        assert_eq!(Pounds::ZERO.to_string(), "£0");
        assert_eq!(format!("[{:>8}]", p("2000")), "[  £2,000]");
        assert_eq!(format!("[{:<8}]", p("2000")), "[£2,000  ]");
        assert_eq!(format!("[{:^9}]", p("5")), "[   £5    ]");
    }

    #[test]
    fn money_checked_total_never_drops_an_amount() {
        let a: Pounds = "1999.99".parse().unwrap();
        let b: Pounds = "0.01".parse().unwrap();
        assert_eq!(
            Pounds::checked_total([a, b, b]).unwrap().to_string(),
            "£2,000.01"
        );
        let huge = Pounds::whole(MAX_POUNDS).unwrap();
        assert!(matches!(
            Pounds::checked_total([huge, huge]),
            Err(Error::InvalidAmount { .. })
        ));
        assert!(Pounds::checked_total([huge, b]).is_err());
        assert_eq!(Pounds::checked_total([]).unwrap(), Pounds::ZERO);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn money_serialises_as_a_decimal_string() {
        let p = |s: &str| s.parse::<Pounds>().unwrap();
        assert_eq!(serde_json::to_string(&p("2000")).unwrap(), "\"2000\"");
        assert_eq!(serde_json::to_string(&p("1250.5")).unwrap(), "\"1250.50\"");
        let back: Pounds = serde_json::from_str("\"1250.50\"").unwrap();
        assert_eq!(back, p("1250.50"));
        assert!(serde_json::from_str::<Pounds>("\"12,50\"").is_err());
        assert!(serde_json::from_str::<Pounds>("\"-3\"").is_err());
    }
}
