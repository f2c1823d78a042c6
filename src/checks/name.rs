//! The `name` check: every name in the source has its counterpart in the target, spelt the way
//! the document spells it.
//!
//! Source names come from the extractor's candidates, kept only where the document says they are
//! names (a capitalised word that the document also writes in lower case is a common word; a
//! sentence-initial word must be seen capitalised mid-sentence elsewhere; a language that
//! capitalises nouns contributes only acronyms and listed entities). A counterpart is found, in
//! this order, as an entity-list rendering, as a rendering the document uses elsewhere (learnt by
//! [`learn`] from all pairs: by sound, or by co-occurrence where sound fails), or by sound
//! (see [`crate::lang::translit`]), allowing case endings, clitics and kept source spellings.
//!
//! Findings: a source name with no counterpart (`missing`), a counterpart one or two edits off
//! (`misspelt`), a missing source name next to a target name with no source (`became`), and a
//! target name with no source alone (`added`, a warning). A finding is an error only where the
//! evidence is strong: the document renders the name elsewhere, the name is a listed entity or a
//! full name, or the target has a near miss; otherwise it is a warning.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Issue, PairContext, Side};
use crate::extract::names::{self, NameKind, NameMention};
use crate::extract::script::script_of;
use crate::finding::{CheckId, Severity};
use crate::lang::entities::{self, fold, word_spans};
use crate::lang::profile::{primary_subtag, Script};
use crate::lang::translit::{self, Family};

/// How a document renders its source names, learnt from all its aligned pairs.
#[derive(Debug, Default)]
pub struct NameKnowledge {
    /// Source name word (folded) → target forms that render it by sound or as an entity
    /// (lower case, as written) → in how many pairs.
    renderings: HashMap<String, BTreeMap<String, usize>>,
    /// Source name word (folded) → a target unit that co-occurs with it where sound fails
    /// (`West` → `Occident`, `OSCE` → `OVSE`, `Putin` → `普京`): the unit, in how many of the
    /// name's pairs it occurs, and in how many pairs the name occurs.
    cooccurring: HashMap<String, (String, usize, usize)>,
    /// Capitalised source words that the document writes mid-sentence (folded).
    source_confirmed: HashSet<String>,
    /// Capitalised target words that the document writes mid-sentence (folded).
    target_confirmed: HashSet<String>,
    /// Source names (by pair and folded surname) rendered in a neighbouring segment.
    shifted: HashSet<(u64, String)>,
    /// Target renderings (by pair, folded) of a name in a neighbouring source segment.
    shifted_target: HashSet<(u64, String)>,
    /// In how many pairs each target word (folded), or run of two to six Han or Kana
    /// characters, occurs.
    target_frequency: HashMap<String, usize>,
    /// In how many pairs each source name word (folded) occurs.
    occurrences: HashMap<String, usize>,
    /// Words the target document writes in lower case (so common words).
    target_vocabulary: HashSet<String>,
    /// Target renderings (folded) learnt for source names: a name the document uses.
    known_renderings: HashSet<String>,
    /// Target rendering (folded) → the source name words (folded) it renders in the document.
    rendering_sources: HashMap<String, HashSet<String>>,
}

/// A key for a pair, the same in [`learn`] and [`check`].
fn pair_key(p: &PairContext) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    p.source.text.hash(&mut h);
    p.target.text.hash(&mut h);
    h.finish()
}

impl NameKnowledge {
    /// The target forms learnt for a source name word, grouped into forms of one word
    /// (Лукашевич, Лукашевича): `(forms, pairs)`, the most frequent group first.
    fn rendering_groups(&self, source_word: &str) -> Vec<(Vec<String>, usize)> {
        let Some(forms) = self.renderings.get(&fold(source_word)) else {
            return Vec::new();
        };
        let mut groups: Vec<(Vec<String>, usize)> = Vec::new();
        for (form, n) in forms {
            match groups
                .iter_mut()
                .find(|(g, _)| g.iter().any(|f| same_word_form(f, form)))
            {
                Some((g, total)) => {
                    g.push(form.clone());
                    *total += n;
                }
                None => groups.push((vec![form.clone()], *n)),
            }
        }
        for (g, _) in &mut groups {
            g.sort_by_key(|f| f.chars().count());
        }
        groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        groups
    }

    /// The renderings the document stands by: groups seen in two pairs or more, or as often as
    /// the most frequent one (a spelling seen once among many is not one of them).
    pub fn accepted_renderings(&self, source_word: &str) -> Vec<String> {
        let groups = self.rendering_groups(source_word);
        let top = groups.first().map_or(0, |g| g.1);
        groups
            .into_iter()
            .filter(|(_, n)| *n >= 2 || *n == top)
            .flat_map(|(g, _)| g)
            .collect()
    }

    /// The document's usual rendering of a source name word, if it has one it uses in two
    /// pairs or more and more often than any other.
    pub fn usual_rendering(&self, source_word: &str) -> Option<String> {
        let groups = self.rendering_groups(source_word);
        match groups.as_slice() {
            [first, rest @ ..] if first.1 >= 2 && rest.iter().all(|g| g.1 < first.1) => {
                first.0.first().cloned()
            }
            _ => None,
        }
    }

    /// Whether the document renders this source name word anywhere, by sound or entity.
    pub fn is_rendered(&self, source_word: &str) -> bool {
        self.renderings.contains_key(&fold(source_word))
    }

    /// Whether the document renders this source name word in two pairs or more, and in most
    /// of the pairs where it occurs (so that dropping it here is unusual).
    pub fn rendered_often(&self, source_word: &str) -> bool {
        let key = fold(source_word);
        let rendered: usize = self.renderings.get(&key).map_or(0, |m| m.values().sum());
        let occurs = self.occurrences.get(&key).copied().unwrap_or(0);
        rendered >= 2 && rendered * 5 >= occurs * 3
    }

    /// In how many pairs of the document a target word or run occurs.
    pub fn target_frequency(&self, text: &str) -> usize {
        self.target_frequency.get(&fold(text)).copied().unwrap_or(0)
    }

    /// The co-occurrence rendering learnt for a source name word, if any.
    pub fn cooccurring_with(&self, source_word: &str) -> Option<&str> {
        self.cooccurring
            .get(&fold(source_word))
            .map(|(u, _, _)| u.as_str())
    }
}

/// Learns, from all pairs of a document, which source words are names and how the target
/// renders each name.
pub fn learn(
    pairs: &[PairContext],
    source_vocabulary: &HashSet<String>,
    target_vocabulary: &HashSet<String>,
) -> NameKnowledge {
    let mut k = NameKnowledge {
        target_vocabulary: target_vocabulary.clone(),
        ..Default::default()
    };
    for p in pairs {
        for (side, set) in [
            (&p.source, &mut k.source_confirmed),
            (&p.target, &mut k.target_confirmed),
        ] {
            for m in mentions(side) {
                if m.initial || !matches!(m.kind, NameKind::Capitalised | NameKind::Acronym) {
                    continue;
                }
                for (s, e) in names::name_words(&m.text) {
                    set.insert(fold(&m.text[s..e]));
                }
            }
        }
    }

    for p in pairs {
        let mut seen: HashSet<String> = HashSet::new();
        for (s, e) in word_spans(&p.target.text) {
            let w = &p.target.text[s..e];
            if matches!(
                translit::script_of_word(w),
                Script::Han | Script::Kana | Script::Thai
            ) {
                let chars: Vec<char> = w.chars().collect();
                for n in 2..=6 {
                    for i in 0..chars.len().saturating_sub(n - 1) {
                        seen.insert(chars[i..i + n].iter().collect());
                    }
                }
            } else {
                seen.insert(fold(w));
            }
        }
        for w in seen {
            *k.target_frequency.entry(w).or_default() += 1;
        }
    }

    // Renderings by sound and entity, pair by pair.
    let mut occurrences: HashMap<String, Vec<usize>> = HashMap::new();
    let mut found_in: HashMap<String, usize> = HashMap::new();
    let targets: Vec<TargetIndex> = pairs.iter().map(|p| TargetIndex::new(&p.target)).collect();
    let sources: Vec<Vec<SourceName>> = pairs
        .iter()
        .map(|p| source_names(p, source_vocabulary, &k))
        .collect();
    let mut missing: Vec<(usize, usize)> = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        let mut seen = HashSet::new();
        for (n, name) in sources[i].iter().enumerate() {
            let Some(word) = name.words.last() else {
                continue;
            };
            let key = fold(word);
            if !seen.insert(key.clone()) {
                continue;
            }
            occurrences.entry(key.clone()).or_default().push(i);
            if let Some(hit) = counterpart_by_sound_or_entity(name, p, &targets[i]) {
                *found_in.entry(key.clone()).or_default() += 1;
                *k.renderings
                    .entry(key)
                    .or_default()
                    .entry(hit.to_lowercase())
                    .or_default() += 1;
            } else if name.strong {
                missing.push((i, n));
            }
        }
    }

    // A name that the alignment placed in the next or previous segment (`“…,” Lukashevich
    // tweeted.` translated as one sentence): neither missing here nor added there.
    for (i, n) in missing {
        // Units that came aligned (bilingual files, confidence 1) have no boundary to shift.
        if pairs[i].confidence >= 1.0 {
            continue;
        }
        let name = &sources[i][n];
        let key = fold(name.words.last().map_or("", String::as_str));
        for j in [i.wrapping_sub(1), i + 1] {
            let Some(p) = pairs.get(j) else {
                continue;
            };
            let in_source = sources[j]
                .iter()
                .any(|o| o.words.last().is_some_and(|w| fold(w) == key));
            if in_source {
                continue;
            }
            if let Some(hit) = counterpart_by_sound_or_entity(name, p, &targets[j]) {
                k.shifted.insert((pair_key(&pairs[i]), key.clone()));
                k.shifted_target.insert((pair_key(p), fold(&hit)));
                break;
            }
        }
    }

    k.known_renderings = k
        .renderings
        .values()
        .flat_map(|m| m.keys())
        .map(|f| fold(f))
        .collect();
    for (source_word, forms) in &k.renderings {
        for form in forms.keys() {
            k.rendering_sources
                .entry(fold(form))
                .or_default()
                .insert(source_word.clone());
        }
    }
    k.occurrences = occurrences
        .iter()
        .map(|(key, v)| (key.clone(), v.len()))
        .collect();

    // Renderings by co-occurrence, for names that sound does not find.
    let wanted: Vec<(&String, &Vec<usize>)> = occurrences
        .iter()
        .filter(|(key, occ)| {
            occ.len() >= 2 && found_in.get(*key).copied().unwrap_or(0) * 2 < occ.len()
        })
        .collect();
    if !wanted.is_empty() {
        let units: Vec<HashSet<String>> = pairs
            .iter()
            .map(|p| cooccurrence_units(&p.target, target_vocabulary))
            .collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for set in &units {
            for u in set {
                *df.entry(u.as_str()).or_default() += 1;
            }
        }
        let mut wanted = wanted;
        wanted.sort();
        for (key, occ) in wanted {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for &i in occ {
                for u in &units[i] {
                    *counts.entry(u.as_str()).or_default() += 1;
                }
            }
            let n = occ.len();
            let best = counts
                .iter()
                .filter(|(_, &c)| c >= 2 && c * 4 >= n * 3)
                .map(|(u, &c)| {
                    let dice = 2.0 * c as f64 / (n + df[u]) as f64;
                    (u, c, dice)
                })
                .filter(|(_, _, dice)| *dice >= 0.6)
                .max_by(|a, b| {
                    a.2.partial_cmp(&b.2)
                        .unwrap()
                        .then(a.0.chars().count().cmp(&b.0.chars().count()))
                        .then(b.0.cmp(a.0))
                });
            if let Some((u, c, _)) = best {
                k.cooccurring.insert(key.clone(), (u.to_string(), c, n));
            }
        }
    }
    k
}

/// Checks one pair.
/// How one source name of a pair was rendered, for tools that align or evaluate names.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing {
    /// The source candidate as written (`Sergei Ryabkov`).
    pub source: String,
    /// Byte spans of its counterpart(s) in the target; empty where missing.
    pub target_spans: Vec<(usize, usize)>,
    /// `found`, `misspelt` or `missing`.
    pub outcome: &'static str,
    /// Whether the check is sure it is a name (only such names give findings).
    pub strong: bool,
}

/// Pairs each source name of a pair with its counterpart in the target.
pub fn pairings(ctx: &PairContext, doc: &super::DocumentKnowledge) -> Vec<Pairing> {
    let target = TargetIndex::new(&ctx.target);
    let sources = source_names(ctx, &doc.source_vocabulary, &doc.names);
    outcomes(ctx, &target, &sources, &doc.names)
        .into_iter()
        .map(|(i, o)| {
            let (target_spans, outcome) = match o {
                Outcome::Found(spans) => (spans, "found"),
                Outcome::Partial(spans) => (spans, "found"),
                Outcome::Near { span, .. } => (vec![span], "misspelt"),
                Outcome::Missing { .. } => (Vec::new(), "missing"),
            };
            Pairing {
                source: sources[i].run.clone(),
                target_spans,
                outcome,
                strong: sources[i].strong,
            }
        })
        .collect()
}

