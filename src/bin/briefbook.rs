//! The `briefbook` command-line tool.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = briefbook::cli::Cli::parse();
    match briefbook::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // `{:#}` prints the whole chain: "FILE: at dialogues[0]...: unknown agency".
            eprintln!("briefbook: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
