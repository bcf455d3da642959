//! Numbers as Italian acts write them in digits: a comma for decimals and
//! dots for thousands (`1.234,50`). Numbers in words are in [`crate::numwords`].

/// An Italian number (`1.234,50`, `12,5`, `100%`) as a plain decimal (`1234.5`).
pub fn number(s: &str) -> Result<String, String> {
    let t: String = s
        .trim()
        .trim_end_matches('%')
        .trim()
        .trim_start_matches('€')
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if t.is_empty() || !t.chars().any(|c| c.is_ascii_digit()) {
        return Err(format!("not a number: {s:?}"));
    }
    // A comma is the decimal separator; dots before it group thousands.
    let plain = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else if t.matches('.').count() > 1 || t.split('.').nth(1).is_some_and(|f| f.len() == 3) {
        t.replace('.', "")
    } else {
        t
    };
    let v: f64 = plain.parse().map_err(|_| format!("not a number: {s:?}"))?;
    let mut out = format!("{v}");
    if out.ends_with(".0") {
        out.truncate(out.len() - 2);
    }
    Ok(out)
}

/// A whole number written in digits (`n. 12`, `12.`) -> `12`.
pub fn integer(s: &str) -> Result<String, String> {
    let digits: String = s
        .trim()
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .filter(|c| c.is_ascii_digit())
        .collect();
    if digits.is_empty() {
        return Err(format!("not a whole number: {s:?}"));
    }
    digits
        .parse::<u64>()
        .map(|v| v.to_string())
        .map_err(|_| format!("not a whole number: {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_italian_way() {
        assert_eq!(number("1.234,50").unwrap(), "1234.5");
        assert_eq!(number("12,50").unwrap(), "12.5");
        assert_eq!(number("100%").unwrap(), "100");
        assert_eq!(number("1.000").unwrap(), "1000");
        assert!(number("SI").is_err());
        assert_eq!(integer("n. 12").unwrap(), "12");
    }
}
