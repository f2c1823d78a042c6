//! Comparing all versions of a document with each other, so that an error in the source is
//! reported once, on the source, instead of on every faithful translation (issue 9).
//!
//! The source is often a translation itself: an English pivot machine-translated from the
//! original, from which the other versions were made. When the pivot errs, every faithful target
//! disagrees with it. After the per-target checks, this module sets the items they reported side
//! by side, through each target's alignment to the source sentences, and lets the targets vote on
//! each item. Numbers and dates are compared by value; names by the identity they are matched to
//! (a listed entity, or the source name the target writes that way elsewhere in the document);
//! quotations by whether there is one. Then:
//!
//! - most targets agree with each other and not with the source: one `source-suspect` finding on
//!   the source, giving the value most versions have and which languages they are, and the
//!   targets' findings it explains are removed;
//! - most targets agree with the source: the findings of the targets that do not stay, and an
//!   error among them says so ("11 of 12 versions have 57");
//! - the versions split: the findings of the bloc that disagrees with the source become
//!   warnings, and the source gets a `source-suspect` warning, both with the counts.
//!
//! Only items some target's check reported take part, and a target with no finding on an item is
//! taken to agree with the source there. Adding an item kind is adding a [`Kind`] and its arms
//! in [`Kind::of`], [`Kind::say`] and [`observe`].

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::align::Bead;
use crate::checks::{DocumentKnowledge, PairContext};
use crate::extract::dates;
use crate::extract::numbers::{self, format_value};
use crate::extract::{names, Facts, NameMention};
use crate::finding::{CheckId, Finding, Position, Severity};
use crate::lang::entities::{self, fold, word_spans};
use crate::lang::{profile, translit, Script};
use crate::segment::Sentence;

/// Fewer targets than this and there is no vote: with two, a pair that agrees against the source
/// may be one translation made from the other, and one dissenter against one is no majority.
const MIN_TARGETS: usize = 3;

/// A bloc of targets needs this many members to outvote the source or to split the versions:
/// two translators can make the same slip (`1962` → `1926` is an easy one); three independent
/// translations rarely do.
const MIN_BLOC: usize = 3;

/// The share of the targets (numerator, denominator) that must agree with each other against
/// the source for the source to be the suspect: two thirds, so that the verdict stands even if
/// a third of the translations were made from the same wrong pivot or fixed it differently.
const CONSENSUS: (usize, usize) = (2, 3);

/// The source of one document, as the pipeline prepared it.
pub struct SourceVersion<'a> {
    /// Its path as reported.
    pub display: &'a str,
    pub lang: &'a str,
    pub sentences: &'a [Sentence],
    /// The facts of each sentence.
    pub facts: &'a [Facts],
}

/// The source with what the cross-check looks up in it.
struct Source<'a> {
    version: &'a SourceVersion<'a>,
    /// Identity key of each source name → its spelling in the source (the first one).
    spellings: BTreeMap<String, String>,
}

impl<'a> Source<'a> {
    fn new(version: &'a SourceVersion<'a>) -> Source<'a> {
        let mut spellings = BTreeMap::new();
        for m in version.facts.iter().flat_map(|f| &f.names) {
            spellings.entry(name_key(m)).or_insert_with(|| {
                if m.entity.is_some() {
                    m.text.clone()
                } else {
                    last_word(&m.text).to_string()
                }
            });
        }
        Source { version, spellings }
    }
}

impl<'a> std::ops::Deref for Source<'a> {
    type Target = SourceVersion<'a>;
    fn deref(&self) -> &SourceVersion<'a> {
        self.version
    }
}

/// One target of a document, as the cross-check needs it: where its alignment put each source
/// sentence, and how it writes the source's names.
pub struct TargetVersion {
    display: String,
    lang: String,
    /// Each bead's source sentences and target text, in order.
    beads: Vec<(Range<usize>, String)>,
    /// Identity key of each source name (see [`name_key`]) → the folded forms this target
    /// writes it with, learnt from the whole document.
    names: BTreeMap<String, BTreeSet<String>>,
}

