//! A sum of money in euro, held exactly in cents: never a float, so that
//! `0,10 + 0,20` is `0,30` and `1.234,56` stays `1234.56` through every
//! sink. Written with a point and two decimals (`1234.56`); the table
//! writers put a comma in its place where the reader expects it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Euro with two decimal places, as a whole number of cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Euro {
    cents: i64,
}

impl Euro {
    pub const ZERO: Euro = Euro { cents: 0 };

    pub fn from_cents(cents: i64) -> Euro {
        Euro { cents }
    }

    pub fn cents(self) -> i64 {
        self.cents
    }

    /// Whole euro and cents (`1234`, `56`) -> 1234.56; `None` on overflow.
    pub fn new(units: i64, cents: i64) -> Option<Euro> {
        units
            .checked_mul(100)?
            .checked_add(cents)
            .map(|cents| Euro { cents })
    }

    pub fn checked_add(self, other: Euro) -> Option<Euro> {
        self.cents.checked_add(other.cents).map(Euro::from_cents)
    }

    /// The value with a point and two decimals, as `f64` only for writers
    /// that must hand a number to a spreadsheet or JSON.
    pub fn to_f64_lossy(self) -> f64 {
        self.to_string().parse().unwrap_or(0.0)
    }
}

impl fmt::Display for Euro {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.cents < 0 { "-" } else { "" };
        let abs = self.cents.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl FromStr for Euro {
    type Err = String;

    /// Reads what [`Display`](fmt::Display) writes: `1234.56`, `-3.5`, `12`.
    fn from_str(s: &str) -> Result<Euro, String> {
        let bad = || format!("not an amount: {s:?}");
        let (neg, t) = match s.trim().strip_prefix('-') {
            Some(t) => (true, t),
            None => (false, s.trim()),
        };
        let (units, frac) = t.split_once('.').unwrap_or((t, ""));
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        if !digits(units) || (!frac.is_empty() && !digits(frac)) || frac.len() > 2 {
            return Err(bad());
        }
        let units: i64 = units.parse().map_err(|_| bad())?;
        let cents: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().map_err(|_| bad())? * 10,
            _ => frac.parse().map_err(|_| bad())?,
        };
        let v = Euro::new(units, cents).ok_or_else(bad)?;
        Ok(if neg { Euro::from_cents(-v.cents) } else { v })
    }
}

impl Serialize for Euro {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Euro {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Euro, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euro_is_exact_and_written_with_two_decimals() {
        let a: Euro = "0.10".parse().unwrap();
        let b: Euro = "0.2".parse().unwrap();
        assert_eq!(a.checked_add(b).unwrap().to_string(), "0.30");
        assert_eq!("1234.56".parse::<Euro>().unwrap().cents(), 123_456);
        assert_eq!("12".parse::<Euro>().unwrap().to_string(), "12.00");
        assert_eq!("-3.5".parse::<Euro>().unwrap().to_string(), "-3.50");
        assert!("1.234".parse::<Euro>().is_err());
        assert!("12,5".parse::<Euro>().is_err());
    }
}
