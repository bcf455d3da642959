//! The OCR layer: a scanned page becomes a [`Page`] of positioned words,
//! the same model the PDF reader produces, so rules, tables and provenance
//! work on scans as they do on text PDFs.
//!
//! Two external programs do the work, each behind an [`Tools::installed`]
//! check as Camelot's backends are: `pdftoppm` (poppler-utils) renders a
//! PDF page to a grey image ([`raster`]), and `tesseract` (with its
//! language data, `tesseract-ocr-ita` for Italian, and the `osd` data every
//! Debian tesseract has) reads it with automatic page segmentation and
//! orientation detection (`--psm 1`) into TSV ([`tsv`]): words with their
//! boxes and confidences. Every page, rendered from a PDF or decoded from
//! an image file ([`images`], by netpbm), goes through one preparation
//! ([`prepare`]): its specks taken away, turned upright by a quick
//! orientation pass ([`osd::orientations`]: tesseract's own turn loses
//! lines, on an upside-down page at 300 dpi a fifth of them), levelled
//! when it was scanned askew ([`skew`]); and the reading checks the turn
//! ([`osd::turns`]: the way the words run); a page the quick pass left
//! turned is turned again and read once more (the first reading is made
//! as upright, `--psm 3`, and only one that comes out unsure, under
//! [`osd::SURE_READING`], is checked so). An image file on a machine
//! without netpbm is read once, as it is, and its boxes turned by the
//! orientation its reading shows.
//! tesseract's words are then cleaned by what the ink shows (the
//! rulings read as bars: [`clean`]; a capital's lost accent: [`accents`];
//! missed spaces: [`spaces`]; a list's bullet read as `*`: [`bullets`]).
//! Boxes are scaled from pixels to points, so a page scanned upside down
//! comes out upright, in reading order. Each program runs with a time limit
//! ([`run`]); tesseract runs on one thread (`OMP_THREAD_LIMIT=1`), since
//! atti already reads files in parallel and tesseract's threads only fight
//! each other on a busy machine (on two cores: 1.5 s a page instead of
//! 11 s).
//!
//! This crate knows nothing of when a page needs OCR: that is the reader's
//! decision (`src/read/ocr.rs` in the application).

pub mod accents;
pub mod bullets;
pub mod cache;
pub mod clean;
pub mod images;
pub mod numbers;
pub mod osd;
pub mod prepare;
pub mod raster;
pub mod rows;
pub mod run;
pub mod skew;
pub mod spaces;
pub mod tsv;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use atti_page::{Page, Word};

/// Why a page could not be read by OCR.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A program is missing or lacks its data.
    #[error("{0}")]
    Unavailable(String),
    /// A program ran too long and was stopped.
    #[error("{program} took longer than {seconds} s and was stopped")]
    Timeout { program: String, seconds: u64 },
    /// A program failed.
    #[error("{program} failed: {message}")]
    Failed { program: String, message: String },
    /// A temporary file could not be written or read.
    #[error("temporary file: {0}")]
    Io(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How pages are read.
#[derive(Debug, Clone)]
pub struct Settings {
    /// tesseract's languages, `ita` or `ita+eng`.
    pub lang: String,
    /// Resolution PDF pages are rendered at.
    pub dpi: u32,
    /// Time allowed to each program run for one page.
    pub page_timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: "ita".into(),
            dpi: 300,
            page_timeout: Duration::from_secs(120),
        }
    }
}

/// The programs found on this machine.
#[derive(Debug, Clone)]
pub struct Tools {
    pub tesseract: PathBuf,
    /// `pdftoppm`, when installed: without it, only image files are read.
    pub pdftoppm: Option<PathBuf>,
    /// tesseract's version line, e.g. `tesseract 5.3.0`.
    pub version: String,
    /// netpbm's decoders of image files, those installed.
    pub decoders: images::Decoders,
}

/// One page read by OCR.
#[derive(Debug, Clone)]
pub struct OcrPage {
    pub page: Page,
    /// Clockwise degrees the image was turned to read it upright (0, 90,
    /// 180, 270).
    pub rotated: u32,
    /// Mean word confidence, 0 to 100 (0 when no word was read).
    pub confidence: f32,
}