impl TargetVersion {
    /// Keeps what the cross-check needs from one target's alignment and its per-document
    /// knowledge.
    pub fn new(
        display: &str,
        lang: &str,
        beads: &[Bead],
        pairs: &[PairContext],
        knowledge: &DocumentKnowledge,
    ) -> TargetVersion {
        let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for m in pairs.iter().flat_map(|p| &p.source.facts.names) {
            let key = name_key(m);
            if names.contains_key(&key) {
                continue;
            }
            let last = last_word(&m.text);
            let mut forms: BTreeSet<String> = knowledge
                .names
                .accepted_renderings(last)
                .iter()
                .map(|f| fold(f))
                .collect();
            forms.extend(knowledge.names.cooccurring_with(last).map(fold));
            // A form the target writes in lower case is a common word there (`bir`), not a name.
            forms.retain(|f| {
                f.chars().count() >= 2 && !knowledge.target_vocabulary.contains(f.as_str())
            });
            names.insert(key, forms);
        }
        TargetVersion {
            display: display.to_string(),
            lang: lang.to_string(),
            beads: beads
                .iter()
                .zip(pairs)
                .map(|(b, p)| (b.source.clone(), p.target.text.clone()))
                .collect(),
            names,
        }
    }

    /// The bead holding a source sentence, if the target has text for it.
    fn bead_of(&self, sentence: usize) -> Option<usize> {
        self.bead_holding(sentence)
            .filter(|&b| !self.beads[b].1.trim().is_empty())
    }

    /// The bead whose source sentences include this one (the beads are in order).
    fn bead_holding(&self, sentence: usize) -> Option<usize> {
        let b = self.beads.partition_point(|(src, _)| src.end <= sentence);
        self.beads
            .get(b)
            .filter(|(src, _)| src.contains(&sentence))
            .map(|_| b)
    }

    /// The identity keys of the source names this text mentions: listed entities, and names
    /// written the way this target writes them elsewhere.
    fn names_in(&self, text: &str) -> BTreeSet<String> {
        let mut keys: BTreeSet<String> = entities::find(text, &self.lang)
            .into_iter()
            .map(|m| format!("@{}", entities::all()[m.entity].id))
            .collect();
        let folded = fold(text);
        let words: Vec<&str> = word_spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        for (key, forms) in &self.names {
            let found = forms.iter().any(|f| {
                if is_unspaced(f) || f.contains(' ') {
                    folded.contains(f.as_str())
                } else {
                    words.iter().any(|w| entities::word_matches(f, w))
                }
            });
            if found {
                keys.insert(key.clone());
            }
        }
        keys
    }
}

/// The kinds of item compared across versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Date,
    Name,
    Quote,
}

impl Kind {
    /// The kind of item a check's findings are about, if it is compared across versions.
    fn of(check: CheckId) -> Option<Kind> {
        match check {
            CheckId::Number => Some(Kind::Number),
            CheckId::Name => Some(Kind::Name),
            CheckId::Quote => Some(Kind::Quote),
            CheckId::Date => Some(Kind::Date),
            CheckId::InputError
            | CheckId::SourceHygiene
            | CheckId::SourceSuspect
            | CheckId::Omission
            | CheckId::Addition
            | CheckId::Untranslated
            | CheckId::WrongLanguage
            | CheckId::Placeholder
            | CheckId::Glossary => None,
        }
    }

    /// The item as the messages say it: its value, or that there is none.
    fn say(self, item: Option<&Item>) -> String {
        match (self, item) {
            (Kind::Quote, Some(_)) => "a quotation".to_string(),
            (_, Some(item)) => item.shown.clone(),
            (Kind::Number, None) => "no number".to_string(),
            (Kind::Date, None) => "no date".to_string(),
            (Kind::Name, None) => "no name".to_string(),
            (Kind::Quote, None) => "no quotation".to_string(),
        }
    }
}

/// An item on one side: its identity, the same in every language (a number's value, a name's
/// entity or source name), and how messages show it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    id: String,
    shown: String,
}

/// What one target finding says about one source item.
#[derive(Debug, Clone)]
struct Observation {
    /// Index of the finding.
    finding: usize,
    /// Index of the target.
    target: usize,
    /// The source sentence the item is in.
    sentence: usize,
    /// The source sentences of the finding's bead.
    bead: Range<usize>,
    check: CheckId,
    kind: Kind,
    /// The source's item; none for an item only the target has.
    source: Option<Item>,
    /// The target's counterpart; none where the target has nothing.
    value: Option<Item>,
}