/// The counterpart of every source name of a pair, in the order they claim them.
fn outcomes(
    ctx: &PairContext,
    target: &TargetIndex,
    sources: &[SourceName],
    knowledge: &NameKnowledge,
) -> Vec<(usize, Outcome)> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for i in by_priority(sources) {
        let name = &sources[i];
        let mut outcome = counterpart(name, ctx, target, knowledge);
        let key = fold(&name.shown());
        if matches!(outcome, Outcome::Missing { .. }) && seen.contains(&key) {
            // Said again in the source, rendered once: the repeat is a pronoun ("he").
            outcome = Outcome::Found(Vec::new());
        }
        seen.insert(key);
        match &outcome {
            Outcome::Found(spans) | Outcome::Partial(spans) => {
                spans.iter().for_each(|&sp| target.take(sp))
            }
            Outcome::Near { span, .. } => target.take(*span),
            Outcome::Missing { .. } => {}
        }
        out.push((i, outcome));
    }
    out
}

pub fn check(ctx: &PairContext, doc: &super::DocumentKnowledge) -> Vec<Issue> {
    let knowledge = &doc.names;
    let target = TargetIndex::new(&ctx.target);
    let sources = source_names(ctx, &doc.source_vocabulary, knowledge);
    let outcomes = outcomes(ctx, &target, &sources, knowledge);
    let used: Vec<(usize, usize)> = target.taken.borrow().clone();

    let this = pair_key(ctx);
    let mut added = unmatched_target_names(ctx, doc, &target, &used, &sources);
    added.retain(|a| {
        let f = fold(&a.text);
        !knowledge
            .shifted_target
            .iter()
            .any(|(k, t)| *k == this && (f.contains(t.as_str()) || t.contains(f.as_str())))
    });
    let mut taken: HashSet<usize> = HashSet::new();
    let mut issues = Vec::new();
    // What a name became: a target name of the same kind with no source.
    // (The target name, and whether it is a listed entity.)
    let became = |name: &SourceName, taken: &mut HashSet<usize>| -> Option<(String, bool)> {
        let a = added.iter().find(|a| {
            !taken.contains(&a.start)
                && !a.explained
                && match (name.entity.is_some(), a.kind) {
                    (true, k) => k == NameKind::Entity,
                    (false, NameKind::Entity) => false,
                    (false, NameKind::Acronym) => name.acronym,
                    (false, _) => !name.acronym,
                }
        })?;
        taken.insert(a.start);
        // A listed entity, or a name the document renders elsewhere for another source name,
        // is certainly a name: a swap.
        let known = a.kind == NameKind::Entity
            || a.text
                .split_whitespace()
                .any(|w| knowledge.known_renderings.contains(&fold(w)));
        Some((a.text.clone(), known))
    };
    for (i, outcome) in outcomes {
        let name = &sources[i];
        let shown = name.shown();
        let near = match &outcome {
            Outcome::Near { span, text, .. } => {
                name.strong || (name.near_only && looks_like_a_name(ctx, *span, text))
            }
            _ => false,
        };
        if !name.strong && !near {
            continue;
        }
        match outcome {
            Outcome::Found(_) => {}
            Outcome::Near {
                text,
                word,
                expected,
                strong,
                ..
            } => {
                // Read from another script into a spelling that does not follow sound
                // (Огайо → Ohio, Шеклтона → Shackleton), a near reading is no evidence of a slip.
                let other_script =
                    translit::script_of_word(&shown) != translit::script_of_word(&text);
                if !strong && other_script && ctx.target.profile.names.irregular_spelling {
                    continue;
                }
                let shown = match &word {
                    Some(w) if name.words.len() > 1 && name.entity.is_none() => w.clone(),
                    _ => shown.clone(),
                };
                let message = match &expected {
                    Some(e) => format!(
                        "name \"{shown}\" misspelt as \"{text}\" (written \"{e}\" elsewhere in the document)"
                    ),
                    None => format!("name \"{shown}\" misspelt as \"{text}\""),
                };
                let severity = if strong {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                issues.push(issue(severity, shown.clone(), text, message));
            }
            Outcome::Partial(_) => {
                if let Some((t, listed)) = became(name, &mut taken) {
                    let message = format!("name \"{shown}\" became \"{t}\"");
                    let severity =
                        if listed || name.entity.is_some() || another_given_name(name, &t, ctx) {
                            Severity::Error
                        } else {
                            Severity::Warning
                        };
                    issues.push(issue(severity, shown.clone(), t, message));
                }
            }
            Outcome::Missing { confident } => {
                if knowledge.shifted.contains(&(this, fold(&name.shown()))) {
                    continue;
                }
                if let Some((t, listed)) = became(name, &mut taken) {
                    let message = format!("name \"{shown}\" became \"{t}\"");
                    // A name the dictionary knows, in its place another name that does not
                    // even begin like it: a swap (a localised name, Charles → Karol, England
                    // → Inglaterra, begins alike).
                    let swapped = name.entity.is_none()
                        && name.words.last().is_some_and(|w| {
                            crate::lang::words::is_name(ctx.source.lang, w)
                                && !same_onset(w, &t, ctx)
                        });
                    let swapped = swapped || another_given_name(name, &t, ctx);
                    let severity = if confident || listed || swapped {
                        Severity::Error
                    } else {
                        Severity::Warning
                    };
                    issues.push(issue(severity, shown.clone(), t, message));
                    continue;
                }
                // In its place a name the document renders for another source name, which
                // this source does not have (Cuba → Pablo, Bellingham → Huawei): a swap, even
                // where a capitalised source word might have explained it or its kind differs.
                if let Some(t) = swapped_in(name, ctx, knowledge, &added, &taken) {
                    taken.insert(t.start);
                    issues.push(issue(
                        Severity::Error,
                        shown.clone(),
                        t.text.clone(),
                        format!("name \"{shown}\" became \"{}\"", t.text),
                    ));
                    continue;
                }
                let severity = if confident {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                issues.push(issue(
                    severity,
                    shown.clone(),
                    String::new(),
                    format!("name \"{shown}\" missing in the target"),
                ));
            }
        }
    }
    // Names are found in a source without case (Arabic, Chinese, Hindi) only as the renderings
    // of the target's: a target name that none of the source's text reads like is the reading's
    // miss far more often than an added name (ar → en: three pairs in four), so it is not
    // reported there.
    let source_names_visible = ctx.source.profile.has_case;
    for a in &added {
        if a.strong && !taken.contains(&a.start) && source_names_visible {
            issues.push(issue(
                Severity::Warning,
                String::new(),
                a.text.clone(),
                format!("name \"{}\" in the target is not in the source", a.text),
            ));
        }
    }
    issues
}

/// A target name with no source in this pair that the document renders, elsewhere, for
/// another source name that this pair's source does not contain: what a missing source name
/// was swapped for. Its words must all be such renderings. Only for a source language with a
/// dictionary ([`crate::lang::words::has_list`]).
fn swapped_in<'a>(
    name: &SourceName,
    ctx: &PairContext,
    knowledge: &NameKnowledge,
    added: &'a [TargetName],
    taken: &HashSet<usize>,
) -> Option<&'a TargetName> {
    let own = name.shown();
    // A name made of a common word (Inquisition, Walls), a demonym (Celtic, Thai) or an
    // acronym (AD, MLAs) is often translated into another name or left out.
    // Only where the source's dictionary tells its title words from names (a Russian Палата
    // or Международную, capitalised in a title, would be swapped for its translation).
    if !crate::lang::words::has_list(ctx.source.lang)
        || name.acronym
        || name.entity.is_some() && name.words.len() > 1
        || crate::lang::words::is_common(ctx.source.lang, &own)
        || looks_like_demonym(&own, &ctx.source)
    {
        return None;
    }
    let source = fold(&ctx.source.text);
    let own = fold(&own);
    added.iter().find(|a| {
        !taken.contains(&a.start)
            && !a.text.is_empty()
            // A listed place the translator names for context (Brexit → Royaume-Uni) is not
            // a swap by itself.
            && a.kind != NameKind::Entity
            && entities::find(&a.text, ctx.target.lang).is_empty()
            && a.text.split_whitespace().all(|w| {
                knowledge
                    .rendering_sources
                    .get(&fold(w))
                    .is_some_and(|sources| {
                        !sources.is_empty()
                            && sources
                                .iter()
                                .all(|s| *s != own && !source.contains(s.as_str()))
                    })
            })
    })
}

/// Whether a target span reads as a name on its own: a capitalised word that does not start
/// a sentence (where the script has case), or katakana or name-writing Han characters.
fn looks_like_a_name(ctx: &PairContext, span: (usize, usize), text: &str) -> bool {
    let first = text.chars().next();
    if first.is_some_and(|c| c.is_uppercase() || c.is_lowercase()) {
        return names::capitalised_words(&ctx.target.text)
            .into_iter()
            .any(|(s, _, initial)| s == span.0 && !initial);
    }
    !text.is_empty()
        && text
            .chars()
            .all(|c| ('\u{30A0}'..='\u{30FF}').contains(&c) || translit::is_name_han(c))
}

/// The order in which source names claim their counterparts: listed entities, then other
/// certain names, then the rest, each in text order.
fn by_priority(sources: &[SourceName]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| {
        let n = &sources[i];
        (n.entity.is_none(), !n.strong, n.words.len(), i)
    });
    order
}

fn issue(severity: Severity, source: String, target: String, message: String) -> Issue {
    Issue {
        check: CheckId::Name,
        severity,
        source,
        target,
        message,
    }
}

// ---------------------------------------------------------------------------------------------
// Source names
// ---------------------------------------------------------------------------------------------

/// A source name as the check sees it.
#[derive(Debug, Clone)]
struct SourceName {
    /// Its name words as written, the surname last.
    words: Vec<String>,
    /// The whole candidate as written.
    run: String,
    entity: Option<usize>,
    acronym: bool,
    /// Certainly a name (not a sentence capital, not part of a title-case phrase of common
    /// words): only such names give every finding.
    strong: bool,
    /// Perhaps a name (a sentence capital not seen elsewhere, a word of a title-case phrase):
    /// a near miss of it in the target still shows it is one, and is reported.
    near_only: bool,
    /// Right after an honorific (`Mr Winterkorn`, `Dr Lee`): a person, whom a translation
    /// names.
    titled: bool,
}

impl SourceName {
    /// The name as shown in a finding: the surname, or the entity as written.
    fn shown(&self) -> String {
        if self.entity.is_some() {
            self.run.clone()
        } else {
            self.words.last().cloned().unwrap_or_default()
        }
    }
}

/// The candidates of one side: the extractor's, or recomputed by the side's language when the
/// language has no data file yet (the entity list is still read by language).
fn mentions(side: &Side) -> Vec<NameMention> {
    let own_profile =
        side.profile.tag == primary_subtag(side.lang) || side.profile.tag == side.lang;
    // Facts merged from several sentences keep each sentence's offsets: recompute then.
    let offsets_hold = side
        .facts
        .names
        .iter()
        .all(|m| side.text.get(m.start..m.end) == Some(m.text.as_str()));
    if own_profile && offsets_hold {
        side.facts.names.clone()
    } else {
        names::candidates_in(&side.text, side.profile, side.lang)
    }
}

