//! Text made safe for where it is written: a terminal, Markdown, HTML.
//!
//! File names and the text of documents come from outside and may hold
//! anything: terminal escape sequences that recolour or rewrite a screen,
//! `<script>` for a page that renders the Markdown report, a `|` that breaks
//! a table. Everything atti writes for a person goes through one of these.

use std::borrow::Cow;

/// For a terminal: control characters (ESC, BEL, backspace, C1 controls...)
/// written as `\x1B` or `\u{9B}`; tabs and newlines kept.
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x80 && c.is_control() => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// For HTML element content and attribute values.
pub fn html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {
                o.push_str(&format!("&#x{:X};", c as u32))
            }
            _ => o.push(c),
        }
    }
    o
}

/// For a Markdown table cell or heading: one line, HTML escaped (a renderer
/// passes raw HTML through), backslashes and pipes escaped, control
/// characters written as escapes.
pub fn markdown(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut o = String::with_capacity(one_line.len());
    for c in one_line.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '|' => o.push_str("\\|"),
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            c if c.is_control() => o.push_str(&terminal(&c.to_string())),
            _ => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_shown_not_obeyed() {
        assert_eq!(terminal("a\u{1b}[31mrosso\u{7}"), "a\\x1B[31mrosso\\x07");
        assert_eq!(terminal("\u{9b}2J"), "\\u{9B}2J");
        assert_eq!(terminal("riga\n\tsotto"), "riga\n\tsotto");
        assert_eq!(
            markdown("<svg onload=alert(1)> a|b \\ \u{1b}"),
            "&lt;svg onload=alert(1)&gt; a\\|b \\\\ \\x1B"
        );
        assert_eq!(
            html("<script>\"x\"</script>"),
            "&lt;script&gt;&quot;x&quot;&lt;/script&gt;"
        );
    }
}
