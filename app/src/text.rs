//! Small text rules shared by forms.

/// What a person typed, with runs of spaces (and leading or trailing ones)
/// made single: "  customer  called " → "customer called".
pub fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn runs_of_spaces_become_one() {
        assert_eq!(
            super::single_spaced("  customer \n called  "),
            "customer called"
        );
        assert_eq!(super::single_spaced("   "), "");
    }
}
