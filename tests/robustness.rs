//! Hostile and broken input (issue 8): every input here is an `input-error` finding for the file
//! concerned or a clean read, never a crash, a hang, a leak or lost findings for the other files.
//! Big inputs are generated here, never committed. `docs/ROBUSTNESS.md` maps each case to its test.

use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use concord::lang::profile::profile;
use concord::load::{self, LanguageOverride, LoadOptions};
use concord::segment::{split_sentences, MAX_SENTENCE_CHARS};

/// A source and a translation with one wrong number: the finding that must survive whatever else
/// is in the folder.
const GOOD_EN: &str = "The budget grew by 75 percent in 2021.\n\nThe council met on Monday.\n";
const GOOD_DE: &str = "Der Haushalt wuchs 2021 um 57 Prozent.\n\nDer Rat tagte am Montag.\n";

fn concord_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("concord")
}

/// Runs `concord check --quiet ARGS` and returns its output.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(concord_bin());
    cmd.arg("check").arg("--quiet").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn report_rows(out: &Output) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader.records().map(|r| r.unwrap()).collect()
}

/// The rows of `document` (matched on the end of its path) with check `check`.
fn rows_of<'a>(
    rows: &'a [csv::StringRecord],
    document: &str,
    check: &str,
) -> Vec<&'a csv::StringRecord> {
    rows.iter()
        .filter(|r| r[0].ends_with(document) && &r[4] == check)
        .collect()
}

/// The one `input-error` message for `document`; fails unless there is exactly one.
fn input_error(rows: &[csv::StringRecord], document: &str) -> String {
    let found = rows_of(rows, document, "input-error");
    assert_eq!(found.len(), 1, "one input-error for {document}: {rows:?}");
    assert_eq!(&found[0][5], "error");
    found[0][8].to_string()
}

/// A folder holding the good pair (`good.en.txt`, `good.de.txt`).
fn folder_with_good_pair() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.en.txt"), GOOD_EN).unwrap();
    std::fs::write(dir.path().join("good.de.txt"), GOOD_DE).unwrap();
    dir
}

/// The run completed (exit 1: findings at error) and the good pair's wrong number is reported.
fn assert_good_pair_checked(out: &Output, rows: &[csv::StringRecord]) {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        rows_of(rows, "good.de.txt", "number")
            .iter()
            .any(|r| r[6].starts_with("75")),
        "the good pair was not checked: {rows:?}"
    );
}

