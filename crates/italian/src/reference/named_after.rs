//! Whether the words after a locator go on to name its act, in words the
//! reference grammar did not resolve.

/// What follows an article when the text goes on to name its act in words
/// the reference parser did not resolve: "art. 193 del medesimo decreto",
/// "art. 12 dello Statuto", or after more locators that share the act,
/// "art. 49, comma 1 e 147 bis, comma 1, del D.lgs. n. 267/2000". Only
/// locator words may stand between the reference and the act, so "art. 5 e
/// nel rispetto del principio" still names no act.
static ACT_NAMED_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // Words and marks that continue a locator rather than start a new clause.
    let locator = [
        r"\s+",
        r"[,()]",
        r"\be\b",
        r"\bed\b",
        r"\bcomm[ai]\b",
        r"\bco\.",
        r"\blett(?:\.|era\b|ere\b)",
        r"\bartt?\.",
        r"\barticol[oi]\b",
        r"\bn\.",
        r"\bpunt[oi]\b",
        r"\bpar\.",
        r"\bparagraf[oi]\b",
        r"\b(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)\b",
        r"\b(?:seguent[ei]|ss|segg|periodo|periodi|capoverso|alinea)\b\.?",
        r"\b(?:primo|secondo|terzo|quarto|quinto|ultimo|penultimo)\b",
        r"\d+[a-z]?\b",
        r"\b[a-z]\)",
        r"\.\d+[a-z]*",
    ]
    .join("|");
    let locator = format!("(?:{locator})");
    regex::Regex::new(&format!(
        r"(?i)^{locator}*?(?:(?:del|della|dello|delle|dei|degli)\s+|dell['’]\s*)\p{{L}}"
    ))
    .expect("valid regex")
});

/// Whether `text`, the words right after a reference, names the act of that
/// reference (see [`ACT_NAMED_AFTER`]).
pub fn names_act_after(text: &str) -> bool {
    ACT_NAMED_AFTER.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::names_act_after;

    #[test]
    fn an_act_named_after_locators() {
        assert!(names_act_after(" del medesimo decreto"));
        assert!(names_act_after(" dello Statuto comunale"));
        assert!(names_act_after(
            ", comma 1 e 147 bis, comma 1, del D.lgs. n. 267/2000"
        ));
        assert!(names_act_after(" dell’Accordo"));
    }

    #[test]
    fn a_new_clause_names_no_act() {
        assert!(!names_act_after(" e nel rispetto del principio"));
        assert!(!names_act_after(", si rende necessario"));
    }
}
