//! The rule file format, as serde reads it.
//!
//! A rules file is TOML with up to six parts: `[settings]`, and arrays of
//! `[[kind]]`, `[[boilerplate]]`, `[[section]]`, `[[field]]` and `[[table]]`
//! rules. Every struct refuses unknown keys, so a misspelt key stops the run
//! with the file, line and column of the mistake instead of being ignored.
//! Strings that are compiled later (regexes, normaliser names, ids) are kept
//! [`Spanned`] so that a bad one can be pointed at in the file.
//!
//! Nothing here interprets a rule; [`super::compile`] turns these into the
//! runtime rules.

use serde::Deserialize;
use toml::Spanned;

/// One rules file.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub settings: Option<Settings>,
    #[serde(default)]
    pub kind: Vec<KindRule>,
    #[serde(default)]
    pub boilerplate: Vec<BoilerplateRule>,
    #[serde(default)]
    pub section: Vec<SectionRule>,
    #[serde(default)]
    pub field: Vec<FieldRule>,
    #[serde(default)]
    pub table: Vec<TableRule>,
    #[serde(default)]
    pub named: Vec<NamedRule>,
    #[serde(default)]
    pub region: Vec<RegionRule>,
    #[serde(default)]
    pub classifier: Vec<ClassifierRule>,
    #[serde(default)]
    pub cue: Vec<CueRule>,
    #[serde(default)]
    pub amount_role: Vec<MoneyRule>,
    #[serde(default)]
    pub amount_column: Vec<MoneyRule>,
    #[serde(default)]
    pub code: Vec<MoneyRule>,
    #[serde(default)]
    pub legal_form: Vec<MoneyRule>,
    #[serde(default)]
    pub party_role: Vec<MoneyRule>,
    #[serde(default)]
    pub administration: Vec<MoneyRule>,
    #[serde(default)]
    pub dispositive: Vec<MoneyRule>,
    #[serde(default)]
    pub party_cue: Vec<MoneyRule>,
    #[serde(default)]
    pub not_party: Vec<MoneyRule>,
    #[serde(default)]
    pub party_column: Vec<MoneyRule>,
    #[serde(default)]
    pub party_list: Vec<MoneyRule>,
    #[serde(default)]
    pub title: Vec<MoneyRule>,
    #[serde(default)]
    pub code_context: Vec<MoneyRule>,
    #[serde(default)]
    pub premise: Vec<MoneyRule>,
    #[serde(default)]
    pub main: Vec<MoneyRule>,
}

/// Settings shared by all rules; a later file's value replaces an earlier one's.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Region imposed on regional laws whose text names no region (e.g.
    /// `lombardia`), over the region of the body that issued the document;
    /// unset, that region is read from the document, or left empty.
    #[serde(default)]
    pub region: Option<String>,
    /// Whether legal references are looked for at all (default true).
    #[serde(default)]
    pub references: Option<bool>,
}

/// An example: a text and what the rule must make of it.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub input: String,
    pub expected: String,
    /// The document's date (`YYYY-MM-DD`): only in the examples of
    /// `[[named]]` rules, whose names may mean other acts over time.
    #[serde(default)]
    pub date: Option<String>,
}

/// A weighted pattern of a document kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub regex: Spanned<String>,
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

