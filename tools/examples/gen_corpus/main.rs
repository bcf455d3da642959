//! gen_corpus: writes a synthetic archive of PEG sheets and deliberations for
//! tests and benchmarks.
//!
//! ```text
//! cargo run --release -p atti-dev --example gen_corpus -- --docs 10000 --out DIR --seed 1
//! ```
//!
//! DIR/pdf, DIR/txt and DIR/html hold the documents (in sub-folders of 1000
//! files, as archives are split), and DIR/manifest.jsonl says, for each file,
//! what it is and the main values written into it (code, dates, number of
//! phases...), so that extraction can be checked against what was generated.
//! The same seed and number of documents give the same bytes, on any machine
//! and with any number of threads. PDFs use the standard 14 fonts with
//! WinAnsiEncoding and, when a TrueType font is found (`--ttf`, by default
//! DejaVu Sans from Debian's fonts-dejavu-core), embedded TrueType with
//! Identity-H and ToUnicode.

mod model;
mod render_pdf;
mod render_text;
mod rng;
mod vocab;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;
use serde_json::json;

use atti_dev::pdfgen::TrueTypeFont;
use model::{Deliberation, Organ, Peg};
use render_pdf::Fonts;
use rng::Rng;

const DEFAULT_TTF: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

#[derive(Debug, Parser)]
#[command(about = "Write a synthetic corpus of PEG sheets and deliberations (PDF, text, HTML)")]
struct Args {
    /// How many documents.
    #[arg(long, default_value_t = 1000)]
    docs: usize,
    /// Output folder (created; existing files with the same names are overwritten).
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Percentages of PDF, text and HTML files.
    #[arg(long, default_value = "60,30,10")]
    mix: String,
    /// TrueType font to embed in some PDFs.
    #[arg(long, default_value = DEFAULT_TTF)]
    ttf: PathBuf,
    /// Bold TrueType font [default: the --ttf file name with -Bold, if present].
    #[arg(long)]
    ttf_bold: Option<PathBuf>,
    /// Worker threads [default: number of cores].
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
}

/// Every character the documents can contain: ASCII, Latin-1 and the
/// typographic signs of Windows-1252.
fn charset() -> Vec<char> {
    let mut v: Vec<char> = (0x20u32..0x7F)
        .chain(0xA0..0x100)
        .filter_map(char::from_u32)
        .collect();
    v.extend("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".chars());
    v
}

fn load_font(path: &Path) -> Option<Arc<TrueTypeFont>> {
    if !path.exists() {
        return None;
    }
    match TrueTypeFont::load(path).and_then(|f| f.subset(charset())) {
        Ok(f) => Some(Arc::new(f)),
        Err(e) => {
            eprintln!("gen_corpus: cannot use {}: {e}", path.display());
            None
        }
    }
}

fn parse_mix(s: &str) -> Result<[usize; 3], String> {
    let v: Vec<usize> = s
        .split(',')
        .map(|p| {
            p.trim()
                .parse::<usize>()
                .map_err(|e| format!("--mix {s}: {e}"))
        })
        .collect::<Result<_, _>>()?;
    match v.as_slice() {
        [a, b, c] if a + b + c > 0 => Ok([*a, *b, *c]),
        _ => Err(format!(
            "--mix {s}: three percentages, PDF,text,HTML, e.g. 60,30,10"
        )),
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = match c {
            'à' | 'á' => 'a',
            'è' | 'é' => 'e',
            'ì' => 'i',
            'ò' => 'o',
            'ù' => 'u',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '_',
        };
        if !(c == '_' && out.ends_with('_')) {
            out.push(c);
        }
    }
    out.trim_matches('_').to_owned()
}

struct Made {
    manifest: serde_json::Value,
    format: usize,
    bytes: u64,
}

