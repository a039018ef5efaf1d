//! The robustness suite: generated inputs to every public function
//! that takes dates, amounts, strings or collections (chrono's whole range and
//! its edges included); every deserialisable type fed tampered JSON (each
//! field removed, changed, duplicated, retyped, plus unknown fields); and
//! records round-tripped. It asserts no panic, no hang, every tampered record
//! rejected or read back identical, and nothing lost.
//!
//! # Case counts
//!
//! `SEND_PATHWAY_ROBUSTNESS_CASES` sets the number of generated inputs per
//! property (default 64, so `cargo test` stays quick) and scales the
//! deterministic tamper loop (how many valid values of each type are
//! tampered with). For a long run:
//!
//! ```text
//! SEND_PATHWAY_ROBUSTNESS_CASES=2000 cargo test --release --test robustness -- --nocapture
//! ```
//!
//! `--nocapture` prints the figures: inputs tried per property, mutants tried,
//! rejected and accepted per type, and round trips.
//!
//! # No hang
//!
//! Every property runs in its own thread under a time limit that grows with
//! the case count; a call that does not return fails the test instead of
//! hanging it.
#![cfg(feature = "serde")]

mod robustness {
    pub mod functions;
    pub mod harness;
    pub mod records;
    pub mod tamper;
}