/// `[[kind]]`: a document kind, recognised by weighted patterns.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindRule {
    pub id: Spanned<String>,
    pub description: String,
    /// The kind name given to documents that score highest here.
    pub kind: String,
    /// The kind the document is reported as in the tables and the index,
    /// when it differs from `kind` (which still chooses the rules that
    /// apply): a determinazione is read by its own rules but reported as a
    /// `deliberation`, since the published kinds are peg, deliberation and
    /// other.
    #[serde(default)]
    pub report_as: Option<String>,
    /// Least score for the kind to be given at all.
    #[serde(default = "one")]
    pub threshold: f64,
    pub patterns: Vec<Pattern>,
    /// Where one record of this kind starts (e.g. each PEG sheet's heading):
    /// a document holding several is read as several parts.
    #[serde(default)]
    pub part_start: Option<Spanned<String>>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// `[[boilerplate]]`: lines dropped before any field is read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateRule {
    pub id: Spanned<String>,
    pub description: String,
    /// A line matching this (anywhere in the line) is dropped.
    #[serde(default)]
    pub regex: Option<Spanned<String>>,
    /// Drop lines that recur, identical, on at least this many pages (page
    /// headers and footers the extractor did not already set aside).
    #[serde(default)]
    pub repeated_on_pages: Option<usize>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// `[[section]]`: a stretch of text other rules can be confined to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRule {
    pub id: Spanned<String>,
    pub description: String,
    #[serde(default)]
    pub kinds: Vec<String>,
    /// The section starts after the line this matches.
    pub start: Spanned<String>,
    /// The section ends before the line this matches (or at the end of the part).
    #[serde(default)]
    pub end: Option<Spanned<String>>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// `[[field]]`: a value found after a label or by a regex.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldRule {
    pub id: Spanned<String>,
    pub description: String,
    /// Kinds this rule applies to (empty: all).
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Only look inside this section.
    #[serde(default)]
    pub section: Option<String>,
    /// Where the rule reads: `text` (default: the page text, page furniture
    /// left out) or `letterhead` (only the first page's letterhead and page
    /// header, which the text leaves out as furniture: an office printed at
    /// the head of every page). A rule of the letterhead never sees the text.
    #[serde(default)]
    pub region: Option<Spanned<String>>,
    /// `record.field` the value goes to (with `label`, or a regex's `value` capture).
    #[serde(default)]
    pub target: Option<Spanned<String>>,
    /// Named capture -> `record.field`, for regexes that read several values.
    #[serde(default)]
    pub targets: std::collections::BTreeMap<String, Spanned<String>>,
    /// Labels (any one of them) the value follows, e.g. `Direttore`.
    #[serde(default)]
    pub label: Vec<Spanned<String>>,
    #[serde(default)]
    pub ignore_case: bool,
    /// The value may go on over the following lines, up to a blank line,
    /// a line starting with a known label, or a line matching `until`.
    #[serde(default)]
    pub block: bool,
    /// With `block`, the value also goes on over blank lines (a text of
    /// several paragraphs), to `until`, a known label or a heading.
    #[serde(default)]
    pub paragraphs: bool,
    /// With `block`, the value is one phrase written in one case (a
    /// subject): a line below a word it cannot stop on ("NOMINA DEL") goes
    /// on even where `until` would end it; a line past a gap goes on where
    /// it starts with a small letter or keeps the capitals of an unclosed
    /// value; a value in capitals ends at a line in small letters.
    #[serde(default)]
    pub phrase: bool,
    #[serde(default)]
    pub until: Option<Spanned<String>>,
    /// The value ends where this matches (the match itself is left out).
    #[serde(default)]
    pub stop: Option<Spanned<String>>,
    /// A regex with named captures. With `block = true` the regex acts as
    /// a label: the value is the text after the match.
    #[serde(default)]
    pub regex: Option<Spanned<String>>,
    /// A fixed value given when the regex or label matches; in a regex
    /// rule, a template of its captures: `${name}` stands for what the
    /// capture `name` matched ("Direzione ${level} ${rest}": a unit named
    /// by its head's title).
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub normalise: Vec<Spanned<String>>,
    /// Normalisers for one capture only, after those of `normalise`:
    /// `normalise_each = { body = ["title_case"], date = ["date"] }`.
    #[serde(default)]
    pub normalise_each: std::collections::BTreeMap<String, Vec<Spanned<String>>>,
    /// `first` (default): the first match; `all`: every match (list
    /// fields); `sum`: the sum of all matches (counts given in parts);
    /// `count`: how many times the regex matches (rows of a roll call);
    /// `last`: the last match (the last vote before the dispositive part).
    #[serde(default)]
    pub combine: Option<Spanned<String>>,
    /// Read only the text before the first line this regex matches (the
    /// dispositive heading `DELIBERA`); where it does not match, all of it.
    #[serde(default)]
    pub before: Option<Spanned<String>>,
    /// Read each line only up to its first wide gap (3+ spaces): the left
    /// column of a two-column page.
    #[serde(default)]
    pub left_column: bool,
    /// Keep a regex match only when its value stands under the column
    /// headed by what this regex matches on the nearest such line above
    /// (an `X` of a roll call is a presence only under `PRESENTE`).
    #[serde(default)]
    pub under: Option<Spanned<String>>,
    /// Drop a regex match whose first value this regex finds (a role
    /// printed where a name was expected: "il Responsabile del Servizio").
    #[serde(default)]
    pub not_value: Option<Spanned<String>>,
    /// How label and value are laid out: `inline` (default: the value
    /// follows the label in the text) or `label_column` (the label is a
    /// column at the left, maybe over several lines, its value a block in a
    /// column to its right, the two interleaved line by line).
    #[serde(default)]
    pub layout: Option<Spanned<String>>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// `[[named]]`: an act known by name ("TUEL", "Codice civile"), for the
