//! Every threshold of the table reader, named, with the hints a caller may
//! give.
//!
//! Distances in points are absolute (ruling lines are drawn in points and
//! their tolerances do not depend on the text); distances in `em` are
//! multiples of the font size of the words concerned, so that the same
//! settings read a table set in 7 pt and one set in 12 pt. Counts cap the
//! work done on one page, so that a hostile page costs no more than a big
//! honest one.

/// Settings of [`crate::find`]. `Settings::default()` is what `atti extract
/// --tables` uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    // --- ruling lines (lattice) ---
    /// Parallel rulings whose positions differ by at most this (points) are
    /// taken as one line.
    pub snap_tolerance: f32,
    /// Collinear rulings with a gap of at most this (points) are joined.
    pub join_tolerance: f32,
    /// A horizontal and a vertical ruling meet when they come this close
    /// (points).
    pub intersection_tolerance: f32,
    /// Rulings shorter than this (points), after joining, are ignored.
    pub min_ruling_length: f32,
    /// A band of the grid thinner than this (points) that holds no word is
    /// dropped: two strokes of a double line, not a row or a column.
    pub min_cell_size: f32,
    /// A band of the grid thinner than this (em, of the table's median
    /// font size) that holds no word is the space between two boxes drawn
    /// apart, and is dropped.
    pub max_gutter: f32,
    /// A whitespace gutter that runs down a ruled column divides it when
    /// at least this many text lines have words on both of its sides
    /// ([`crate::frame`]).
    pub frame_min_lines: usize,
    /// Such a gutter goes on into the cells above and below it that it
    /// parts at a space at least this many times the column's usual word
    /// space (`min_cut_space` when it has none), so that a label over the
    /// parts is not cut between its words.
    pub frame_space_ratio: f32,

    // --- words and text lines (stream) ---
    /// Words whose baselines differ by at most this (em) are on one text line.
    pub line_tolerance: f32,
    /// A horizontal gap of at least this (em) between two words of a line
    /// separates two runs of text that may sit in different columns.
    pub column_gap: f32,
    /// A column gap that later lines narrow stays a gap while at least this
    /// much of it (em) is left free.
    pub min_gap_keep: f32,
    /// A run of words that crosses a column gap is cut at a space in the
    /// gap at least this wide (em): wider than a word space, two cells'
    /// texts run together.
    pub min_cut_space: f32,
    /// Words that start (or end) within this distance (points) of a
    /// column's edge are set against it: a run of words that crosses a
    /// column gap is cut there.
    pub edge_tolerance: f32,
    /// A word's box that runs at most this far (em) past the start of the
    /// next word of its line ends there: the overhang of a cell set
    /// touching the next ([`crate::lines::clip_overhangs`]).
    pub max_overhang: f32,
    /// Two text lines of one table are at most this far apart (em, baseline
    /// to baseline).
    pub max_line_gap: f32,
    /// A gap between two lines more than this many times the widest of the
    /// region's last line pitches ends a table: a section break, not a row.
    pub max_pitch_jump: f32,
    /// ...and is at least this wide (em, baseline to baseline): a blank
    /// line or more.
    pub section_gap: f32,
    /// Two blocks of a table set in sections ([`crate::sections`]) are at
    /// most this far apart (em, baseline to baseline, from line to line).
    pub max_section_gap: f32,
    /// A section's label between two blocks of a table, set from its left
    /// edge across its columns, ends at most this share of the table's
    /// width past its right edge ([`crate::sections`]): a caption or a
    /// sentence runs on across the page.
    pub section_label_overhang: f32,
    /// A line within one column whose font size differs from the region's usual
    /// size by more than this share ends a table (the sentence after it).
    pub size_tolerance: f32,
    /// Lines above a table's body that may be taken as its header.
    pub header_max_lines: usize,
    /// A header line is at most this far (em, baseline to baseline) above
    /// the line below it.
    pub header_gap: f32,
    /// A header line of a single run is at most this far (em, baseline to
    /// baseline) above the line below it: the pitch of a label wrapped in
    /// its cell, closer than a title above the table.
    pub header_line_pitch: f32,
    /// Two text lines whose boxes overlap by at least this share of the
    /// lower box's height are in the same row (a cell centred beside a
    /// wrapped one).
    pub overlap_ratio: f32,
    /// Lines of one cell are at most this much (a fraction of the table's
    /// tightest line pitch) further apart than the tightest pitch.
    pub wrap_pitch_slack: f32,
    /// The widest pitch (em) between two lines of one cell: a wider one is
    /// no wrapped text's leading.
    pub max_wrap_pitch: f32,
    /// A line of a cell wraps onto the next when it and the next line's
    /// first word would have filled the column but for this share of its
    /// width.
    pub wrap_slack: f32,
    /// A line of a column within this many font sizes of the column's
    /// widest line is one of its widest: the column's width is measured
    /// from it, so that the next line's first word never fits beside it,
    /// whatever room the producer had; no evidence of a wrap
    /// ([`crate::piece::Piece::wraps_into`]).
    pub widest_tie: f32,
    /// Two lines closer than this share of a table's common line pitch
    /// (the median step between its lines) are set at a cell's leading,
    /// tighter than its rows' pitch: the column's width is then evidence.
    pub tight_pitch: f32,
    /// Words a line of a cell cannot end on (articles, prepositions,
    /// conjunctions, of Italian and English, in small letters): such a
    /// line goes on on the next line of its column
    /// ([`crate::piece::ends_on_open_word`]).
    pub open_words: Vec<String>,
    /// A run of text that crosses a column gap spans a column only when at
    /// least this share of its width lies over that column.
    pub span_min_share: f32,
    /// A word space inside a run is a column's left edge when at least
    /// this many lines of a streak that keeps the place free of words
    /// (and half of its lines) set a word beginning there after other
    /// text ([`crate::aligned_starts`])...
    pub aligned_start_lines: usize,
    /// ...and the texts before it end at places this far apart (em): the
    /// ragged cells of another column, not one cell's same first word.
    pub aligned_start_spread: f32,
    /// A label is centred over a block of columns when its centre lies
    /// within this share of the block's width (its columns' text, first
    /// to last) of the block's centre: a group header over them.
    pub centred_share: f32,
    /// Fewest rows and columns of a table.
    pub min_rows: usize,
    pub min_cols: usize,

    // --- columns of the page ---
    /// A strip at least this wide (em) that a run of text lines leaves free
    /// may be the gutter between two columns of the page
    /// ([`crate::page_columns`])...
    pub page_gutter: f32,
    /// ...when each of its sides holds at least this many lines of running
    /// text...
    pub page_column_prose: usize,
    /// ...each one run of at least this many words.
    pub page_prose_words: usize,

    // --- hints ---
    /// Read only this rectangle `[x0, y0, x1, y1]` (a word by its centre, a
    /// ruling when it touches it).
    pub area: Option<[f32; 4]>,
    /// Column separators (x positions) to use instead of the ones found
    /// from the words, for tables without vertical rulings.
    pub columns: Option<Vec<f32>>,

    // --- caps ---
    /// Words read from one page; the rest are ignored.
    pub max_words: usize,
    /// Rulings read from one page; the rest are ignored.
    pub max_rulings: usize,
    /// Pairs of rulings tested for an intersection on one page; beyond it
    /// the page's rulings are not read as grids.
    pub max_intersection_tests: usize,
    /// Grid positions (rows × columns) of one table.
    pub max_cells: usize,
    /// Tables returned for one page.
    pub max_tables: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            snap_tolerance: 3.0,
            join_tolerance: 3.0,
            intersection_tolerance: 3.0,
            min_ruling_length: 3.0,
            min_cell_size: 2.0,
            max_gutter: 1.2,
            frame_min_lines: 3,
            frame_space_ratio: 1.25,
            line_tolerance: 0.3,
            column_gap: 0.6,
            min_gap_keep: 0.1,
            edge_tolerance: 1.0,
            min_cut_space: 0.45,
            max_overhang: 0.5,
            max_line_gap: 3.0,
            max_pitch_jump: 1.5,
            section_gap: 2.5,
            max_section_gap: 5.5,
            section_label_overhang: 0.25,
            size_tolerance: 0.08,
            header_max_lines: 4,
            header_gap: 2.0,
            header_line_pitch: 1.4,
            overlap_ratio: 0.25,
            wrap_pitch_slack: 0.25,
            max_wrap_pitch: 1.5,
            wrap_slack: 0.15,
            widest_tie: 0.5,
            tight_pitch: 0.95,
            open_words: OPEN_WORDS.iter().map(|w| w.to_string()).collect(),
            span_min_share: 0.25,
            aligned_start_lines: 3,
            aligned_start_spread: 1.0,
            centred_share: 0.05,
            min_rows: 2,
            min_cols: 2,
            page_gutter: 1.2,
            page_column_prose: 4,
            page_prose_words: 6,
            area: None,
            columns: None,
            max_words: 20_000,
            max_rulings: 20_000,
            max_intersection_tests: 4_000_000,
            max_cells: 20_000,
            max_tables: 100,
        }
    }
}

/// [`Settings::open_words`] by default: Italian articles, simple and
/// articulated prepositions and conjunctions, and their English peers.
/// A cell's text wraps between words, and a producer never ends a cell on
/// one of these; a line that does goes on below.
pub const OPEN_WORDS: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "a", "da", "in", "con", "su",
    "per", "tra", "fra", "del", "dello", "della", "dei", "degli", "delle", "al", "allo", "alla",
    "ai", "agli", "alle", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "nel", "nello",
    "nella", "nei", "negli", "nelle", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "e", "ed",
    "o", "od", "che", "the", "an", "of", "to", "for", "with", "and", "or", "on", "by", "from",
    "at",
];
