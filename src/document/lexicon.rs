//! Word lists shared by the document model and the rules, compiled in from `data/`.
use std::collections::HashSet;
use std::sync::LazyLock;

static REPORTING_VERBS: LazyLock<HashSet<String>> =
    LazyLock::new(|| expand_verbs(include_str!("../../data/reporting_verbs.txt")));

/// Expand a verb list (base forms, `base=irregular,forms`) into every inflected form.
fn expand_verbs(list: &str) -> HashSet<String> {
    let mut set = HashSet::new();
    for line in list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (base, irregular) = line.split_once('=').unwrap_or((line, ""));
        set.extend(irregular.split(',').filter(|s| !s.is_empty()).map(str::to_string));
        set.insert(base.to_string());
        let stem = base.strip_suffix('e').unwrap_or(base);
        if base.ends_with('y') && !base.ends_with("ay") && !base.ends_with("ey") {
            let b = &base[..base.len() - 1];
            set.insert(format!("{b}ies"));
            set.insert(format!("{b}ied"));
        } else if base.ends_with('s') || base.ends_with("sh") || base.ends_with("ch") || base.ends_with('x') {
            set.insert(format!("{base}es"));
            set.insert(format!("{stem}ed"));
        } else {
            set.insert(format!("{base}s"));
            set.insert(format!("{stem}ed"));
        }
        set.insert(format!("{stem}ing"));
    }
    set
}

/// Whether `word` (any case) is a form of a reporting verb ("said", "tells", "warned").
pub fn is_reporting_verb(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        REPORTING_VERBS.contains(word)
    } else {
        REPORTING_VERBS.contains(&word.to_lowercase())
    }
}

/// Every form of every reporting verb, lowercase (for building automata over word lists).
pub fn reporting_verb_forms() -> impl Iterator<Item = &'static str> {
    REPORTING_VERBS.iter().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_regular_and_irregular_forms() {
        for w in ["said", "says", "told", "noted", "Added", "estimates", "testified", "wrote", "according"] {
            assert_eq!(is_reporting_verb(w), w != "according", "{w}");
        }
        assert!(!is_reporting_verb("table"));
    }
}
