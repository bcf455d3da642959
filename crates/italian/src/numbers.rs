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

/// A number as Italian acts and spreadsheets write it (`1.234,56`,
/// `1234,56`, `€ 1.234,56`, `100%`, `30 giorni`) or as a program does
/// (`1234.56`): the first number in the text.
pub fn leading(s: &str) -> Option<f64> {
    let t: String = s
        .trim()
        .trim_start_matches(['€', ' '])
        .trim_start_matches("euro")
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
        .collect();
    if t.is_empty() || !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let normal = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(_), None) => t.replace(',', "."),
        // `1.234` is a thousand in Italian, `12.5` a decimal.
        (None, Some(d))
            if t.len() - d == 4 && t.matches('.').count() >= 1 && !t.starts_with("0.") =>
        {
            t.replace('.', "")
        }
        _ => t,
    };
    normal.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_number_in_italian_and_program_forms() {
        assert_eq!(leading("1.234,56"), Some(1234.56));
        assert_eq!(leading("€ 1.234,56"), Some(1234.56));
        assert_eq!(leading("1234.56"), Some(1234.56));
        assert_eq!(leading("1.234"), Some(1234.0));
        assert_eq!(leading("100%"), Some(100.0));
        assert_eq!(leading("30 giorni"), Some(30.0));
        assert_eq!(leading("SI"), None);
    }

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
