//! A lean content-stream lexer for text extraction.
//!
//! lopdf's `Content::decode` builds an `Operation` with an owned operator
//! string and owned operands for every operator, paths and images included;
//! on text-heavy pages that costs more than everything else together, and
//! it gives up at the first damaged token. This lexer reads the stream in
//! place: numbers are parsed on the fly, names and strings are written
//! (unescaped) into one scratch buffer reused by every operator, arrays are
//! flattened between markers, dictionaries and inline-image data are
//! skipped. A token it cannot read is dropped and reading goes on, as
//! viewers do.

/// One operand of the current operator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Operand {
    Num(f32),
    /// Byte range in the scratch buffer.
    Str(u32, u32),
    Name(u32, u32),
    ArrayStart,
    ArrayEnd,
    /// Booleans, null, dictionaries: present but not read.
    Other,
}

pub(super) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// Open arrays: a keyword inside one is not an operator.
    depth: u32,
    pub operands: Vec<Operand>,
    pub scratch: Vec<u8>,
}

/// Most operands kept for one operator; beyond, the oldest are dropped.
const MAX_OPERANDS: usize = 65_536;

fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delim(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            depth: 0,
            operands: Vec::with_capacity(16),
            scratch: Vec::with_capacity(256),
        }
    }

    pub fn bytes(&self, start: u32, end: u32) -> &[u8] {
        &self.scratch[start as usize..end as usize]
    }

    /// The next operator, its operands in `self.operands`; `None` at the end.
    pub fn next_op(&mut self) -> Option<&'a [u8]> {
        self.operands.clear();
        self.scratch.clear();
        self.depth = 0;
        let d = self.data;
        loop {
            while self.pos < d.len() && is_white(d[self.pos]) {
                self.pos += 1;
            }
            if self.pos >= d.len() {
                return None;
            }
            if self.operands.len() >= MAX_OPERANDS {
                self.operands.clear();
                self.scratch.clear();
            }
            let c = d[self.pos];
            match c {
                b'%' => {
                    while self.pos < d.len() && d[self.pos] != b'\n' && d[self.pos] != b'\r' {
                        self.pos += 1;
                    }
                }
                b'/' => {
                    self.pos += 1;
                    let start = self.scratch.len() as u32;
                    while self.pos < d.len() && !is_white(d[self.pos]) && !is_delim(d[self.pos]) {
                        let b = d[self.pos];
                        if b == b'#' && self.pos + 2 < d.len() {
                            if let (Some(h), Some(l)) = (hex(d[self.pos + 1]), hex(d[self.pos + 2]))
                            {
                                self.scratch.push(h << 4 | l);
                                self.pos += 3;
                                continue;
                            }
                        }
                        self.scratch.push(b);
                        self.pos += 1;
                    }
                    self.operands
                        .push(Operand::Name(start, self.scratch.len() as u32));
                }
                b'(' => {
                    let start = self.scratch.len() as u32;
                    self.literal();
                    self.operands
                        .push(Operand::Str(start, self.scratch.len() as u32));
                }
                b'<' if d.get(self.pos + 1) == Some(&b'<') => {
                    self.skip_dict();
                    self.operands.push(Operand::Other);
                }
                b'<' => {
                    self.pos += 1;
                    let start = self.scratch.len() as u32;
                    let mut high: Option<u8> = None;
                    while self.pos < d.len() && d[self.pos] != b'>' {
                        if let Some(v) = hex(d[self.pos]) {
                            match high.take() {
                                Some(h) => self.scratch.push(h << 4 | v),
                                None => high = Some(v),
                            }
                        }
                        self.pos += 1;
                    }
                    if let Some(h) = high {
                        self.scratch.push(h << 4);
                    }
                    self.pos += 1;
                    self.operands
                        .push(Operand::Str(start, self.scratch.len() as u32));
                }
                b'[' => {
                    self.pos += 1;
                    self.depth += 1;
                    self.operands.push(Operand::ArrayStart);
                }
                b']' => {
                    self.pos += 1;
                    self.depth = self.depth.saturating_sub(1);
                    self.operands.push(Operand::ArrayEnd);
                }
                b'{' | b'}' | b')' | b'>' => self.pos += 1,
                b'0'..=b'9' | b'+' | b'-' | b'.' => {
                    let start = self.pos;
                    self.pos += 1;
                    while self.pos < d.len()
                        && matches!(d[self.pos], b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E')
                    {
                        self.pos += 1;
                    }
                    self.operands
                        .push(Operand::Num(number(&d[start..self.pos])));
                }
                _ => {
                    let start = self.pos;
                    while self.pos < d.len() && !is_white(d[self.pos]) && !is_delim(d[self.pos]) {
                        self.pos += 1;
                    }
                    let word = &d[start..self.pos];
                    match word {
                        b"true" | b"false" | b"null" => self.operands.push(Operand::Other),
                        b"BI" => {
                            self.skip_inline_image();
                            self.operands.clear();
                            self.scratch.clear();
                        }
                        // An operator inside an array is damage; keep reading
                        // the array (unless it never closes).
                        _ if self.depth > 0 && self.operands.len() < 4096 => {
                            self.operands.push(Operand::Other)
                        }
                        _ => {
                            self.depth = 0;
                            return Some(word);
                        }
                    }
                }
            }
        }
    }

    fn literal(&mut self) {
        let d = self.data;
        self.pos += 1;
        let mut depth = 1;
        while self.pos < d.len() {
            let c = d[self.pos];
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    self.scratch.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                    self.scratch.push(c);
                }
                b'\\' => {
                    let Some(&e) = d.get(self.pos) else { return };
                    self.pos += 1;
                    match e {
                        b'n' => self.scratch.push(b'\n'),
                        b'r' => self.scratch.push(b'\r'),
                        b't' => self.scratch.push(b'\t'),
                        b'b' => self.scratch.push(8),
                        b'f' => self.scratch.push(12),
                        b'\r' => {
                            if d.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match d.get(self.pos) {
                                    Some(&o @ b'0'..=b'7') => {
                                        v = v * 8 + (o - b'0') as u32;
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            self.scratch.push(v as u8);
                        }
                        other => self.scratch.push(other),
                    }
                }
                _ => self.scratch.push(c),
            }
        }
    }

    /// Skips `<< ... >>`, nested, minding strings.
    fn skip_dict(&mut self) {
        let d = self.data;
        let mut depth = 0usize;
        while self.pos < d.len() {
            match d[self.pos] {
                b'<' if d.get(self.pos + 1) == Some(&b'<') => {
                    depth += 1;
                    self.pos += 2;
                }
                b'>' if d.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                b'(' => {
                    let mark = self.scratch.len();
                    self.literal();
                    self.scratch.truncate(mark);
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips an inline image: its dictionary up to `ID`, then the data up to
    /// an `EI` standing alone.
    fn skip_inline_image(&mut self) {
        let d = self.data;
        while self.pos + 1 < d.len() {
            if d[self.pos] == b'I'
                && d[self.pos + 1] == b'D'
                && self.pos > 0
                && is_white(d[self.pos - 1])
                && d.get(self.pos + 2).is_none_or(|&c| is_white(c))
            {
                self.pos += 3;
                break;
            }
            self.pos += 1;
        }
        while self.pos + 1 < d.len() {
            if d[self.pos] == b'E'
                && d[self.pos + 1] == b'I'
                && self.pos > 0
                && is_white(d[self.pos - 1])
                && d.get(self.pos + 2)
                    .is_none_or(|&c| is_white(c) || is_delim(c))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = d.len();
    }
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Parses a PDF number leniently ("--5", "5.", ".5", "1-2" read as far as valid).
fn number(s: &[u8]) -> f32 {
    let mut neg = false;
    let mut i = 0;
    while i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        neg ^= s[i] == b'-';
        i += 1;
    }
    let mut int: f64 = 0.0;
    while i < s.len() && s[i].is_ascii_digit() {
        int = int * 10.0 + (s[i] - b'0') as f64;
        i += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let mut scale = 0.1;
        while i < s.len() && s[i].is_ascii_digit() {
            int += (s[i] - b'0') as f64 * scale;
            scale *= 0.1;
            i += 1;
        }
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        if let Ok(e) = std::str::from_utf8(&s[i + 1..])
            .unwrap_or("0")
            .parse::<i32>()
        {
            int *= 10f64.powi(e.clamp(-40, 40));
        }
    }
    let v = if neg { -int } else { int } as f32;
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let data = b"BT /F#31 12 Tf [(A\\(b\\)\\101) -250.5 <4142 4>] TJ %c\n<< /A [1 2] /B (x) >> BDC BI /W 1 ID \x00EI\xff EI Q -.5 3. 'x";
        let mut lx = Lexer::new(data);
        assert_eq!(lx.next_op(), Some(&b"BT"[..]));
        assert_eq!(lx.next_op(), Some(&b"Tf"[..]));
        assert_eq!(lx.operands[0], Operand::Name(0, 2));
        assert_eq!(lx.bytes(0, 2), b"F1");
        assert_eq!(lx.operands[1], Operand::Num(12.0));
        assert_eq!(lx.next_op(), Some(&b"TJ"[..]));
        let Operand::Str(s, e) = lx.operands[1] else {
            panic!()
        };
        assert_eq!(lx.bytes(s, e), b"A(b)A");
        assert_eq!(lx.operands[2], Operand::Num(-250.5));
        let Operand::Str(s, e) = lx.operands[3] else {
            panic!()
        };
        assert_eq!(lx.bytes(s, e), b"AB@");
        assert_eq!(lx.next_op(), Some(&b"BDC"[..]));
        assert_eq!(lx.next_op(), Some(&b"Q"[..]));
        assert_eq!(lx.next_op(), Some(&b"'x"[..]));
        assert_eq!(lx.operands, vec![Operand::Num(-0.5), Operand::Num(3.0)]);
        assert_eq!(lx.next_op(), None);
        let mut lx = Lexer::new(b"[(a) Tc (b)] TJ");
        assert_eq!(lx.next_op(), Some(&b"TJ"[..]));
        assert_eq!(lx.operands.len(), 5);
    }
}
