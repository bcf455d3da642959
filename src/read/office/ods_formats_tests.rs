//! Tests of ods_formats.rs, on parts written here in LibreOffice's form.

use super::super::cell_text::{look, Look};
use super::*;

const STYLES: &str = r#"<office:document-styles xmlns:office="o" xmlns:number="n" xmlns:style="s"><office:styles>
<number:date-style style:name="N49">
  <number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/>
  <number:text>-</number:text><number:day number:style="long"/>
</number:date-style>
<number:time-style style:name="N125" number:truncate-on-overflow="false"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>
<number:date-style style:name="N36" number:automatic-order="true"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="Percentuale" style:family="table-cell" style:data-style-name="N10"/>
</office:styles></office:document-styles>"#;

const CONTENT: &str = r#"<office:document-content xmlns:office="o" xmlns:number="n" xmlns:style="s" xmlns:table="t" xmlns:text="x"><office:automatic-styles>
<number:percentage-style style:name="N10"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Percentuale"/>
<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N49"/>
<style:style style:name="ce3" style:family="table-cell" style:data-style-name="N125"/>
</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="Foglio1">
<table:table-column table:number-columns-repeated="2"/><table:table-column table:default-cell-style-name="ce1"/>
<table:table-row><table:table-cell office:value-type="float" office:value="2"/><table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="2022-04-01"/><table:table-cell office:value-type="float" office:value="0.9"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2" table:style-name="ce3" office:value-type="time" office:time-value="PT30H00M00S"/></table:table-row>
<table:table-row><table:table-cell table:formula="of:=TRUE()" office:value-type="float" office:value="1"><text:p>VERO</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;

fn read() -> OdsFormats {
    let mut styles = Styles::default();
    xml::walk(STYLES.as_bytes(), "styles.xml", |e| styles.event(&e)).unwrap();
    let mut out = OdsFormats::default();
    let mut walker = Walker::default();
    xml::walk(CONTENT.as_bytes(), "content.xml", |e| {
        styles.event(&e) && walker.event(e, &styles, &mut out)
    })
    .unwrap();
    out
}

#[test]
fn data_styles_are_written_as_format_codes_of_the_same_look() {
    let f = read();
    let code = f.codes_of("Foglio1");
    // A style of its own, through a named parent style, a column's default.
    assert_eq!(code(0, 1), Some(r#"yyyy"-"mm"-"dd"#));
    assert_eq!(look(code(0, 1).unwrap()), Look::Iso);
    assert_eq!(code(0, 2), Some("0%"));
    assert_eq!(look(code(0, 2).unwrap()), Look::Percent);
    // Hours that run past a day, on every row and column repeated.
    for (r, c) in [(1, 0), (1, 1), (2, 0), (2, 1)] {
        assert_eq!(look(code(r, c).unwrap()), Look::Duration, "{r},{c}");
    }
    // No style: no format.
    assert_eq!(code(0, 0), None);
    assert_eq!(f.codes_of("Altro")(0, 1), None);
}

#[test]
fn a_one_saved_with_a_boolean_word_is_a_boolean() {
    let f = read();
    assert!(f.is_boolean("Foglio1", 3, 0));
    assert!(!f.is_boolean("Foglio1", 3, 1));
    assert!(!f.is_boolean("Foglio1", 0, 0));
}
