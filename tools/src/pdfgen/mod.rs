//! A small PDF writer for test documents and the benchmark corpus.
//!
//! atti reads PDFs; to test and measure that on many documents we need PDFs
//! whose content we know, made the ways office software makes them. This
//! module writes them with lopdf: [`PdfBuilder`] holds pages of positioned
//! text runs and lines; [`Flow`] lays blocks out from top to bottom across
//! pages; [`TableLayout`] draws headed tables with wrapped cells. Two font set-ups
//! are supported, the standard 14 fonts with WinAnsiEncoding ([`Standard14`])
//! and embedded TrueType as Type0 with Identity-H and a ToUnicode CMap
//! ([`TrueTypeFont`]), and three ways of writing runs ([`TextStyle`]).
//! The output depends only on the input: the same calls give the same bytes.

pub mod builder;
pub mod flow;
pub mod standard;
pub mod table;
pub mod truetype;
pub mod winansi;

pub use builder::{FontId, FontKind, PdfBuilder, TextStyle};
pub use flow::{wrap, Flow, PageSetup};
pub use standard::Standard14;
pub use table::{Column, TableLayout};
pub use truetype::TrueTypeFont;