fn source_names(
    ctx: &PairContext,
    vocabulary: &HashSet<String>,
    knowledge: &NameKnowledge,
) -> Vec<SourceName> {
    let side = &ctx.source;
    let target_lang = ctx.target.lang;
    let mut out = Vec::new();
    for m in mentions(side) {
        match m.kind {
            NameKind::Entity => {
                let e = m.entity.expect("entity mention");
                let entity = &entities::all()[e];
                // A nationality word that begins with a place's name (Prussian, Persian) is
                // an adjective, not the place: read it as a word.
                let lower = m.text.to_lowercase();
                let adjective = (looks_like_demonym(&m.text, side)
                    || side
                        .profile
                        .names
                        .place_adjective_endings
                        .iter()
                        .any(|e| lower.ends_with(e.as_str())))
                    && !entity
                        .forms_in(side.lang)
                        .iter()
                        .any(|f| fold(f) == fold(&m.text));
                if adjective {
                    if let Some(n) = word_name(&m, side, vocabulary, knowledge) {
                        out.push(n);
                    }
                    continue;
                }
                if !entity.forms_in(target_lang).is_empty() {
                    let mut words: Vec<String> = names::name_words(&m.text)
                        .into_iter()
                        .map(|(s, e)| m.text[s..e].to_string())
                        .collect();
                    if words.is_empty() {
                        words.push(m.text.clone());
                    }
                    out.push(SourceName {
                        words,
                        run: m.text.clone(),
                        entity: Some(e),
                        acronym: names::is_acronym(&m.text),
                        strong: true,
                        near_only: false,
                        titled: false,
                    });
                    continue;
                }
                // No rendering listed for the target language: look for it by sound. A person's
                // name is transliterated; a place or an organisation may have a name of its own
                // there, so it is only as certain as a word.
                let person = entity.kind == entities::EntityKind::Person;
                if let Some(n) = word_name(&m, side, vocabulary, knowledge) {
                    out.push(SourceName {
                        strong: person && n.strong,
                        near_only: n.near_only || n.strong,
                        ..n
                    });
                }
            }
            NameKind::Acronym => {
                if vocabulary.contains(&m.text.to_lowercase()) {
                    continue;
                }
                out.push(SourceName {
                    words: vec![m.text.trim_end_matches('s').to_string()],
                    run: m.text.clone(),
                    entity: None,
                    acronym: true,
                    strong: true,
                    near_only: false,
                    titled: false,
                });
            }
            NameKind::Capitalised => {
                if side.profile.capitalises_nouns {
                    continue;
                }
                if let Some(n) = word_name(&m, side, vocabulary, knowledge) {
                    let titled = after_title(&side.text, m.start, side);
                    out.push(SourceName { titled, ..n });
                }
            }
            NameKind::Katakana | NameKind::Joined => {
                let words: Vec<String> = names::name_words(&m.text)
                    .into_iter()
                    .map(|(s, e)| m.text[s..e].to_string())
                    .collect();
                if !words.is_empty() {
                    out.push(SourceName {
                        words,
                        run: m.text.clone(),
                        entity: None,
                        acronym: false,
                        strong: true,
                        near_only: false,
                        titled: false,
                    });
                }
            }
        }
    }
    out
}

/// A capitalised run as a name: its words that are not common words of the document, strong if
/// nothing in it suggests a sentence capital or a title-case phrase.
fn word_name(
    m: &NameMention,
    side: &Side,
    vocabulary: &HashSet<String>,
    knowledge: &NameKnowledge,
) -> Option<SourceName> {
    let all: Vec<(usize, usize)> = names::name_words(&m.text);
    let mut words = Vec::new();
    let mut strong = true;
    let mut near_only = true;
    let mut dictionary_words = Vec::new();
    for (k, &(s, e)) in all.iter().enumerate() {
        let w = &m.text[s..e];
        let f = fold(w);
        let common = vocabulary.contains(&f)
            || names::is_not_name(w, side.profile)
            || names::is_date_word(w, side.profile);
        if common {
            strong = false;
            continue;
        }
        // A word of a title that the language's dictionary writes only in lower case
        // (`Lake`, `Findings`) is translated: not a name word, but not a sign that the rest
        // (`Rudyard`) is no name either. Alone (`Slate`, `Vine`), it is perhaps a name.
        if crate::lang::words::is_common(side.lang, w) {
            dictionary_words.push(w.to_string());
            continue;
        }
        if k == 0
            && m.initial
            && !knowledge.source_confirmed.contains(&f)
            && !crate::lang::words::is_name(side.lang, w)
        {
            // A sentence capital unless the document writes it capitalised mid-sentence, or
            // the language's dictionary knows it as a name (George, Madrid).
            if all.len() == 1 {
                strong = false;
            } else {
                continue;
            }
        }
        if w.chars().count() < 2 {
            continue;
        }
        words.push(w.to_string());
    }
    if words.is_empty() && !dictionary_words.is_empty() {
        return Some(SourceName {
            words: dictionary_words,
            run: m.text.clone(),
            entity: None,
            acronym: false,
            strong: false,
            near_only: true,
            titled: false,
        });
    }
    if words.is_empty() {
        return None;
    }
    // A nationality word (Scottish, Macedonians, Floridians) is an adjective or a common noun
    // in most languages, written in lower case: not a name the target must keep.
    if words.iter().any(|w| looks_like_demonym(w, side)) {
        strong = false;
        near_only = false;
    }
    Some(SourceName {
        words,
        run: m.text.clone(),
        entity: None,
        acronym: false,
        strong,
        near_only: near_only && !strong,
        titled: false,
    })
}

/// Whether the word before `start` is an honorific (`Mr`, `Dr`, `Prof`: a capitalised word the
/// language lists both as not a name and as an abbreviation), with only spaces or a dot between.
fn after_title(text: &str, start: usize, side: &Side) -> bool {
    let before = text[..start].trim_end_matches([' ', '.', '\u{a0}']);
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    // An honorific the language abbreviates (Mr, Dr, Prof): not an adjective (Spanish
    // Inquisition) nor a title-case word.
    !word.is_empty()
        && names::is_capitalised(word)
        && names::is_not_name(word, side.profile)
        && side
            .profile
            .sentences
            .abbreviations
            .iter()
            .any(|a| a == word)
}

/// Whether a word ends as the language's words for peoples and nationalities do (the profile's
/// `names.demonym_endings`: English `Scottish`, `Macedonian`, `Mexicans`, `Icelandic`).
fn looks_like_demonym(word: &str, side: &Side) -> bool {
    let lower = word.to_lowercase();
    lower.chars().count() >= 5
        && side
            .profile
            .names
            .demonym_endings
            .iter()
            .any(|e| lower.ends_with(e.as_str()))
}

// ---------------------------------------------------------------------------------------------
// The target, indexed for search
// ---------------------------------------------------------------------------------------------

/// A place in the target where a name can be: a word in scripts with spaces, a run of Han or
/// Kana characters without.
#[derive(Debug)]
struct Unit {
    start: usize,
    end: usize,
    script: Script,
    /// Readings of the word's possible stems.
    readings: Vec<Vec<u8>>,
    /// Whether each reading is of a stem cut from a longer word (an ending removed).
    cut: Vec<bool>,
    /// For runs: the text position (byte offset) of each phoneme.
    positions: Vec<(usize, usize)>,
    /// For runs: whether each phoneme comes from a character that can write a foreign name.
    nameish: Vec<bool>,
    /// The consonant classes of each reading (see [`translit::class_mask`]).
    masks: Vec<u8>,
    /// The unit folded (lower case, no accents).
    folded: String,
}

struct TargetIndex<'t> {
    text: &'t str,
    lang: String,
    units: Vec<Unit>,
    /// Spans already given to a source name of the pair: a name said twice needs two
    /// renderings.
    taken: std::cell::RefCell<Vec<(usize, usize)>>,
}

impl<'t> TargetIndex<'t> {
    fn new(side: &'t Side) -> TargetIndex<'t> {
        let text = side.text.as_str();
        let lang = primary_subtag(side.lang);
        let mut units: Vec<Unit> = Vec::new();
        for (s, e) in word_spans(text) {
            let word = &text[s..e];
            let script = translit::script_of_word(word);
            match script {
                Script::Han | Script::Kana | Script::Thai => {
                    units.extend(runs(text, s, e));
                }
                _ => {
                    let mut readings = Vec::new();
                    let mut cut = Vec::new();
                    for stem in stems(word, script, side) {
                        let r = translit::phonemes(stem, &lang);
                        if !r.is_empty() && !readings.contains(&r) {
                            readings.push(r);
                            cut.push(stem.len() < word.len());
                        }
                    }
                    units.push(Unit {
                        start: s,
                        end: e,
                        script,
                        readings,
                        cut,
                        positions: Vec::new(),
                        nameish: Vec::new(),
                        masks: Vec::new(),
                        folded: String::new(),
                    });
                }
            }
        }
        for u in &mut units {
            u.masks = u.readings.iter().map(|r| translit::class_mask(r)).collect();
            u.folded = fold(&text[u.start..u.end]);
        }
        TargetIndex {
            text,
            lang,
            units,
            taken: Default::default(),
        }
    }

    fn unit_text(&self, u: &Unit) -> &'t str {
        &self.text[u.start..u.end]
    }

    /// Whether a span is still free (not given to another source name of the pair).
    fn free(&self, s: usize, e: usize) -> bool {
        !self.taken.borrow().iter().any(|&(a, b)| s < b && a < e)
    }

    fn take(&self, span: (usize, usize)) {
        self.taken.borrow_mut().push(span);
    }

    /// The span of the first unit not yet taken that `matches`.
    fn first_free(&self, matches: impl Fn(&Unit) -> bool) -> Option<(usize, usize)> {
        self.units
            .iter()
            .find(|u| self.free(u.start, u.end) && matches(u))
            .map(|u| (u.start, u.end))
    }
}

