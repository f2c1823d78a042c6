//! Documents: plain text and Markdown to paragraphs of plain text.
//!
//! Plain text: paragraphs are separated by blank lines; a file with several lines and no blank line
//! between them has one paragraph per line (one-sentence- or one-paragraph-per-line corpora).
//!
//! Markdown, a practical subset of CommonMark: headings (`#` and underlined), list items and block
//! quotes each become their own paragraph, markers removed; each table row is a paragraph, its
//! cells joined by ` | `, the separator row dropped. Dropped: YAML (`---`) and TOML (`+++`) front
//! matter, fenced and indented code blocks, HTML comments, HTML tags (their text is kept),
//! thematic breaks, link reference definitions, link URLs and images (`[text](url)` keeps `text`,
//! `![alt](src)` keeps nothing). Emphasis markers (`*`, `_`, `**`, `~~`) are removed where they pair
//! up; inline code keeps its text; backslash escapes and the common HTML entities are resolved.
//!
//! Not handled: lazy continuation lines of block quotes and list items (they start a new paragraph
//! when the quote level changes), HTML blocks such as `<script>` (their content is kept as text),
//! footnote definitions, definition lists, math, and other extensions.
//!
//! In both formats the lines of a paragraph are joined with a space, without one between two CJK
//! characters; runs of spaces and tabs become one space (no-break and thin spaces are kept).

use super::TextDocument;

/// Splits plain text into paragraphs.
pub fn parse_plain(text: &str) -> TextDocument {
    let lines: Vec<&str> = text.lines().collect();
    let is_blank = |l: &&str| l.trim().is_empty();
    let first = lines.iter().position(|l| !is_blank(l));
    let last = lines.iter().rposition(|l| !is_blank(l));
    let has_blank_separator = match (first, last) {
        (Some(first), Some(last)) => lines[first..last].iter().any(is_blank),
        _ => false,
    };
    let mut paragraphs = Vec::new();
    if has_blank_separator {
        for block in text.split('\n').collect::<Vec<_>>().split(is_blank) {
            push_paragraph(&mut paragraphs, &block.join("\n"));
        }
    } else {
        for line in lines {
            push_paragraph(&mut paragraphs, line);
        }
    }
    TextDocument { paragraphs }
}

/// Turns the raw lines of one paragraph (joined by `\n`) into one line, and keeps it if non-empty.
fn push_paragraph(paragraphs: &mut Vec<String>, raw: &str) {
    let line = join_lines(raw);
    if !line.is_empty() {
        paragraphs.push(line);
    }
}

/// Joins lines (separated by `\n`) with a space, or with nothing between two CJK characters;
/// collapses runs of spaces and tabs; trims.
pub fn join_lines(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    // After a line break joined without a space: drop spaces up to the next character.
    let mut glued = false;
    // The index of the next character that is not a space, found once for a run of spaces.
    let mut next_visible = 0;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\n' => {
                let before = out.trim_end_matches(' ').chars().next_back();
                if next_visible <= i {
                    next_visible = chars[i + 1..]
                        .iter()
                        .position(|c| !is_space(*c))
                        .map_or(chars.len(), |p| i + 1 + p);
                }
                if let (Some(b), Some(&a)) = (before, chars.get(next_visible)) {
                    if is_cjk(b) && is_cjk(a) {
                        out.truncate(out.trim_end_matches(' ').len());
                        glued = true;
                        continue;
                    }
                }
                if !glued {
                    push_space(&mut out);
                }
            }
            ' ' | '\t' | '\r' => {
                if !glued {
                    push_space(&mut out);
                }
            }
            c => {
                glued = false;
                out.push(c);
            }
        }
    }
    out.truncate(out.trim_end_matches(' ').len());
    out
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Whether `c` is written without spaces between words: Han, kana, Bopomofo, CJK punctuation and
/// full-width forms (Hangul is not: Korean separates words with spaces).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'   // radicals
        | '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{3100}'..='\u{312F}' // bopomofo
        | '\u{31A0}'..='\u{31FF}' // bopomofo extended, katakana extensions
        | '\u{3400}'..='\u{4DBF}' // extension A
        | '\u{4E00}'..='\u{9FFF}' // unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // half- and full-width forms
        | '\u{20000}'..='\u{3FFFF}' // supplementary ideographic planes
    )
}