/// Compares the targets' findings on each source item across all targets, and rewrites
/// `findings` as the module documentation says: adds `source-suspect` findings, removes the
/// target findings they explain, and gives the others the evidence.
pub fn compare_versions(
    source: &SourceVersion,
    targets: &[TargetVersion],
    findings: &mut Vec<Finding>,
) {
    if targets.len() < MIN_TARGETS {
        return;
    }
    let source = &Source::new(source);
    let observations: Vec<Observation> = findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| observation(i, f, source, targets))
        .collect();
    // Items by (sentence, check, source identity); those the source has first, so that a verdict
    // on them may explain the target-only items it caused.
    let mut groups: BTreeMap<(bool, usize, CheckId, Option<String>), Vec<usize>> = BTreeMap::new();
    for (i, o) in observations.iter().enumerate() {
        let id = o.source.as_ref().map(|s| s.id.clone());
        groups
            .entry((o.source.is_none(), o.sentence, o.check, id))
            .or_default()
            .push(i);
    }
    let mut removed: BTreeSet<usize> = BTreeSet::new();
    let mut added: Vec<Finding> = Vec::new();
    for members in groups.values() {
        let members: Vec<&Observation> = members
            .iter()
            .map(|&i| &observations[i])
            .filter(|o| !removed.contains(&o.finding))
            .collect();
        let Some(first) = members.first() else {
            continue;
        };
        let unreported = unreported_names(first, &members, source, targets);
        let vote = Vote::count(first.sentence, &members, &unreported, targets);
        let kind = first.kind;
        let source_item = first.source.clone();
        let have_source = kind.say(source_item.as_ref());
        let bloc = vote.bloc();
        let bloc_size = bloc.map_or(0, |(_, members_of_bloc)| members_of_bloc.len());
        match (verdict(vote.voters, vote.following.len(), bloc_size), bloc) {
            (Verdict::SourceSuspect, Some((value, members_of_bloc))) => {
                let explained: Vec<&Observation> = observations
                    .iter()
                    .filter(|o| {
                        !removed.contains(&o.finding)
                            && members_of_bloc.contains(&o.target)
                            && o.check == first.check
                            && id_of(&o.value) == id_of(value)
                            && (members.iter().any(|m| m.finding == o.finding)
                                || (o.source.is_none() && o.bead.contains(&first.sentence)))
                    })
                    .collect();
                let severity = explained
                    .iter()
                    .map(|o| findings[o.finding].severity)
                    .max()
                    .unwrap_or(Severity::Warning);
                let message = format!(
                    "source has {have_source}; {} of {} versions have {} ({}){}",
                    members_of_bloc.len(),
                    vote.voters,
                    kind.say(value.as_ref()),
                    langs_of(members_of_bloc, targets),
                    following_note(&vote, targets),
                );
                added.push(suspect(
                    source,
                    first,
                    severity,
                    value.as_ref(),
                    &findings[first.finding],
                    message,
                ));
                removed.extend(explained.iter().map(|o| o.finding));
                let evidence = format!(
                    "; {} of {} versions have {}",
                    members_of_bloc.len(),
                    vote.voters,
                    kind.say(value.as_ref())
                );
                for o in &members {
                    if !removed.contains(&o.finding) {
                        add_evidence(&mut findings[o.finding], &evidence);
                    }
                }
            }
            (Verdict::SourceBacked, _) => {
                let evidence = format!(
                    "; {} of {} versions have {have_source}",
                    vote.following.len(),
                    vote.voters
                );
                for o in &members {
                    add_evidence(&mut findings[o.finding], &evidence);
                }
            }
            (Verdict::Split, Some((value, members_of_bloc))) => {
                let counts = format!(
                    "{} of {} versions have {} ({}){}",
                    members_of_bloc.len(),
                    vote.voters,
                    kind.say(value.as_ref()),
                    langs_of(members_of_bloc, targets),
                    following_note(&vote, targets),
                );
                let mut severity = Severity::Info;
                for o in members.iter().filter(|o| id_of(&o.value) == id_of(value)) {
                    let f = &mut findings[o.finding];
                    severity = severity.max(f.severity);
                    f.severity = f.severity.min(Severity::Warning);
                    f.message = format!("{}; versions split: {counts}", f.message);
                }
                added.push(suspect(
                    source,
                    first,
                    severity.min(Severity::Warning),
                    value.as_ref(),
                    &findings[first.finding],
                    format!("versions split: source has {have_source}; {counts}"),
                ));
            }
            _ => {}
        }
    }
    let mut index = 0;
    findings.retain(|_| {
        index += 1;
        !removed.contains(&(index - 1))
    });
    findings.extend(added);
}