/// Runs of Han or Kana in a word span of text without spaces, split where the script changes.
fn runs(text: &str, s: usize, e: usize) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut cur: Option<(Script, usize)> = None;
    let push = |script: Script, a: usize, b: usize, out: &mut Vec<Unit>| {
        let mut reading = Vec::new();
        let mut positions = Vec::new();
        let mut nameish = Vec::new();
        for (i, c) in text[a..b].char_indices() {
            let p = translit::phonemes(&c.to_string(), "");
            let ok = match script_of(c) {
                Some(Script::Han) => translit::is_name_han(c),
                Some(Script::Kana) => ('\u{30A0}'..='\u{30FF}').contains(&c),
                _ => false,
            };
            for &ph in &p {
                reading.push(ph);
                positions.push((a + i, a + i + c.len_utf8()));
                nameish.push(ok);
            }
        }
        // Kana is read syllable by syllable with small kana joined, so read the whole run.
        if script == Script::Kana {
            let whole = translit::phonemes(&text[a..b], "ja");
            if whole.len() != reading.len() {
                // Keep the positions of the first characters as an approximation.
                let n = whole.len();
                let step = (b - a) as f64 / n.max(1) as f64;
                positions = (0..n)
                    .map(|k| {
                        let lo = floor_char(text, a + (k as f64 * step) as usize);
                        let hi = ceil_char(text, (a + ((k + 1) as f64 * step) as usize).min(b));
                        (lo, hi.max(lo))
                    })
                    .collect();
                nameish = vec![true; n];
                reading = whole;
            }
        }
        if !reading.is_empty() {
            out.push(Unit {
                start: a,
                end: b,
                script,
                readings: vec![reading],
                cut: vec![false],
                positions,
                nameish,
                masks: Vec::new(),
                folded: String::new(),
            });
        }
    };
    for (i, c) in text[s..e].char_indices() {
        let script = match script_of(c) {
            Some(sc @ (Script::Han | Script::Kana | Script::Thai)) => Some(sc),
            _ => None,
        };
        let script = if c == 'ー' {
            Some(Script::Kana)
        } else {
            script
        };
        match (cur, script) {
            (Some((cs, a)), Some(sc)) if cs == sc => {
                let _ = a;
            }
            (Some((cs, a)), _) => {
                push(cs, a, s + i, &mut out);
                cur = script.map(|sc| (sc, s + i));
            }
            (None, Some(sc)) => cur = Some((sc, s + i)),
            (None, None) => {}
        }
    }
    if let Some((cs, a)) = cur {
        push(cs, a, e, &mut out);
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Endings that grammar attaches to names, by script, used with the language's own list.
const LATIN_ENDINGS: &[&str] = &[
    "s", "es", "a", "u", "e", "y", "i", "o", "n", "t", "em", "om", "ie", "owi", "ą", "ę", "ami",
    "ach", "ów", "in", "en", "iin", "ssa", "ssä", "sta", "stä", "lla", "llä", "lle", "lta", "ltä",
    "ksi", "na", "nä", "ta", "tä", "ja", "ra", "re", "nak", "nek", "val", "vel", "ban", "ben",
    "ból", "ből", "hoz", "nál", "nél", "tól", "től", "ért", "ot", "et", "at", "on", "ovi", "ou",
    "ům", "ui", "ul", "ului", "ei", "ii", "ą", "ie", "ego", "emu", "ym",
];
const CYRILLIC_ENDINGS: &[&str] = &[
    "а", "я", "у", "ю", "е", "ы", "и", "і", "ї", "ой", "ей", "ом", "ем", "ым", "им", "ого", "его",
    "ому", "ему", "ах", "ях", "ам", "ям", "ами", "ями", "ов", "ев", "ою", "ею", "ові", "еві", "ой",
    "ій", "ий", "ая", "ую",
];
const GREEK_ENDINGS: &[&str] = &[
    "ου", "η", "ης", "α", "ας", "ο", "ος", "ων", "ες", "ι", "ς", "ν",
];

/// The possible stems of a target word: itself, without a case ending, without clitics.
fn stems<'w>(word: &'w str, script: Script, side: &Side) -> Vec<&'w str> {
    let mut out = vec![word];
    let n = word.chars().count();
    let generic: &[&str] = match script {
        Script::Latin => LATIN_ENDINGS,
        Script::Cyrillic => CYRILLIC_ENDINGS,
        Script::Greek => GREEK_ENDINGS,
        _ => &[],
    };
    let lower = word.to_lowercase();
    let profile_suffixes = side
        .profile
        .names
        .suffixes
        .iter()
        .map(|s| s.trim_start_matches(['\'', '’']));
    if lower.len() == word.len() {
        for suf in generic.iter().copied().chain(profile_suffixes) {
            let k = suf.chars().count();
            if k == 0 || k > 4 || n < k + 3 {
                continue;
            }
            if lower.ends_with(suf) {
                let stem = &word[..word.len() - suf.len()];
                if !out.contains(&stem) {
                    out.push(stem);
                }
            }
        }
    }
    if matches!(script, Script::Arabic | Script::Hebrew) {
        let pro: &[&str] = if script == Script::Arabic {
            &[
                "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك",
            ]
        } else {
            &[
                "וה", "וב", "ול", "ומ", "שה", "ה", "ו", "ב", "ל", "מ", "ש", "כ",
            ]
        };
        let base: Vec<&str> = out.clone();
        for w in base {
            for p in pro {
                if let Some(rest) = w.strip_prefix(p) {
                    if rest.chars().count() >= 2 && !out.contains(&rest) {
                        out.push(rest);
                    }
                }
            }
        }
        let enclitics: &[&str] = if script == Script::Arabic {
            &["ها", "هم", "ه", "ي", "ان", "ين", "ون", "ات"]
        } else {
            &[]
        };
        let base: Vec<&str> = out.clone();
        for w in base {
            for en in enclitics {
                if let Some(rest) = w.strip_suffix(en) {
                    if rest.chars().count() >= 3 && !out.contains(&rest) {
                        out.push(rest);
                    }
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Finding counterparts
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Found, at these byte spans of the target.
    Found(Vec<(usize, usize)>),
    /// A near miss: the target has `text` where the name should be.
    Near {
        span: (usize, usize),
        text: String,
        /// The source word it should render, for a word of a longer name.
        word: Option<String>,
        /// The document's usual rendering, if it has one.
        expected: Option<String>,
        /// Certain enough for an error.
        strong: bool,
    },
    Missing {
        /// Certain enough for an error.
        confident: bool,
    },
    /// Part of a name found (a first name, the name part of a title-case phrase): a finding
    /// only if a target name with no source says what the rest became.
    Partial(Vec<(usize, usize)>),
}

/// The best place in the target for one source word, by sound.
#[derive(Debug, Clone)]
struct Hit {
    span: (usize, usize),
    cost: f32,
    same: f32,
    near: f32,
    /// The span is made of characters that write foreign names (runs) or is a word (spaced).
    nameish: bool,
}

impl Hit {
    fn is_same(&self) -> bool {
        self.cost <= self.same
    }
    fn is_near(&self) -> bool {
        self.cost > self.same && self.cost <= self.near
    }
}

/// Readings of a source word: as its language spells it, and common alternatives.
fn source_readings(word: &str, lang: &str, target_lang: &str) -> Vec<(Vec<u8>, f32)> {
    let base = translit::phonemes(word, lang);
    let mut out = vec![(base.clone(), 0.0)];
    if translit::script_of_word(word) == Script::Latin {
        // English spellings of sounds that the rules read otherwise: Chris (k), Knott (n),
        // Glasgow (o), and the name as another language would read it.
        let lower = word.to_lowercase();
        let mut alts: Vec<String> = Vec::new();
        if lower.contains("ch") {
            alts.push(lower.replace("ch", "k"));
        }
        if let Some(r) = lower.strip_prefix("kn") {
            alts.push(format!("n{r}"));
        }
        if let Some(r) = lower.strip_suffix("ow") {
            alts.push(format!("{r}o"));
        }
        if lower.ends_with('e') && lower.len() > 4 {
            alts.push(lower[..lower.len() - 1].to_string());
        }
        // A plural or possessive: the Lovings, Obama's.
        if lower.ends_with('s') && lower.len() > 4 {
            alts.push(lower[..lower.len() - 1].to_string());
        }
        // Latin au and eu are av and ev in Greek, Cyrillic and Turkish: Europe, Евро́па, Avrupa.
        if lower.contains("eu") || lower.contains("au") {
            alts.push(lower.replace("eu", "ev").replace("au", "av"));
            alts.push(lower.replace("eu", "av").replace("au", "av"));
        }
        for a in alts {
            let r = translit::phonemes(&a, lang);
            if !out.iter().any(|(x, _)| *x == r) {
                out.push((r, 0.0));
            }
        }
        // Read as the target language would read it, for a name kept in the source spelling
        // in a text whose letters sound otherwise (English `John` in Spanish).
        let r = translit::phonemes(word, target_lang);
        if !out.iter().any(|(x, _)| *x == r) {
            out.push((r, 0.1));
        }
    }
    // A stem vowel that case endings replace: Moskwa → Moskwie, Obama → Obamy (compared
    // with stems that had an ending only, so that Duff is not Duffy).
    if base.len() >= 4 && base.last().is_some_and(|&p| translit::is_vowel(p)) {
        out.push((base[..base.len() - 1].to_vec(), VOWEL_DROPPED));
    }
    out
}

/// The extra cost that marks a source reading without its final vowel.
const VOWEL_DROPPED: f32 = 0.05;

/// Finds the best unit of the target for a source word by sound.
fn search(word: &str, source_lang: &str, target: &TargetIndex) -> Option<Hit> {
    let sscript = translit::script_of_word(word);
    let readings = source_readings(word, source_lang, &target.lang);
    let masks: Vec<u8> = readings
        .iter()
        .map(|(r, _)| translit::class_mask(r))
        .collect();
    let folded = fold(word);
    let mut best: Option<Hit> = None;
    for u in &target.units {
        if u.positions.is_empty() && !target.free(u.start, u.end) {
            continue;
        }
        let fam = translit::family(sscript, u.script);
        // The word kept as written, maybe with an ending.
        let uf = &u.folded;
        if !target.free(u.start, u.end) {
            // Only part of a run is taken: matched below by sound.
        } else if *uf == folded
            || (uf.starts_with(&folded)
                && uf.chars().count() <= folded.chars().count() + 3
                && folded.chars().count() >= 3)
        {
            let len = readings[0].0.len();
            let hit = Hit {
                span: (u.start, u.end),
                cost: 0.0,
                same: translit::same_threshold(len, fam),
                near: translit::near_threshold(len, fam),
                nameish: true,
            };
            return Some(hit);
        }
        for (ri, (r, extra)) in readings.iter().enumerate() {
            // Two letters sound like too much of a Chinese or Japanese text.
            if r.is_empty() || (fam == Family::Syllabic && r.len() < 3) {
                continue;
            }
            let len = translit::effective_len(&readings[0].0, fam);
            let same = translit::same_threshold(len, fam);
            let near = translit::near_threshold(len, fam);
            if u.positions.is_empty() {
                for ((ur, &um), &cut) in u.readings.iter().zip(&u.masks).zip(&u.cut) {
                    // Two consonant classes of the name absent from the word: not close.
                    if (masks[ri] & !um).count_ones() > 1 {
                        continue;
                    }
                    if *extra == VOWEL_DROPPED && !cut {
                        continue;
                    }
                    let cost = translit::distance(r, ur, fam) + extra;
                    let hit = Hit {
                        span: (u.start, u.end),
                        cost,
                        same,
                        near,
                        nameish: true,
                    };
                    if better(&hit, best.as_ref()) {
                        best = Some(hit);
                    }
                    // The name inside a compound (Osteuropa, Sovjetrepublieken): found, but
                    // never a near miss.
                    if r.len() >= 4 && ur.len() > r.len() + 2 {
                        let (c, _, _) = translit::best_substring(r, ur, fam);
                        if c + extra <= same * 0.5 {
                            let hit = Hit {
                                span: (u.start, u.end),
                                cost: c + extra,
                                same,
                                near,
                                nameish: false,
                            };
                            if better(&hit, best.as_ref()) {
                                best = Some(hit);
                            }
                        }
                    }
                }
            } else {
                // Characters given to another name cannot be matched again.
                let ur: Vec<u8> = u.readings[0]
                    .iter()
                    .zip(&u.positions)
                    .map(|(&p, &(a, b))| if target.free(a, b) { p } else { b'#' })
                    .collect();
                let (cost, a, b) = translit::best_substring(r, &ur, fam);
                if b <= a {
                    continue;
                }
                let span = (u.positions[a].0, u.positions[b - 1].1);
                let nameish = u.nameish[a..b].iter().all(|&x| x);
                let hit = Hit {
                    span,
                    cost: cost + extra,
                    same,
                    near,
                    nameish,
                };
                if better(&hit, best.as_ref()) {
                    best = Some(hit);
                }
            }
        }
    }
    best
}

fn better(hit: &Hit, best: Option<&Hit>) -> bool {
    match best {
        None => true,
        Some(b) => hit.cost - hit.same < b.cost - b.same - 1e-6,
    }
}

/// The target's rendering of a name by its entity forms or by sound, if it is there: the
/// rendering as written. Used by [`learn`].
fn counterpart_by_sound_or_entity(
    name: &SourceName,
    ctx: &PairContext,
    target: &TargetIndex,
) -> Option<String> {
    if let Some(e) = name.entity {
        return entities::find(&ctx.target.text, ctx.target.lang)
            .into_iter()
            .find(|m| m.entity == e)
            .map(|m| ctx.target.text[m.start..m.end].to_string());
    }
    let word = name.words.last()?;
    if name.acronym {
        return acronym_in(word, target).map(|(s, e)| ctx.target.text[s..e].to_string());
    }
    let hit = search(word, ctx.source.lang, target)?;
    hit.is_same()
        .then(|| ctx.target.text[hit.span.0..hit.span.1].to_string())
}

/// An acronym kept in the target (any case: `Nato`), or written in the target's letters
/// (`НАТО`, `ΝΑΤΟ`).
fn acronym_in(word: &str, target: &TargetIndex) -> Option<(usize, usize)> {
    let f = fold(word);
    let r = translit::phonemes(word, "en");
    target.first_free(|u| {
        let t = target.unit_text(u);
        fold(t) == f
            || (matches!(u.script, Script::Cyrillic | Script::Greek)
                && names::is_acronym(t)
                && u.readings
                    .first()
                    .is_some_and(|ur| translit::distance(&r, ur, Family::Phonetic) < 0.35))
    })
}

/// Whether a learnt form occurs in the target (with its grammar), and where.
fn form_in(form: &str, target: &TargetIndex) -> Option<(usize, usize)> {
    let script = translit::script_of_word(form);
    if matches!(script, Script::Han | Script::Kana | Script::Thai) {
        return target
            .text
            .match_indices(form)
            .map(|(i, _)| (i, i + form.len()))
            .find(|&(a, b)| target.free(a, b));
    }
    let fw: Vec<&str> = word_spans(form).iter().map(|&(s, e)| &form[s..e]).collect();
    if fw.is_empty() {
        return None;
    }
    let words = word_spans(target.text);
    if words.len() < fw.len() {
        return None;
    }
    for i in 0..=words.len() - fw.len() {
        if fw.iter().enumerate().all(|(k, f)| {
            let (s, e) = words[i + k];
            target.free(s, e) && same_word_form(f, &target.text[s..e])
        }) {
            return Some((words[i].0, words[i + fw.len() - 1].1));
        }
    }
    None
}

/// Whether two words are forms of one word: equal, or one is the other with an ending (the
/// stem's last vowel may change: Лукашевич, Лукашевича, Лукашевичем; Москва, Москве).
fn same_word_form(a: &str, b: &str) -> bool {
    if script_of_first(a) != script_of_first(b) {
        return false;
    }
    if matches!(script_of_first(a), Some(Script::Arabic | Script::Hebrew)) {
        return entities::word_matches(a, b) || entities::word_matches(b, a);
    }
    let (a, b) = (fold(a), fold(b));
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let sn = short.chars().count();
    if sn < 3 {
        return false;
    }
    let ln = long.chars().count();
    if long.starts_with(&short) {
        return ln - sn <= 3;
    }
    let stem: String = short.chars().take(sn - 1).collect();
    let last = short.chars().last().unwrap();
    sn >= 4
        && "aeiouyаеиоуыяюэєіїαεηιουω".contains(last)
        && long.starts_with(&stem)
        && ln - (sn - 1) <= 3
}

fn script_of_first(w: &str) -> Option<Script> {
    w.chars().find_map(script_of)
}

/// Finds the counterpart of a source name in the target.
fn counterpart(
    name: &SourceName,
    ctx: &PairContext,
    target: &TargetIndex,
    knowledge: &NameKnowledge,
) -> Outcome {
    if let Some(e) = name.entity {
        // A listed form one or two letters off at its end where the target's grammar puts no
        // ending (Chinqa, Europc for China, Europa in Spanish): a slip, not a word form,
        // though the list's matching, which allows endings, takes it for the entity. The
        // source must name the entity as listed (Tiberius is not the Tiber).
        let named_as_listed = entities::all()[e]
            .forms_in(ctx.source.lang)
            .iter()
            .any(|f| fold(f) == fold(&name.run));
        if !name.acronym && named_as_listed {
            if let Some((span, text, form)) = ending_slip_in(e, ctx, target, knowledge) {
                return Outcome::Near {
                    word: None,
                    span,
                    text,
                    expected: Some(form),
                    strong: true,
                };
            }
        }
        let found = entities::find(&ctx.target.text, ctx.target.lang)
            .into_iter()
            .find(|m| m.entity == e && target.free(m.start, m.end));
        if let Some(m) = found {
            return Outcome::Found(vec![(m.start, m.end)]);
        }
        if let Some(span) = name.words.last().and_then(|w| kept_as_written(w, target)) {
            return Outcome::Found(vec![span]);
        }
        // A slip in one word of a listed form of several words (Étaïê-Unis).
        if !name.acronym {
            for form in entities::all()[e].forms_in(ctx.target.lang) {
                if let Some((span, text)) = slight_variant_of_words(form, target) {
                    return Outcome::Near {
                        word: None,
                        span,
                        text,
                        expected: Some(form.clone()),
                        strong: true,
                    };
                }
            }
        }
        // A slip of a listed form: Рыбков for Рябков, ラプロフ for ラブロフ.
        if !name.acronym {
            for form in entities::all()[e].forms_in(ctx.target.lang) {
                let spans = word_spans(form);
                let Some(&(a, b)) = spans.last() else {
                    continue;
                };
                let last = if matches!(translit::script_of_word(form), Script::Han | Script::Kana) {
                    form.rsplit(['·', '・']).next().unwrap_or(form)
                } else {
                    &form[a..b]
                };
                if let Some((span, text)) = slight_variant_in(last, target) {
                    return Outcome::Near {
                        word: None,
                        span,
                        text,
                        expected: Some(last.to_string()),
                        strong: true,
                    };
                }
            }
        }
        // A place or an organisation named by an adjective or another word form (a person's
        // first name alone is not the person).
        if entities::all()[e].kind != entities::EntityKind::Person {
            if let Some(span) = related_to_entity(e, ctx) {
                return Outcome::Found(vec![span]);
            }
        }
        if let Some(span) = name
            .words
            .last()
            .and_then(|w| learnt_in(w, target, knowledge))
        {
            return Outcome::Found(vec![span]);
        }
        // Transliterated otherwise than listed.
        let kind = entities::all()[e].kind;
        let named = matches!(
            kind,
            entities::EntityKind::Person | entities::EntityKind::Organisation
        );
        if name.acronym {
            if let Some(span) = acronym_in(&name.run, target) {
                return Outcome::Found(vec![span]);
            }
            return Outcome::Missing { confident: named };
        }
        let surname = name.words.last().cloned().unwrap_or_default();
        for w in &name.words {
            // Found by its last word (a surname, `States`), not by a first name or `United`.
            if *w != surname {
                continue;
            }
            if let Some(hit) = search(w, ctx.source.lang, target) {
                if hit.is_same() {
                    return Outcome::Found(vec![hit.span]);
                }
                if *w == surname && hit.is_near() && hit.nameish {
                    let text = ctx.target.text[hit.span.0..hit.span.1].to_string();
                    // Another listed name there (ルカシェンコ for Lukashevich) is a swap.
                    let other = entities::find(&ctx.target.text, ctx.target.lang)
                        .into_iter()
                        .any(|m| m.entity != e && m.start < hit.span.1 && hit.span.0 < m.end);
                    if other {
                        continue;
                    }
                    if !is_common_target_word(&text, ctx, target)
                        && knowledge.target_frequency(&text) <= 1
                    {
                        let strong = is_spelling_slip(w, &text);
                        return Outcome::Near {
                            word: None,
                            span: hit.span,
                            text,
                            expected: None,
                            strong,
                        };
                    }
                }
            }
        }
        // Another listed name that is part of one of the entity's forms (罗马 for 罗马帝国, the
        // Roman Empire named by Rome): the entity, named in short.
        if let Some(span) = entity_named_in_short(e, ctx, target) {
            return Outcome::Found(vec![span]);
        }
        // A country or a place is often rendered by an adjective or a paraphrase (the US →
        // américain); a person or an organisation is named.
        return Outcome::Missing { confident: named };
    }

    let Some(surname) = name.words.last() else {
        return Outcome::Missing { confident: false };
    };

    if name.acronym {
        if let Some(span) = acronym_in(surname, target) {
            return Outcome::Found(vec![span]);
        }
        if let Some(span) = learnt_in(surname, target, knowledge) {
            return Outcome::Found(vec![span]);
        }
        // An acronym is often spelt out or translated (GOP, HFCs, BC): missing only matters
        // when the document renders it elsewhere.
        if knowledge.rendered_often(surname) || knowledge.cooccurring_with(surname).is_some() {
            return Outcome::Missing { confident: true };
        }
        return Outcome::Found(Vec::new());
    }

    // Each word, the surname first so that it claims its rendering.
    let mut outcomes: Vec<Outcome> = Vec::new();
    for w in name.words.iter().rev() {
        let o = word_counterpart(w, ctx, target, knowledge);
        match &o {
            Outcome::Found(spans) => spans.iter().for_each(|&sp| target.take(sp)),
            Outcome::Near { span, .. } => target.take(*span),
            _ => {}
        }
        outcomes.push(o);
    }
    let found: Vec<(usize, usize)> = outcomes
        .iter()
        .flat_map(|o| match o {
            Outcome::Found(spans) => spans.clone(),
            _ => Vec::new(),
        })
        .collect();
    match &outcomes[0] {
        Outcome::Found(_) => {}
        near @ Outcome::Near { .. } => return near.clone(),
        _ => {}
    }
    // A slip of the pen in a first name (Eizabeth Rona) is a slip too; other differences in
    // the other words (a translated title word, a demonym) are not findings.
    if let Some(near) = outcomes[1..]
        .iter()
        .find(|o| matches!(o, Outcome::Near { strong: true, .. }))
    {
        return near.clone();
    }
    if matches!(outcomes[0], Outcome::Found(_)) {
        return Outcome::Found(found);
    }
    if !found.is_empty() {
        // Part of the name is there (a first name, or the name part of `Kigali Amendment`):
        // the rest may be translated; only a target name with no source says otherwise.
        return Outcome::Partial(found);
    }
    let cooc = knowledge.cooccurring.get(&fold(surname));
    let cooc_consistent = cooc.is_some_and(|(_, c, n)| c + 1 >= *n);
    Outcome::Missing {
        confident: knowledge.rendered_often(surname)
            || cooc_consistent
            || name.words.len() >= 2
            || name.titled
            || rendering_known(surname, ctx),
    }
}

/// Whether a source name became another listed given name or figure (Paul → Pedro, Paul →
/// Пётр): a word of the source name is a listed given name with none of its renderings in the
/// target, and a word of what it became renders a different one. (Paul → Pablo is a rendering,
/// found before this is asked.)
fn another_given_name(name: &SourceName, became: &str, ctx: &PairContext) -> bool {
    let target_names: Vec<Vec<usize>> = word_spans(became)
        .into_iter()
        .map(|(s, e)| entities::given_names_of(&became[s..e], ctx.target.lang))
        .filter(|g| !g.is_empty())
        .collect();
    if target_names.is_empty() {
        return false;
    }
    name.words.iter().any(|w| {
        let source = entities::given_names_of(w, ctx.source.lang);
        if source.is_empty() {
            return false;
        }
        let rendered = source.iter().any(|&g| {
            entities::all()[g]
                .forms_in(ctx.target.lang)
                .iter()
                .any(|f| !entities::form_spans(&ctx.target.text, f).is_empty())
        });
        !rendered
            && target_names
                .iter()
                .any(|t| t.iter().all(|g| !source.contains(g)))
    })
}

/// A listed name in the target, free, whose text is part of a form of entity `e` in the
/// target language (罗马 within 罗马帝国).
fn entity_named_in_short(
    e: usize,
    ctx: &PairContext,
    target: &TargetIndex,
) -> Option<(usize, usize)> {
    // Han is compared by its syllables, so that traditional 羅馬 is part of simplified 罗马帝国.
    let reading = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if script_of(c) == Some(Script::Han) {
                    format!("{} ", any_ascii::any_ascii_char(c).to_ascii_lowercase())
                } else {
                    fold(&c.to_string())
                }
            })
            .collect()
    };
    let forms: Vec<String> = entities::all()[e]
        .forms_in(ctx.target.lang)
        .iter()
        .map(|f| reading(f))
        .collect();
    entities::find(&ctx.target.text, ctx.target.lang)
        .into_iter()
        .filter(|m| m.entity != e && target.free(m.start, m.end))
        .find(|m| {
            let t = reading(&ctx.target.text[m.start..m.end]);
            t.chars().count() >= 2 && forms.iter().any(|f| f.len() > t.len() && f.contains(&t))
        })
        .map(|m| (m.start, m.end))
}

