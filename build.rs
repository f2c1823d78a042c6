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
        let abs = fs::canonicalize(&path).unwrap();
        out.push_str(&format!(
            "    ({stem:?}, include_str!({:?})),\n",
            abs.display().to_string()
        ));
    }
    out.push(']');
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("profiles.rs"),
        out,
    )
    .unwrap();
}
