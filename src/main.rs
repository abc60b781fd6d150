//! The `parkgraph` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

// Responses are trees of small values, strings and maps built and dropped per
// request: glibc malloc and free were 35-42% of the server's instructions.
// jemalloc takes about a third off the CPU of a request (Q1 0.53-0.63 -> 0.37
// ms) and, unlike mimalloc, keeps the peak RSS where glibc had it (71 MiB on
// SQLite at scale 10), with two arenas and dirty pages returned after a second.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

// jemalloc reads its options from this symbol at start-up (`_RJEM_MALLOC_CONF`
// in the environment still overrides them).
#[cfg(not(target_env = "msvc"))]
#[allow(unsafe_code)]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &std::ffi::c_char = {
    let conf = c"background_thread:true,narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0";
    // A thin pointer to the first byte: C reads `const char *malloc_conf`.
    unsafe { &*conf.as_ptr() }
};

// SQLite allocates through the C library's malloc, not through jemalloc, on
// the thread of each pooled connection; glibc gives each such thread an arena
// of its own, which keeps what it freed. One arena for all of them took 5 to
// 9 MiB off the peak RSS of nested pages on SQLite (64-69 -> 59.5 MiB with two
// clients) at no cost seen in throughput: SQLite serialises little on it.
#[cfg(target_env = "gnu")]
#[allow(unsafe_code)]
fn one_c_heap_arena() {
    // SAFETY: called before any thread exists; M_ARENA_MAX takes an int.
    unsafe { libc::mallopt(libc::M_ARENA_MAX, 1) };
}

#[cfg(not(target_env = "gnu"))]
fn one_c_heap_arena() {}

fn main() -> ExitCode {
    one_c_heap_arena();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the Tokio runtime starts")
        .block_on(run())
}

async fn run() -> ExitCode {
    let cli = parkgraph::cli::Cli::parse();
    let json = cli.json;
    let result = parkgraph::cli::run(cli).await;
    // Spans still buffered leave before the process does.
    parkgraph::telemetry::shutdown();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // The class of failure is the exit code (and, in JSON, the
            // API's error code), so a script can tell a retry from a fix.
            let failure = parkgraph::cli::Failure::of(&err);
            if json {
                eprintln!("{}", failure.json());
            } else {
                eprintln!("parkgraph: {}", failure.message);
            }
            ExitCode::from(failure.exit)
        }
    }
}