/// A listed rendering of a given name in the target (Paul → Pablo, Paweł, Павел, بولس).
fn given_name_in(word: &str, ctx: &PairContext, target: &TargetIndex) -> Option<(usize, usize)> {
    let forms = entities::given_name_forms(word, ctx.source.lang, ctx.target.lang)?;
    forms.into_iter().find_map(|f| {
        entities::form_spans(target.text, f)
            .into_iter()
            .find(|&(a, b)| target.free(a, b))
    })
}

/// Whether concord knows how the target writes a source name word, so that finding no
/// counterpart is certain: a given name or figure listed with its renderings in the target
/// language, in a target of the same script. (In another script a given name is transliterated
/// as often as it is localised, Nicolas → निकोला or निकोलस, and no list holds every spelling;
/// and a name the dictionary knows but the lists do not is not certain either: see
/// docs/EVALUATION.md § Names, tried and backed out.)
fn rendering_known(word: &str, ctx: &PairContext) -> bool {
    ctx.target
        .profile
        .scripts
        .contains(&translit::script_of_word(word))
        && entities::given_name_forms(word, ctx.source.lang, ctx.target.lang).is_some()
}

/// The counterpart of one word of a name (not an entity, not an acronym).
fn word_counterpart(
    word: &str,
    ctx: &PairContext,
    target: &TargetIndex,
    knowledge: &NameKnowledge,
) -> Outcome {
    if let Some(span) = learnt_in(word, target, knowledge) {
        return Outcome::Found(vec![span]);
    }
    if let Some(span) = kept_as_written(word, target) {
        return Outcome::Found(vec![span]);
    }
    if let Some(span) = stem_kept_as_written(word, ctx, target) {
        return Outcome::Found(vec![span]);
    }
    if let Some(span) = given_name_in(word, ctx, target) {
        return Outcome::Found(vec![span]);
    }
    let hit = search(word, ctx.source.lang, target);
    let dominant = knowledge.usual_rendering(word);
    if let Some(hit) = &hit {
        let text = ctx.target.text[hit.span.0..hit.span.1].to_string();
        if hit.is_same() {
            // The same name by sound; but if the document spells it otherwise everywhere else,
            // this spelling is a slip (Рыбков where the document writes Рябков).
            if let Some(d) = &dominant {
                let accepted = knowledge
                    .accepted_renderings(word)
                    .iter()
                    .any(|f| same_word_form(f, &text));
                if !accepted && differs_slightly(&text, d) {
                    return Outcome::Near {
                        word: Some(word.to_string()),
                        span: hit.span,
                        text,
                        expected: Some(display_form(d)),
                        strong: true,
                    };
                }
            }
            // Kept in its own script but one or two letters off (Geogre, Cowmey, Goznález):
            // sound forgives that, a reader does not, unless the document spells it so again.
            if is_spelling_slip(word, &text)
                && knowledge.target_frequency(&text) <= 1
                && !knowledge
                    .accepted_renderings(word)
                    .iter()
                    .any(|f| same_word_form(f, &text))
            {
                return Outcome::Near {
                    word: Some(word.to_string()),
                    span: hit.span,
                    text,
                    expected: None,
                    strong: true,
                };
            }
            return Outcome::Found(vec![hit.span]);
        }
        // A name of the target language for the place or person, which sounds like it but
        // differs more than a slip does (Bizancio for Byzantium, Lacio for Latium, Enrico for
        // Henry): found, no finding.
        if !hit.is_same()
            && !hit.is_near()
            && hit.nameish
            && hit.cost <= hit.near * 1.6
            && same_onset(word, &text, ctx)
            && !slip_distance(word, &text)
            && written_as_name(&text, knowledge)
        {
            return Outcome::Found(vec![hit.span]);
        }
        // A common word of the target that sounds like the name (Galaxy, galaxie; Inquisition,
        // inquisition): the source word was a title-case common word, rendered.
        if hit.is_near() && hit.nameish && is_common_target_word(&text, ctx, target) {
            return Outcome::Found(vec![hit.span]);
        }
        // A slip is written once; a spelling the document repeats is a rendering (an exonym)
        // or a common word, not a slip.
        if hit.is_near()
            && hit.nameish
            && !is_common_target_word(&text, ctx, target)
            && !knowledge.target_vocabulary.contains(&fold(&text))
            && knowledge.target_frequency(&text) <= 1
        {
            let strong = is_spelling_slip(word, &text)
                || dominant
                    .as_deref()
                    .is_some_and(|d| differs_slightly(&text, d));
            return Outcome::Near {
                word: Some(word.to_string()),
                span: hit.span,
                text,
                expected: dominant.as_deref().map(display_form),
                strong,
            };
        }
    }
    // A slip of the document's own spelling that sound alone does not place.
    if let Some(d) = &dominant {
        if let Some((span, text)) = slight_variant_in(d, target) {
            return Outcome::Near {
                word: Some(word.to_string()),
                span,
                text,
                expected: Some(display_form(d)),
                strong: true,
            };
        }
    }
    Outcome::Missing { confident: false }
}

