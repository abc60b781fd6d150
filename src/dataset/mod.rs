//! Whole datasets in and out: the seed loader (shipped, from a folder, or
//! synthetic) and transfer (export, all-or-nothing import).

pub mod seed;
pub mod transfer;