/// Splits Markdown into paragraphs of plain text (see the module's documentation).
pub fn parse_markdown(text: &str) -> TextDocument {
    let mut md = Markdown::default();
    let lines: Vec<&str> = text.split('\n').collect();
    let body = &lines[front_matter_len(&lines)..];
    for line in body {
        md.line(line);
    }
    md.flush();
    TextDocument {
        paragraphs: md.paragraphs,
    }
}

/// The number of lines of YAML (`---` … `---`/`...`) or TOML (`+++` … `+++`) front matter.
fn front_matter_len(lines: &[&str]) -> usize {
    let Some(first) = lines.first().map(|l| l.trim_end()) else {
        return 0;
    };
    let closers: &[&str] = match first {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return 0,
    };
    lines[1..]
        .iter()
        .position(|l| closers.contains(&l.trim_end()))
        .map_or(0, |i| i + 2)
}

#[derive(Default)]
struct Markdown {
    paragraphs: Vec<String>,
    /// Raw lines of the paragraph being read.
    current: Vec<String>,
    /// The open code fence: its character and length.
    fence: Option<(char, usize)>,
    in_comment: bool,
    in_indented_code: bool,
    /// Inside a list: indented lines are the items' content, not code.
    in_list: bool,
    in_table: bool,
    quote_depth: usize,
}

impl Markdown {
    fn flush(&mut self) {
        if !self.current.is_empty() {
            let raw = self.current.join("\n");
            self.current.clear();
            push_paragraph(&mut self.paragraphs, &inline(&raw));
        }
    }

    fn emit(&mut self, raw: &str) {
        self.flush();
        push_paragraph(&mut self.paragraphs, &inline(raw));
    }

    fn line(&mut self, line: &str) {
        if let Some((ch, len)) = self.fence {
            let t = strip_quote_markers(line).1.trim();
            if t.len() >= len && t.chars().all(|c| c == ch) {
                self.fence = None;
            }
            return;
        }
        let without_comments = self.strip_comments(line);
        let line = match &without_comments {
            Some(rest) if rest.trim().is_empty() => {
                // A line that held only a comment ends the paragraph, as an HTML block would.
                self.flush();
                return;
            }
            Some(rest) => rest.as_str(),
            None => line,
        };

        let (depth, content) = strip_quote_markers(line);
        if depth != self.quote_depth {
            self.flush();
            self.quote_depth = depth;
            self.in_list = false;
            self.in_table = false;
            self.in_indented_code = false;
        }
        if content.trim().is_empty() {
            self.flush();
            self.in_table = false;
            return;
        }
        let indent = indent_width(content);
        if self.in_indented_code {
            if indent >= 4 {
                return;
            }
            self.in_indented_code = false;
        }
        if indent >= 4 && self.current.is_empty() && !self.in_list {
            self.in_indented_code = true;
            return;
        }
        let t = content.trim();

        if let Some(fence) = code_fence(t) {
            self.flush();
            self.fence = Some(fence);
            return;
        }
        if !self.current.is_empty() && (is_run_of(t, '=') || is_run_of(t, '-')) {
            // A setext underline: the paragraph above is a heading.
            self.flush();
            return;
        }
        if is_thematic_break(t) {
            self.flush();
            self.in_list = false;
            return;
        }
        if let Some(heading) = atx_heading(t) {
            self.emit(heading);
            self.in_list = false;
            return;
        }
        if is_table_separator(t) {
            // The paragraph's last line was the table's header row.
            let header = self.current.pop();
            self.flush();
            if let Some(header) = header {
                self.emit(&table_row(&header));
            }
            self.in_table = true;
            return;
        }
        if self.in_table && t.contains('|') {
            self.emit(&table_row(t));
            return;
        }
        self.in_table = false;
        if self.current.is_empty() && is_reference_definition(t) {
            return;
        }
        if let Some(item) = list_item(t, !self.current.is_empty() && !self.in_list) {
            self.flush();
            self.current.push(item.to_owned());
            self.in_list = true;
            return;
        }
        if self.current.is_empty() && indent == 0 {
            self.in_list = false;
        }
        self.current.push(t.to_owned());
    }