fn make_one(i: usize, a: &Args, mix: &[usize; 3], fonts: &Fonts) -> std::io::Result<Made> {
    let mut rng = Rng::for_doc(a.seed, i as u64);
    let total: usize = mix.iter().sum();
    let roll = rng.below(total);
    let format = if roll < mix[0] {
        0
    } else if roll < mix[0] + mix[1] {
        1
    } else {
        2
    };
    let is_peg = rng.chance(0.5);
    let (peg, delib) = if is_peg {
        (Some(Peg::generate(&mut rng)), None)
    } else {
        (None, Some(Deliberation::generate(&mut rng)))
    };
    let stem = match (&peg, &delib) {
        (Some(p), _) => format!("peg_{}_{}_{i:06}", p.code, slug(&p.comune)),
        (_, Some(d)) => format!(
            "{}_{}_{}_{:03}_{i:06}",
            slug(&d.comune),
            if d.organ == Organ::Giunta {
                "dgc"
            } else {
                "dcc"
            },
            d.date.y,
            d.number
        ),
        _ => unreachable!(),
    };
    let ext = ["pdf", "txt", "html"][format];
    let rel = format!("{ext}/{:03}/{stem}.{ext}", i / 1000);
    let mut m = match (&peg, &delib) {
        (Some(p), _) => json!({
            "kind": "peg", "comune": p.comune, "year": p.year, "code": p.code, "title": p.title,
            "direzione": p.direzione, "direttore": p.direttore, "dirigente": p.dirigente,
            "phases": p.phases.len(), "indicators": p.indicators.len(),
            "first_phase_start": p.phases.first().map(|f| f.start.iso()),
            "last_phase_end": p.phases.last().map(|f| f.end.iso()),
        }),
        (_, Some(d)) => json!({
            "kind": "deliberation", "comune": d.comune,
            "organ": if d.organ == Organ::Giunta { "giunta" } else { "consiglio" },
            "number": d.number, "date": d.date.iso(), "subject": d.subject,
            "members": d.members.len(), "present": d.members.iter().filter(|m| m.present).count(),
            "immediately_executable": d.immediately_executable,
        }),
        _ => unreachable!(),
    };
    m["file"] = json!(rel);
    m["format"] = json!(ext);
    let bytes: Vec<u8> = match format {
        0 => {
            let r = match (&peg, &delib) {
                (Some(p), _) => render_pdf::peg(p, &mut rng, fonts)?,
                (_, Some(d)) => render_pdf::deliberation(d, &mut rng, fonts)?,
                _ => unreachable!(),
            };
            m["pages"] = json!(r.pages);
            m["fonts"] = json!(r.fonts);
            m["text_style"] = json!(r.style);
            r.bytes
        }
        1 => {
            let mut text = match (&peg, &delib) {
                (Some(p), _) => render_text::peg_text(p),
                (_, Some(d)) => render_text::deliberation_text(d),
                _ => unreachable!(),
            };
            if rng.chance(0.3) {
                text = text.replace('\n', "\r\n");
                m["line_ends"] = json!("crlf");
            }
            if rng.chance(0.3) {
                m["encoding"] = json!("windows-1252");
                encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
            } else {
                m["encoding"] = json!("utf-8");
                text.into_bytes()
            }
        }
        _ => match (&peg, &delib) {
            (Some(p), _) => render_text::peg_html(p).into_bytes(),
            (_, Some(d)) => render_text::deliberation_html(d).into_bytes(),
            _ => unreachable!(),
        },
    };
    let path = a.out.join(&rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&path, &bytes)?;
    m["bytes"] = json!(bytes.len());
    Ok(Made {
        manifest: m,
        format,
        bytes: bytes.len() as u64,
    })
}

fn main() {
    let a = Args::parse();
    let mix = match parse_mix(&a.mix) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let regular = load_font(&a.ttf);
    let bold_path = a.ttf_bold.clone().unwrap_or_else(|| {
        let stem = a
            .ttf
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        a.ttf.with_file_name(format!("{stem}-Bold.ttf"))
    });
    let bold = regular.as_ref().and_then(|_| load_font(&bold_path));
    if regular.is_none() {
        eprintln!(
            "gen_corpus: notice: TrueType font {} not found; every PDF uses the standard 14 fonts \
             (install fonts-dejavu-core or pass --ttf PATH for embedded Identity-H fonts)",
            a.ttf.display()
        );
    }
    let fonts = Fonts { regular, bold };
    if let Err(e) = std::fs::create_dir_all(&a.out) {
        eprintln!("gen_corpus: {}: {e}", a.out.display());
        std::process::exit(2);
    }
    let run = || -> std::io::Result<Vec<Made>> {
        (0..a.docs)
            .into_par_iter()
            .map(|i| make_one(i, &a, &mix, &fonts))
            .collect()
    };
    let made = match a.jobs {
        Some(j) => rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build()
            .map_err(std::io::Error::other)
            .and_then(|p| p.install(run)),
        None => run(),
    };
    let made = match made {
        Ok(m) => m,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::exit(1);
        }
    };
    let mut manifest = String::new();
    let mut counts = [0usize; 3];
    let mut bytes = [0u64; 3];
    for m in &made {
        manifest.push_str(&m.manifest.to_string());
        manifest.push('\n');
        counts[m.format] += 1;
        bytes[m.format] += m.bytes;
    }
    let mpath = a.out.join("manifest.jsonl");
    if let Err(e) = std::fs::write(&mpath, manifest) {
        eprintln!("gen_corpus: {}: {e}", mpath.display());
        std::process::exit(1);
    }
    let mb = |b: u64| b as f64 / 1_000_000.0;
    eprintln!(
        "gen_corpus: {} documents in {:.1} s into {}: {} PDF ({:.1} MB), {} text ({:.1} MB), {} HTML ({:.1} MB); seed {}",
        a.docs,
        started.elapsed().as_secs_f64(),
        a.out.display(),
        counts[0],
        mb(bytes[0]),
        counts[1],
        mb(bytes[1]),
        counts[2],
        mb(bytes[2]),
        a.seed
    );
}
