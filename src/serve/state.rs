//! What every request shares: the open index, the checks, and what is
//! derived from the index's last commit (the filter choices, the report).
//!
//! The index is opened once. A request first makes sure the searchers see
//! the last commit, at most once a second ([`RELOAD_EVERY`]), so an
//! `atti serve` beside a running ingest shows each batch once it is
//! committed; what is derived from the whole index is made again only when
//! its segments changed.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::compliance::Checks;
use crate::error::Result;
use crate::index::Index;

/// How often the searchers are brought to the last commit, at most.
pub const RELOAD_EVERY: Duration = Duration::from_secs(1);

/// The values a filter can take, with how many documents have each.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub kinds: Vec<(String, u64)>,
    pub years: Vec<(String, u64)>,
    pub bodies: Vec<(String, u64)>,
    pub documents: usize,
}

#[derive(Default)]
struct Derived {
    checked: Option<Instant>,
    /// The segments and their deletions, when `choices` was made.
    key: Vec<(String, u32)>,
    choices: Arc<Choices>,
    report: Option<Arc<String>>,
}

/// Shared by every request.
pub struct State {
    index: Index,
    checks: Checks,
    derived: Mutex<Derived>,
    /// The project configuration (atti.toml) named by `--config`; else it
    /// is looked for as `atti report` does.
    config: Option<PathBuf>,
    /// As many index requests at once as there are cores; the others wait
    /// their turn in order, rather than all slowing each other down.
    pub(super) workers: tokio::sync::Semaphore,
}

impl State {
    pub fn new(index: Index, checks: Checks) -> State {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        State {
            index,
            checks,
            derived: Mutex::new(Derived::default()),
            config: None,
            workers: tokio::sync::Semaphore::new(cores),
        }
    }

    /// The same state with the project configuration at `config`.
    pub fn with_config(mut self, config: Option<PathBuf>) -> State {
        self.config = config;
        self
    }

    pub fn config(&self) -> Option<&Path> {
        self.config.as_deref()
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn checks(&self) -> &Checks {
        &self.checks
    }

    /// The archive root the index records now (an ingest with `--root`
    /// may change it), made absolute; `None` when it has none or it is gone.
    pub fn archive_root(&self) -> Option<PathBuf> {
        crate::index::archive_root_at(self.index.path()).and_then(|p| std::fs::canonicalize(p).ok())
    }

    pub fn index_path(&self) -> &Path {
        self.index.path()
    }

    /// Brings the searchers to the last commit (at most once a second) and
    /// returns the filter choices of that commit.
    pub fn fresh(&self) -> Result<Arc<Choices>> {
        let mut d = self.derived.lock().unwrap_or_else(|e| e.into_inner());
        if d.checked.is_some_and(|t| t.elapsed() < RELOAD_EVERY) {
            return Ok(d.choices.clone());
        }
        self.index.reload()?;
        let key: Vec<(String, u32)> = self
            .index
            .searcher()
            .segment_readers()
            .iter()
            .map(|s| (s.segment_id().uuid_string(), s.num_deleted_docs()))
            .collect();
        if d.checked.is_none() || key != d.key {
            let stats = self.index.stats()?;
            let pairs = |m: std::collections::BTreeMap<String, u64>| m.into_iter().collect();
            let mut years: Vec<(String, u64)> = pairs(stats.by_year);
            years.retain(|(y, _)| y != "-");
            years.reverse();
            d.choices = Arc::new(Choices {
                kinds: pairs(stats.by_kind),
                years,
                bodies: pairs(stats.by_body),
                documents: stats.documents,
            });
            d.report = None;
            d.key = key;
        }
        d.checked = Some(Instant::now());
        Ok(d.choices.clone())
    }

    /// The compliance report of the last commit as an HTML page, made once
    /// per commit (it reads every document).
    pub fn report(&self, make: impl FnOnce(&State) -> Result<String>) -> Result<Arc<String>> {
        self.fresh()?;
        if let Some(r) = self
            .derived
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .report
            .clone()
        {
            return Ok(r);
        }
        let made = Arc::new(make(self)?);
        self.derived
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .report = Some(made.clone());
        Ok(made)
    }
}
