//! The `untranslated` and `wrong-language` checks.

use super::{Issue, PairContext};

pub fn check_untranslated(_ctx: &PairContext) -> Vec<Issue> {
    Vec::new()
}

pub fn check_wrong_language(_ctx: &PairContext) -> Vec<Issue> {
    Vec::new()
}
