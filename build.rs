//! Embeds every language profile in `data/lang/*.toml` (and the entity list) into the binary, so
//! that adding a language is adding a file.
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("data/lang");
    println!("cargo:rerun-if-changed=data/lang");
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("data/lang")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    let mut out = String::from("&[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path.file_stem().unwrap().to_string_lossy();
        // Relative to the crate being compiled, not an absolute path: a target folder copied from
        // another checkout (or worktree) must not keep embedding that checkout's files.
        out.push_str(&format!(
            "    ({stem:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/lang/{stem}.toml\"))),\n"
        ));
    }
    out.push(']');
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("profiles.rs"),
        out,
    )
    .unwrap();
}
