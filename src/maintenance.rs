//! What the running bot does on its own, besides answering and reminding: the daily
//! retention sweep (`App::sweep_retention`) and a backup whenever the operator sends
//! it SIGUSR1. Both run on tokio's blocking pool, because the store blocks on the disk.
//!
//! `jolserik serve` spawns [`run`] next to the bot and stops it with the same shutdown
//! signal. A backup taken this way is as consistent as one taken with the bot stopped:
//! the store holds every writer off while it copies (`Store::snapshot`). The file is
//! the bot's user's alone (`0600`, in a directory created `0700` if missing), as the
//! store is; see `private_fs`.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::app::App;
use crate::backup;

/// When the sweeps run and where signal backups go.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// The first sweep, after start: late enough not to slow a restart loop, soon
    /// enough that a bot restarted every day still sweeps.
    pub first_sweep_after: Duration,
    pub sweep_every: Duration,
    /// Where SIGUSR1 backups are written: the directory that holds the store.
    pub backup_dir: PathBuf,
}

impl Schedule {
    /// Production: the first sweep a minute after start, then daily; backups next to
    /// the store directory.
    pub fn daily(app: &App) -> Schedule {
        Schedule {
            first_sweep_after: Duration::from_secs(60),
            sweep_every: Duration::from_secs(24 * 60 * 60),
            backup_dir: backup_dir(&app.config.storage.path),
        }
    }
}

/// The directory that holds the store directory (`.` for a bare relative name).
pub fn backup_dir(store: &Path) -> PathBuf {
    match store.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Runs the daily sweep and answers SIGUSR1 with a backup until `shutdown` resolves.
pub async fn run(app: Arc<App>, shutdown: impl Future<Output = ()>) {
    let schedule = Schedule::daily(&app);
    run_with(app, schedule, shutdown).await;
}

/// [`run`] with a chosen schedule (tests shorten it).
pub async fn run_with(app: Arc<App>, schedule: Schedule, shutdown: impl Future<Output = ()>) {
    tokio::pin!(shutdown);
    let mut usr1 = backup_signal();
    let mut next_sweep = tokio::time::Instant::now() + schedule.first_sweep_after;
    loop {
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep_until(next_sweep) => {
                let app = app.clone();
                match tokio::task::spawn_blocking(move || app.sweep_retention()).await {
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) => tracing::error!(error = %e, "the retention sweep failed; it runs again tomorrow"),
                    Err(_) => tracing::error!("the retention sweep panicked"),
                }
                next_sweep = tokio::time::Instant::now() + schedule.sweep_every;
            }
            Some(()) = recv(&mut usr1) => {
                let app = app.clone();
                let dir = schedule.backup_dir.clone();
                let written = tokio::task::spawn_blocking(move || {
                    let now = app.clock.now();
                    let path = dir.join(backup::file_name(now));
                    backup::write(&app.store, &path, now).map(|summary| (path, summary))
                })
                .await;
                match written {
                    Ok(Ok((path, summary))) => tracing::info!(
                        path = %path.display(),
                        entries = summary.entries,
                        "backup written on SIGUSR1"
                    ),
                    Ok(Err(e)) => tracing::error!(error = %e, "the backup on SIGUSR1 failed"),
                    Err(_) => tracing::error!("the backup on SIGUSR1 panicked"),
                }
            }
        }
    }
}

#[cfg(unix)]
type BackupSignal = Option<tokio::signal::unix::Signal>;
#[cfg(not(unix))]
type BackupSignal = Option<()>;

#[cfg(unix)]
fn backup_signal() -> BackupSignal {
    use tokio::signal::unix::{signal, SignalKind};
    match signal(SignalKind::user_defined1()) {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for SIGUSR1; backups only with the bot stopped");
            None
        }
    }
}

#[cfg(not(unix))]
fn backup_signal() -> BackupSignal {
    None
}

/// The next SIGUSR1; never resolves when there is no signal to wait for.
async fn recv(signal: &mut BackupSignal) -> Option<()> {
    #[cfg(unix)]
    if let Some(s) = signal {
        return s.recv().await;
    }
    let _ = signal;
    std::future::pending().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_go_next_to_the_store_directory() {
        assert_eq!(
            backup_dir(Path::new("data/jolserik.sled")),
            PathBuf::from("data")
        );
        assert_eq!(backup_dir(Path::new("jolserik.sled")), PathBuf::from("."));
        assert_eq!(
            backup_dir(Path::new("/var/lib/jolserik/store")),
            PathBuf::from("/var/lib/jolserik")
        );
    }
}
