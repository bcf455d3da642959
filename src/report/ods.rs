//! The OpenDocument spreadsheet form of a report (the open format Italian
//! administrations are asked to publish in): one sheet, the header row
//! frozen, dates as dates, amounts as euro currency, codes as text.
//!
//! An .ods file is a zip of a few XML parts; atti writes them with the zip
//! crate it already builds for the xlsx writer rather than a spreadsheet
//! library, since a report's sheet needs only typed cells, three number
//! styles and the frozen row.

use std::io::Write;

use super::fields::Ty;
use super::format::{DateFormat, Value};
use super::run::Output;
use super::sheet::{cell_text, column_width, sheet_name};
use super::template::{Column, Template};
use crate::error::{Error, Result};

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => o.push(c),
        }
    }
    o
}

fn text_cell(s: &str, style: Option<&str>) -> String {
    let st = style
        .map(|s| format!(" table:style-name=\"{s}\""))
        .unwrap_or_default();
    let paras: String = s
        .split('\n')
        .map(|l| format!("<text:p>{}</text:p>", esc(l)))
        .collect();
    format!("<table:table-cell office:value-type=\"string\"{st}>{paras}</table:table-cell>")
}

fn date_style(f: DateFormat) -> &'static str {
    match f {
        DateFormat::DashDmy => "cdash",
        DateFormat::SlashDmy => "cslash",
        DateFormat::Iso => "ciso",
    }
}

fn cell(c: &Column, v: &Value) -> String {
    match (c.ty, v) {
        (_, Value::Empty) => "<table:table-cell/>".into(),
        (Ty::Date, Value::Date(d)) => format!(
            "<table:table-cell office:value-type=\"date\" office:date-value=\"{}\" table:style-name=\"{}\"><text:p>{}</text:p></table:table-cell>",
            d.format("%Y-%m-%d"),
            date_style(c.date_format),
            cell_text(c, v)
        ),
        (Ty::Amount, Value::Number(_) | Value::Integer(_)) => {
            let x = v.number().unwrap_or_default();
            format!(
                "<table:table-cell office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"{x:.2}\" table:style-name=\"ceuro\"><text:p>{}</text:p></table:table-cell>",
                cell_text(c, v)
            )
        }
        (Ty::Number | Ty::Percent | Ty::Integer, Value::Number(_) | Value::Integer(_)) => {
            let x = v.number().unwrap_or_default();
            format!(
                "<table:table-cell office:value-type=\"float\" office:value=\"{x}\"><text:p>{}</text:p></table:table-cell>",
                cell_text(c, v)
            )
        }
        _ => text_cell(&cell_text(c, v), Some("ctext")),
    }
}

const NS: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" office:version=\"1.2\"";

fn date_number_style(name: &str, sep: &str, iso: bool) -> String {
    let (d, m, y) = (
        "<number:day number:style=\"long\"/>",
        "<number:month number:style=\"long\"/>",
        "<number:year number:style=\"long\"/>",
    );
    let t = format!("<number:text>{sep}</number:text>");
    let body = if iso {
        format!("{y}{t}{m}{t}{d}")
    } else {
        format!("{d}{t}{m}{t}{y}")
    };
    format!("<number:date-style style:name=\"{name}\">{body}</number:date-style>")
}