/// How the targets' vote on one item comes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Too few targets, or no side with a lead: the findings stay as they are.
    Undecided,
    /// Most targets agree with the source: the others' findings stay, with the evidence.
    SourceBacked,
    /// Most targets agree with each other against the source: the source is the odd one out.
    SourceSuspect,
    /// A bloc of targets against the source, and neither side has the majority.
    Split,
}

/// The verdict on an item that `voters` targets have text for: `following` agree with the
/// source, and the largest group agreeing with each other against it has `bloc` members.
fn verdict(voters: usize, following: usize, bloc: usize) -> Verdict {
    if voters < MIN_TARGETS {
        Verdict::Undecided
    } else if bloc >= MIN_BLOC && bloc * CONSENSUS.1 >= voters * CONSENSUS.0 {
        Verdict::SourceSuspect
    } else if following * 2 > voters {
        Verdict::SourceBacked
    } else if bloc >= MIN_BLOC {
        Verdict::Split
    } else {
        Verdict::Undecided
    }
}

/// How the voting targets stand on one source item.
struct Vote {
    /// How many targets have text for the item's sentence.
    voters: usize,
    /// Targets with no finding on the item (they agree with the source).
    following: BTreeSet<usize>,
    /// The other targets, by the identity of their counterpart (none: they have nothing there).
    values: BTreeMap<Option<String>, Counterpart>,
}

/// One counterpart of a source item, and the targets that have it.
struct Counterpart {
    /// The counterpart as the messages show it: the way most of its targets show it.
    item: Option<Item>,
    targets: BTreeSet<usize>,
}

impl Vote {
    /// The vote on the item of `members` (the findings on one item), with the counterparts of
    /// the targets that reported nothing but do not agree with the source (`unreported`).
    fn count(
        sentence: usize,
        members: &[&Observation],
        unreported: &[(usize, Item)],
        targets: &[TargetVersion],
    ) -> Vote {
        let voting: BTreeSet<usize> = (0..targets.len())
            .filter(|&t| targets[t].bead_of(sentence).is_some())
            .collect();
        let reported = members.iter().map(|o| (o.target, o.value.as_ref()));
        let unreported = unreported.iter().map(|(t, item)| (*t, Some(item)));
        let ballots: Vec<(usize, Option<&Item>)> = reported
            .chain(unreported)
            .filter(|(t, _)| voting.contains(t))
            .collect();
        let mut values: BTreeMap<Option<String>, Counterpart> = BTreeMap::new();
        for (target, value) in &ballots {
            let id = value.map(|i| i.id.clone());
            let counterpart = values.entry(id).or_insert_with(|| Counterpart {
                item: None,
                targets: BTreeSet::new(),
            });
            counterpart.targets.insert(*target);
        }
        // Each counterpart as most of its targets show it; the first in order on a tie.
        for (id, counterpart) in values.iter_mut() {
            let mut shown: BTreeMap<&Item, usize> = BTreeMap::new();
            for item in ballots.iter().filter_map(|(_, v)| *v) {
                if Some(&item.id) == id.as_ref() {
                    *shown.entry(item).or_default() += 1;
                }
            }
            counterpart.item = shown
                .into_iter()
                .rev()
                .max_by_key(|(_, n)| *n)
                .map(|(item, _)| item.clone());
        }
        let dissenting: BTreeSet<usize> = values
            .values()
            .flat_map(|c| c.targets.iter().copied())
            .collect();
        Vote {
            voters: voting.len(),
            following: voting.difference(&dissenting).copied().collect(),
            values,
        }
    }

    /// The counterpart most dissenting targets share, and who they are (the first in order on a
    /// tie, so that the same input gives the same verdict).
    fn bloc(&self) -> Option<(&Option<Item>, &BTreeSet<usize>)> {
        self.values
            .values()
            .rev()
            .max_by_key(|c| c.targets.len())
            .map(|c| (&c.item, &c.targets))
    }
}

