//! What the PUD evaluation programs share: the bilingual TSV files and a seeded generator.
//!
//! Data: `/work/shared/data/pud/*.tsv`, from the Parallel Universal Dependencies treebanks,
//! CC BY-SA 3.0 (de en fr ru zh es it tr ar hi) and 4.0 (cs fi pl gl); attribution: the Universal
//! Dependencies contributors and the CoNLL 2017 shared task organisers.

/// A small deterministic generator (SplitMix64), so the figures are the same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One pair of a PUD file: the id, both sentences and the annotators' tokens of one kind
/// (`names` or `numbers`) for both sides.
pub struct Row {
    pub id: String,
    pub en: String,
    pub target: String,
    pub en_items: Vec<String>,
    pub target_items: Vec<String>,
}

/// Splits an annotation cell (`a | b | c`).
pub fn split_items(s: &str) -> Vec<String> {
    s.split(" | ")
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads the pairs of `<lang>.tsv` with the annotation columns `en_<kind>` and `<lang>_<kind>`.
pub fn read_rows(path: &std::path::Path, lang: &str, kind: &str) -> Vec<Row> {
    // The files quote a cell that holds a `"` as CSV does (`"""Text,"" he said."`): read with
    // quoting, so the texts are the translators' own.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{}: no column {name}", path.display()))
    };
    let (id, en, tg, en_n, tg_n) = (
        col("sent_id"),
        col("en"),
        col(lang),
        col(&format!("en_{kind}")),
        col(&format!("{lang}_{kind}")),
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Row {
                id: r[id].to_string(),
                en: r[en].to_string(),
                target: r[tg].to_string(),
                en_items: split_items(&r[en_n]),
                target_items: split_items(&r[tg_n]),
            }
        })
        .collect()
}

/// A reviewed list of real slips in PUD's translations (`scripts/pud-number-errata.tsv`,
/// `scripts/pud-name-errata.tsv`): the (language, sentence id) pairs on which a finding is right.
/// A missing file is an empty list.
pub fn read_errata(path: &std::path::Path) -> std::collections::HashSet<(String, String)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Default::default();
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("lang\t"))
        .filter_map(|l| {
            let mut cells = l.split('\t');
            Some((cells.next()?.to_string(), cells.next()?.to_string()))
        })
        .collect()
}