    /// Removes HTML comments from `line`, following one that spans lines; `None` if there is none.
    fn strip_comments(&mut self, line: &str) -> Option<String> {
        if !self.in_comment && !line.contains("<!--") {
            return None;
        }
        let mut out = String::new();
        let mut rest = line;
        loop {
            if self.in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        self.in_comment = false;
                    }
                    None => return Some(out),
                }
            } else {
                match rest.find("<!--") {
                    Some(start) => {
                        out.push_str(&rest[..start]);
                        rest = &rest[start + 4..];
                        self.in_comment = true;
                    }
                    None => {
                        out.push_str(rest);
                        return Some(out);
                    }
                }
            }
        }
    }
}

/// The nesting depth of `>` markers at the start of `line` and the content after them.
fn strip_quote_markers(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches(' ');
        if rest.len() - trimmed.len() > 3 {
            break;
        }
        match trimmed.strip_prefix('>') {
            Some(after) => {
                depth += 1;
                rest = after.strip_prefix(' ').unwrap_or(after);
            }
            None => break,
        }
    }
    (depth, rest)
}

fn indent_width(line: &str) -> usize {
    let mut width = 0;
    for c in line.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += 4 - width % 4,
            _ => break,
        }
    }
    width
}

fn code_fence(t: &str) -> Option<(char, usize)> {
    let ch = t.chars().next().filter(|&c| c == '`' || c == '~')?;
    let len = t.chars().take_while(|&c| c == ch).count();
    // A backtick fence's info string may not contain a backtick (that would be inline code).
    (len >= 3 && !(ch == '`' && t[len..].contains('`'))).then_some((ch, len))
}

fn is_run_of(t: &str, ch: char) -> bool {
    !t.is_empty() && t.chars().all(|c| c == ch)
}

fn is_thematic_break(t: &str) -> bool {
    ['*', '-', '_'].iter().any(|&ch| {
        t.chars().filter(|&c| c == ch).count() >= 3
            && t.chars().all(|c| c == ch || c == ' ' || c == '\t')
    })
}

fn atx_heading(t: &str) -> Option<&str> {
    let level = t.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &t[level..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    // An optional closing sequence of `#`, preceded by a space.
    let without_closing = rest.trim_end_matches('#');
    Some(if without_closing.is_empty() {
        ""
    } else if without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        rest
    })
}

fn is_table_separator(t: &str) -> bool {
    t.contains('|')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '|' | ':' | '-' | ' ' | '\t'))
}

/// A table row's cells, outer pipes removed, joined by ` | `.
fn table_row(t: &str) -> String {
    let t = t.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn is_reference_definition(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('[') else {
        return false;
    };
    match rest.find("]:") {
        Some(end) => end > 0 && !rest[..end].contains(['[', ']']),
        None => false,
    }
}

/// The content of a list item line, marker (and task box) removed. An ordered item can interrupt a
/// paragraph only when it starts at 1, and an empty item cannot, as in CommonMark.
fn list_item(t: &str, interrupts_paragraph: bool) -> Option<&str> {
    let marker_len = if t.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&digits) || !t[digits..].starts_with(['.', ')']) {
            return None;
        }
        if interrupts_paragraph && &t[..digits] != "1" {
            return None;
        }
        digits + 1
    };
    let rest = &t[marker_len..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    if rest.is_empty() && interrupts_paragraph {
        return None;
    }
    let rest = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| rest.strip_prefix(b))
        .map_or(rest, str::trim_start);
    Some(rest)
}

/// A piece of inline content: text, or a run of emphasis delimiters that may pair with another.
enum Piece {
    Text(String),
    Delim {
        ch: char,
        len: usize,
        open: bool,
        close: bool,
        matched: bool,
    },
}

