//! What minutes say of a sitting: who attended.

/// Words with which minutes state who attended: "presenti n. 5", a roll
/// call marking each member "presente" or "assente", "constatato il numero
/// legale", "quorum". The word before is captured to tell a roll call's
/// "Presente" from "la presente deliberazione".
static ATTENDANCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:\b([\p{L}'’]+)\s+)?\b(present[ei]|assent[ei]|numero\s+legale|quorum)\b",
    )
    .expect("valid regex")
});

/// Words after which "presente" is "this" (la presente deliberazione), not "present".
const DEMONSTRATIVE_BEFORE: &[&str] = &[
    "la", "il", "lo", "alla", "della", "nella", "dalla", "sulla", "al", "del", "nel", "dal", "col",
    "sul", "con", "per",
];

/// Whether a text says who attended (see [`ATTENDANCE`]).
pub fn states_attendance(text: &str) -> bool {
    ATTENDANCE.captures_iter(text).any(|c| {
        let word = c[2].to_lowercase();
        let before = c.get(1).map(|m| m.as_str().to_lowercase());
        // "la presente", "della presente", "il presente atto": a demonstrative.
        let demonstrative = word == "presente"
            && before
                .as_deref()
                .is_some_and(|b| DEMONSTRATIVE_BEFORE.contains(&b) || b.ends_with(['\'', '’']));
        !demonstrative
    })
}

#[cfg(test)]
mod tests {
    use super::states_attendance;

    #[test]
    fn roll_calls_and_counts_state_attendance() {
        assert!(states_attendance("Presenti n. 5, assenti n. 2"));
        assert!(states_attendance("ROSSI MARIO Sindaco Presente"));
        assert!(states_attendance(
            "constatato il numero legale degli intervenuti"
        ));
        assert!(states_attendance("accertata la presenza del quorum"));
    }

    #[test]
    fn this_act_is_not_attendance() {
        assert!(!states_attendance(
            "di dichiarare la presente immediatamente eseguibile"
        ));
        assert!(!states_attendance("della presente deliberazione"));
        assert!(!states_attendance("alla presente si allega il parere"));
        assert!(!states_attendance("il Responsabile del Servizio"));
    }
}