/// The targets with no finding on a listed entity of the source that name another entity of its
/// kind in its place (a name check that learnt the swapped name as the document's rendering of
/// the source's, from a pivot that swapped it throughout, reports nothing): each with the name it
/// has. Other items are taken to agree with the source where nothing was reported.
fn unreported_names(
    first: &Observation,
    members: &[&Observation],
    source: &Source,
    targets: &[TargetVersion],
) -> Vec<(usize, Item)> {
    let Some(item) = first.source.as_ref().filter(|i| i.id.starts_with('@')) else {
        return Vec::new();
    };
    if first.kind != Kind::Name {
        return Vec::new();
    }
    (0..targets.len())
        .filter(|t| !members.iter().any(|o| o.target == *t))
        .filter_map(|t| {
            let version = &targets[t];
            let bead = version.bead_of(first.sentence)?;
            if version.names_in(&version.beads[bead].1).contains(&item.id) {
                return None;
            }
            Some((t, missing_name(item, version, bead, source)?))
        })
        .collect()
}

/// The identity of a counterpart, none where the target has nothing.
fn id_of(value: &Option<Item>) -> Option<String> {
    value.as_ref().map(|i| i.id.clone())
}

/// `, 2 agree with the source (ru, uk)` (no check found a difference there), or nothing when
/// no target does.
fn following_note(vote: &Vote, targets: &[TargetVersion]) -> String {
    let langs = langs_of(&vote.following, targets);
    match vote.following.len() {
        0 => String::new(),
        1 => format!(", 1 agrees with the source ({langs})"),
        n => format!(", {n} agree with the source ({langs})"),
    }
}

/// The targets' languages, sorted: `de, fr, ru`.
fn langs_of(members: &BTreeSet<usize>, targets: &[TargetVersion]) -> String {
    let langs: BTreeSet<&str> = members.iter().map(|&t| targets[t].lang.as_str()).collect();
    langs.into_iter().collect::<Vec<_>>().join(", ")
}

/// Appends the other versions' evidence to an error's message; warnings and notes are left as
/// they are (their doubt is about the target alone, which the other versions do not settle).
fn add_evidence(finding: &mut Finding, evidence: &str) {
    if finding.severity == Severity::Error && !finding.message.ends_with(evidence) {
        finding.message.push_str(evidence);
    }
}

/// The `source-suspect` finding on the source sentence of an item.
fn suspect(
    source: &Source,
    observation: &Observation,
    severity: Severity,
    value: Option<&Item>,
    example: &Finding,
    message: String,
) -> Finding {
    let s = &source.sentences[observation.sentence];
    Finding {
        document: source.display.to_string(),
        segment: format!("{}.{}", s.paragraph + 1, s.index + 1),
        position: Position {
            major: observation.sentence as u32,
            minor: 1,
        },
        source_lang: source.lang.to_string(),
        target_lang: String::new(),
        check: CheckId::SourceSuspect,
        severity,
        source: example.source.clone(),
        // A quotation in one of the targets' languages would say little: the message says it.
        target: match observation.kind {
            Kind::Quote => String::new(),
            _ => value.map(|v| v.shown.clone()).unwrap_or_default(),
        },
        message,
        source_text: s.text.clone(),
        target_text: String::new(),
        state: String::new(),
    }
}

/// What a target finding says about a source item, if its check's items are compared.
fn observation(
    index: usize,
    finding: &Finding,
    source: &Source,
    targets: &[TargetVersion],
) -> Option<Observation> {
    let kind = Kind::of(finding.check)?;
    if finding.position.minor == 0 {
        return None; // a target sentence with no source
    }
    let target = targets.iter().position(|t| t.display == finding.document)?;
    let version = &targets[target];
    let major = finding.position.major as usize;
    let bead = version
        .bead_holding(major)
        .filter(|&b| version.beads[b].0.start == major)?;
    let range = version.beads[bead].0.clone();
    // The sentence of the bead that holds the source item (the bead's first for an item only
    // the target has).
    let sentence = range
        .clone()
        .find(|&i| !finding.source.is_empty() && source.sentences[i].text.contains(&finding.source))
        .unwrap_or(range.start);
    let (source_item, value) = observe(kind, finding, source, version, bead, sentence)?;
    if source_item.is_some() && source_item.as_ref().map(|i| &i.id) == value.as_ref().map(|i| &i.id)
    {
        return None; // the same item, only written otherwise: not a matter for the other versions
    }
    Some(Observation {
        finding: index,
        target,
        sentence,
        bead: range,
        check: finding.check,
        kind,
        source: source_item,
        value,
    })
}