fn content(t: &Template, out: &Output) -> String {
    let mut s = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {NS}><office:automatic-styles>");
    s.push_str(&date_number_style("Ndash", "-", false));
    s.push_str(&date_number_style("Nslash", "/", false));
    s.push_str(&date_number_style("Niso", "-", true));
    s.push_str("<number:currency-style style:name=\"Neuro\"><number:number number:decimal-places=\"2\" number:min-decimal-places=\"2\" number:min-integer-digits=\"1\" number:grouping=\"true\"/><number:text> </number:text><number:currency-symbol number:language=\"it\" number:country=\"IT\">€</number:currency-symbol></number:currency-style>");
    s.push_str(
        "<number:text-style style:name=\"Ntext\"><number:text-content/></number:text-style>",
    );
    for (st, n) in [
        ("cdash", "Ndash"),
        ("cslash", "Nslash"),
        ("ciso", "Niso"),
        ("ceuro", "Neuro"),
        ("ctext", "Ntext"),
    ] {
        s.push_str(&format!("<style:style style:name=\"{st}\" style:family=\"table-cell\" style:data-style-name=\"{n}\"/>"));
    }
    s.push_str("<style:style style:name=\"chead\" style:family=\"table-cell\"><style:text-properties fo:font-weight=\"bold\"/></style:style>");
    for (i, c) in t.columns.iter().enumerate() {
        s.push_str(&format!(
            "<style:style style:name=\"co{i}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{:.2}cm\"/></style:style>",
            column_width(c) * 0.2
        ));
    }
    s.push_str("</office:automatic-styles><office:body><office:spreadsheet>");
    s.push_str(&format!(
        "<table:table table:name=\"{}\">",
        esc(&sheet_name(&t.sheet))
    ));
    for i in 0..t.columns.len() {
        s.push_str(&format!("<table:table-column table:style-name=\"co{i}\"/>"));
    }
    if t.file_options.header_block {
        for (k, v) in &out.header_block {
            let value = match v {
                Value::Date(d) => format!(
                    "<table:table-cell office:value-type=\"date\" office:date-value=\"{}\" table:style-name=\"cslash\"><text:p>{}</text:p></table:table-cell>",
                    d.format("%Y-%m-%d"),
                    DateFormat::SlashDmy.write(*d)
                ),
                Value::Integer(n) => format!("<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"),
                other => text_cell(&super::context::text(other), None),
            };
            s.push_str(&format!(
                "<table:table-row>{}{value}</table:table-row>",
                text_cell(k, Some("chead"))
            ));
        }
        s.push_str("<table:table-row><table:table-cell/></table:table-row>");
    }
    s.push_str("<table:table-header-rows><table:table-row>");
    for c in &t.columns {
        s.push_str(&text_cell(&c.header, Some("chead")));
    }
    s.push_str("</table:table-row></table:table-header-rows>");
    for r in &out.rows {
        s.push_str("<table:table-row>");
        for (c, v) in t.columns.iter().zip(r) {
            s.push_str(&cell(c, v));
        }
        s.push_str("</table:table-row>");
    }
    s.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    s
}

/// settings.xml: the rows down to the header frozen on the sheet.
fn settings(sheet: &str, frozen: usize) -> String {
    let item = |n: &str, t: &str, v: &str| {
        format!(
            "<config:config-item config:name=\"{n}\" config:type=\"{t}\">{v}</config:config-item>"
        )
    };
    let f = frozen.to_string();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-settings {NS}><office:settings><config:config-item-set config:name=\"ooo:view-settings\"><config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>{}<config:config-item-map-named config:name=\"Tables\"><config:config-item-map-entry config:name=\"{}\">{}{}{}{}{}{}</config:config-item-map-entry></config:config-item-map-named></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>",
        item("ViewId", "string", "view1"),
        esc(&sheet_name(sheet)),
        item("HorizontalSplitMode", "short", "0"),
        item("VerticalSplitMode", "short", "2"),
        item("VerticalSplitPosition", "int", &f),
        item("ActiveSplitRange", "short", "2"),
        item("PositionTop", "int", "0"),
        item("PositionBottom", "int", &f),
    )
}

const MANIFEST: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";

pub fn write(t: &Template, out: &Output, w: &mut dyn Write) -> Result<()> {
    use zip::write::SimpleFileOptions;
    let zerr = |e: zip::result::ZipError| Error::Usage(format!("ods: {e}"));
    let io = |e| Error::io("<output>", e);
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("mimetype", stored).map_err(zerr)?;
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .map_err(io)?;
    z.start_file("content.xml", deflated).map_err(zerr)?;
    z.write_all(content(t, out).as_bytes()).map_err(io)?;
    let frozen = if t.file_options.header_block {
        out.header_block.len() + 2
    } else {
        1
    };
    z.start_file("settings.xml", deflated).map_err(zerr)?;
    z.write_all(settings(&t.sheet, frozen).as_bytes())
        .map_err(io)?;
    z.start_file("META-INF/manifest.xml", deflated)
        .map_err(zerr)?;
    z.write_all(MANIFEST.as_bytes()).map_err(io)?;
    let bytes = z.finish().map_err(zerr)?.into_inner();
    w.write_all(&bytes).map_err(io)
}
