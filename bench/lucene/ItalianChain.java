// ItalianChain: atti's "it" analyser (src/index/analyser.rs) built from the
// filters of Lucene 4.10 (Debian's liblucene4.10-java), for the differential
// benchmark (benches/analyser_diff.rs). atti's elision and stop lists are
// passed in by the benchmark (-Dchain.elided=..., -Dchain.stop=..., comma
// separated), so the two chains share them.
//
// stdin : UTF-8 text, one document per line (split on '\n'; a '\r' just before
//         the '\n' is dropped, like Rust's BufRead::lines()).
// stdout: one JSON object per input line, in input order:
//         {"line": N, "tokens": [["term", position], ...]}
//         N is 1-based; position = sum of Lucene position increments - 1, so the
//         first token the tokenizer emits is position 0 and every removed token
//         (stop word, over-long word, lone elided article) leaves a gap.
//         A line whose analysis throws still gets a line:
//         {"line": N, "tokens": [], "error": "..."}
// Option -u: flush after every line (for use as a co-process).
//
// Chain (see README.txt for where it can or cannot mirror atti exactly):
//   PatternTokenizer      letters/digits, an apostrophe kept when a letter or digit
//                         follows it, and a trailing apostrophe kept to end the token
//   Utf8LengthFilter      drop tokens of >= 48 UTF-8 bytes (tantivy RemoveLongFilter(48))
//   PatternReplaceFilter  typographic apostrophes -> '
//   LowerCaseFilter
//   PatternReplaceFilter  the whole token e' -> è  (E' typed for È)
//   ElisionFilter x2      atti's ELIDED list (atti strips repeated elided prefixes)
//   LengthFilter(1..)     drop the empty token a lone "dell'" becomes (leaves a gap)
//   WordDelimiterFilter   split only on ', parts at consecutive positions
//   StopFilter            atti's STOP_WORDS, gaps kept
//   ASCIIFoldingFilter
//   SnowballFilter        org.tartarus.snowball.ext.ItalianStemmer

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.StopFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.CharArraySet;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.analysis.util.FilteringTokenFilter;
import org.apache.lucene.util.Version;
import org.tartarus.snowball.ext.ItalianStemmer;

public class ItalianChain {
    static final Version V = Version.LUCENE_4_10_4;

    // atti's ELIDED and STOP_WORDS, given by the benchmark.
    static final String[] ELIDED = list("chain.elided");
    static final String[] STOP_WORDS = list("chain.stop");

