//! The `briefbook` command-line tool.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = briefbook::cli::Cli::parse();
    match briefbook::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            briefbook::cli::print_error(&error);
            ExitCode::FAILURE
        }
    }
}
