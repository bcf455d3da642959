//! A record as the index stores it: its JSON without the members whose value
//! is `null` (they read back as absent all the same, and most of a record's
//! optional values are absent). Done on the text serde_json writes, in one
//! pass, rather than through a `serde_json::Value` tree built and written
//! again, which cost a record about as much as indexing its words.

/// `json` (compact, as `serde_json::to_string` writes it) without the
/// object members whose value is `null`, at any depth. A `null` in an array
/// stays: it is a position, not an absent member.
pub fn drop_null_members(json: &str) -> String {
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    // The open containers, `{` or `[`; the last byte seen outside strings.
    let mut open: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        match b[i] {
            b'"' => {
                let end = string_end(b, i);
                let key = open.last() == Some(&b'{') && matches!(prev, b'{' | b',');
                if key && null_value(b, end) {
                    out.push_str(&json[copied..i]);
                    // `"k":null` is 7 bytes past the key's closing quote.
                    let mut next = end + 5;
                    if b.get(next) == Some(&b',') {
                        next += 1;
                    } else if out.ends_with(',') {
                        out.pop();
                        prev = b'{';
                    }
                    copied = next;
                    i = next;
                    continue;
                }
                prev = b'"';
                i = end;
                continue;
            }
            c @ (b'{' | b'[') => open.push(c),
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
        prev = b[i];
        i += 1;
    }
    out.push_str(&json[copied..]);
    out
}

/// The index just past the string that opens at `start`.
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// Whether `:null` follows a key that ends at `at`, and the member ends there.
fn null_value(b: &[u8], at: usize) -> bool {
    b.get(at..at + 5) == Some(b":null") && matches!(b.get(at + 5), Some(b',' | b'}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// What the tree-based way gave: every null member removed, at any depth.
    fn by_tree(v: &mut Value) {
        match v {
            Value::Object(o) => {
                o.retain(|_, x| !x.is_null());
                o.values_mut().for_each(by_tree);
            }
            Value::Array(a) => a.iter_mut().for_each(by_tree),
            _ => {}
        }
    }

    fn same_as_tree(v: Value) {
        let text = serde_json::to_string(&v).unwrap();
        let ours: Value = serde_json::from_str(&drop_null_members(&text)).unwrap();
        let mut want = v;
        by_tree(&mut want);
        assert_eq!(ours, want, "{text}");
    }

    #[test]
    fn null_members_go_at_every_depth_and_nothing_else_changes() {
        assert_eq!(drop_null_members(r#"{"a":null}"#), "{}");
        assert_eq!(drop_null_members(r#"{"a":1,"b":null}"#), r#"{"a":1}"#);
        assert_eq!(drop_null_members(r#"{"a":null,"b":2}"#), r#"{"b":2}"#);
        assert_eq!(
            drop_null_members(r#"{"a":null,"b":null,"c":[null,{"d":null}]}"#),
            r#"{"c":[null,{}]}"#
        );
        same_as_tree(json!({
            "text": "\"k\":null, {\"x\":null}",
            "esc": "a\\",
            "n": null,
            "nested": {"list": [1, null, {"z": null, "w": "null"}], "e": {}},
            "nullish": "null",
            "last": null
        }));
        same_as_tree(json!([null, {"a": null}, [], {}]));
        same_as_tree(json!({"ç\"": null, "é": {"ü": [{"o": null, "p": false}]}}));
    }

    #[test]
    fn a_record_of_the_seeds_reads_back_the_same() {
        for doc in [
            super::super::tests::peg_seed(),
            super::super::tests::giunta_convenzione(),
        ] {
            let full = serde_json::to_string(&doc).unwrap();
            assert!(full.contains(":null"), "the record has absent values");
            same_as_tree(serde_json::from_str(&full).unwrap());
        }
    }
}