/// Link texts nested deeper than this are kept as written.
const MAX_LINK_NESTING: usize = 4;

/// Inline Markdown to plain text: links keep their text, images and URLs go, code spans keep
/// their text, paired emphasis markers go, escapes and entities are resolved, HTML tags go.
/// Linear in the length of the text (brackets and backtick runs are matched up front).
fn inline(raw: &str) -> String {
    inline_at(raw, 0)
}

fn inline_at(raw: &str, nesting: usize) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let brackets = bracket_pairs(&chars);
    let mut backticks = BacktickRuns::new(&chars);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                text.push(chars[i + 1]);
                i += 2;
            }
            '\\' if chars.get(i + 1) == Some(&'\n') => {
                i += 1; // a hard line break
            }
            '`' => {
                let run = run_len(&chars, i, '`');
                match backticks.closing(i, run) {
                    Some(end) => {
                        let code: String = chars[i + run..end].iter().collect();
                        text.push_str(code.trim());
                        i = end + run;
                    }
                    None => {
                        text.extend(&chars[i..i + run]);
                        i += run;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') && nesting < MAX_LINK_NESTING => {
                match link(&chars, &brackets, i + 1) {
                    Some((_, end)) => i = end,
                    None => {
                        text.push('!');
                        i += 1;
                    }
                }
            }
            '[' if nesting < MAX_LINK_NESTING => match link(&chars, &brackets, i) {
                Some((label, end)) => {
                    text.push_str(&inline_at(&label, nesting + 1));
                    i = end;
                }
                None => {
                    text.push('[');
                    i += 1;
                }
            },
            '<' => match angle(&chars, i) {
                Some((kept, end)) => {
                    text.push_str(&kept);
                    i = end;
                }
                None => {
                    text.push('<');
                    i += 1;
                }
            },
            '&' => match html_entity(&chars, i) {
                Some((ch, end)) => {
                    text.push(ch);
                    i = end;
                }
                None => {
                    text.push('&');
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let len = run_len(&chars, i, c);
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + len).copied();
                let left_flanking = after.is_some_and(|a| !a.is_whitespace());
                let right_flanking = before.is_some_and(|b| !b.is_whitespace());
                let intraword = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                let (open, close) = match c {
                    '_' if intraword => (false, false),
                    '~' if len != 2 => (false, false),
                    _ => (left_flanking, right_flanking),
                };
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Delim {
                    ch: c,
                    len,
                    open,
                    close,
                    matched: false,
                });
                i += len;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    match_delimiters(&mut pieces);
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Delim { matched: true, .. } => {}
            Piece::Delim { ch, len, .. } => out.extend(std::iter::repeat_n(ch, len)),
        }
    }
    out
}

/// Pairs emphasis delimiter runs: a closer matches the nearest unmatched opener of the same
/// character (`~~` only pairs with `~~`); unpaired runs stay as text (`2 * 3`, `snake_case`).
fn match_delimiters(pieces: &mut [Piece]) {
    // One stack of openers per delimiter character.
    let mut openers: [Vec<usize>; 3] = Default::default();
    let stack_of = |ch: char| match ch {
        '*' => 0,
        '_' => 1,
        _ => 2,
    };
    for i in 0..pieces.len() {
        let Piece::Delim {
            ch, open, close, ..
        } = pieces[i]
        else {
            continue;
        };
        let stack = &mut openers[stack_of(ch)];
        if close {
            if let Some(o) = stack.pop() {
                for idx in [o, i] {
                    if let Piece::Delim { matched, .. } = &mut pieces[idx] {
                        *matched = true;
                    }
                }
                continue;
            }
        }
        if open {
            stack.push(i);
        }
    }
}

fn run_len(chars: &[char], start: usize, ch: char) -> usize {
    chars[start..].iter().take_while(|&&c| c == ch).count()
}

