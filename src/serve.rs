//! `cbdkg serve`: binds the router to a socket and runs until SIGINT or SIGTERM.

use crate::http::search::SearchService;
use crate::http::{AppState, router};
use crate::settings::Settings;
use anyhow::Context;
use axum::serve::{ListenerExt, TapIo};
use cbdkg_graph::GraphStore;
use std::io::Write;
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};

/// Opens the store, listens, prints `listening on http://ADDR` (the one line on stdout,
/// which scripts and tests wait for), and serves until a shutdown signal; requests in flight
/// are finished first.
pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    let graph = GraphStore::open(&settings.data_dir)?;
    match graph.status() {
        Ok(status) if status.graphs == 0 => {
            tracing::warn!(target: "server", dir = %status.dir.display(), "the graph store is empty: run `cbdkg ingest` first");
        }
        Ok(_) => {}
        Err(e) => return Err(e.into()),
    }
    let listener = TcpListener::bind(settings.server.addr)
        .await
        .with_context(|| format!("cannot listen on {}", settings.server.addr))?;
    let addr = listener.local_addr().context("cannot read the bound address")?;
    let search = open_search(&settings);
    let state = AppState::new(graph, Arc::new(settings), search);
    // Signal handlers are installed before the address is announced: a SIGTERM sent as soon
    // as the line appears must stop the server gracefully, not kill it.
    let shutdown = shutdown_signal()?;
    {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "listening on http://{addr}")?;
        stdout.flush()?;
    }
    tracing::info!(target: "server", %addr, "listening");
    axum::serve(tuned(listener), router(state)).with_graceful_shutdown(shutdown).await.context("server failed")?;
    tracing::info!(target: "server", "stopped");
    Ok(())
}

/// Opens the search indexes; a server without them still serves SPARQL, and says why search
/// is off in the log and in every search answer.
pub fn open_search(settings: &Settings) -> SearchService {
    match crate::indexes::open(settings) {
        Ok((index, model_problem)) => {
            if let Some(problem) = &model_problem {
                tracing::warn!(target: "server", "vector search is off: {problem:#}");
            }
            tracing::info!(target: "server", passages = index.len(), "search indexes open");
            SearchService::Ready { index: Arc::new(index), model_problem: model_problem.map(|e| format!("{e:#}")) }
        }
        Err(e) => {
            let reason = format!("{e:#}; build the indexes with `cbdkg reindex`");
            tracing::warn!(target: "server", "search is off: {reason}");
            SearchService::Unavailable(reason)
        }
    }
}

/// Installs the SIGINT and SIGTERM handlers now and returns a future that resolves on either.
fn shutdown_signal() -> anyhow::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt()).context("cannot listen for SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {},
            _ = terminate.recv() => {},
        }
        tracing::info!(target: "server", "shutting down");
    })
}

/// Send buffer of each connection: a whole large answer (a few hundred kilobytes) fits, so it
/// leaves in one write instead of several writes each waiting for the client to drain the
/// buffer and the runtime to wake the task again (measured in BENCHMARKS.md).
const SEND_BUFFER_BYTES: usize = 1 << 20;

/// The listener with every accepted connection tuned for answers: `TCP_NODELAY` (the last
/// segment does not wait for an acknowledgement) and a send buffer of [`SEND_BUFFER_BYTES`].
pub fn tuned(listener: TcpListener) -> TapIo<TcpListener, fn(&mut TcpStream)> {
    listener.tap_io(tune as fn(&mut TcpStream))
}

fn tune(tcp: &mut TcpStream) {
    let result =
        tcp.set_nodelay(true).and_then(|()| socket2::SockRef::from(&*tcp).set_send_buffer_size(SEND_BUFFER_BYTES));
    if let Err(error) = result {
        tracing::warn!(target: "server", %error, "cannot tune the connection's socket");
    }
}