    static String[] list(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("-D" + property + "=a,b,c is required");
        }
        return v.split(",");
    }
    static final int MAX_BYTES = 48; // tantivy RemoveLongFilter::limit(48): keeps len() < 48 bytes

    // atti's is_apostrophe(): ' U+2019 U+2018 U+02BC ` U+00B4
    static final String APOS = "'\u2019\u2018\u02BC`\u00B4";
    // atti's is_word_char(): Rust char::is_alphanumeric() (Unicode Alphabetic or
    // general category N*), apostrophes excepted (U+02BC is Alphabetic).
    static final String AN = "[[\\p{IsAlphabetic}\\p{N}]&&[^" + APOS + "]]";
    // A word starts at a letter/digit; an apostrophe joins only if a letter/digit follows;
    // otherwise one trailing apostrophe is taken into the token and ends it (po', E').
    // Written as AN+ ('AN+)* '? with possessive quantifiers: same language as
    // AN (AN | '(?=AN))* '? but no per-character regex recursion on very long words.
    static final Pattern WORD = Pattern.compile(
        AN + "++(?:[" + APOS + "]" + AN + "++)*+[" + APOS + "]?+");

    /** Drops tokens whose UTF-8 encoding is MAX_BYTES bytes or more (gap kept). */
    static final class Utf8LengthFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        Utf8LengthFilter(TokenStream in) { super(V, in); }
        @Override protected boolean accept() {
            char[] b = term.buffer();
            int n = term.length(), bytes = 0;
            for (int i = 0; i < n; i++) {
                char c = b[i];
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
            return bytes < MAX_BYTES;
        }
    }

    static Analyzer build() {
        final CharArraySet elided = new CharArraySet(V, Arrays.asList(ELIDED), false);
        final CharArraySet stop = new CharArraySet(V, Arrays.asList(STOP_WORDS), false);
        // WordDelimiterFilter type table: every UTF-16 unit is a letter except the
        // apostrophe, so the only split is on ' (no case/number splits, no possessive stemming).
        final byte[] types = new byte[65536];
        Arrays.fill(types, (byte) WordDelimiterFilter.ALPHA);
        types['\''] = (byte) WordDelimiterFilter.SUBWORD_DELIM;
        final Pattern anyApos = Pattern.compile("[" + APOS.substring(1) + "]");
        final Pattern eAccent = Pattern.compile("^e'$");

        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field, Reader reader) {
                Tokenizer tok = new PatternTokenizer(reader, WORD, 0);
                TokenStream ts = new Utf8LengthFilter(tok);
                ts = new PatternReplaceFilter(ts, anyApos, "'", true);
                ts = new LowerCaseFilter(V, ts);
                ts = new PatternReplaceFilter(ts, eAccent, "è", false);
                ts = new ElisionFilter(ts, elided);
                ts = new ElisionFilter(ts, elided); // "l'un'altra" -> "altra", like atti's loop
                ts = new LengthFilter(V, ts, 1, Integer.MAX_VALUE);
                ts = new WordDelimiterFilter(V, ts, types, WordDelimiterFilter.GENERATE_WORD_PARTS, null);
                ts = new StopFilter(V, ts, stop);
                ts = new ASCIIFoldingFilter(ts);
                ts = new SnowballFilter(ts, new ItalianStemmer());
                return new TokenStreamComponents(tok, ts);
            }
        };
    }

    static void json(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        sb.append('"');
    }

    /** Analyses one line into sb; throws on failure (sb is then discarded by the caller). */
    static void analyse(Analyzer a, String line, StringBuilder sb, boolean fail) throws IOException {
        try (TokenStream ts = a.tokenStream("body", line)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            boolean first = true;
            while (ts.incrementToken()) {
                if (fail) throw new IllegalStateException("injected failure (-Dchain.failOn)");
                pos += inc.getPositionIncrement();
                if (!first) sb.append(", ");
                first = false;
                sb.append('[');
                json(sb, term.toString());
                sb.append(", ").append(pos).append(']');
            }
            ts.end();
        }
    }

    /** Reads one line split on '\n' only, dropping a '\r' before it; null at EOF. */
    static String readLine(Reader in, StringBuilder buf) throws IOException {
        buf.setLength(0);
        int c;
        boolean any = false;
        while ((c = in.read()) != -1) {
            any = true;
            if (c == '\n') break;
            buf.append((char) c);
        }
        if (!any) return null;
        int n = buf.length();
        if (c == '\n' && n > 0 && buf.charAt(n - 1) == '\r') buf.setLength(n - 1);
        return buf.toString();
    }

    public static void main(String[] args) throws IOException {
        boolean flushEach = args.length > 0 && args[0].equals("-u");
        // Malformed UTF-8 is replaced by U+FFFD (InputStreamReader's default), never fatal.
        Reader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        Analyzer a = build();
        StringBuilder lineBuf = new StringBuilder(), sb = new StringBuilder();
        String line;
        long n = 0;
        // Test hook: -Dchain.failOn=N makes line N throw mid-stream, to exercise recovery.
        long failOn = Long.getLong("chain.failOn", -1L);
        while ((line = readLine(in, lineBuf)) != null) {
            n++;
            sb.setLength(0);
            sb.append("{\"line\": ").append(n).append(", \"tokens\": [");
            try {
                analyse(a, line, sb, n == failOn);
                sb.append("]}\n");
            } catch (Throwable t) {
                sb.setLength(0);
                sb.append("{\"line\": ").append(n).append(", \"tokens\": [], \"error\": ");
                json(sb, String.valueOf(t));
                sb.append("}\n");
                try { a.close(); } catch (Throwable ignored) { }
                a = build(); // a failed stream may leave the reused components unusable
            }
            out.write(sb.toString());
            if (flushEach) out.flush();
        }
        out.flush();
    }
}