/// The identities of a finding's source item and of its target counterpart; `None` when the
/// finding is not about an item the versions can be compared on (an unclosed quotation).
fn observe(
    kind: Kind,
    finding: &Finding,
    source: &Source,
    version: &TargetVersion,
    bead: usize,
    sentence: usize,
) -> Option<(Option<Item>, Option<Item>)> {
    let (src, tgt) = (finding.source.as_str(), finding.target.as_str());
    match kind {
        Kind::Number => Some((
            (!src.is_empty()).then(|| number_item(src, source.lang, true)),
            (!tgt.is_empty()).then(|| number_item(tgt, &version.lang, false)),
        )),
        Kind::Date => Some((
            (!src.is_empty()).then(|| date_item(src, source.lang, true)),
            (!tgt.is_empty()).then(|| date_item(tgt, &version.lang, false)),
        )),
        Kind::Name => {
            if src.is_empty() {
                return Some((None, Some(target_name(tgt, version, source))));
            }
            let source_item = source_name(src, &source.facts[sentence]);
            let value = if tgt.is_empty() {
                missing_name(&source_item, version, bead, source)
            } else {
                Some(target_name(tgt, version, source))
            };
            Some((Some(source_item), value))
        }
        Kind::Quote => {
            let has_words = |t: &str| t.chars().any(char::is_alphanumeric);
            match (has_words(src), has_words(tgt)) {
                (true, false) if tgt.is_empty() => Some((
                    Some(Item {
                        id: format!("quote:{src}"),
                        shown: src.to_string(),
                    }),
                    None,
                )),
                (false, true) if src.is_empty() => Some((
                    None,
                    Some(Item {
                        id: "quote".to_string(),
                        shown: tgt.to_string(),
                    }),
                )),
                _ => None, // unclosed or stray marks: the target's own slip
            }
        }
    }
}

/// A number by value; shown as written in the source, by value in the targets.
fn number_item(text: &str, lang: &str, as_written: bool) -> Item {
    match numbers::extract(text, profile(lang)).first() {
        Some(n) => Item {
            id: format_value(n.value),
            shown: if as_written {
                text.to_string()
            } else {
                format_value(n.value)
            },
        },
        None => Item {
            id: format!("text:{text}"),
            shown: text.to_string(),
        },
    }
}

/// A date by value (its first reading, for a numeric date that may be read several ways);
/// shown as written in the source, by value in the targets.
fn date_item(text: &str, lang: &str, as_written: bool) -> Item {
    let value = dates::extract(text, profile(lang))
        .first()
        .and_then(|d| d.readings.first().copied());
    match value {
        Some(v) => Item {
            id: format!("date:{v:?}"),
            shown: if as_written {
                text.to_string()
            } else {
                v.to_string()
            },
        },
        None => Item {
            id: format!("text:{text}"),
            shown: text.to_string(),
        },
    }
}

/// The identity of a source name: its entity, or its last word.
fn name_key(m: &NameMention) -> String {
    match m.entity {
        Some(e) => format!("@{}", entities::all()[e].id),
        None => format!("name:{}", fold(last_word(&m.text))),
    }
}

fn last_word(text: &str) -> &str {
    names::name_words(text)
        .last()
        .map_or(text, |&(s, e)| &text[s..e])
}

/// A source name as a finding shows it (a surname, or an entity as written), identified by
/// the mention of its sentence it comes from.
fn source_name(shown: &str, facts: &Facts) -> Item {
    let id = facts
        .names
        .iter()
        .find(|m| m.text.contains(shown))
        .map(name_key)
        .unwrap_or_else(|| format!("name:{}", fold(last_word(shown))));
    Item {
        id,
        shown: shown.to_string(),
    }
}

