//! Language identification of a segment.
