//! Whole datasets in and out: the seed loader (shipped, from a folder, or
//! synthetic) and transfer (export, all-or-nothing import); the licenses of
//! the data served beside our own.

pub mod licenses;
pub mod seed;
pub mod transfer;