impl Tools {
    /// The programs OCR needs, with the languages of `lang` installed;
    /// the error says, in Italian, what is missing and how to install it.
    pub fn installed(lang: &str) -> Result<Tools> {
        let tesseract = find("tesseract").ok_or_else(|| {
            Error::Unavailable(
                "tesseract non è installato (Debian: apt-get install tesseract-ocr tesseract-ocr-ita)"
                    .into(),
            )
        })?;
        let out = run::output(
            std::process::Command::new(&tesseract).arg("--list-langs"),
            Duration::from_secs(20),
            "tesseract",
        )?;
        let listed = String::from_utf8_lossy(&out);
        let langs: Vec<&str> = listed.lines().skip(1).map(str::trim).collect();
        for want in lang.split('+').filter(|l| !l.is_empty()) {
            if !langs.contains(&want) {
                return Err(Error::Unavailable(format!(
                    "a tesseract manca la lingua `{want}` (Debian: apt-get install tesseract-ocr-{want})"
                )));
            }
        }
        if !langs.contains(&"osd") {
            return Err(Error::Unavailable(
                "a tesseract mancano i dati dell'orientamento `osd` (Debian: apt-get install tesseract-ocr-osd)"
                    .into(),
            ));
        }
        let version = run::output(
            std::process::Command::new(&tesseract).arg("--version"),
            Duration::from_secs(20),
            "tesseract",
        )
        .map(|v| {
            String::from_utf8_lossy(&v)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        })
        .unwrap_or_default();
        Ok(Tools {
            tesseract,
            pdftoppm: find("pdftoppm"),
            version,
            decoders: images::Decoders::installed(),
        })
    }

    /// Reads every page of an image file (a multi-page TIFF has several):
    /// decoded to grey ([`images`]) and prepared as a rendered page is;
    /// without a decoder, read once as it is and its boxes turned by the
    /// orientation its reading shows.
    /// `each` is called with every page as soon as it is read (a file's
    /// time limit is pushed back page by page).
    pub fn read_image(
        &self,
        image: &Path,
        s: &Settings,
        each: &mut dyn FnMut(OcrPage),
    ) -> Result<()> {
        if let Some((pages, dpi)) = self.decoders.pages(image, s)? {
            let dir = image.parent().unwrap_or(Path::new("."));
            for (g, number) in pages.into_iter().zip(1u32..) {
                each(self.read_gray(g, None, dpi, number, s, dir)?);
            }
            return Ok(());
        }
        let tsv = self.tsv(image, s, None, Segmentation::Orient)?;
        tsv::pages(&tsv, &osd::turns(&tsv), None, None)
            .into_iter()
            .for_each(each);
        Ok(())
    }

    /// Renders page `number` (1-based) of the PDF file `pdf` and reads it.
    pub fn read_pdf_page(
        &self,
        pdf: &Path,
        number: u32,
        s: &Settings,
        dir: &Path,
    ) -> Result<OcrPage> {
        let pdftoppm = self.pdftoppm.as_ref().ok_or_else(|| {
            Error::Unavailable(
                "pdftoppm non è installato (Debian: apt-get install poppler-utils)".into(),
            )
        })?;
        let image = raster::render(pdftoppm, pdf, number, s, dir)?;
        let g = raster::Gray::load(&image)?;
        self.read_gray(g, Some(image), s.dpi, number, s, dir)
    }

