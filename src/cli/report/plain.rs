//! The excerpt of one finding without colour, written directly: byte for byte what
//! annotate-snippets 0.11 renders (after [`super::human`] drops its title line and trailing
//! spaces) for the shape nearly every finding has: one source line of ASCII or common one-column
//! characters (curly quotes, dashes, `…`, Latin letters), one unlabelled span inside it, footers
//! of one line each. Anything else returns `None` and is rendered by annotate-snippets.
//!
//! Why: annotate-snippets lays out every excerpt in a grid of styled characters and formats them
//! one `write!` at a time, ~100,000 instructions per finding; on a 15,000-word article with 464
//! findings that was a third of a whole `copydesk check`. The test below compares the two on
//! random excerpts (lengths, spans, leading spaces, line numbers, cut lines, footers).
use std::borrow::Cow;

/// annotate-snippets' default terminal width, and how far it keeps a cut line from the span.
const TERM_WIDTH: usize = 140;
const ELLIPSIS_PASSING: usize = 6;
const LONG_WHITESPACE: usize = 20;
const LONG_WHITESPACE_PADDING: usize = 4;

/// Characters the fast path handles: one display column each, left alone by annotate-snippets'
/// whitespace normalisation.
fn simple(c: char) -> bool {
    matches!(c, ' '..='~' | '…' | '“' | '”' | '‘' | '’' | '—' | '–' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{17f}')
}

fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// The lines annotate-snippets prints after its title line, each with trailing whitespace
/// removed and ended by `\n`; `None` when the excerpt is not of the simple shape.
pub fn render(
    source: &str,
    first_line: usize,
    start: usize,
    end: usize,
    mark: char,
    footers: &[String],
) -> Option<String> {
    if first_line == 0
        || start > end
        || end > source.len()
        || !source.is_char_boundary(start)
        || !source.is_char_boundary(end)
        || !(source.bytes().all(|b| matches!(b, b' '..=b'~')) || source.chars().all(simple))
        || !source.bytes().any(|b| b != b' ')
        || footers.iter().any(|f| f.is_empty() || f.contains(['\n', '\r']))
    {
        return None;
    }
    // Columns: every character is one column wide.
    let ascii = source.is_ascii();
    let column = |i: usize| if ascii { i } else { source[..i].chars().count() };
    let start_col = column(start);
    let mut end_col = column(end);
    if start_col == end_col {
        end_col += 1;
    }
    let line_len = source.len();
    let whitespace = source.bytes().take_while(|&b| b == b' ').count();
    // Margin::new(whitespace, span_left, span_right, label_right, term_width, max_line_len)
    let term_width = TERM_WIDTH.saturating_sub(3 + digits(first_line + 1));
    let whitespace_left = whitespace.saturating_sub(ELLIPSIS_PASSING);
    let span_left = start_col.saturating_sub(ELLIPSIS_PASSING);
    let span_right = end_col + ELLIPSIS_PASSING;
    let label_right = end_col + ELLIPSIS_PASSING;
    let mut computed_left = if whitespace_left > LONG_WHITESPACE {
        whitespace_left - (LONG_WHITESPACE - LONG_WHITESPACE_PADDING)
    } else {
        0
    };
    let mut computed_right = line_len.max(computed_left);
    if computed_right - computed_left > term_width {
        if label_right.checked_sub(whitespace_left)? <= term_width {
            computed_left = whitespace_left;
            computed_right = computed_left + term_width;
        } else if label_right - span_left <= term_width {
            let padding_left = (term_width - (label_right - span_left)) / 2;
            computed_left = span_left.saturating_sub(padding_left);
            computed_right = computed_left + term_width;
        } else if span_right - span_left <= term_width {
            let padding_left = (term_width - (span_right - span_left)) / 5 * 2;
            computed_left = span_left.saturating_sub(padding_left);
            computed_right = computed_left + term_width;
        } else {
            computed_left = span_left;
            computed_right = span_right;
        }
    }
    let left = computed_left.min(line_len);
    let right =
        if line_len.saturating_sub(computed_left) <= term_width { line_len } else { line_len.min(computed_right) };
    let cut_left = computed_left > 0;
    let cut_right = {
        let r = if computed_right == span_right || computed_right == label_right {
            computed_right - ELLIPSIS_PASSING
        } else {
            computed_right
        };
        r < line_len && computed_left + term_width < line_len
    };
    let width = right.checked_sub(left)?;
    // The characters shown, `left..left + width`, with "..." written over the first and last
    // three where the line was cut.
    let code = if ascii {
        let shown = &source[left.min(line_len)..(left + width).min(line_len)];
        let taken = shown.len();
        if (cut_left || cut_right) && taken < 6 {
            return None;
        }
        if !(cut_left || cut_right) {
            Cow::Borrowed(shown)
        } else {
            let mut code = String::with_capacity(taken);
            code.push_str(if cut_left { "..." } else { &shown[..3] });
            code.push_str(&shown[3..taken - 3]);
            code.push_str(if cut_right { "..." } else { &shown[taken - 3..] });
            Cow::Owned(code)
        }
    } else {
        let mut code: Vec<char> = source.chars().skip(left).take(width).collect();
        let taken = code.len();
        if cut_left {
            for (i, c) in "...".chars().enumerate() {
                if i < code.len() { code[i] = c } else { code.push(c) }
            }
        }
        if cut_right {
            let at = taken.checked_sub(3)?;
            for (i, c) in "...".chars().enumerate() {
                if at + i < code.len() { code[at + i] = c } else { code.push(c) }
            }
        }
        Cow::Owned(code.into_iter().collect())
    };
    let lw = digits(first_line);
    let code_offset = lw + 3;
    let first_mark = (code_offset + start_col).checked_sub(left)?;
    if first_mark < code_offset {
        return None;
    }
    let mut out = String::with_capacity(4 * (lw + 4) + code.len() + (end_col - start_col) + first_mark + 64);
    let gutter = |out: &mut String| {
        out.extend(std::iter::repeat_n(' ', lw + 1));
        out.push('|');
    };
    gutter(&mut out);
    out.push('\n');
    out.push_str(&format!("{first_line:>lw$} | "));
    out.push_str(&code);
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    out.push('\n');
    gutter(&mut out);
    out.extend(std::iter::repeat_n(' ', first_mark - (lw + 2)));
    out.extend(std::iter::repeat_n(mark, end_col - start_col));
    out.push('\n');
    gutter(&mut out);
    out.push('\n');
    for f in footers {
        let line = out.len();
        out.extend(std::iter::repeat_n(' ', lw + 1));
        out.push_str("= help: ");
        out.push_str(f);
        let trimmed = line + out[line..].trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use annotate_snippets::{Level, Renderer, Snippet};

    use super::render;

    /// What `human::render_finding` makes of annotate-snippets' output.
    fn annotate(source: &str, first_line: usize, s: usize, e: usize, lvl: Level, footers: &[String]) -> String {
        let msg = lvl.title("").snippet(Snippet::source(source).line_start(first_line).annotation(lvl.span(s..e)));
        let msg = msg.footers(footers.iter().map(|t| Level::Help.title(t)));
        let mut out = String::new();
        for l in Renderer::plain().render(msg).to_string().lines().skip(1) {
            out.push_str(l.trim_end());
            out.push('\n');
        }
        out
    }

    /// xorshift64: a fixed, dependency-free stream of cases.
    struct Cases(u64);
    impl Cases {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn writes_what_annotate_snippets_writes() {
        let mut rng = Cases(0x9e37_79b9_7f4a_7c15);
        let alphabet: Vec<char> =
            "abcdefghij klmnopqrstuvwxyz ABC 0123456789 .,;:'\"!?()-      …“”‘’—–éÀ".chars().collect();
        let footer_texts =
            ["fix (unsafe): Replace 'x' with “y”", "a  ", "", "b\nc", "Change to 'Feb. 28, 2025' (the last day)"];
        let (mut fast, mut slow) = (0, 0);
        for _ in 0..6000 {
            let len = match rng.below(4) {
                0 => rng.below(20),
                1 => rng.below(150),
                2 => 100 + rng.below(200),
                _ => rng.below(700),
            };
            // Some sources hold characters the fast path leaves to annotate-snippets.
            let noisy = rng.below(10) < 3;
            // Half of them are ASCII only (the alphabet's last ten characters are not).
            let ascii_only = rng.below(2) == 0;
            let mut src = " ".repeat(if rng.below(5) == 0 { rng.below(40) } else { 0 });
            for _ in 0..len {
                src.push(if noisy && rng.below(30) == 0 {
                    ['\t', '\u{200d}', '字', '\n', 'x'][rng.below(5)]
                } else if ascii_only {
                    alphabet[rng.below(alphabet.len() - 10)]
                } else {
                    alphabet[rng.below(alphabet.len())]
                });
            }
            let bounds: Vec<usize> = (0..=src.len()).filter(|&i| src.is_char_boundary(i)).collect();
            let a = bounds[rng.below(bounds.len())];
            let rest: Vec<usize> = bounds.iter().copied().filter(|&b| b >= a).collect();
            let b = if rng.below(6) == 0 { a } else { rest[rng.below(rest.len())] };
            let line = [1, 9, 10, 99, 100, 999, 12345][rng.below(7)] + rng.below(3);
            let (lvl, mark) =
                [(Level::Error, '^'), (Level::Warning, '-'), (Level::Info, '-'), (Level::Note, '-')][rng.below(4)];
            let footers: Vec<String> =
                (0..rng.below(4)).map(|i| footer_texts[(i + rng.below(5)) % 5].to_string()).collect();
            match render(&src, line, a, b, mark, &footers) {
                Some(got) => {
                    fast += 1;
                    let want = annotate(&src, line, a, b, lvl, &footers);
                    assert_eq!(got, want, "source {src:?}, line {line}, span {a}..{b}, footers {footers:?}");
                }
                None => slow += 1,
            }
        }
        // Both paths were exercised.
        assert!(fast > 1000 && slow > 1000, "fast {fast}, slow {slow}");
    }

    #[test]
    fn leaves_other_shapes_to_annotate_snippets() {
        let f = |s: &str| render(s, 3, 0, 1, '^', &[]);
        assert!(f("two\nlines").is_none());
        assert!(f("a\ttab").is_none());
        assert!(f("wide 字").is_none());
        assert!(f("   ").is_none());
        assert!(render("ok", 3, 0, 1, '^', &["two\nlines".into()]).is_none());
        assert_eq!(f("ok").as_deref(), Some("  |\n3 | ok\n  | ^\n  |\n"));
    }
}
