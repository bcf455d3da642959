//! Progress on stderr for long work: files done, files per second, time left.
//!
//! Drawn only when stderr is a terminal; silent otherwise (the final summary
//! is printed either way by the command).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar that may be hidden.
pub struct Progress {
    bar: ProgressBar,
    visible: bool,
}

impl Progress {
    /// A bar on stderr when it is a terminal and `quiet` is false.
    pub fn stderr(quiet: bool) -> Progress {
        let visible = !quiet && std::io::stderr().is_terminal();
        let bar = ProgressBar::with_draw_target(
            None,
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos}/{len} files  {per_sec}  eta {eta}{msg}  {wide_bar}",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        Progress { bar, visible }
    }

    /// A progress that never draws.
    pub fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            visible: false,
        }
    }

    pub fn start(&self, total: u64) {
        self.bar.set_length(total);
        self.bar.reset();
    }

    pub fn inc(&self) {
        self.bar.inc(1);
    }

    /// `n` pages read by OCR so far, shown beside the files.
    pub fn ocr_pages(&self, n: u64) {
        self.bar.set_message(format!("  OCR {n} pagine"));
    }

    /// A line for the user above the bar (only when the bar is drawn).
    pub fn note(&self, line: &str) {
        if self.visible {
            self.bar.println(line);
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
