//! Generates the typed `i18n` module from `locales/*.json` (leptos_i18n's build-time codegen),
//! so a missing or misspelt translation key is a compile error, in either language.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let cfg = Config::new("zh-CN")
        .expect("valid default locale")
        .add_locale("en-US")
        .expect("valid locale")
        // Messages with values are also needed as plain strings (attributes, alerts).
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg).expect("locales parse");
    infos.rerun_if_locales_changed();
    infos.emit_diagnostics();
    infos
        .generate_i18n_module(out.join("i18n"))
        .expect("i18n module written");
}
