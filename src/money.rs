//! Sums of money in pounds: [`rust_decimal::Decimal`], two decimal places, never a float.

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

use crate::error::{Error, Result};

/// A non-negative sum in pounds sterling, held to the penny.
///
/// Built from a [`Decimal`] or parsed from a string; always carried with two
/// decimal places and serialised as a string (`"2000.00"`) so no precision is
/// lost in storage. Arithmetic is checked.
///
/// ```
/// use send_pathway::money::Pounds;
/// let cap: Pounds = "2000".parse()?;
/// assert_eq!(cap.to_string(), "£2,000.00");
/// assert!("12.345".parse::<Pounds>().is_err()); // no fractions of a penny
/// assert!("-1".parse::<Pounds>().is_err());
/// # Ok::<(), send_pathway::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Pounds(Decimal);

/// Largest sum accepted: far above any SEND budget, far below `Decimal`'s limits.
const MAX_POUNDS: i64 = 1_000_000_000_000;

impl Pounds {
    /// £0.00.
    pub const ZERO: Pounds = Pounds(Decimal::ZERO);

    /// A whole number of pounds, at compile time (for the caps).
    pub(crate) const fn whole_const(pounds: u32) -> Pounds {
        // `pounds * 100` pence at scale 2; the caps used are far below u32::MAX / 100.
        Pounds(Decimal::from_parts(
            pounds.saturating_mul(100),
            0,
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

    /// The total of `amounts`, saturating at the largest accepted sum rather
    /// than dropping an amount: a saturated total still fails every cap check.
    pub fn saturating_total(amounts: impl IntoIterator<Item = Pounds>) -> Pounds {
        let ceiling = Decimal::from(MAX_POUNDS);
        let total = amounts.into_iter().fold(Decimal::ZERO, |sum, p| {
            sum.checked_add(p.0).map_or(ceiling, |t| t.min(ceiling))
        });
        Pounds::new(total).unwrap_or(Pounds(ceiling))
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
    /// `£12,500,000.00`: thousands grouped, always two decimal places.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string();
        let (whole, pence) = text.split_once('.').unwrap_or((text.as_str(), "00"));
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        f.pad(&format!("£{grouped}.{pence}"))
    }
}

impl FromStr for Pounds {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let trimmed = s.trim().trim_start_matches('£').replace(',', "");
        let amount = Decimal::from_str_exact(&trimmed).map_err(|_| Error::InvalidAmount {
            given: s.to_owned(),
            reason: "not a number of pounds",
        })?;
        Pounds::new(amount)
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
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> core::result::Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Pounds {
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
        assert_eq!(Pounds::saturating_total([a, b, b]).to_string(), "£2,000.01");
        let huge = Pounds::whole(MAX_POUNDS).unwrap();
        assert_eq!(
            Pounds::saturating_total([huge, huge]),
            huge,
            "saturates, never drops an amount"
        );
    }
}
