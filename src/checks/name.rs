//! The `name` check.

use std::collections::HashSet;

use super::{Issue, PairContext};

/// How a document renders its source names, learnt from all its aligned pairs.
#[derive(Debug, Default)]
pub struct NameKnowledge {}

pub fn learn(
    _pairs: &[PairContext],
    _source_vocabulary: &HashSet<String>,
    _target_vocabulary: &HashSet<String>,
) -> NameKnowledge {
    NameKnowledge::default()
}

pub fn check(_ctx: &PairContext, _doc: &super::DocumentKnowledge) -> Vec<Issue> {
    Vec::new()
}
