//! The output tables, defined once: their ids, columns, cell types and
//! Italian labels, and which columns rules may fill.
//!
//! Every place that speaks of a table's columns reads this registry: the
//! rules' targets (`objective.director` is a column of `objectives` that
//! rules fill), the CSV and JSON Lines writers (headers and cell types),
//! the compliance checks (`table_not_empty`, `required_field`), the xlsx
//! writer (sheet titles, header labels, cell types, the legend) and, later,
//! the web page. A column added here is a column
//! every sink knows; the record struct in [`super`] must hold the field.
//!
//! Column ids are stable English identifiers (the CSV headers); labels are
//! what an Italian reader sees.

/// An output table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum TableId {
    Documents,
    Objectives,
    Phases,
    Indicators,
    Decisions,
    References,
    Amounts,
    Parties,
    Failures,
    Skipped,
}

/// What a column's cells hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellType {
    Text,
    Integer,
    /// A decimal number (phase weights): written with a comma where the
    /// reader expects the Italian convention.
    Decimal,
    /// A sum of euro with two decimals (`1234.56`; a comma where the
    /// reader expects the Italian convention).
    Money,
    /// A day, written YYYY-MM-DD.
    Date,
    Boolean,
}

/// One column of an output table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The stable identifier: the CSV header.
    pub id: &'static str,
    /// The record's field that fills it (the id, but for `indicators.type`,
    /// whose field is `indicator_type`).
    pub field: &'static str,
    pub ty: CellType,
    /// What an Italian reader sees.
    pub label: &'static str,
    /// Whether a rule may fill it (`record.field` in a rules file).
    pub by_rules: bool,
}

/// One output table: its record, its columns, and the values rules may set
/// that are not columns of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSchema {
    pub id: TableId,
    /// The table's name: the CSV file name and the `table_not_empty` value.
    pub name: &'static str,
    /// The record a row is, as rules and checks name it (`objective.…`).
    pub record: &'static str,
    /// The table's name for an Italian reader.
    pub label: &'static str,
    /// Said when a document has no row in the table.
    pub none_found: &'static str,
    pub columns: &'static [Column],
    /// Values rules may set that are not columns: `indicator.expected` (the
    /// target as written, split into operator, value and raw text) and
    /// `decision.signatories` (kept in the record, for search).
    pub rule_inputs: &'static [&'static str],
}

const fn col(id: &'static str, ty: CellType, label: &'static str, by_rules: bool) -> Column {
    Column {
        id,
        field: id,
        ty,
        label,
        by_rules,
    }
}

use CellType::{Boolean as B, Date as D, Decimal as X, Integer as I, Money as M, Text as T};

const DOC_ID: Column = col("doc_id", T, "Identificativo", false);
const SOURCE_FILE: Column = col("source_file", T, "File", false);

const DOCUMENTS: &[Column] = &[
    DOC_ID,
    SOURCE_FILE,
    col("kind", T, "Tipo", false),
    col("status", T, "Stato", false),
    col("title", T, "Titolo", true),
    col("year", I, "Anno", true),
    col("date", D, "Data", true),
    col("pages", I, "Pagine", false),
    col("chars", I, "Caratteri", false),
    col("sha256", T, "SHA-256", false),
    col("extractor", T, "Estrattore", false),
    col("ingested_at", T, "Importato il", false),
    col("paths", T, "Percorsi", false),
    col("signer", T, "Firmatario", false),
    col("signed_at", T, "Firmato il", false),
    col("ocr_confidence", X, "Affidabilità OCR", false),
    col("administration", T, "Amministrazione", false),
];

const OBJECTIVES: &[Column] = &[
    DOC_ID,
    SOURCE_FILE,
    col("objective_code", T, "Codice obiettivo", true),
    col("year", I, "Anno", true),
    col("title", T, "Titolo", true),
    col("direction", T, "Direzione", true),
    col("director", T, "Direttore", true),
    col("service", T, "Servizio", true),
    col("manager", T, "Responsabile", true),
    col("typology", T, "Tipologia", true),
    col("classification", T, "Classificazione", true),
    col(
        "strategic_direction_code",
        T,
        "Codice indirizzo strategico",
        true,
    ),
    col("strategic_direction", T, "Indirizzo strategico", true),
    col(
        "strategic_objective_code",
        T,
        "Codice obiettivo strategico",
        true,
    ),
    col("strategic_objective", T, "Obiettivo strategico", true),
    col("mission", T, "Missione", true),
    col("operational_objective", T, "Obiettivo operativo", true),
    col("description", T, "Descrizione", true),
];