/// The surname kept in the target as the source writes it (with an ending at most): never a
/// misspelling, whatever the document writes elsewhere.
/// A source word whose language's grammar added an ending to the name (the source profile's
/// `names.suffixes`: Polish `Bogarta`, `Hunanu`, `Twitterze`), kept in the target without it
/// (`Bogart`, `Hunan`, `Twitter`). The stem must keep four letters.
fn stem_kept_as_written(
    word: &str,
    ctx: &PairContext,
    target: &TargetIndex,
) -> Option<(usize, usize)> {
    ctx.source.profile.names.suffixes.iter().find_map(|suffix| {
        let stem = word.strip_suffix(suffix.as_str())?;
        if stem.chars().count() < 4 {
            return None;
        }
        let f = fold(stem);
        target.first_free(|u| u.folded == f)
    })
}

fn kept_as_written(word: &str, target: &TargetIndex) -> Option<(usize, usize)> {
    let f = fold(word);
    let n = f.chars().count();
    if n < 2 {
        return None;
    }
    target.first_free(|u| {
        let t = &u.folded;
        *t == f || (n >= 4 && t.starts_with(&f) && t.chars().count() <= n + 3)
    })
}

/// The learnt form with its original capitalisation for a message (forms are kept lower case).
fn display_form(form: &str) -> String {
    let mut c = form.chars();
    match c.next() {
        Some(f)
            if f.is_alphabetic()
                && script_of(f).is_some_and(|s| {
                    matches!(s, Script::Latin | Script::Cyrillic | Script::Greek)
                }) =>
        {
            f.to_uppercase().chain(c).collect()
        }
        _ => form.to_string(),
    }
}

/// A learnt rendering (by sound or by co-occurrence) present in the target.
fn learnt_in(
    word: &str,
    target: &TargetIndex,
    knowledge: &NameKnowledge,
) -> Option<(usize, usize)> {
    let surname = word;
    for form in knowledge.accepted_renderings(surname) {
        if let Some(span) = form_in(&form, target) {
            return Some(span);
        }
    }
    if let Some(u) = knowledge.cooccurring_with(surname) {
        if let Some(span) = cooc_in(u, target) {
            return Some(span);
        }
    }
    None
}

/// Two spellings one or two edits apart that are not forms of one word.
fn differs_slightly(text: &str, form: &str) -> bool {
    if same_word_form(text, form) || derived_from(text, form) || derived_from(form, text) {
        return false;
    }
    if script_of_first(text) != script_of_first(form) {
        return false;
    }
    // Arabic and Hebrew write a foreign name's vowels or leave them out (فلورانس / فلورنسا,
    // إسبارطة / إسبرطة): spellings with the same consonants are variants, not slips.
    if matches!(script_of_first(form), Some(Script::Arabic | Script::Hebrew))
        && consonants(text) == consonants(form)
    {
        return false;
    }
    let (a, b) = (fold(text), fold(form));
    let d = translit::edits(&a, &b);
    // Compare stems too, so an ending does not count as an edit.
    let stem_d = (0..=3)
        .filter_map(|k| {
            let n = a.chars().count();
            (n > k + 2).then(|| translit::edits(&a.chars().take(n - k).collect::<String>(), &b))
        })
        .min()
        .unwrap_or(d);
    let d = d.min(stem_d);
    let n = b.chars().count();
    if matches!(
        script_of_first(form),
        Some(Script::Han | Script::Kana | Script::Thai)
    ) {
        // No endings: any character off is a slip (加里明 for 加里宁).
        return n >= 3 && d == 1 || n >= 5 && d == 2;
    }
    // Differences only in the last two letters are grammar (Polsce for Polska, Afryce for
    // Afryka, Kolumbem for Kolumbus), not a slip.
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if common + 2 >= n {
        return false;
    }
    n >= 4 && d >= 1 && d <= if n <= 5 { 1 } else { 2 }
}

/// The consonant letters of an Arabic or Hebrew word, without the article, the letters that
/// write long vowels (alef, waw, yeh; hamza seats) and the final taa marbuta or heh.
fn consonants(word: &str) -> String {
    let w = word.strip_prefix("ال").unwrap_or(word);
    let w = w.trim_end_matches(['ة', 'ه']);
    w.chars()
        .filter(|c| {
            !"اأإآءؤئىويוי".contains(*c) && !unicode_normalization::char::is_combining_mark(*c)
        })
        .collect()
}

/// Whether `word` is built on `base` (Американской on Америка, Парижских on Париж): it begins
/// with the whole base, or the base without its last vowel.
fn derived_from(word: &str, base: &str) -> bool {
    let (w, b) = (fold(word), fold(base));
    let n = b.chars().count();
    if n < 4 || w.chars().count() <= n {
        return false;
    }
    if w.starts_with(&b) {
        return true;
    }
    let last = b.chars().last().unwrap();
    let stem: String = b.chars().take(n - 1).collect();
    "aeiouyаеиоуыяюэєіїαεηιουω".contains(last) && w.starts_with(&stem)
}

/// A listed form of several words in the target with one word slightly off and the others
/// right (Étaïê-Unis for États-Unis).
fn slight_variant_of_words(form: &str, target: &TargetIndex) -> Option<((usize, usize), String)> {
    let fw: Vec<&str> = word_spans(form).iter().map(|&(s, e)| &form[s..e]).collect();
    if fw.len() < 2 {
        return None;
    }
    let words = word_spans(target.text);
    if words.len() < fw.len() {
        return None;
    }
    for i in 0..=words.len() - fw.len() {
        let mut slips = 0;
        let mut ok = true;
        for (k, f) in fw.iter().enumerate() {
            let (s, e) = words[i + k];
            let t = &target.text[s..e];
            if !target.free(s, e) {
                ok = false;
                break;
            }
            if entities::word_matches(f, t) {
                continue;
            }
            if differs_slightly(t, f) {
                slips += 1;
            } else {
                ok = false;
                break;
            }
        }
        if ok && slips == 1 {
            let (s, e) = (words[i].0, words[i + fw.len() - 1].1);
            return Some(((s, e), target.text[s..e].to_string()));
        }
    }
    None
}

/// A word of the target one or two edits from a learnt form.
fn slight_variant_in(form: &str, target: &TargetIndex) -> Option<((usize, usize), String)> {
    let script = translit::script_of_word(form);
    if matches!(script, Script::Han | Script::Kana | Script::Thai) {
        let chars: Vec<char> = form.chars().collect();
        let n = chars.len();
        if n < 3 {
            return None;
        }
        // Windows of the same length or one shorter or longer, in name-writing characters.
        for u in &target.units {
            let t = target.unit_text(u);
            let tc: Vec<(usize, char)> = t.char_indices().collect();
            for len in [n, n - 1, n + 1] {
                if len > tc.len() {
                    continue;
                }
                for i in 0..=tc.len() - len {
                    let w: String = tc[i..i + len].iter().map(|&(_, c)| c).collect();
                    let d = strsim::levenshtein(&w, form);
                    let ok = w.chars().all(|c| {
                        translit::is_name_han(c) || ('\u{30A0}'..='\u{30FF}').contains(&c)
                    });
                    let s = u.start + tc[i].0;
                    let e = u.start + tc.get(i + len).map_or(t.len(), |&(b, _)| b);
                    if (1..=2).contains(&d) && d < n / 2 + 1 && ok && target.free(s, e) {
                        return Some(((s, e), w));
                    }
                }
            }
        }
        return None;
    }
    for u in &target.units {
        let t = target.unit_text(u);
        if !target.free(u.start, u.end) {
            continue;
        }
        if differs_slightly(t, form) && names::is_capitalised(t) == form_capitalised(form, t) {
            return Some(((u.start, u.end), t.to_string()));
        }
    }
    None
}

fn form_capitalised(_form: &str, t: &str) -> bool {
    // Learnt forms are kept in lower case; a variant in a cased script must be capitalised.
    let cased = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_lowercase());
    if cased {
        true
    } else {
        names::is_capitalised(t)
    }
}

/// Whether a word in the name's own script is within two edits of it: a slip could have made
/// it, so it is not taken for the target language's own name for the same thing.
fn slip_distance(source_word: &str, text: &str) -> bool {
    translit::script_of_word(source_word) == translit::script_of_word(text)
        && translit::edits(&fold(source_word), &fold(text)) <= 2
}

/// Whether a target word is written as a name: capitalised and not a common word of the
/// document where the script has case; made of katakana or name-writing Han characters. Other
/// scripts (Arabic, Hebrew, Devanagari) do not say.
fn written_as_name(text: &str, knowledge: &NameKnowledge) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if first.is_uppercase() || first.is_lowercase() {
        return first.is_uppercase() && !knowledge.target_vocabulary.contains(&fold(text));
    }
    match script_of(first) {
        Some(Script::Han | Script::Kana) => text
            .chars()
            .all(|c| ('\u{30A0}'..='\u{30FF}').contains(&c) || translit::is_name_han(c)),
        _ => false,
    }
}

/// Whether two renderings begin with the same consonant class (or both with a vowel).
fn same_onset(word: &str, text: &str, ctx: &PairContext) -> bool {
    let class = |r: &[u8]| -> u8 {
        r.iter()
            .find(|&&p| !matches!(p, b'h' | b'j' | b'A' | b'W' | b'Y'))
            .map_or(0, |&p| {
                if translit::is_vowel(p) {
                    0
                } else {
                    translit::class_mask(&[p])
                }
            })
    };
    let a = translit::phonemes(word, ctx.source.lang);
    let b = translit::phonemes(text, ctx.target.lang);
    !a.is_empty() && !b.is_empty() && class(&a) == class(&b)
}

/// Whether a near miss of a name kept in its own script is a slip of the pen rather than a
/// rendering of the target language (an exonym, an ending): one or two edits from the name as
/// written, not all in its last two letters. Renderings in another script vary with
/// pronunciation too much to tell by themselves.
fn is_spelling_slip(source_word: &str, text: &str) -> bool {
    if translit::script_of_word(source_word) != translit::script_of_word(text) {
        return false;
    }
    let (a, b) = (fold(text), fold(source_word));
    let n = b.chars().count();
    if n < 4 {
        return false;
    }
    let d = translit::edits(&a, &b);
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    d >= 1 && d <= if n <= 5 { 1 } else { 2 } && common + 2 < n
}

/// A capitalised target word one or two edits from a listed one-word form of entity `e` in the
/// target language, the edits in its last two letters (which [`differs_slightly`] and the
/// entity list's own matching leave to grammar; one edit only where the target has case
/// endings), where the target's grammar does not explain them: not the form, or the form less
/// its last one or two letters, with one of the target profile's `names.suffixes`, nor an
/// ending where the entity's listed forms differ; not a usual variant of spelling a name;
/// written once in the document, not one of its words, not another listed entity.
fn ending_slip_in(
    e: usize,
    ctx: &PairContext,
    target: &TargetIndex,
    knowledge: &NameKnowledge,
) -> Option<((usize, usize), String, String)> {
    let forms = entities::all()[e].forms_in(ctx.target.lang);
    let source = fold(&ctx.source.text);
    for u in &target.units {
        let text = target.unit_text(u);
        if !target.free(u.start, u.end) || !names::is_capitalised(text) {
            continue;
        }
        let folded = fold(text);
        // The listed form is there: no slip. The name kept as the source writes it (Florence,
        // Kenya) is no slip either.
        if forms.iter().any(|f| fold(f) == folded) {
            return None;
        }
        if source.contains(&folded) {
            continue;
        }
        for form in forms {
            if ending_slip(form, forms, text, ctx)
                && knowledge.target_frequency(text) <= 1
                && !knowledge.target_vocabulary.contains(&folded)
                && !is_common_target_word(text, ctx, target)
                && entities::find(text, ctx.target.lang)
                    .iter()
                    .all(|m| m.entity == e)
            {
                return Some(((u.start, u.end), text.to_string(), form.clone()));
            }
        }
    }
    None
}

