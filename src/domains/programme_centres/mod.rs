//! Programme centres: one centre of a programme (an e-Rozgaar centre), where
//! a page gives its place: its city, the institution hosting it, who runs
//! it, when it opened. Read through `programme.centres`.

mod record;
mod types;

pub use types::{CentresOfProgramme, ProgrammeCentre};