/// reference reader (see `atti_italian::reference::NamedAct`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedRule {
    pub id: Spanned<String>,
    pub description: String,
    /// Regexes for the names (case-insensitive, from a word boundary).
    pub patterns: Vec<Spanned<String>>,
    /// `{ type = "decreto_legislativo", number = "267", date = "2000-08-18" }`.
    pub act: atti_italian::reference::CanonicalAct,
    /// The name is a reference only with an article ("art. 2043 c.c.").
    #[serde(default)]
    pub with_article: bool,
    /// "T.U. n. N/YYYY" with this act's number and year is this act.
    #[serde(default)]
    pub testo_unico: bool,
    /// The name means this act in documents dated from... (`YYYY-MM-DD`)
    #[serde(default)]
    pub valid_from: Option<chrono::NaiveDate>,
    /// ...to this day.
    #[serde(default)]
    pub valid_until: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// `[[region]]`: a region's names, adjectives and provinces, for the issuer
/// of regional acts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionRule {
    pub id: Spanned<String>,
    pub description: String,
    /// The issuer segment after `regione.` (`emilia.romagna`).
    pub region: String,
    pub names: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Province code -> name.
    #[serde(default)]
    pub provinces: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// A column of a table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Field of the record (`description`, `start_date`, ...); also the name
    /// of the row regex's capture for this column.
    pub field: Spanned<String>,
    /// The column's header label, or several variants of it ("Inizio
    /// Previsto", "Data inizio"): case, accents and line breaks ignored.
    pub label: Labels,
    #[serde(default)]
    pub normalise: Vec<Spanned<String>>,
    /// A row starts on a line where this column has a value.
    #[serde(default)]
    pub key: bool,
}

/// One label or a list of variants.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Labels {
    One(String),
    Many(Vec<String>),
}

impl Labels {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            Labels::One(l) => vec![l],
            Labels::Many(v) => v,
        }
    }
}

/// `[[table]]`: repeating records read from a table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRule {
    pub id: Spanned<String>,
    pub description: String,
    #[serde(default)]
    pub kinds: Vec<String>,
    /// `phase` or `indicator`.
    pub record: Spanned<String>,
    #[serde(default)]
    pub section: Option<String>,
    /// The header line, for text without a table structure; by default a
    /// line where two of the columns' labels are found.
    #[serde(default)]
    pub header: Option<Spanned<String>>,
    pub columns: Vec<Column>,
    /// For text without positions or tables (plain text files): a regex for
    /// the first line of a row, with a named capture per column.
    #[serde(default)]
    pub row: Option<Spanned<String>>,
    /// The table ends at a line matching this.
    #[serde(default)]
    pub end: Option<Spanned<String>>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// `[[classifier]]`: one value of a record chosen among named classes by
/// weighted cues (`[[cue]]`), each counted where it is found: the
/// dispositive part, the subject or the premises (see
/// [`super::classifier`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifierRule {
    pub id: Spanned<String>,
    pub description: String,
    #[serde(default)]
    pub kinds: Vec<String>,
    /// `decision.field` the class goes to.
    pub target: Spanned<String>,
    /// The classes, in the order that breaks a tie.
    pub classes: Vec<String>,
    /// The class given when no class reaches `threshold` (none: no value).
    #[serde(default)]
    pub otherwise: Option<String>,
    /// Least score for a class to be given.
    #[serde(default = "one")]
    pub threshold: f64,
    /// The heading that opens the dispositive part (`DETERMINA`, `DELIBERA`).
    pub dispositive: Spanned<String>,
    /// Where the dispositive part ends (the accounting attestation, the
    /// publication report); none: at the end of the document.
    #[serde(default)]
    pub dispositive_end: Option<Spanned<String>>,
    /// A line where an item starts (`1.`, `ART. 2`, `VISTO`); blank lines
    /// part items too. A cue counts once per item.
    pub item: Spanned<String>,
    /// The first line of the premises (`VISTO`, `PREMESSO che`): when no
    /// subject is read, the act's heading above it (its title: "Determina
    /// a contrarre per ... procedura aperta") counts as the subject.
    #[serde(default)]
    pub premises_start: Option<Spanned<String>>,
    /// Weight of each zone: `{ dispositive = 3, subject = 2, premises = 1 }`.
    pub zones: std::collections::BTreeMap<String, f64>,
    /// An item that opens with this says what the act notes rather than
    /// what it disposes ("di dare atto che...", "di pubblicare"): its cue
    /// counts `aside_weight` times.
    #[serde(default)]
    pub aside: Option<Spanned<String>>,
    #[serde(default = "one")]
    pub aside_weight: f64,
    /// Give a value only when another classifier gave this class:
    /// `"procedure=contract"`.
    #[serde(default)]
    pub when: Option<Spanned<String>>,
    /// The provision the winning class rests on, read from the legal
    /// references found in the act.
    #[serde(default)]
    pub basis: Option<BasisRule>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// Where a classifier writes the provision its class rests on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasisRule {
    /// `decision.field` of the short citation (`d.lgs. 36/2023 art. 50 c. 1 lett. b`).
    pub target: Spanned<String>,
    /// `decision.field` of its URN:NIR.
    #[serde(default)]
    pub urn_target: Option<Spanned<String>>,
    /// How far (bytes) from a cue's words a reference may be.
    #[serde(default = "basis_window")]
    pub window: usize,
    /// Acts (`decreto_legislativo 50/2016`) a reference near a word cue
    /// must belong to; a reference cue's own reference always counts.
    #[serde(default)]
    pub acts: Vec<String>,
    /// Provisions of those acts that never choose a contractor (the
    /// decision to contract, the RUP, the award criteria): a reference to
    /// one of them near a word cue is not the basis.
    #[serde(default)]
    pub not: Vec<String>,
    /// Act type -> its abbreviation in the citation (`decreto_legislativo = "d.lgs."`).
    pub abbreviations: std::collections::BTreeMap<String, String>,
}