/// Checks a folder holding the good pair and `name` with `bytes`; returns the message of the one
/// `input-error` for `name`.
fn hostile_file(name: &str, bytes: &[u8]) -> String {
    let dir = folder_with_good_pair();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let out = run(&[dir.path().to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    input_error(&rows, name)
}

fn tmx_with(doctype: &str, source: &str, target: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n{doctype}\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n\
         <tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>{source}</seg></tuv>\
         <tuv xml:lang=\"de\"><seg>{target}</seg></tuv></tu>\n</body></tmx>\n"
    )
}

// ---------------------------------------------------------------------------------------------
// XML: external entities, entity expansion, nesting, attributes.
// ---------------------------------------------------------------------------------------------

#[test]
fn xxe_never_reads_the_file_it_points_at() {
    let secrets = tempfile::tempdir().unwrap();
    let secret = secrets.path().join("secret.txt");
    let content = "TOP-SECRET-7f3a9c-password";
    std::fs::write(&secret, content).unwrap();
    let url = format!("file://{}", secret.display());
    let dir = folder_with_good_pair();
    let general = tmx_with(
        &format!("<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"{url}\">]>"),
        "Secret: &xxe;",
        "Geheimnis: &xxe;",
    );
    std::fs::write(dir.path().join("general.tmx"), general).unwrap();
    let parameter = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY % remote SYSTEM \"{url}\"> %remote;]>\n\
         <xliff version=\"1.2\"><file source-language=\"en\" target-language=\"de\"><body>\
         <trans-unit id=\"a\"><source>Secret</source><target>Geheimnis</target></trans-unit>\
         </body></file></xliff>"
    );
    std::fs::write(dir.path().join("parameter.xlf"), parameter).unwrap();
    // A DOCTYPE that only names an external DTD is read, and the DTD is not fetched.
    let external_dtd = tmx_with(
        &format!("<!DOCTYPE tmx SYSTEM \"{url}\">"),
        "Open 75 days.",
        "57 Tage offen.",
    );
    std::fs::write(dir.path().join("external-dtd.tmx"), external_dtd).unwrap();

    let out = run(&[dir.path().to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    assert!(input_error(&rows, "general.tmx").contains("declares entities"));
    assert!(input_error(&rows, "parameter.xlf").contains("declares entities"));
    assert!(rows_of(&rows, "external-dtd.tmx", "input-error").is_empty());
    assert!(!rows_of(&rows, "external-dtd.tmx", "number").is_empty());
    for stream in [&out.stdout, &out.stderr] {
        assert!(!String::from_utf8_lossy(stream).contains(content));
    }
}

#[test]
fn billion_laughs_is_refused_without_expanding() {
    let mut doctype = String::from("<!DOCTYPE tmx [<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        let previous = format!("&lol{};", i - 1);
        doctype.push_str(&format!("<!ENTITY lol{i} \"{}\">", previous.repeat(10)));
    }
    doctype.push_str("]>");
    let message = hostile_file("lol.tmx", tmx_with(&doctype, "&lol9;", "&lol9;").as_bytes());
    assert!(message.contains("declares entities"), "{message}");
}

#[test]
fn ten_thousand_deep_nesting_is_refused() {
    let n = 10_000;
    let inside_segment = tmx_with(
        "",
        &format!("{}deep{}", "<g>".repeat(n), "</g>".repeat(n)),
        "tief",
    );
    let message = hostile_file("deep-seg.tmx", inside_segment.as_bytes());
    assert!(message.contains("nested too deeply"), "{message}");
    let outside_units = format!(
        "<xliff version=\"1.2\">{}{}</xliff>",
        "<group>".repeat(n),
        "</group>".repeat(n)
    );
    let message = hostile_file("deep-groups.xlf", outside_units.as_bytes());
    assert!(message.contains("nested too deeply"), "{message}");
}

#[test]
fn huge_and_numerous_attributes_are_refused() {
    let huge =
        tmx_with("", "a", "b").replace("tuid=\"1\"", &format!("tuid=\"{}\"", "x".repeat(1 << 20)));
    let message = hostile_file("huge-attribute.tmx", huge.as_bytes());
    assert!(message.contains("longer than 64 KiB"), "{message}");
    // Checking 100,000 attributes for duplicates would take time in their square.
    let attrs: String = (0..100_000).map(|i| format!(" a{i}=\"\"")).collect();
    let many = tmx_with("", "a", "b").replace("tuid=\"1\"", &attrs);
    let message = hostile_file("many-attributes.tmx", many.as_bytes());
    assert!(message.contains("more than 256 attributes"), "{message}");
}

#[test]
fn a_unit_with_millions_of_elements_is_refused() {
    let codes = "<ph/>".repeat(1_000_000);
    let message = hostile_file("codes.tmx", tmx_with("", &codes, "b").as_bytes());
    assert!(message.contains("more than 200000 elements"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// Encodings and bytes.
// ---------------------------------------------------------------------------------------------

#[test]
fn bytes_that_are_not_text_are_input_errors() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    let dir = folder_with_good_pair();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("good.fr.txt", b"Le budget a augment\xE9 de 75 pour cent.\n");
    write(
        "good.it.txt",
        b"Il bilancio\0 e cresciuto del 75 per cento.\n",
    );
    write("good.es.txt", png);
    write("broken.po", b"msgid \"a\"\nmsgstr \"\xC3\x28\"\n");
    write("nul.tmx", b"<tmx>\0<header srclang=\"en\"/></tmx>");
    let out = run(&[dir.path().to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    assert!(input_error(&rows, "good.fr.txt").starts_with("not valid UTF-8 at byte 19 (line 1)"));
    assert!(input_error(&rows, "good.it.txt").starts_with("binary file"));
    assert!(input_error(&rows, "good.es.txt").starts_with("binary file"));
    assert!(input_error(&rows, "broken.po").starts_with("not valid UTF-8"));
    assert!(input_error(&rows, "nul.tmx").starts_with("binary file"));
}

#[test]
fn an_unreadable_source_is_an_input_error_for_each_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.en.txt"), b"Broken \xFF source.").unwrap();
    std::fs::write(dir.path().join("doc.de.txt"), "Kaputt.").unwrap();
    std::fs::write(dir.path().join("doc.fr.txt"), "Cassé.").unwrap();
    let out = run(&[dir.path().to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let rows = report_rows(&out);
    for target in ["doc.de.txt", "doc.fr.txt"] {
        let message = input_error(&rows, target);
        assert!(
            message.starts_with("the source version doc.en.txt cannot be read: not valid UTF-8"),
            "{message}"
        );
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn utf32(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0, 0, 0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE, 0, 0]
    };
    for c in text.chars() {
        out.extend(if big_endian {
            (c as u32).to_be_bytes()
        } else {
            (c as u32).to_le_bytes()
        });
    }
    out
}

#[test]
fn boms_in_every_utf_and_any_line_ends_read_the_same() {
    let lf = "Grüße aus Köln.\nZweite Zeile.\n\nНовый абзац 75.\n";
    let expected = load::parse_document(lf.as_bytes(), false).unwrap();
    assert_eq!(expected.paragraphs.len(), 2);
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let mixed = "Grüße aus Köln.\r\nZweite Zeile.\r\r\nНовый абзац 75.\n";
    let variants: Vec<(&str, Vec<u8>)> = vec![
        (
            "utf-8 bom",
            [b"\xEF\xBB\xBF".as_slice(), lf.as_bytes()].concat(),
        ),
        ("utf-16le bom", utf16(lf, false)),
        ("utf-16be bom", utf16(lf, true)),
        ("utf-32le bom", utf32(lf, false)),
        ("utf-32be bom", utf32(lf, true)),
        ("crlf", crlf.clone().into_bytes()),
        ("cr", cr.into_bytes()),
        ("mixed", mixed.as_bytes().to_vec()),
        ("utf-16le bom crlf", utf16(&crlf, false)),
    ];
    for (what, bytes) in variants {
        for markdown in [false, true] {
            let doc =
                load::parse_document(&bytes, markdown).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(doc, expected, "{what}");
        }
    }
    // A BOM in a bilingual file too, and a UTF-32 file cut in the middle of a character.
    let po = "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgid \"Hello\"\nmsgstr \"Hallo\"\n";
    let over = LanguageOverride::default();
    for bytes in [
        utf16(po, false),
        utf32(po, true),
        [b"\xEF\xBB\xBF".as_slice(), po.as_bytes()].concat(),
    ] {
        let file = load::parse_bilingual(&bytes, Path::new("x.po"), &over, &LoadOptions::default())
            .unwrap();
        assert_eq!(file.sets[0].units[0].target, "Hallo");
    }
    let mut cut = utf32(lf, false);
    cut.pop();
    assert!(load::parse_document(&cut, false)
        .unwrap_err()
        .0
        .contains("UTF-32"));
}

#[test]
fn arbitrary_bytes_in_every_format_never_crash_the_run() {
    let dir = folder_with_good_pair();
    // A fixed pseudo-random stream (xorshift), so the test is the same every time.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut junk = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect()
    };
    for ext in ["txt", "md", "tmx", "xlf", "xliff", "po", "tsv", "csv"] {
        for (k, len) in [1usize, 100, 10_000].into_iter().enumerate() {
            std::fs::write(dir.path().join(format!("junk{k}.fr.{ext}")), junk(len)).unwrap();
        }
    }
    let out = run(&[dir.path().to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
}

// ---------------------------------------------------------------------------------------------
// Size and file system.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_file_over_the_size_limit_is_an_input_error() {
    let dir = folder_with_good_pair();
    let big = "Ein langer Satz über den Haushalt. ".repeat(200); // 7 KB
    std::fs::write(dir.path().join("good.fr.txt"), &big).unwrap();
    std::fs::write(dir.path().join("big.tmx"), tmx_with("", &big, &big)).unwrap();
    let path = dir.path().to_str().unwrap();
    let out = run(&[path, "--max-file-size", "4K"], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    for name in ["good.fr.txt", "big.tmx"] {
        let message = input_error(&rows, name);
        assert!(
            message.contains("is larger than 4 KiB (--max-file-size)"),
            "{message}"
        );
    }
    // Under the default limit both are read; a 1 GiB file (sparse: it takes no disk) is refused
    // from its size alone, before a byte of it is read.
    std::fs::File::create(dir.path().join("good.es.txt"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let rows = report_rows(&run(&[path], &[]));
    assert!(rows_of(&rows, "good.fr.txt", "input-error").is_empty());
    assert!(rows_of(&rows, "big.tmx", "input-error").is_empty());
    let message = input_error(&rows, "good.es.txt");
    assert!(message.contains("is larger than 64 MiB"), "{message}");
    // A size that is not one is a usage error.
    for bad in ["0", "10X", "-1", "99999999999G", ""] {
        let out = run(&[path, "--max-file-size", bad], &[]);
        assert_eq!(out.status.code(), Some(2), "--max-file-size {bad:?}");
    }
}

#[test]
fn sizes_parse_with_binary_units() {
    use concord::cli::parse_size;
    assert_eq!(parse_size("123"), Ok(123));
    assert_eq!(parse_size("4K"), Ok(4096));
    assert_eq!(parse_size("64m"), Ok(64 << 20));
    assert_eq!(parse_size("2GiB"), Ok(2 << 30));
    assert_eq!(parse_size(" 1 MB "), Ok(1 << 20));
    assert!(parse_size("1.5G").is_err());
    assert!(parse_size("G").is_err());
    assert_eq!(
        load::LoadOptions::default().max_file_size,
        load::DEFAULT_MAX_FILE_SIZE
    );
    assert_eq!(load::format_size(load::DEFAULT_MAX_FILE_SIZE), "64 MiB");
}

/// Source and target texts of `n` sentences in paragraphs of five.
fn long_document(n: usize, sentence: impl Fn(usize) -> String) -> String {
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&sentence(i));
        text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
    }
    text
}

#[test]
fn a_hundred_thousand_sentence_document_is_checked() {
    let n = 100_000;
    let dir = tempfile::tempdir().unwrap();
    // Short sentences: the cost measured is segmenting, aligning and extracting 100,000 of them,
    // not detecting the language of each.
    let en = long_document(n, |i| format!("Item {i} sold."));
    let de = long_document(n, |i| {
        let number = if i == 77_777 { 77_778 } else { i };
        format!("Artikel {number} verkauft.")
    });
    std::fs::write(dir.path().join("long.en.txt"), en).unwrap();
    std::fs::write(dir.path().join("long.de.txt"), de).unwrap();
    let out = run(&[dir.path().to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let rows = report_rows(&out);
    let numbers = rows_of(&rows, "long.de.txt", "number");
    assert!(
        numbers.iter().any(|r| &r[6] == "77777" && &r[7] == "77778"),
        "{numbers:?}"
    );
    // Sentence 77,777 is in paragraph 15,556, as its 3rd sentence.
    assert!(numbers.iter().any(|r| &r[1] == "15556.3"), "{numbers:?}");
}

#[test]
fn a_huge_single_line_is_cut_into_bounded_sentences() {
    let words = ["alpha", "beta", "gamma", "delta", "12", "epsilon"];
    let line: String = (0..200_000)
        .map(|i| words[(i * 7 + i / 3) % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let pieces = split_sentences(&line, profile("en"));
    assert!(pieces.len() > 1);
    for piece in &pieces {
        assert!(piece.chars().count() <= MAX_SENTENCE_CHARS);
        assert!(!piece.starts_with(' ') && !piece.ends_with(' '));
    }
    // Cut at spaces: nothing is lost or changed.
    assert_eq!(pieces.join(" "), line);
    // Text without any space (CJK, a base64 blob) is cut at the limit.
    let blob = "字".repeat(2 * MAX_SENTENCE_CHARS + 5);
    let pieces = split_sentences(&blob, profile("zh"));
    let lens: Vec<usize> = pieces.iter().map(|p| p.chars().count()).collect();
    assert_eq!(lens, [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]);

    // End to end: a 1 MB line on both sides.
    let dir = folder_with_good_pair();
    std::fs::write(dir.path().join("line.en.txt"), &line).unwrap();
    std::fs::write(dir.path().join("line.de.txt"), line.replace("12", "13")).unwrap();
    let out = run(&[dir.path().to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    let numbers = rows_of(&rows, "line.de.txt", "number");
    assert!(!numbers.is_empty());
    assert!(numbers
        .iter()
        .all(|r| r[9].chars().count() <= MAX_SENTENCE_CHARS));
}

#[test]
fn deep_folders_are_walked() {
    let dir = tempfile::tempdir().unwrap();
    let deep = "d/".repeat(300);
    for (lang, text) in [("en", GOOD_EN), ("de", GOOD_DE)] {
        let folder = dir.path().join(lang).join(&deep);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("good.txt"), text).unwrap();
    }
    // Deeper than a path can be (PATH_MAX is 4096 bytes): built bottom-up by renames, which only
    // ever name short paths.
    let chain = dir.path().join("chain");
    std::fs::create_dir(&chain).unwrap();
    std::fs::write(chain.join("deep.fr.txt"), "Tout au fond.").unwrap();
    for _ in 0..1500 {
        let next = dir.path().join("next");
        std::fs::create_dir(&next).unwrap();
        std::fs::rename(&chain, next.join("dddd")).unwrap();
        std::fs::rename(&next, &chain).unwrap();
    }
    let out = run(&[dir.path().to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_eq!(out.status.code(), Some(1), "{rows:?}");
    let display = format!("de/{deep}good.txt");
    assert!(
        rows.iter().any(|r| r[0] == display && &r[4] == "number"),
        "{rows:?}"
    );
    // The folder too deep to open is reported for itself.
    assert!(
        rows.iter().any(|r| r[0].starts_with("chain/dddd/")
            && &r[4] == "input-error"
            && r[8].contains("File name too long")),
        "{rows:?}"
    );
}

#[test]
fn symlink_loops_do_not_trap_the_walk() {
    let dir = folder_with_good_pair();
    let root = dir.path();
    symlink(".", root.join("self")).unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    symlink("..", root.join("sub/up")).unwrap();
    symlink("b.fr.txt", root.join("a.fr.txt")).unwrap();
    symlink("a.fr.txt", root.join("b.fr.txt")).unwrap();
    symlink("missing.fr.txt", root.join("dangling.fr.txt")).unwrap();
    let out = run(&[root.to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    // Given by name, a link loop is reported for itself.
    let looped = root.join("a.fr.txt");
    let out = run(
        &[
            looped.to_str().unwrap(),
            root.join("good.en.txt").to_str().unwrap(),
        ],
        &[],
    );
    let rows = report_rows(&out);
    let message = input_error(&rows, "a.fr.txt");
    assert!(message.contains("symbolic links"), "{message}");
}

#[test]
fn pipes_are_never_opened() {
    let dir = folder_with_good_pair();
    let fifo = dir.path().join("pipe.fr.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // In a folder it is not a regular file, so it is not read (opening it would block); named on
    // the command line it is an input error.
    let out = run(&[dir.path().to_str().unwrap(), fifo.to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    assert_eq!(
        input_error(&rows, "pipe.fr.txt"),
        "not a file or folder (a device, pipe or socket?)"
    );
}

/// Whether this process runs as root (which reads files whatever their permissions).
fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

/// A command that runs concord without root's privileges: itself when not root, else under
/// `setpriv` as `nobody`; `None` when that cannot be done here.
fn unprivileged() -> Option<Vec<String>> {
    let bin = concord_bin().to_string_lossy().into_owned();
    if !is_root() {
        return Some(vec![bin]);
    }
    let wrapper: Vec<String> = [
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([bin])
    .collect();
    let works = std::process::Command::new(&wrapper[0])
        .args(&wrapper[1..])
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    works.then_some(wrapper)
}

#[test]
fn unreadable_files_and_folders_are_input_errors() {
    let Some(command) = unprivileged() else {
        eprintln!("skipped: running as root and cannot drop privileges (setpriv), so permissions are not enforced");
        return;
    };
    let dir = folder_with_good_pair();
    let root = dir.path();
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(
        root.join("good.fr.txt"),
        "Le budget a augmenté de 75 pour cent.",
    )
    .unwrap();
    std::fs::set_permissions(
        root.join("good.fr.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    std::fs::create_dir(root.join("locked")).unwrap();
    std::fs::write(root.join("locked/x.en.txt"), "x").unwrap();
    std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // The folder must be reachable for the unprivileged user.
    let reachable = root
        .ancestors()
        .all(|p| std::fs::metadata(p).is_ok_and(|m| m.mode() & 0o001 != 0));
    if !reachable {
        eprintln!("skipped: the temporary folder is not reachable by an unprivileged user");
        return;
    }
    let out = std::process::Command::new(&command[0])
        .args(&command[1..])
        .args(["check", "--quiet", root.to_str().unwrap()])
        .output()
        .unwrap();
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    let message = input_error(&rows, "good.fr.txt");
    assert!(
        message.starts_with("cannot read") && message.contains("Permission denied"),
        "{message}"
    );
    let message = input_error(&rows, "locked");
    assert!(message.contains("Permission denied"), "{message}");
    std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_file_that_vanished_is_an_input_error() {
    // A file gone between discovery and reading fails to open, which the pipeline reports as an
    // input-error like any load error (the other tests here prove that step); one named on the
    // command line that is already gone is reported by discovery.
    let dir = folder_with_good_pair();
    let gone = dir.path().join("gone.de.txt");
    let err = load::load_document(&gone).unwrap_err();
    assert!(
        err.0.starts_with("cannot read") && err.0.contains("No such file"),
        "{err}"
    );
    let err = load::load_bilingual(&dir.path().join("gone.tmx"), &LanguageOverride::default())
        .unwrap_err();
    assert!(err.0.starts_with("cannot read"), "{err}");
    let out = run(&[dir.path().to_str().unwrap(), gone.to_str().unwrap()], &[]);
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    assert_eq!(input_error(&rows, "gone.de.txt"), "no such file or folder");
}

// ---------------------------------------------------------------------------------------------
// Isolation.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_panic_in_one_document_is_an_input_error_and_the_run_completes() {
    let dir = folder_with_good_pair();
    std::fs::write(dir.path().join("other.en.txt"), GOOD_EN).unwrap();
    std::fs::write(dir.path().join("other.de.txt"), GOOD_DE).unwrap();
    let out = run(
        &[dir.path().to_str().unwrap()],
        &[(concord::pipeline::INJECT_PANIC_VAR, "other.de.txt")],
    );
    let rows = report_rows(&out);
    assert_good_pair_checked(&out, &rows);
    let message = input_error(&rows, "other.de.txt");
    assert!(
        message.starts_with("internal error while checking this input")
            && message.contains("panic injected"),
        "{message}"
    );
    assert!(rows_of(&rows, "other.de.txt", "number").is_empty());
    // Only an input error: with --fail-on never the run still succeeds.
    let out = run(
        &[dir.path().to_str().unwrap(), "--fail-on", "never"],
        &[(concord::pipeline::INJECT_PANIC_VAR, "other.de.txt")],
    );
    assert_eq!(out.status.code(), Some(0));
}

// ---------------------------------------------------------------------------------------------
// Inputs found by fuzzing (scripts/fuzz), kept as regression tests.
// ---------------------------------------------------------------------------------------------

#[test]
fn fuzz_regressions() {
    // tmx, crash-c733668d: a language subtag of four bytes that are not four ASCII letters
    // (`de-ᥕx`) was cut inside a character when capitalised as a script subtag.
    let tmx = tmx_with("", "Hello", "Hallo").replace("xml:lang=\"de\"", "xml:lang=\"de-ᥕx\"");
    let file = load::parse_bilingual(
        tmx.as_bytes(),
        Path::new("x.tmx"),
        &LanguageOverride::default(),
        &LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(file.sets[0].target_lang, "de-ᥕx");
}

#[test]
fn percent_words_are_read_from_a_bounded_window() {
    // Number extraction lower-cased the whole rest of the text at every number to look for a
    // percent word, which made long texts quadratic (found by profiling the huge-line case); it
    // now looks at the longest percent word's length only, with the same results.
    use concord::extract::numbers::extract;
    use concord::extract::NumberKind;
    let kinds = |text: &str, lang: &str| -> Vec<NumberKind> {
        extract(text, profile(lang))
            .iter()
            .map(|m| m.kind)
            .collect()
    };
    assert_eq!(kinds("up 75 per cent", "en"), [NumberKind::Percent]);
    assert_eq!(kinds("up 75 Percent.", "en"), [NumberKind::Percent]);
    assert_eq!(
        kinds("up 75 percentage points", "en"),
        [NumberKind::Cardinal]
    );
    assert_eq!(kinds("um 75 Prozentpunkte", "de"), [NumberKind::Percent]);
    // A character whose lower case is longer, far after the number, no longer matters.
    let far = format!("up 75 percent{}İ", " x".repeat(100));
    assert_eq!(kinds(&far, "en"), [NumberKind::Percent]);
    let many = "7 percent ".repeat(20_000);
    assert!(kinds(&many, "en").iter().all(|k| *k == NumberKind::Percent));
}

/// A run killed at any moment (Ctrl-C, or worse, SIGKILL) leaves the report that was there before
/// or a whole new one, never half of one: reports are written to a temporary file and renamed.
#[test]
fn a_killed_run_never_leaves_half_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("in");
    std::fs::create_dir(&corpus).unwrap();
    // Long enough that the kills below land while it reads, checks and writes.
    let (en, de) = (GOOD_EN.repeat(4_000), GOOD_DE.repeat(4_000));
    std::fs::write(corpus.join("long.en.txt"), &en).unwrap();
    std::fs::write(corpus.join("long.de.txt"), &de).unwrap();
    let report = dir.path().join("report.csv");
    for delay_ms in [50u64, 300, 800, 1500] {
        std::fs::write(&report, "the report of the previous run\n").unwrap();
        let mut child = std::process::Command::new(concord_bin())
            .args(["check", "--quiet", "--fail-on", "never", "-o"])
            .arg(&report)
            .arg(&corpus)
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let text = std::fs::read_to_string(&report).unwrap();
        if text != "the report of the previous run\n" {
            // A new report: whole, header first, every row complete.
            assert!(
                text.starts_with("document,segment,"),
                "after {delay_ms} ms: {text:.80}"
            );
            assert!(text.ends_with('\n'), "after {delay_ms} ms: cut short");
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            assert!(reader.records().all(|r| r.is_ok_and(|r| r.len() >= 11)));
        }
    }
}