const PHASES: &[Column] = &[
    DOC_ID,
    SOURCE_FILE,
    col("objective_code", T, "Codice obiettivo", false),
    col("seq", I, "N.", false),
    col("description", T, "Descrizione", true),
    col("weight", X, "Peso %", true),
    col("start_date", D, "Inizio", true),
    col("end_date", D, "Fine", true),
    col("responsible", T, "Responsabile", true),
    col("responsibility_centre", T, "Centro di responsabilità", true),
    col("notes", T, "Note", true),
];

const INDICATORS: &[Column] = &[
    DOC_ID,
    SOURCE_FILE,
    col("objective_code", T, "Codice obiettivo", false),
    col("seq", I, "N.", false),
    col("description", T, "Descrizione", true),
    Column {
        field: "indicator_type",
        ..col("type", T, "Tipo indicatore", true)
    },
    col("expected_operator", T, "Operatore", true),
    col("expected_value", T, "Valore atteso", true),
    col("expected_raw", T, "Target", true),
];

const DECISIONS: &[Column] = &[
    DOC_ID,
    SOURCE_FILE,
    col("body", T, "Organo", true),
    col("act_type", T, "Tipo atto", true),
    col("act_number", T, "Numero atto", true),
    col("decision_date", D, "Data decisione", true),
    col("office", T, "Ufficio", true),
    col("office_number", T, "Numero d'ufficio", true),
    col("office_date", D, "Data d'ufficio", true),
    col("subject", T, "Oggetto", true),
    col("outcome", T, "Esito", true),
    col("present_count", I, "Presenti", true),
    col("absent_count", I, "Assenti", true),
    col("votes_for", I, "Favorevoli", true),
    col("votes_against", I, "Contrari", true),
    col("abstentions", I, "Astenuti", true),
    col(
        "immediately_executable",
        B,
        "Immediatamente eseguibile",
        true,
    ),
    col("validity_end", D, "Fine validità", true),
    col("approved_by", T, "Approvato da", true),
    col("cig", T, "CIG", false),
    col("cup", T, "CUP", false),
    col("procedure", T, "Procedimento", false),
    col("selection_method", T, "Scelta del contraente", false),
    col("selection_basis", T, "Norma della scelta", false),
    col("selection_basis_urn", T, "URN della norma", false),
    col("main_amount", M, "Importo principale", false),
    col("main_amount_role", T, "Ruolo dell'importo", false),
    col("responsible", T, "Responsabile del procedimento", false),
];

const REFERENCES: &[Column] = &[
    DOC_ID,
    SOURCE_FILE,
    col("raw", T, "Testo", false),
    col("act_type", T, "Tipo atto", false),
    col("number", T, "Numero", false),
    col("year", I, "Anno", false),
    col("date", D, "Data", false),
    col("article", T, "Articolo", false),
    col("paragraph", T, "Comma", false),
    col("letter", T, "Lettera", false),
    col("issuer", T, "Autorità emanante", false),
    col("urn", T, "URN", false),
];

const AMOUNTS: &[Column] = &[
    DOC_ID,
    SOURCE_FILE,
    col("seq", I, "N.", false),
    col("value", M, "Importo", false),
    col("role", T, "Ruolo", false),
    col("raw", T, "Testo", false),
    // The page of the value's span.
    Column {
        field: "span",
        ..col("page", I, "Pagina", false)
    },
];

const PARTIES: &[Column] = &[
    DOC_ID,
    SOURCE_FILE,
    col("seq", I, "N.", false),
    col("role", T, "Ruolo", false),
    col("name", T, "Nome", false),
    col("tax_id", T, "Partita IVA o codice fiscale", false),
    // The page of the value's span.
    Column {
        field: "span",
        ..col("page", I, "Pagina", false)
    },
];

const SKIPPED: &[Column] = &[
    SOURCE_FILE,
    col("reason", T, "Motivo", false),
    col("detail", T, "Dettaglio", false),
    col("duplicate_of", T, "Copia di", false),
];

const FAILURES: &[Column] = &[
    SOURCE_FILE,
    col("stage", T, "Fase", false),
    col("reason", T, "Motivo", false),
];