fn basis_window() -> usize {
    200
}

/// `[[cue]]`: wording (or a cited provision) that speaks for one class of
/// a classifier.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueRule {
    pub id: Spanned<String>,
    pub description: String,
    pub classifier: Spanned<String>,
    pub class: Spanned<String>,
    /// The words, matched within one item.
    #[serde(default)]
    pub regex: Option<Spanned<String>>,
    /// Or provisions, in brief (`decreto_legislativo 36/2023 art. 50 c. 1
    /// lett. b`): a legal reference found in the item with every part given.
    #[serde(default)]
    pub references: Vec<Spanned<String>>,
    /// The cue does not count in an item this matches.
    #[serde(default)]
    pub unless: Option<Spanned<String>>,
    #[serde(default = "one")]
    pub weight: f64,
    /// The zones it counts in (default: every zone).
    #[serde(default)]
    pub zones: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// One money rule as written (`[[amount_role]]`, `[[amount_column]]`, `[[code]]`,
/// `[[legal_form]]`, `[[party_role]]`, `[[administration]]`,
/// `[[dispositive]]`, `[[party_cue]]`, `[[not_party]]`, `[[party_column]]`,
/// `[[party_list]]`, `[[title]]`, `[[code_context]]`, `[[premise]]`): a regex and, for
/// most kinds, a value. Compiled by
/// [`super::compile_money`] into [`super::money::Cue`]s.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyRule {
    pub id: Spanned<String>,
    pub description: String,
    pub regex: Spanned<String>,
    /// amount_role, party_role: the role; amount_column: the role of the
    /// sums under the column, or `table` (a money column that names none:
    /// its sums take the one role the header's other columns name);
    /// code: `cig` or `cup`;
    /// party_column: the role of the parties the column names, `tax_id`
    /// or `offers`;
    /// code_context: `own` or `cited` (whose code the words say it is);
    /// legal_form: `before` or `after` (where the name's words are);
    /// title: `person` (a title before a person's name) or `word` (another
    /// abbreviation whose full stop ends no sentence);
    /// administration: the canonical name, `{name}` for the group read.
    #[serde(default)]
    pub value: Option<String>,
    /// amount_role: the role may be the act's main amount; administration:
    /// a match weighs as much as the letterhead.
    #[serde(default)]
    pub main: bool,
    /// party_cue: the words after the verb that introduce the party's
    /// name ("alla ditta", "a favore di"); none: the name follows the cue.
    #[serde(default)]
    pub to: Option<Spanned<String>>,
    /// amount_role: a weak cue gives its role only where no other cue is
    /// in the clause ("importo complessivo", "l'adesione"); code: the
    /// match is a window after a label, whose codes are read only when they
    /// pass their check strictly (a table's column, a code a few words on);
    /// party_cue: read in the act's subject and dispositive only, not in
    /// the whole of a report of an act (where it recalls more than it
    /// decides: "la convenzione stipulata con ...").
    #[serde(default)]
    pub weak: bool,
    /// administration: a wider body (a region, a ministry) that the
    /// bodies printed below it in a letterhead belong to.
    #[serde(default)]
    pub wider: bool,
    /// amount_role: the regex reads the words right after the sum (from
    /// its end, anchored), not the clause before it: "€ 220,00 per IVA".
    #[serde(default)]
    pub after: bool,
    /// party_list: the role of the sums its items pair with a name, where
    /// their own clause names none (a list of grants: `grant`).
    #[serde(default)]
    pub sums: Option<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}
