//! The records atti produces: one [`Document`] per input file, holding the
//! objectives, phases, indicators, decisions and references read from it.
//!
//! These are plain data. The index stores each `Document` whole (as JSON), and
//! every CSV table and report is derived from them, so a field added here is
//! a field every sink can see. Each extracted value can say where it came
//! from: [`Provenance`] maps a field name to a [`Span`] of page text.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use atti_page::Status;

pub mod schema;

pub use atti_italian::money::Euro;
pub use atti_italian::reference::Reference;
pub use atti_page::Span;

/// Field name -> where its value came from.
pub type Provenance = BTreeMap<String, Span>;

/// The document kinds that atti's schemas name. Rules may classify into
/// others; unknown kinds are kept as they are.
pub mod kind {
    pub const PEG: &str = "peg";
    pub const DELIBERATION: &str = "deliberation";
    pub const OTHER: &str = "other";
}

/// One input file, after extraction and rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Derived from the content hash: the first 16 hex digits of `sha256`.
    pub doc_id: String,
    /// The path under the index's archive root, with `/` separators.
    pub source_file: String,
    /// Every path under the archive root with this same content, sorted:
    /// `source_file` and its copies (listed as duplicates in `skipped`).
    #[serde(default)]
    pub paths: Vec<String>,
    /// `peg`, `deliberation` or `other`.
    pub kind: String,
    pub status: Status,
    pub title: Option<String>,
    pub year: Option<i32>,
    pub date: Option<NaiveDate>,
    pub pages: u32,
    pub chars: u64,
    pub sha256: String,
    /// The extractor that produced the text, e.g. `pdf` or `text/utf-8`.
    pub extractor: String,
    /// RFC 3339 time of the ingest that produced this record.
    pub ingested_at: String,
    /// The file's size and modification time when it was read
    /// (`SIZE:MTIME_NS`): an ingest skips a file whose stamp is unchanged
    /// without reading it, and hashes it when the stamp differs.
    #[serde(default)]
    pub stamp: String,
    /// Fingerprint of the atti version and rules that produced this record;
    /// a record whose fingerprint differs from the current one is re-extracted.
    pub pipeline: String,
    /// The text as indexed, one entry per page (page furniture left out).
    pub page_texts: Vec<String>,
    pub objectives: Vec<Objective>,
    pub phases: Vec<Phase>,
    pub indicators: Vec<Indicator>,
    pub decisions: Vec<Decision>,
    pub references: Vec<Reference>,
    /// Every sum of euro the act prints, in reading order.
    #[serde(default)]
    pub amounts: Vec<Amount>,
    /// The counterparties the act decides about (never the administration
    /// that issues it).
    #[serde(default)]
    pub parties: Vec<Party>,
    /// The public body that issued the act ("Comune di Modena"), from its
    /// heading or letterhead, else as given at ingest.
    #[serde(default)]
    pub administration: Option<String>,
    /// Every value the rules read, in the order they were read, with its span:
    /// what `atti show` prints.
    pub fields: Vec<Field>,
    /// Notes worth a person's attention (an impossible date, a table that did
    /// not parse) that did not stop the document.
    pub warnings: Vec<String>,
    /// For a signed file (`.p7m`): the signers' names, as their
    /// certificates give them, joined by `; `.
    #[serde(default)]
    pub signer: Option<String>,
    /// For a signed file: the latest signing time (RFC 3339, UTC).
    #[serde(default)]
    pub signed_at: Option<String>,
    /// When pages were read by OCR: their mean word confidence, 0 to 100.
    #[serde(default)]
    pub ocr_confidence: Option<f64>,
}

