//! Numbered lists of word-processor documents: the label a paragraph
//! shows before its text (`a)`, `1.`, `II.`, `1.2.`), which the file does
//! not hold as text but as a list definition and a counter.
//!
//! A reader sees `a) di accertare...` and so do LibreOffice and Word when
//! they print or export the text; atti writes the label before the
//! paragraph as they do. Bullets are left out (a bullet is no word). The
//! definitions are read by the format's reader (`w:abstractNum`/`w:num`
//! of a .docx's `numbering.xml`, `text:list-style` of an .odt) into
//! [`Level`]s; [`Counters`] numbers paragraphs as they come.

use std::collections::HashMap;

/// How one level of a list writes its number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Level {
    /// `decimal`, `lowerLetter`, `upperLetter`, `lowerRoman`, `upperRoman`
    /// (the .docx names; an .odt's `1`, `a`, `A`, `i`, `I` map onto them);
    /// anything else (bullet, none) writes no label.
    pub format: String,
    /// The label's pattern: `%1` stands for level 1's number, `%2` for
    /// level 2's... (`%1.%2.`, `%1)`).
    pub text: String,
    pub start: u32,
}

impl Level {
    /// An .odt level: its `style:num-format`, prefix, suffix, how many
    /// levels it shows and its start value.
    pub fn odf(
        format: &str,
        prefix: &str,
        suffix: &str,
        display: u32,
        level: u32,
        start: u32,
    ) -> Level {
        let format = match format {
            "1" => "decimal",
            "a" => "lowerLetter",
            "A" => "upperLetter",
            "i" => "lowerRoman",
            "I" => "upperRoman",
            _ => "none",
        };
        let first = level.saturating_sub(display.max(1)) + 1;
        let numbers: Vec<String> = (first..=level).map(|l| format!("%{l}")).collect();
        Level {
            format: format.into(),
            text: format!("{prefix}{}{suffix}", numbers.join(".")),
            start,
        }
    }

    fn numbered(&self) -> bool {
        matches!(
            self.format.as_str(),
            "decimal" | "decimalZero" | "lowerLetter" | "upperLetter" | "lowerRoman" | "upperRoman"
        )
    }
}

/// A number written in a level's format (`3` as `c`, `C`, `iii`, `III`).
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

/// `a`..`z`, then `aa`, `bb`... as Word and LibreOffice letter lists go on.
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let c = (b'a' + ((n - 1) % 26) as u8) as char;
    c.to_string().repeat(((n - 1) / 26 + 1) as usize)
}

fn roman(mut n: u32) -> String {
    const R: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The counters of the lists of one document, by list (a .docx `numId`,
/// an .odt list style): each holds the current number of its levels.
#[derive(Debug, Default)]
pub struct Counters {
    lists: HashMap<String, Vec<u32>>,
}

impl Counters {
    /// Forgets a list's numbers (an .odt list that does not continue).
    pub fn restart(&mut self, list: &str) {
        self.lists.remove(list);
    }

    /// The label of the next paragraph of `list` at `level` (0-based)
    /// among `levels`; deeper levels start again. `None` for a bullet or
    /// a level without a number.
    pub fn next(
        &mut self,
        list: &str,
        levels: &[Level],
        level: usize,
        start_at: Option<u32>,
    ) -> Option<String> {
        let lv = levels.get(level)?;
        let counts = self.lists.entry(list.to_owned()).or_default();
        if counts.len() <= level {
            counts.extend(
                (counts.len()..=level)
                    .map(|l| levels.get(l).map_or(1, |x| x.start).saturating_sub(1)),
            );
        }
        counts[level] = match start_at {
            Some(s) => s,
            None => counts[level] + 1,
        };
        counts.truncate(level + 1);
        if !lv.numbered() {
            return None;
        }
        let mut label = lv.text.clone();
        for l in (1..=level + 1).rev() {
            let pat = format!("%{l}");
            if label.contains(&pat) {
                let f = levels.get(l - 1).map_or("decimal", |x| x.format.as_str());
                let f = if levels.get(l - 1).is_some_and(|x| x.numbered()) {
                    f
                } else {
                    "decimal"
                };
                let n = counts.get(l - 1).copied().unwrap_or(1).max(1);
                label = label.replace(&pat, &format_number(n, f));
            }
        }
        let label = label.trim().to_owned();
        (!label.is_empty()).then_some(label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lv(format: &str, text: &str) -> Level {
        Level {
            format: format.into(),
            text: text.into(),
            start: 1,
        }
    }

    #[test]
    fn labels_count_restart_and_nest() {
        let levels = vec![lv("upperLetter", "%1)"), lv("decimal", "%1.%2.")];
        let mut c = Counters::default();
        assert_eq!(c.next("4", &levels, 0, None).as_deref(), Some("A)"));
        assert_eq!(c.next("4", &levels, 1, None).as_deref(), Some("A.1."));
        assert_eq!(c.next("4", &levels, 1, None).as_deref(), Some("A.2."));
        assert_eq!(c.next("4", &levels, 0, None).as_deref(), Some("B)"));
        assert_eq!(
            c.next("4", &levels, 1, None).as_deref(),
            Some("B.1."),
            "a deeper level starts again"
        );
        c.restart("4");
        assert_eq!(c.next("4", &levels, 0, None).as_deref(), Some("A)"));
        assert_eq!(c.next("b", &[lv("bullet", "•")], 0, None), None);
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(Level::odf("a", "", ")", 1, 1, 1).text, "%1)");
        assert_eq!(Level::odf("1", "", ".", 2, 2, 1).text, "%1.%2.");
    }
}
