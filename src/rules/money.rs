//! The compiled money rules: [`MoneyRules`], made by
//! [`super::compile_money`] from the `[[amount_role]]`, `[[amount_column]]`, `[[code]]`,
//! `[[legal_form]]`, `[[party_role]]`, `[[administration]]` and
//! `[[dispositive]]`, `[[premise]]`, `[[party_cue]]`, `[[not_party]]`,
//! `[[party_column]]`, `[[party_list]]`, `[[title]]` and
//! `[[code_context]]` and `[[main]]` rules (as written: [`super::format::MoneyRule`]),
//! which [`super::money_read`] applies to a document. The grammars
//! themselves (sums of euro, the shapes of CIG and CUP, the check
//! characters of tax ids) are in `atti_italian::money`; these files only
//! say which words mean what.

use super::rule_regex::Regex;

use super::meta::Meta;

/// The money rules of every file in force, in file order.
#[derive(Debug, Clone, Default)]
pub struct MoneyRules {
    pub amount_roles: Vec<Cue>,
    /// A money column's header and the role of the sums under it
    /// ([`super::money_columns`]).
    pub amount_columns: Vec<Cue>,
    pub codes: Vec<Cue>,
    pub legal_forms: Vec<Cue>,
    pub party_roles: Vec<Cue>,
    pub administrations: Vec<Cue>,
    pub dispositive: Vec<Cue>,
    pub party_cues: Vec<Cue>,
    pub not_parties: Vec<Cue>,
    /// Header cells of a table that lists parties ([`super::money_party_table`]).
    pub party_columns: Vec<Cue>,
    /// The words that open a list of payees beside their sums
    /// ([`super::money_party_list`]).
    pub party_lists: Vec<Cue>,
    /// Abbreviations whose full stop ends no sentence, a person's titles
    /// among them ([`super::money_titles`]).
    pub titles: Vec<Cue>,
    /// The regexes made of `titles`, built on first use.
    pub title_regexes: TitleRegexes,
    pub code_contexts: Vec<Cue>,
    pub premises: Vec<Cue>,
    /// How the main amount is chosen ([`super::money_main`]).
    pub main: Vec<Cue>,
}

/// A compiled money rule.
#[derive(Debug, Clone)]
pub struct Cue {
    pub meta: Meta,
    pub regex: Regex,
    pub value: String,
    /// amount_role: a verb that can decide the main amount; amount_column:
    /// a column of a decision, whose role a money column that names none
    /// takes; administration: see [`super::money_administration`].
    pub main: bool,
    /// amount_role: only where no other cue is in the clause; code: a
    /// window whose codes count only when they pass their check strictly;
    /// party_cue: not read in a report of an act.
    pub weak: bool,
    /// administration: a wider body that a letterhead's own body belongs to.
    pub wider: bool,
    /// amount_role: read in the words right after the sum; it wins over
    /// the cue before it.
    pub after: bool,
    /// party_cue: what introduces the name after the cue.
    pub to: Option<Regex>,
    /// party_list: the role of the listed sums whose clause names none.
    pub sums: Option<String>,
}

/// Which table of the file a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyKind {
    AmountRole,
    AmountColumn,
    Code,
    LegalForm,
    PartyRole,
    Administration,
    Dispositive,
    PartyCue,
    NotParty,
    PartyColumn,
    PartyList,
    Title,
    CodeContext,
    Premise,
    Main,
}

impl MoneyRules {
    /// Every rule with the kind it is, for listing and examples.
    pub fn all(&self) -> impl Iterator<Item = (MoneyKind, &Cue)> {
        fn tag(k: MoneyKind, v: &[Cue]) -> Vec<(MoneyKind, &Cue)> {
            v.iter().map(|c| (k, c)).collect()
        }
        [
            tag(MoneyKind::AmountRole, &self.amount_roles),
            tag(MoneyKind::AmountColumn, &self.amount_columns),
            tag(MoneyKind::Code, &self.codes),
            tag(MoneyKind::LegalForm, &self.legal_forms),
            tag(MoneyKind::PartyRole, &self.party_roles),
            tag(MoneyKind::Administration, &self.administrations),
            tag(MoneyKind::Dispositive, &self.dispositive),
            tag(MoneyKind::PartyCue, &self.party_cues),
            tag(MoneyKind::NotParty, &self.not_parties),
            tag(MoneyKind::PartyColumn, &self.party_columns),
            tag(MoneyKind::PartyList, &self.party_lists),
            tag(MoneyKind::Title, &self.titles),
            tag(MoneyKind::CodeContext, &self.code_contexts),
            tag(MoneyKind::Premise, &self.premises),
            tag(MoneyKind::Main, &self.main),
        ]
        .into_iter()
        .flatten()
    }
}

/// The regexes built from the `[[title]]` rules on first use, once per
/// rule set (read by [`super::money_titles`]).
#[derive(Debug, Clone, Default)]
pub struct TitleRegexes {
    pub(super) person: std::sync::OnceLock<regex::Regex>,
    pub(super) stop: std::sync::OnceLock<regex::Regex>,
    /// The list reader's figure that goes to someone ("393 all'ing. Neri").
    pub(super) figure: std::sync::OnceLock<regex::Regex>,
    /// A partnership's partners after its form ("Snc del dr. Rossi e C.").
    pub(super) partners: std::sync::OnceLock<regex::Regex>,
    /// The words that open a sentence (`opener` rules), whole.
    pub(super) opener: std::sync::OnceLock<regex::Regex>,
}