impl Document {
    /// People named in the document (directors, managers, responsibles,
    /// signatories), for the index.
    pub fn people(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for o in &self.objectives {
            out.extend(o.director.as_deref());
            out.extend(o.manager.as_deref());
        }
        for p in &self.phases {
            out.extend(p.responsible.as_deref());
        }
        for d in &self.decisions {
            out.extend(d.signatories.iter().map(String::as_str));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Codes (objective codes, D.U.P. codes, act numbers) kept whole in the index.
    pub fn codes(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for o in &self.objectives {
            out.extend(o.objective_code.as_deref());
            out.extend(o.strategic_direction_code.as_deref());
            out.extend(o.strategic_objective_code.as_deref());
        }
        for d in &self.decisions {
            out.extend(d.act_number.as_deref());
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A value read by a rule, with where it was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// `record.field`, e.g. `objective.director` or `decision.validity_end`.
    pub name: String,
    pub value: String,
    /// Id of the rule that read it.
    pub rule: String,
    pub span: Option<Span>,
}

/// A management objective of a PEG sheet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub objective_code: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub direction: Option<String>,
    pub director: Option<String>,
    pub service: Option<String>,
    pub manager: Option<String>,
    pub typology: Option<String>,
    pub classification: Option<String>,
    pub strategic_direction_code: Option<String>,
    pub strategic_direction: Option<String>,
    pub strategic_objective_code: Option<String>,
    pub strategic_objective: Option<String>,
    pub mission: Option<String>,
    pub operational_objective: Option<String>,
    pub description: Option<String>,
    pub spans: Provenance,
}

/// A GANTT phase of an objective.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    pub objective_code: Option<String>,
    /// 1-based position in the sheet.
    pub seq: u32,
    pub description: Option<String>,
    /// Weight in percent, where the sheet gives one.
    pub weight: Option<f64>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub responsible: Option<String>,
    pub responsibility_centre: Option<String>,
    pub notes: Option<String>,
    pub spans: Provenance,
}

/// A performance indicator with its target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub objective_code: Option<String>,
    pub seq: u32,
    pub description: Option<String>,
    /// e.g. RISULTATO, EFFICACIA, EFFICIENZA.
    pub indicator_type: Option<String>,
    /// One of `>=`, `<=`, `>`, `<`, `=`; empty when the target is a bare value.
    pub expected_operator: Option<String>,
    /// The target without its operator: `3`, `SI`, `100%`, `30 giorni`, `12,50`.
    pub expected_value: Option<String>,
    /// The target as written.
    pub expected_raw: Option<String>,
    pub spans: Provenance,
}

/// A decision of a collegial body, or another administrative act.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// e.g. `Giunta Comunale`, `Consiglio Comunale`, `Assemblea dei Sindaci`.
    pub body: Option<String>,
    /// `deliberazione`, `verbale`, `determinazione`, `decreto`, `ordinanza`.
    pub act_type: Option<String>,
    /// The body-wide register number (registro generale), as printed.
    pub act_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    /// The issuing office of a determination or decree (settore, servizio,
    /// direzione, area, ufficio), as printed in the act's header.
    #[serde(default)]
    pub office: Option<String>,
    /// The office's own number for the act, beside the register number.
    #[serde(default)]
    pub office_number: Option<String>,
    #[serde(default)]
    pub office_date: Option<NaiveDate>,
    pub subject: Option<String>,
    pub outcome: Option<String>,
    pub present_count: Option<u32>,
    pub absent_count: Option<u32>,
    pub votes_for: Option<u32>,
    pub votes_against: Option<u32>,
    pub abstentions: Option<u32>,
    pub immediately_executable: Option<bool>,
    pub validity_end: Option<NaiveDate>,
    /// Who approved: the municipalities or members named as approving.
    pub approved_by: Vec<String>,
    /// Who signed (president, secretary, director), for the people index.
    pub signatories: Vec<String>,
    /// The act's own CIG codes (10 characters), space-separated.
    #[serde(default)]
    pub cig: Option<String>,
    /// The act's own CUP codes (15 characters), space-separated.
    #[serde(default)]
    pub cup: Option<String>,
    /// The act's principal purpose: `contract`, `agreement`, `grant`,
    /// `payment`, `staff`, `budget`, `planning`, `litigation`, `other`.
    #[serde(default)]
    pub procedure: Option<String>,
    /// How a contractor is chosen: `direct`, `negotiated`, `open`,
    /// `restricted`, `framework`, `other`.
    #[serde(default)]
    pub selection_method: Option<String>,
    /// The provision cited for the choice, as a short citation
    /// ("d.lgs. 36/2023 art. 50 c. 1 lett. b").
    #[serde(default)]
    pub selection_basis: Option<String>,
    #[serde(default)]
    pub selection_basis_urn: Option<String>,
    /// The one amount the act decides.
    #[serde(default)]
    pub main_amount: Option<Euro>,
    /// Its role: `commitment`, `payment`, `award`, `grant`, `revenue`, `other`.
    #[serde(default)]
    pub main_amount_role: Option<String>,
    /// The officer responsible for the procedure (RUP), when named.
    #[serde(default)]
    pub responsible: Option<String>,
    pub spans: Provenance,
}

/// A sum of euro printed in an act.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// 1-based position in the document.
    pub seq: u32,
    pub value: Euro,
    /// What the sentence says of it: `commitment`, `payment`, `award`,
    /// `base`, `vat`, `grant`, `revenue`, `other`; empty when it says none.
    pub role: Option<String>,
    /// The amount as printed.
    pub raw: String,
    pub span: Option<Span>,
}

/// A counterparty of the act.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Party {
    /// 1-based position in the document.
    pub seq: u32,
    /// `supplier`, `beneficiary`, `administration`, `other`.
    pub role: String,
    /// The name with its legal form ("Rossi S.r.l.").
    pub name: String,
    /// Partita IVA or codice fiscale, checked by its check character.
    pub tax_id: Option<String>,
    pub span: Option<Span>,
}

/// A file seen and deliberately not read into a document of its own: a type
/// atti does not read, or a copy of a file that is (same content, another
/// path). Every file seen is a document, a [`Failure`] or one of these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub source_file: String,
    /// Why: one of [`skip`]'s reasons.
    pub reason: String,
    /// A sentence a person understands.
    pub detail: String,
    /// For a duplicate: the path of the document it is a copy of.
    pub duplicate_of: Option<String>,
    /// Content hash, when the file was read.
    pub sha256: Option<String>,
    /// As [`Document::stamp`].
    #[serde(default)]
    pub stamp: String,
    #[serde(default)]
    pub pipeline: String,
    pub ingested_at: String,
}

/// Why a file was skipped.
pub mod skip {
    /// A type atti does not read.
    pub const UNSUPPORTED: &str = "unsupported";
    /// The same content as a document's file.
    pub const DUPLICATE: &str = "duplicate";
    /// A link to something outside the archive root, not followed.
    pub const OUTSIDE: &str = "outside_archive";
    /// A pipe, socket or device.
    pub const SPECIAL: &str = "special_file";
    /// Larger than `--max-file-size`.
    pub const TOO_LARGE: &str = "too_large";
}

/// A file that did not become a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    pub source_file: String,
    /// `discover`, `read`, `extract`, `rules`, `index`.
    pub stage: String,
    /// A sentence a person understands.
    pub reason: String,
    /// Content hash when the file could be read, so an unchanged failing file
    /// is not retried on every ingest.
    pub sha256: Option<String>,
    /// As [`Document::stamp`].
    #[serde(default)]
    pub stamp: String,
    pub pipeline: String,
    pub ingested_at: String,
}