    /// Reads a page image `g` at `dpi`: its specks taken away, turned
    /// upright by a quick orientation pass (tesseract's own turn loses
    /// lines, on an upside-down page at 300 dpi a fifth of them), levelled
    /// ([`prepare`]), then read as upright; a reading that comes out
    /// unsure is checked by the way its words run ([`osd::turns`]) and a
    /// page still turned is turned again and read once more. `file` is
    /// the image already on disk as it is in `g` (a rendered page), kept
    /// as tesseract's input while nothing changes it.
    fn read_gray(
        &self,
        mut g: raster::Gray,
        file: Option<PathBuf>,
        dpi: u32,
        number: u32,
        s: &Settings,
        dir: &Path,
    ) -> Result<OcrPage> {
        let image = file.unwrap_or_else(|| dir.join(format!("page-{number}.pgm")));
        let specks = prepare::despeckle(&mut g, dpi);
        let mut saved = specks == 0 && image.is_file();
        if !saved {
            g.save(&image)?;
        }
        let mut turn = osd::orientations(self, &image, s)?
            .first()
            .copied()
            .unwrap_or(0);
        // Turned here, so that tesseract reads an upright page.
        if turn != 0 {
            g = g.turned(turn);
            saved = false;
        }
        if prepare::level(&mut g) != 0.0 {
            saved = false;
        }
        if !saved {
            g.save(&image)?;
        }
        // Read as upright: `--psm 1` would run the orientation detection
        // again (a fifth of the reading's time).
        let mut tsv = self.tsv(&image, s, Some(dpi), Segmentation::Upright)?;
        // A reading this unsure may be of a page the pass misjudged: read
        // again orienting each block, and the way its words run says
        // whether, and by how much, the page is still turned.
        if osd::confidence(&tsv).is_some_and(|c| c < osd::SURE_READING) {
            let oriented = self.tsv(&image, s, Some(dpi), Segmentation::Orient)?;
            let missing = osd::turns(&oriented).first().copied().unwrap_or(0);
            if missing != 0 {
                g = g.turned(missing);
                g.save(&image)?;
                tsv = self.tsv(&image, s, Some(dpi), Segmentation::Upright)?;
                turn = (turn + missing) % 360;
            } else if osd::confidence(&oriented) > osd::confidence(&tsv) {
                tsv = oriented;
            }
        }
        let _ = std::fs::remove_file(&image);
        let mut pages = tsv::pages(&tsv, &[], Some(dpi), Some(&g));
        let mut page = if pages.is_empty() {
            OcrPage {
                page: Page::default(),
                rotated: 0,
                confidence: 0.0,
            }
        } else {
            pages.swap_remove(0)
        };
        page.page.number = number;
        page.rotated = turn;
        Ok(page)
    }

    /// tesseract's TSV of an image (every page of it).
    fn tsv(
        &self,
        image: &Path,
        s: &Settings,
        dpi: Option<u32>,
        seg: Segmentation,
    ) -> Result<String> {
        let psm = match seg {
            Segmentation::Orient => "1",
            Segmentation::Upright => "3",
        };
        let mut args: Vec<String> = ["-", "-l", &s.lang, "--psm", psm]
            .iter()
            .map(|a| a.to_string())
            .collect();
        if let Some(dpi) = dpi {
            args.extend(["--dpi".to_string(), dpi.to_string()]);
        }
        args.push("tsv".into());
        let out = self.output(image, &args, s)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// tesseract's standard output on `image` with `args` (after the
    /// image's name), or the kept output of the same run ([`cache`]).
    pub(crate) fn output(&self, image: &Path, args: &[String], s: &Settings) -> Result<Vec<u8>> {
        let entry = cache::entry(image, args);
        if let Some(out) = entry.as_deref().and_then(cache::get) {
            return Ok(out);
        }
        let mut cmd = self.command();
        cmd.arg(image).args(args);
        let out = run::output(&mut cmd, s.page_timeout, "tesseract")?;
        if let Some(e) = entry {
            cache::put(&e, &out);
        }
        Ok(out)
    }

    /// tesseract, on one thread.
    pub(crate) fn command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(&self.tesseract);
        cmd.env("OMP_THREAD_LIMIT", "1");
        cmd
    }
}

/// How tesseract segments a page.
#[derive(Debug, Clone, Copy)]
enum Segmentation {
    /// Finding each block's orientation as it reads (`--psm 1`).
    Orient,
    /// On a page known to be upright (`--psm 3`).
    Upright,
}

/// A program on the `PATH`.
fn find(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// A temporary folder removed when dropped.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Result<TempDir> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "atti-ocr-{}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| Error::Io(format!("{}: {e}", dir.display())))?;
        Ok(TempDir(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