/// The backtick runs of a text by length, to find the run that closes a code span in constant
/// time (a span closes at the next run of the same length).
struct BacktickRuns {
    /// For each run length: the start of every run of that length, and how many are behind us.
    by_len: std::collections::HashMap<usize, (Vec<usize>, usize)>,
}

impl BacktickRuns {
    fn new(chars: &[char]) -> Self {
        let mut by_len: std::collections::HashMap<usize, (Vec<usize>, usize)> = Default::default();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '`' {
                let len = run_len(chars, i, '`');
                by_len.entry(len).or_default().0.push(i);
                i += len;
            } else {
                i += 1;
            }
        }
        BacktickRuns { by_len }
    }

    /// The start of the first run of `len` backticks after position `start`.
    fn closing(&mut self, start: usize, len: usize) -> Option<usize> {
        let (starts, behind) = self.by_len.get_mut(&len)?;
        while *behind < starts.len() && starts[*behind] <= start {
            *behind += 1;
        }
        starts.get(*behind).copied()
    }
}

/// For each `[` and `(`, the index of the bracket that closes it (nesting counted, backslash
/// escapes skipped), found in one pass.
fn bracket_pairs(chars: &[char]) -> std::collections::HashMap<usize, usize> {
    let mut pairs = std::collections::HashMap::new();
    let (mut squares, mut rounds): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => squares.push(i),
            '(' => rounds.push(i),
            ']' => {
                if let Some(open) = squares.pop() {
                    pairs.insert(open, i);
                }
            }
            ')' => {
                if let Some(open) = rounds.pop() {
                    pairs.insert(open, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    pairs
}

/// A link or reference at `chars[start] == '['`: `[text](url "title")`, `[text][ref]`, `[text][]`.
/// Returns the raw link text and the index after the link. Footnote references `[^1]` give no text.
fn link(
    chars: &[char],
    pairs: &std::collections::HashMap<usize, usize>,
    start: usize,
) -> Option<(String, usize)> {
    let close = *pairs.get(&start)?;
    let label = || chars[start + 1..close].iter().collect::<String>();
    match chars.get(close + 1) {
        Some('(' | '[') => {
            let end = *pairs.get(&(close + 1))?;
            Some((label(), end + 1))
        }
        _ => {
            let is_footnote = chars.get(start + 1) == Some(&'^')
                && close - start < 64
                && !chars[start + 1..close].iter().any(|c| c.is_whitespace());
            is_footnote.then(|| (String::new(), close + 1))
        }
    }
}

/// An autolink (`<https://…>`, `<a@b.org>`: its address is kept) or an HTML tag (dropped) at
/// `chars[start] == '<'`.
fn angle(chars: &[char], start: usize) -> Option<(String, usize)> {
    let end = start
        + 1
        + chars[start + 1..]
            .iter()
            .position(|&c| c == '>' || c == '<')?;
    if chars[end] != '>' {
        return None;
    }
    let inner: String = chars[start + 1..end].iter().collect();
    let first = inner.chars().next()?;
    if !inner.contains(char::is_whitespace)
        && (inner.contains("://")
            || inner.starts_with("mailto:")
            || (inner.contains('@') && first.is_alphanumeric()))
    {
        return Some((inner, end + 1));
    }
    let is_tag = first.is_ascii_alphabetic()
        || (first == '/' && inner[1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        || first == '!'
        || first == '?';
    if !is_tag {
        return None;
    }
    // A tag that breaks the line or starts a block still separates the words around it.
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    const BREAKING: &[&str] = &[
        "br",
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "td",
        "th",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "hr",
        "section",
        "article",
        "header",
        "footer",
    ];
    let kept = if BREAKING.contains(&name.as_str()) {
        " "
    } else {
        ""
    };
    Some((kept.to_owned(), end + 1))
}

/// An HTML entity at `chars[start] == '&'`: the common named ones and numeric references.
fn html_entity(chars: &[char], start: usize) -> Option<(char, usize)> {
    let semi = start
        + 1
        + chars[start + 1..chars.len().min(start + 12)]
            .iter()
            .position(|&c| c == ';')?;
    let name: String = chars[start + 1..semi].iter().collect();
    let ch = match name.as_str() {
        "nbsp" => '\u{A0}',
        "thinsp" => '\u{2009}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "bdquo" => '„',
        "copy" => '©',
        "euro" => '€',
        _ => super::xml::entity(&name)?,
    };
    Some((ch, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> Vec<String> {
        parse_markdown(s).paragraphs
    }

    #[test]
    fn plain_paragraphs_and_lines() {
        assert_eq!(parse_plain("a\nb\n\n\nc\n").paragraphs, ["a b", "c"]);
        assert_eq!(parse_plain("\n\none\ntwo\n\n").paragraphs, ["one", "two"]);
        assert_eq!(parse_plain("东京\n大阪\n\nx").paragraphs, ["东京大阪", "x"]);
        assert_eq!(parse_plain("  a\t\tb  \n").paragraphs, ["a b"]);
        assert_eq!(parse_plain("100\u{A0}000").paragraphs, ["100\u{A0}000"]);
        assert!(parse_plain("").paragraphs.is_empty());
        assert_eq!(join_lines("a\r\n\n\n b"), "a b");
        assert_eq!(join_lines(&"\n".repeat(100_000)), "");
    }

    #[test]
    fn inline_markup() {
        assert_eq!(
            inline("see [the *docs*](http://x.org/a_(b)) and ![logo](l.png) now"),
            "see the docs and  now"
        );
        assert_eq!(
            inline("**bold**, _it_, `a*b`, ~~del~~, snake_case_name, 2 * 3 * 4"),
            "bold, it, a*b, del, snake_case_name, 2 * 3 * 4"
        );
        assert_eq!(
            inline("un*frigging*believable \\*literal\\*"),
            "unfriggingbelievable *literal*"
        );
        assert_eq!(
            inline(
                "[ref][1] <https://a.b/c> <span class='x'>t</span> a &amp; b &#8364; AT&T x < y"
            ),
            "ref https://a.b/c t a & b € AT&T x < y"
        );
        assert_eq!(inline("note[^1] [plain]"), "note [plain]");
    }

    #[test]
    fn markdown_blocks() {
        let doc = "---\ntitle: x\n---\n# Title #\n\nPara one\ncontinues.\n\n```rust\nlet x = 1;\n\n```\n\n    indented code\n\n- item *one*\n- item two\n  more\n1. first\n\n> quoted\n> text\n>\n> second\n\nText\n===\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n<!-- hidden\nstill -->\n[1]: http://x\n***\nEnd.";
        assert_eq!(
            md(doc),
            [
                "Title",
                "Para one continues.",
                "item one",
                "item two more",
                "first",
                "quoted text",
                "second",
                "Text",
                "a | b",
                "1 | 2",
                "End."
            ]
        );
    }

    #[test]
    fn pathological_inline_input_is_linear() {
        // Each of these takes quadratic time (or overflows the stack) with naive bracket, backtick
        // or delimiter matching.
        let n = 50_000;
        let inputs = [
            "[".repeat(n) + &"]".repeat(n) + "(x)",
            "[".repeat(n),
            (1..400).map(|k| "`".repeat(k) + " ").collect(),
            "*a ".repeat(n) + &"_b_ ".repeat(n),
            "<a ".repeat(n),
        ];
        for input in inputs {
            let _ = md(&input);
        }
    }

    #[test]
    fn markdown_edge_cases() {
        assert_eq!(md("Year\n2024. was good"), ["Year 2024. was good"]);
        assert_eq!(
            md("- a\n\n    nested para\n\nafter"),
            ["a", "nested para", "after"]
        );
        assert_eq!(md("---\nno closing"), ["no closing"]);
        assert_eq!(md("a <!-- c --> b"), ["a b"]);
        assert_eq!(md("one<br/>two <b>bo</b>ld"), ["one two bold"]);
        assert_eq!(md("```\nunclosed\n"), Vec::<String>::new());
        assert_eq!(md("- [x] done\n- [ ] todo"), ["done", "todo"]);
    }
}
