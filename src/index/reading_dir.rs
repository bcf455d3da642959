//! The index folder as a reader opens it: tantivy's memory-mapped folder,
//! except for the lock a reader takes while it opens the segments.
//!
//! tantivy's reader holds `.tantivy-meta.lock` while it opens the segment
//! files, so that a writer's clean-up cannot delete them under it; it opens
//! that file for writing (creating it when absent), which an account that
//! may only read the office's index cannot do, and the search failed with
//! "Failed to acquire Lockfile". Here, when the file cannot be opened for
//! writing, it is opened for reading and locked all the same (`flock`
//! needs no write access), so the reader still waits for a writer's
//! clean-up; when it does not exist and cannot be made, no writer has ever
//! run in the folder, and there is nothing to wait for. Every other lock
//! and every write go to tantivy's folder as they are.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, FileSlice, Lock, MmapDirectory, WatchCallback,
    WatchHandle, WritePtr, META_LOCK,
};

/// [`MmapDirectory`] with a reader's lock that needs no write access.
#[derive(Clone, Debug)]
pub(crate) struct ReadingDir {
    inner: MmapDirectory,
    root: PathBuf,
}

impl ReadingDir {
    pub(crate) fn open(root: &Path) -> tantivy::Result<ReadingDir> {
        Ok(ReadingDir {
            inner: MmapDirectory::open(root)?,
            root: root.to_owned(),
        })
    }

    /// The reader's lock taken on a file opened for reading.
    fn read_lock(&self, lock: &Lock, denied: Arc<io::Error>) -> Result<DirectoryLock, LockError> {
        let file = match std::fs::File::open(self.root.join(&lock.filepath)) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(DirectoryLock::from(Box::new(())))
            }
            Err(_) => return Err(LockError::IoError(denied)),
        };
        if lock.is_blocking {
            file.lock().map_err(LockError::wrap_io_error)?;
        } else if file.try_lock().is_err() {
            return Err(LockError::LockBusy);
        }
        // Closing the file releases the lock.
        Ok(DirectoryLock::from(Box::new(file)))
    }
}

impl Directory for ReadingDir {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn open_read(&self, path: &Path) -> Result<FileSlice, OpenReadError> {
        self.inner.open_read(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if lock.filepath == META_LOCK.filepath
                    && matches!(
                        e.kind(),
                        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                    ) =>
            {
                self.read_lock(lock, e)
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