/// A target name's identity: the source name the target writes that way (by the entity list or
/// the document's own renderings), else its sound; shown as the source writes it if it is one
/// of the source's names.
fn target_name(text: &str, version: &TargetVersion, source: &Source) -> Item {
    let mut keys = version.names_in(text);
    if keys.is_empty() && is_unspaced(text) && text.chars().count() >= 3 {
        // A span cut short in a script without spaces (`ルカシェビッ`): the form it starts.
        let cut = fold(text);
        keys = version
            .names
            .iter()
            .filter(|(_, forms)| forms.iter().any(|f| f.contains(cut.as_str())))
            .map(|(key, _)| key.clone())
            .collect();
    }
    match keys.into_iter().next() {
        Some(id) => Item {
            shown: shown_in_source(&id, source).unwrap_or_else(|| text.to_string()),
            id,
        },
        None => Item {
            id: format!(
                "sound:{}",
                translit::skeleton(last_word(text), &version.lang)
            ),
            shown: text.to_string(),
        },
    }
}

/// The source's own spelling of a name identity: as the source writes it somewhere, else as the
/// entity list writes it in the source's language.
fn shown_in_source(id: &str, source: &Source) -> Option<String> {
    source.spellings.get(id).cloned().or_else(|| {
        let id = id.strip_prefix('@')?;
        let entity = entities::all().iter().find(|e| e.id == id)?;
        entity.forms_in(source.lang).first().cloned()
    })
}

/// What a target has where its check found a source name missing: a name of the source document
/// or the entity list in the bead (or, shifted by the alignment, in the bead before or after)
/// that the source does not have there; the one spelt most like the missing name if there are
/// several. None if there is no such name, or several equally close.
fn missing_name(
    missing: &Item,
    version: &TargetVersion,
    bead: usize,
    source: &Source,
) -> Option<Item> {
    for b in [Some(bead), bead.checked_sub(1), Some(bead + 1)]
        .into_iter()
        .flatten()
    {
        let Some((range, text)) = version.beads.get(b) else {
            continue;
        };
        let in_source: BTreeSet<String> = source.facts[range.clone()]
            .iter()
            .flat_map(|f| f.names.iter().map(name_key))
            .collect();
        // Names of another kind than the missing one (a person is not replaced by a company
        // named in the same sentence) are not candidates.
        let extra: Vec<(String, String)> = version
            .names_in(text)
            .into_iter()
            .filter(|k| *k != missing.id && !in_source.contains(k))
            .filter(|k| match (entity_kind(k), entity_kind(&missing.id)) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            })
            .map(|k| {
                let shown = shown_in_source(&k, source)
                    .unwrap_or_else(|| k.trim_start_matches("name:").to_string());
                (shown, k)
            })
            .collect();
        if extra.is_empty() {
            continue;
        }
        let distance = |shown: &str| {
            translit::edits(&fold(last_word(shown)), &fold(last_word(&missing.shown)))
        };
        let best = extra.iter().map(|(shown, _)| distance(shown)).min();
        let mut closest = extra
            .into_iter()
            .filter(|(shown, _)| Some(distance(shown)) == best);
        return match (closest.next(), closest.next()) {
            (Some((shown, id)), None) => Some(Item { id, shown }),
            _ => None,
        };
    }
    None
}

/// The kind of a listed entity, from its identity key.
fn entity_kind(key: &str) -> Option<entities::EntityKind> {
    let id = key.strip_prefix('@')?;
    entities::all().iter().find(|e| e.id == id).map(|e| e.kind)
}

/// Whether a text is written in a script without spaces between words.
fn is_unspaced(text: &str) -> bool {
    matches!(
        text.chars().find_map(crate::extract::script::script_of),
        Some(Script::Han | Script::Kana | Script::Thai)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verdict_follows_the_thresholds() {
        use Verdict::*;
        // Twelve translations.
        assert_eq!(verdict(12, 0, 12), SourceSuspect);
        assert_eq!(
            verdict(12, 4, 8),
            SourceSuspect,
            "two thirds outvote the source"
        );
        assert_eq!(
            verdict(12, 5, 7),
            Split,
            "a bare majority against it is a split"
        );
        assert_eq!(verdict(12, 6, 6), Split);
        assert_eq!(verdict(12, 7, 3), SourceBacked);
        assert_eq!(verdict(12, 11, 1), SourceBacked);
        assert_eq!(verdict(12, 6, 2), Undecided, "no bloc and no majority");
        // Few translations.
        assert_eq!(verdict(3, 0, 3), SourceSuspect);
        assert_eq!(verdict(3, 1, 2), Undecided, "two that agree are no bloc");
        assert_eq!(verdict(3, 2, 1), SourceBacked);
        assert_eq!(verdict(2, 0, 2), Undecided, "two translations do not vote");
    }
}