/// Whether `text` is a one-word listed `form` off at its end by a slip (see [`ending_slip_in`]).
fn ending_slip(form: &str, forms: &[String], text: &str, ctx: &PairContext) -> bool {
    if word_spans(form).len() != 1
        || !form.chars().next().is_some_and(char::is_uppercase)
        || translit::script_of_word(text) != translit::script_of_word(form)
    {
        return false;
    }
    let f = fold(form);
    let n = f.chars().count();
    if n < 4 {
        return false;
    }
    let t = fold(text);
    let d = translit::edits(&t, &f);
    let common = t.chars().zip(f.chars()).take_while(|(x, y)| x == y).count();
    let suffixes: Vec<String> = ctx
        .target
        .profile
        .names
        .suffixes
        .iter()
        .map(|s| fold(s))
        .collect();
    // A language with case endings also changes a stem's end (Czech Benátky, Benátek, Polish
    // Brazylia, Brazylii, Czech Oděsa, Oděská): there only a letter replaced by another, where
    // the list's own matching sees no ending, is a slip.
    let inflecting = !suffixes.is_empty();
    let most = if n <= 5 || inflecting { 1 } else { 2 };
    if d == 0 || d > most || common + 2 < n || common < 3 {
        return false;
    }
    if inflecting && (t.chars().count() != n || entities::word_matches(form, text)) {
        return false;
    }
    // A word built on the whole form is a derivation (Brisbaner, Péking for Pékin).
    if t.starts_with(&f) {
        return false;
    }
    let grammar = (0..=2).filter(|&k| n >= k + 3).any(|k| {
        let stem: String = f.chars().take(n - k).collect();
        t == stem
            || suffixes
                .iter()
                .any(|sfx| t.strip_prefix(stem.as_str()) == Some(sfx.as_str()))
    });
    // The list itself declines the name there (Анды, Андах: Андам is a case too).
    let prefix: String = t.chars().take(common.min(n - 2)).collect();
    let declined = forms
        .iter()
        .any(|g| fold(g) != f && fold(g).starts_with(&prefix));
    !grammar && !declined && !spelling_variants(form, text, ctx)
}

/// Whether two spellings of a name in a Latin script differ only as languages spell one sound
/// (the variants issue 4 lists: v/w, f/ph, k/c/ck/q, sh/sch/ch, j/y/i, z/s, th/t; doubled
/// letters): `Korinth` and `Corinth`, `Kaukasus` and `Caucasus` are one name, not a slip.
fn spelling_variants(word: &str, text: &str, ctx: &PairContext) -> bool {
    fn key(w: &str) -> String {
        let mut s = fold(w);
        for (from, to) in [
            ("dsch", "j"),
            ("dzh", "j"),
            ("dj", "j"),
            ("sch", "s"),
            ("sh", "s"),
            ("ch", "k"),
            ("ph", "f"),
            ("th", "t"),
            ("ck", "k"),
            ("qu", "k"),
            ("q", "k"),
            ("c", "k"),
            ("w", "v"),
            ("y", "i"),
            ("j", "i"),
            ("z", "s"),
            ("x", "ks"),
        ] {
            s = s.replace(from, to);
        }
        // Doubled letters written single, an h after a consonant (Buddha / Buda, Sukhothai /
        // Sukothai), ou for u (Habsbourg).
        let s = s.replace("ou", "u");
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            let after_consonant = out
                .chars()
                .last()
                .is_some_and(|p: char| p.is_alphabetic() && !"aeiou".contains(p));
            if out.ends_with(c) || (c == 'h' && after_consonant) {
                continue;
            }
            out.push(c);
        }
        out
    }
    let k = key(word);
    if key(text) == k {
        return true;
    }
    // With a case ending of the target (Czech Korintu for Corinth).
    let t = fold(text);
    ctx.target.profile.names.suffixes.iter().any(|suffix| {
        t.strip_suffix(fold(suffix).as_str())
            .is_some_and(|stem| stem.chars().count() >= 4 && key(stem) == k)
    })
}

/// A target word that the document uses as a common word (so a near miss is a coincidence).
fn is_common_target_word(text: &str, ctx: &PairContext, _target: &TargetIndex) -> bool {
    let cased = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_lowercase());
    if !cased {
        return false;
    }
    if text.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let _ = ctx;
    false
}

/// A target word related to an entity's forms by a shared beginning (an adjective or another
/// case: `russische`, `американской`, `américain`).
fn related_to_entity(e: usize, ctx: &PairContext) -> Option<(usize, usize)> {
    let forms = entities::all()[e].forms_in(ctx.target.lang);
    let text = &ctx.target.text;
    for (s, t) in word_spans(text) {
        let word = &text[s..t];
        let script = translit::script_of_word(word);
        for w in stems(word, script, &ctx.target).into_iter().map(fold) {
            if related_forms(&w, forms) {
                return Some((s, t));
            }
        }
    }
    None
}

