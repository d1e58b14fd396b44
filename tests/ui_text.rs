//! Small pure helpers of the UI layer, natively.
#![cfg(not(target_arch = "wasm32"))]
use partner_console::ui::components::image_upload::human_size;
use partner_console::ui::config::normalise_base;

#[test]
fn sizes_read_like_people_write_them() {
    assert_eq!(human_size(3 * 1024 * 1024 + 200), "3.0 MB");
    assert_eq!(human_size(2 * 1024 * 1024), "2.0 MB");
    assert_eq!(human_size(1024 * 1024 + 100 * 1024), "1.1 MB");
    assert_eq!(human_size(1536), "2 KB");
    assert_eq!(human_size(5000), "5 KB");
    assert_eq!(human_size(12), "12 B");
}

#[test]
fn route_bases_are_normalised() {
    assert_eq!(normalise_base("/"), "");
    assert_eq!(normalise_base("partners/"), "/partners");
    assert_eq!(normalise_base(" /a/b/ "), "/a/b");
}