/// Every output table, in the order `atti run` writes them.
pub const TABLES: [TableSchema; 10] = [
    TableSchema {
        id: TableId::Documents,
        name: "documents",
        record: "document",
        label: "Documenti",
        none_found: "Nessun documento trovato",
        columns: DOCUMENTS,
        rule_inputs: &[],
    },
    TableSchema {
        id: TableId::Objectives,
        name: "objectives",
        record: "objective",
        label: "Obiettivi",
        none_found: "Nessun obiettivo trovato",
        columns: OBJECTIVES,
        rule_inputs: &[],
    },
    TableSchema {
        id: TableId::Phases,
        name: "phases",
        record: "phase",
        label: "Fasi",
        none_found: "Nessuna fase trovata",
        columns: PHASES,
        rule_inputs: &[],
    },
    TableSchema {
        id: TableId::Indicators,
        name: "indicators",
        record: "indicator",
        label: "Indicatori",
        none_found: "Nessun indicatore trovato",
        columns: INDICATORS,
        rule_inputs: &["expected"],
    },
    TableSchema {
        id: TableId::Decisions,
        name: "decisions",
        record: "decision",
        label: "Decisioni",
        none_found: "Nessuna decisione trovata",
        columns: DECISIONS,
        rule_inputs: &["signatories"],
    },
    TableSchema {
        id: TableId::References,
        name: "references",
        record: "reference",
        label: "Riferimenti normativi",
        none_found: "Nessun riferimento normativo trovato",
        columns: REFERENCES,
        rule_inputs: &[],
    },
    TableSchema {
        id: TableId::Amounts,
        name: "amounts",
        record: "amount",
        label: "Importi",
        none_found: "Nessun importo trovato",
        columns: AMOUNTS,
        rule_inputs: &[],
    },
    TableSchema {
        id: TableId::Parties,
        name: "parties",
        record: "party",
        label: "Controparti",
        none_found: "Nessuna controparte trovata",
        columns: PARTIES,
        rule_inputs: &[],
    },
    TableSchema {
        id: TableId::Failures,
        name: "failures",
        record: "failure",
        label: "File non letti (errori)",
        none_found: "Nessun file non letto",
        columns: FAILURES,
        rule_inputs: &[],
    },
    TableSchema {
        id: TableId::Skipped,
        name: "skipped",
        record: "skipped",
        label: "File non importati",
        none_found: "Nessun file saltato",
        columns: SKIPPED,
        rule_inputs: &[],
    },
];

impl TableId {
    pub const ALL: [TableId; 10] = [
        TableId::Documents,
        TableId::Objectives,
        TableId::Phases,
        TableId::Indicators,
        TableId::Decisions,
        TableId::References,
        TableId::Amounts,
        TableId::Parties,
        TableId::Failures,
        TableId::Skipped,
    ];

    /// The table's definition.
    pub fn schema(self) -> &'static TableSchema {
        TABLES
            .iter()
            .find(|t| t.id == self)
            .expect("every table id has a schema")
    }

    pub fn name(self) -> &'static str {
        self.schema().name
    }

    /// The table whose name this is (`phases`).
    pub fn from_name(name: &str) -> Option<TableId> {
        TABLES.iter().find(|t| t.name == name).map(|t| t.id)
    }

    /// The table whose rows are this record (`phase`).
    pub fn of_record(record: &str) -> Option<TableId> {
        TABLES.iter().find(|t| t.record == record).map(|t| t.id)
    }
}

impl TableSchema {
    /// The column ids, in order: the CSV header.
    pub fn headers(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.id).collect()
    }

    /// The fields a rule may set in this record, in column order, then the
    /// rule inputs that are not columns.
    pub fn rule_fields(&self) -> Vec<&'static str> {
        self.columns
            .iter()
            .filter(|c| c.by_rules)
            .map(|c| c.field)
            .chain(self.rule_inputs.iter().copied())
            .collect()
    }

    pub fn column(&self, id: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_defined_once_with_unique_columns() {
        for id in TableId::ALL {
            let s = id.schema();
            assert_eq!(s.id, id);
            assert_eq!(TableId::from_name(s.name), Some(id));
            assert_eq!(TableId::of_record(s.record), Some(id));
            let mut ids = s.headers();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), s.columns.len(), "{}", s.name);
            assert!(s.columns.iter().all(|c| !c.label.is_empty()));
        }
    }

    /// The record structs hold every column their table names (a column
    /// without a field would be an empty column for ever).
    #[test]
    fn every_column_is_a_field_of_its_record() {
        use serde_json::to_value;
        let record = |id: TableId| match id {
            TableId::Documents => to_value(super::super::Document::default()),
            TableId::Objectives => to_value(super::super::Objective::default()),
            TableId::Phases => to_value(super::super::Phase::default()),
            TableId::Indicators => to_value(super::super::Indicator::default()),
            TableId::Decisions => to_value(super::super::Decision::default()),
            TableId::References => to_value(super::super::Reference::default()),
            TableId::Amounts => to_value(super::super::Amount::default()),
            TableId::Parties => to_value(super::super::Party::default()),
            TableId::Failures => to_value(super::super::Failure::default()),
            TableId::Skipped => to_value(super::super::Skipped::default()),
        };
        for id in TableId::ALL {
            let v = record(id).unwrap();
            let fields = v.as_object().unwrap();
            for c in id.schema().columns {
                let shared = c.id == "doc_id" || c.id == "source_file";
                assert!(
                    shared || fields.contains_key(c.field),
                    "{}.{} is not a field of the record",
                    id.name(),
                    c.id
                );
            }
        }
    }
}