/// Whether a folded word shares a beginning with a form's word: four letters or more, and three
/// fifths of the form's word.
fn related_forms(w: &str, forms: &[String]) -> bool {
    for f in forms {
        for fw in word_spans(f).iter().map(|&(a, b)| fold(&f[a..b])) {
            let fw = fw.strip_prefix("ال").map(str::to_string).unwrap_or(fw);
            let n = fw.chars().count();
            if n < 4 {
                continue;
            }
            let common = fw
                .chars()
                .zip(w.chars())
                .take_while(|(a, b)| a == b)
                .count();
            if common >= 4 && common * 5 >= n * 3 {
                return true;
            }
        }
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Target names without a source
// ---------------------------------------------------------------------------------------------

#[derive(Debug)]
struct TargetName {
    text: String,
    start: usize,
    kind: NameKind,
    /// Certainly a name with no source: reported alone.
    strong: bool,
    /// Explained by a capitalised source word that is not a name (a title translated).
    explained: bool,
}

/// Target names that render no source name. Capitalised target words may also translate
/// capitalised source words that are not names (titles, `Foreign Minister` → `Asuntos
/// Exteriores`, `Cuban Missile Crisis` → `Küba Füze Krizi`): as many as the source has of those
/// are not reported alone.
fn unmatched_target_names(
    ctx: &PairContext,
    doc: &super::DocumentKnowledge,
    target: &TargetIndex,
    used: &[(usize, usize)],
    sources: &[SourceName],
) -> Vec<TargetName> {
    let side = &ctx.target;
    let overlaps = |s: usize, e: usize| used.iter().any(|&(a, b)| s < b && a < e);
    let source_entities: HashSet<usize> = sources.iter().filter_map(|n| n.entity).collect();
    let mut out = Vec::new();
    for m in mentions(side) {
        if overlaps(m.start, m.end) {
            continue;
        }
        match m.kind {
            NameKind::Entity => {
                let e = m.entity.unwrap();
                if source_entities.contains(&e) || source_mentions_entity(e, ctx) {
                    continue;
                }
                // Translators add a country for context (俄罗斯副外长 for Deputy Foreign
                // Minister): only what a missing source entity became.
                out.push(TargetName {
                    text: m.text.clone(),
                    start: m.start,
                    kind: m.kind,
                    strong: false,
                    explained: false,
                });
            }
            NameKind::Acronym | NameKind::Katakana | NameKind::Joined => {
                if related_to_source(&m.text, ctx, target) {
                    continue;
                }
                out.push(TargetName {
                    text: m.text.clone(),
                    start: m.start,
                    kind: m.kind,
                    strong: false,
                    explained: false,
                });
            }
            NameKind::Capitalised => {
                if side.profile.capitalises_nouns {
                    continue;
                }
                let ws = names::name_words(&m.text);
                let mut kept: Vec<(usize, usize)> = Vec::new();
                for (k, &(s, e)) in ws.iter().enumerate() {
                    let w = &m.text[s..e];
                    let f = fold(w);
                    if doc.target_vocabulary.contains(&f)
                        || names::is_not_name(w, side.profile)
                        || names::is_date_word(w, side.profile)
                        || w.chars().count() < 3
                        || overlaps(m.start + s, m.start + e)
                    {
                        continue;
                    }
                    if k == 0 && m.initial && !doc.names.target_confirmed.contains(&f) {
                        continue;
                    }
                    if related_to_source(w, ctx, target) {
                        continue;
                    }
                    kept.push((s, e));
                }
                if let (Some(first), Some(last)) = (kept.first(), kept.last()) {
                    out.push(TargetName {
                        text: m.text[first.0..last.1].to_string(),
                        start: m.start + first.0,
                        kind: m.kind,
                        strong: true,
                        explained: false,
                    });
                }
            }
        }
    }
    // Capitalised source words that are not names may explain as many target words.
    let mut allowance = untranslatable_capitals(ctx, sources);
    for t in &mut out {
        if t.strong && allowance > 0 {
            let words = t.text.split_whitespace().count();
            allowance = allowance.saturating_sub(words);
            t.strong = false;
            t.explained = true;
        }
    }
    out
}

/// How many capitalised source words, not at a sentence start, are not names the check looks
/// for (titles, nationality adjectives, title-case common words).
fn untranslatable_capitals(ctx: &PairContext, sources: &[SourceName]) -> usize {
    let strong: HashSet<&str> = sources
        .iter()
        .filter(|n| n.strong)
        .flat_map(|n| n.words.iter().map(String::as_str))
        .collect();
    names::capitalised_words(&ctx.source.text)
        .into_iter()
        .filter(|&(s, e, initial)| !initial && !strong.contains(&ctx.source.text[s..e]))
        .count()
}

/// Whether the source names an entity in any word form (`Russian` for Russia).
fn source_mentions_entity(e: usize, ctx: &PairContext) -> bool {
    let forms = entities::all()[e].forms_in(ctx.source.lang);
    let text = &ctx.source.text;
    if entities::names_entity(text, ctx.source.lang, e) {
        return true;
    }
    // Lukashevich is not Lukashenko: a person is named by a form, not a word that begins alike.
    if entities::all()[e].kind == entities::EntityKind::Person {
        return false;
    }
    for (s, t) in word_spans(text) {
        let w = fold(&text[s..t]);
        for f in forms {
            let f = fold(f);
            let n = f.chars().count();
            if n >= 4 {
                let common = f.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
                if common >= 4 && common * 5 >= n * 3 {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether a target word sounds like, or begins like, some word of the source (a cognate, an
/// adjective of a source name, a name the source has in lower case).
fn related_to_source(word: &str, ctx: &PairContext, _target: &TargetIndex) -> bool {
    let tl = primary_subtag(ctx.target.lang);
    let tr = translit::phonemes(word, &tl);
    if tr.is_empty() {
        return true;
    }
    let tscript = translit::script_of_word(word);
    let ascii = any_ascii::any_ascii(&fold(word));
    for (s, e) in word_spans(&ctx.source.text) {
        let sw = &ctx.source.text[s..e];
        if sw.chars().count() < 3 {
            continue;
        }
        let sa = any_ascii::any_ascii(&fold(sw));
        let common = sa
            .chars()
            .zip(ascii.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let shorter = sa.len().min(ascii.len());
        if common >= 4 || (common >= 3 && common == shorter) {
            return true;
        }
        let fam = translit::family(translit::script_of_word(sw), tscript);
        let sr = translit::phonemes(sw, ctx.source.lang);
        let d = translit::distance(&sr, &tr, fam);
        if d <= translit::near_threshold(translit::effective_len(&sr, fam), fam) {
            return true;
        }
    }
    false
}

/// The units of a target text among which a rendering is learnt by co-occurrence, each tagged
/// by how it is looked for again: `s:` the beginning (three to five letters) of a capitalised
/// word or acronym in a cased script, so that endings and stem changes do not matter (Zachód,
/// Zachodu, Zachodem; Захід, Заходу); `w:` a word, without clitics, in Arabic, Hebrew and other
/// spaced scripts; `g:` a run of two to four characters in Chinese and Japanese.
fn cooccurrence_units(side: &Side, vocabulary: &HashSet<String>) -> HashSet<String> {
    let text = side.text.as_str();
    let mut out = HashSet::new();
    for (s, e) in word_spans(text) {
        let w = &text[s..e];
        let script = translit::script_of_word(w);
        match script {
            Script::Han | Script::Kana | Script::Thai => {
                let chars: Vec<char> = w
                    .chars()
                    .filter(|&c| {
                        matches!(
                            script_of(c),
                            Some(Script::Han | Script::Kana | Script::Thai)
                        ) || c == 'ー'
                    })
                    .collect();
                for n in 2..=4 {
                    if chars.len() < n {
                        break;
                    }
                    for i in 0..=chars.len() - n {
                        out.insert(format!("g:{}", chars[i..i + n].iter().collect::<String>()));
                    }
                }
            }
            Script::Latin | Script::Cyrillic | Script::Greek | Script::Other => {
                let f = fold(w);
                if names::is_capitalised(w) && !vocabulary.contains(&f) {
                    let n = f.chars().count();
                    for k in 3..=5 {
                        if n >= k {
                            out.insert(format!("s:{}", f.chars().take(k).collect::<String>()));
                        }
                    }
                }
            }
            _ => {
                for stem in stems(w, script, side) {
                    if stem.chars().count() >= 3 {
                        out.insert(format!("w:{stem}"));
                    }
                }
            }
        }
    }
    out
}

/// Where a co-occurrence unit (see [`cooccurrence_units`]) is in the target.
fn cooc_in(unit: &str, target: &TargetIndex) -> Option<(usize, usize)> {
    if let Some(g) = unit.strip_prefix("g:") {
        return target
            .text
            .match_indices(g)
            .map(|(i, _)| (i, i + g.len()))
            .find(|&(a, b)| target.free(a, b));
    }
    for (s, e) in word_spans(target.text) {
        if !target.free(s, e) {
            continue;
        }
        let w = &target.text[s..e];
        if let Some(stem) = unit.strip_prefix("s:") {
            if names::is_capitalised(w) && fold(w).starts_with(stem) {
                return Some((s, e));
            }
        } else if let Some(word) = unit.strip_prefix("w:") {
            let script = translit::script_of_word(w);
            let side_stems = stems_plain(w, script);
            if side_stems.contains(&word) {
                return Some((s, e));
            }
        }
    }
    None
}

/// The stems of a word without a language's own suffix list.
fn stems_plain(word: &str, script: Script) -> Vec<&str> {
    stems(word, script, &Side::new("und", String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{DocumentKnowledge, PairContext, Side};

    fn pair<'a>(sl: &'a str, s: &str, tl: &'a str, t: &str) -> PairContext<'a> {
        PairContext {
            source: Side::new(sl, s.to_string()),
            target: Side::new(tl, t.to_string()),
            confidence: 1.0,
        }
    }

    fn run(pairs: &[PairContext]) -> Vec<Vec<Issue>> {
        let doc = DocumentKnowledge::learn(pairs);
        pairs.iter().map(|p| check(p, &doc)).collect()
    }

    #[test]
    fn same_word_forms() {
        assert!(same_word_form("Лукашевич", "Лукашевичем"));
        assert!(same_word_form("Лукашевича", "Лукашевич"));
        assert!(same_word_form("Москва", "Москве"));
        assert!(!same_word_form("Рябков", "Рыбков"));
        assert!(differs_slightly("Рыбков", "рябков"));
        assert!(!differs_slightly("Рябкова", "рябков"));
    }

    #[test]
    fn a_faithful_pair_has_no_findings() {
        let p = [pair(
            "en",
            "Russian Foreign Minister Sergei Lavrov said the US and NATO will respond.",
            "ru",
            "Министр иностранных дел России Сергей Лавров заявил, что США и НАТО ответят.",
        )];
        assert_eq!(run(&p), vec![vec![]]);
    }

    #[test]
    fn a_title_word_the_dictionary_writes_in_lower_case_is_translated_not_missing() {
        let p = [pair(
            "en",
            "Department of Labor Findings on the Worst Forms of Child Labor reported that 56% of children were working.",
            "de",
            "Die Erkenntnisse des Arbeitsministeriums über die schlimmsten Formen der Kinderarbeit besagen, dass 56 % der Kinder arbeiteten.",
        )];
        let issues = run(&p);
        assert!(
            !issues[0].iter().any(|i| i.message.contains("Findings")),
            "{:?}",
            issues[0]
        );
    }

    #[test]
    fn a_sentence_initial_name_the_dictionary_knows_is_checked() {
        let source = "George was deeply devout and spent hours in prayer.";
        let good = [pair(
            "en",
            source,
            "de",
            "George war sehr fromm und verbrachte Stunden im Gebet.",
        )];
        assert_eq!(run(&good), vec![vec![]]);
        let slip = [pair(
            "en",
            source,
            "de",
            "Geogre war sehr fromm und verbrachte Stunden im Gebet.",
        )];
        let issues = run(&slip);
        assert!(
            issues[0].iter().any(|i| i.message.contains("\"Geogre\"")),
            "{:?}",
            issues[0]
        );
    }

    #[test]
    fn a_name_kept_in_its_script_with_a_slip_is_reported_though_it_sounds_the_same() {
        let p = [pair(
            "en",
            "The former FBI director James Comey testified before the committee on Thursday.",
            "de",
            "Der frühere FBI-Direktor James Cowmey sagte am Donnerstag vor dem Ausschuss aus.",
        )];
        let issues = run(&p);
        assert!(
            issues[0]
                .iter()
                .any(|i| i.severity == Severity::Error && i.message.contains("Cowmey")),
            "{:?}",
            issues[0]
        );
    }

    #[test]
    fn a_localised_given_name_is_a_rendering_and_its_absence_an_error() {
        let source = "In the year 64, the apostle Paul was executed in Rome.";
        for (lang, target) in [
            (
                "es",
                "En el año 64, el apóstol Pablo fue ejecutado en Roma.",
            ),
            ("pl", "W roku 64 w Rzymie stracono apostoła Pawła."),
            ("ru", "В 64 году в Риме казнили апостола Павла."),
        ] {
            let p = [pair("en", source, lang, target)];
            assert_eq!(run(&p), vec![vec![]], "{lang}");
        }
        // Dropped in a target of the same script, whose rendering the list knows: certain.
        let dropped = [pair(
            "en",
            source,
            "es",
            "En el año 64, el apóstol fue ejecutado en Roma.",
        )];
        let issues = run(&dropped);
        assert!(
            issues[0]
                .iter()
                .any(|i| i.severity == Severity::Error && i.message.contains("\"Paul\" missing")),
            "{issues:?}"
        );
    }

    #[test]
    fn an_irregular_spelling_is_no_evidence_of_a_slip_from_another_script() {
        // English spells Огайо "Ohio": read back, it is only near the Russian.
        let p = [pair(
            "ru",
            "Первой и главной была река Огайо, впадавшая в Миссисипи.",
            "en",
            "The first and foremost was the Ohio River, which flowed into the Mississippi.",
        )];
        assert!(
            run(&p)[0].iter().all(|i| !i.message.contains("misspelt")),
            "{:?}",
            run(&p)
        );
    }

    #[test]
    fn a_name_with_its_source_grammar_ending_is_kept_without_it() {
        let p = [pair(
            "pl",
            "Zagrał młodszego brata Humphreya Bogarta w filmie z Hunanu.",
            "en",
            "He played Humphrey Bogart's younger brother in a film from Hunan.",
        )];
        assert!(
            run(&p)[0].iter().all(|i| !i.message.contains("misspelt")),
            "{:?}",
            run(&p)
        );
    }

    #[test]
    fn a_source_without_case_reports_no_added_names() {
        // The Arabic source names its people in letters without case: an English name the
        // reading does not tie to the source is not reported as added.
        let p = [pair(
            "ar",
            "قالت السيدة بيو إنها تلقت العلاج في مستشفى بابوورث.",
            "en",
            "Ms Pugh said she was treated at Papworth Hospital.",
        )];
        assert!(
            run(&p)[0]
                .iter()
                .all(|i| !i.message.contains("is not in the source")),
            "{:?}",
            run(&p)
        );
        // From English, the same name added to a Spanish target is reported.
        let q = [pair(
            "en",
            "She said she was treated at the hospital.",
            "es",
            "Dijo que la trataron en el hospital Papworth.",
        )];
        assert!(run(&q)[0]
            .iter()
            .any(|i| i.message.contains("is not in the source")));
    }

    #[test]
    fn a_given_name_replaced_by_another_listed_given_name_is_a_swap() {
        let source = "In the year 64, the apostle Paul was executed in Rome.";
        let swapped = [pair(
            "en",
            source,
            "ru",
            "В 64 году в Риме казнили апостола Петра.",
        )];
        let issues = run(&swapped);
        assert!(
            issues[0]
                .iter()
                .any(|i| i.severity == Severity::Error && i.message.contains("became")),
            "{issues:?}"
        );
    }

    #[test]
    fn a_classical_figure_and_a_river_are_renderings_not_misspellings() {
        let p = [pair(
            "en",
            "Plato wrote about the lands along the Danube.",
            "de",
            "Platon schrieb über die Länder an der Donau.",
        )];
        assert_eq!(run(&p), vec![vec![]]);
    }

    #[test]
    fn a_known_name_replaced_by_a_name_that_does_not_begin_like_it_is_a_swap() {
        let source = "Several analysts have suggested Huawei is best placed to benefit from Samsung's setback.";
        let swapped = [pair(
            "en",
            source,
            "fr",
            "Plusieurs analystes ont suggéré que Huawei est le mieux placé pour profiter du recul de Rudyard.",
        )];
        let issues = run(&swapped);
        assert!(
            issues[0]
                .iter()
                .any(|i| i.severity == Severity::Error && i.message.contains("became \"Rudyard\"")),
            "{issues:?}"
        );
        let faithful = [pair(
            "en",
            source,
            "fr",
            "Plusieurs analystes ont suggéré que Huawei est le mieux placé pour profiter du recul de Samsung.",
        )];
        assert_eq!(run(&faithful), vec![vec![]]);
    }

    #[test]
    fn a_learnt_rendering_catches_a_slip() {
        let p = [
            pair(
                "en",
                "Ryabkov told Russian television.",
                "ru",
                "Рябков сказал российскому телевидению.",
            ),
            pair(
                "en",
                "According to Sergei Ryabkov, the talks stalled.",
                "ru",
                "По словам Сергея Рябкова, переговоры зашли в тупик.",
            ),
            pair(
                "en",
                "Ryabkov further increased the pressure.",
                "ru",
                "Рыбков еще больше усилил давление.",
            ),
        ];
        let out = run(&p);
        assert!(out[0].is_empty() && out[1].is_empty(), "{out:?}");
        assert_eq!(out[2].len(), 1, "{out:?}");
        assert_eq!(out[2][0].severity, Severity::Error);
        assert_eq!(out[2][0].target, "Рыбков");
    }

    #[test]
    fn a_listed_form_off_at_its_end_where_no_ending_goes_is_a_slip() {
        // Spanish puts no case ending on a name: Chinqa is China misspelt, not a word form.
        let p = [pair(
            "en",
            "Naturally China will be presenting plenty of other military hardware this week.",
            "es",
            "Evidentemente, Chinqa presentará mucho más hardware militar esta semana.",
        )];
        let out = run(&p);
        assert!(
            out[0]
                .iter()
                .any(|i| i.severity == Severity::Error
                    && i.message.contains("misspelt as \"Chinqa\"")),
            "{out:?}"
        );
    }

    #[test]
    fn an_ending_the_target_grammar_or_the_list_declines_is_no_slip() {
        // Polish Chinach (a case ending of the profile) and Russian Андам (the list writes
        // Анды and Андах): word forms, not slips.
        let p = [
            pair(
                "en",
                "He worked in China for years.",
                "pl",
                "Pracował w Chinach przez lata.",
            ),
            pair(
                "en",
                "They climbed in the Andes.",
                "ru",
                "Они поднимались по Андам.",
            ),
        ];
        let out = run(&p[..1]);
        assert!(
            out[0].iter().all(|i| !i.message.contains("misspelt")),
            "{out:?}"
        );
        let out = run(&p[1..]);
        assert!(
            out[0].iter().all(|i| !i.message.contains("misspelt")),
            "{out:?}"
        );
    }

    #[test]
    fn spelling_variants_of_a_name_are_not_slips() {
        let p = pair("en", "x", "de", "x");
        assert!(spelling_variants("Corinth", "Korinth", &p));
        assert!(spelling_variants("Buddha", "Buda", &p));
        assert!(spelling_variants("Habsburg", "Habsbourg", &p));
        assert!(!spelling_variants("China", "Chinqa", &p));
    }

    #[test]
    fn a_missing_name_in_whose_place_stands_another_name_of_the_document_is_a_swap() {
        let stop = pair(
            "en",
            "My next stop was Bellingham, right up near the Canadian border.",
            "es",
            "Mi siguiente parada fue Huawei, muy cerca de la frontera canadiense.",
        );
        let huawei = pair(
            "en",
            "The contract went to Huawei last year.",
            "es",
            "El contrato fue para Huawei el año pasado.",
        );
        let out = run(&[huawei, stop]);
        assert!(
            out[1].iter().any(|i| i.severity == Severity::Error
                && i.message.contains("\"Bellingham\" became \"Huawei\"")),
            "{out:?}"
        );
        // Alone, nothing says Huawei is a name the document uses for something else.
        let stop = pair(
            "en",
            "My next stop was Bellingham, right up near the Canadian border.",
            "es",
            "Mi siguiente parada fue Huawei, muy cerca de la frontera canadiense.",
        );
        let out = run(&[stop]);
        assert!(
            out[0].iter().all(|i| i.severity != Severity::Error),
            "{out:?}"
        );
    }
}
