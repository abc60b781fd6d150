//! The `parkgraph` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

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
