//! Names of the days of the week: the one table the date grammar, the reference-date reader and
//! the attribution grammar share (a fact of English, not a word list to tune).

/// The weekdays' full names, Monday first.
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The weekday `word` names (0 is Monday, in any case) and whether it is an abbreviation ("Tue",
/// "Thurs"; without its period).
pub fn weekday(word: &str) -> Option<(u8, bool)> {
    let w = word.as_bytes();
    let mut buf = [0u8; 9];
    if w.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    let lw = &buf[..w.len()];
    if let Some(i) = WEEKDAYS.iter().position(|d| d.as_bytes() == lw) {
        return Some((i as u8, false));
    }
    let i = match lw {
        b"mon" => 0,
        b"tue" | b"tues" => 1,
        b"wed" => 2,
        b"thu" | b"thur" | b"thurs" => 3,
        b"fri" => 4,
        b"sat" => 5,
        b"sun" => 6,
        _ => return None,
    };
    Some((i, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_and_abbreviations_in_any_case() {
        assert_eq!(weekday("Friday"), Some((4, false)));
        assert_eq!(weekday("SUNDAY"), Some((6, false)));
        assert_eq!(weekday("Thurs"), Some((3, true)));
        assert_eq!(weekday("tue"), Some((1, true)));
        assert_eq!(weekday("Fridays"), None);
        assert_eq!(weekday("Tu"), None);
        assert_eq!(weekday("Mittwoch"), None);
    }
}
