//! The `parkgraph` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

// Responses are trees of small allocations (values, strings, maps) built and
// dropped per request; glibc malloc spent 42% of a 1,000-row response on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = parkgraph::cli::Cli::parse();
    match parkgraph::cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("parkgraph: {err:#}");
            ExitCode::FAILURE
        }
    }
}
