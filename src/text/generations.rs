//! Two generations of remembered entries, for the memos a language server keeps from one check
//! of a document to the next (sentences, parsed blocks, date scans).
//!
//! *Invariant:* an entry is of the current generation (what the check in progress used or made)
//! or of the previous one (what the last check had and this one has not (yet) used).
//! [`Generations::rotate`] starts a check and [`Generations::end`] drops what it did not use, so
//! a memo never outgrows one document. Both generations live in one table, each entry stamped
//! with its generation: a check that reuses an entry restamps it in place, instead of moving
//! every entry of the document from one table to another on every check.
use rustc_hash::FxHashMap;

/// Entries keyed by a hash; see the module docs. A hash collision with a different entry simply
/// replaces it: every lookup checks the entry itself (`ok`).
#[derive(Debug)]
pub(crate) struct Generations<T> {
    /// Each entry with the generation it belongs to: `now` (current) or `now - 1` (previous).
    entries: FxHashMap<u64, (u32, T)>,
    now: u32,
    /// Entries of the current generation; the others are of the previous one.
    current: usize,
}

impl<T> Default for Generations<T> {
    fn default() -> Self {
        Generations { entries: FxHashMap::default(), now: 0, current: 0 }
    }
}

impl<T> Generations<T> {
    /// Start a check: what the last one used becomes the previous generation.
    pub(crate) fn rotate(&mut self) {
        // A previous generation still here (the last check did not end) is forgotten.
        self.drop_previous();
        self.now = self.now.wrapping_add(1);
        self.current = 0;
    }

    /// End a check: drop the entries it did not use.
    pub(crate) fn end(&mut self) {
        self.drop_previous();
    }

    fn drop_previous(&mut self) {
        if self.current < self.entries.len() {
            let now = self.now;
            self.entries.retain(|_, (g, _)| *g == now);
        }
    }

    /// Forget everything (the settings the entries were made with changed).
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.current = 0;
    }

    /// Entries in both generations.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the current generation is empty.
    pub(crate) fn current_is_empty(&self) -> bool {
        self.current == 0
    }

    /// The entry under `h` that `ok` accepts, now of the current generation. A previous entry
    /// that `ok` refuses is dropped.
    pub(crate) fn take(&mut self, h: u64, ok: impl Fn(&T) -> bool) -> Option<&mut T> {
        let now = self.now;
        let (g, e) = self.entries.get_mut(&h)?;
        if ok(e) {
            if *g != now {
                *g = now;
                self.current += 1;
            }
        } else {
            if *g != now {
                self.entries.remove(&h);
            }
            return None;
        }
        self.entries.get_mut(&h).map(|(_, e)| e)
    }

    /// The current generation's entry under `h`.
    pub(crate) fn current_mut(&mut self, h: u64) -> Option<&mut T> {
        let now = self.now;
        self.entries.get_mut(&h).filter(|(g, _)| *g == now).map(|(_, e)| e)
    }

    /// Remember `v` under `h` in the current generation.
    pub(crate) fn insert(&mut self, h: u64, v: T) {
        match self.entries.insert(h, (self.now, v)) {
            Some((g, _)) if g == self.now => {}
            _ => self.current += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_survive_one_unused_check_and_no_more() {
        let mut g: Generations<&str> = Generations::default();
        g.insert(1, "one");
        g.insert(2, "two");
        g.rotate();
        // Used by this check: kept.
        assert_eq!(g.take(1, |_| true).map(|e| *e), Some("one"));
        g.end();
        assert_eq!(g.len(), 1, "the unused entry is dropped at the end of the check");
        g.rotate();
        assert_eq!(g.take(2, |_| true), None);
        assert_eq!(g.take(1, |_| true).map(|e| *e), Some("one"));
    }

    #[test]
    fn a_refused_entry_is_not_returned_and_is_dropped() {
        let mut g: Generations<&str> = Generations::default();
        g.insert(7, "old text");
        g.rotate();
        assert_eq!(g.take(7, |e| *e == "new text"), None);
        assert_eq!(g.len(), 0);
        g.insert(7, "new text");
        g.clear();
        assert_eq!(g.len(), 0);
    }

    #[test]
    fn the_generations_are_counted_through_reuse_replacement_and_a_check_left_unended() {
        let mut g: Generations<&str> = Generations::default();
        assert!(g.current_is_empty());
        g.insert(1, "one");
        g.insert(1, "one again");
        assert!(!g.current_is_empty());
        assert_eq!(g.len(), 1);
        g.rotate();
        assert!(g.current_is_empty());
        // A previous entry replaced by a new one: the new one is current.
        g.insert(1, "new one");
        assert!(!g.current_is_empty());
        g.end();
        assert_eq!(g.take(1, |_| true).map(|e| *e), Some("new one"));
        g.rotate();
        g.insert(2, "two");
        // Not ended: the next check forgets what this one did not use ("new one").
        g.rotate();
        assert_eq!(g.len(), 1);
        assert_eq!(g.take(1, |_| true), None);
        assert_eq!(g.take(2, |_| true).map(|e| *e), Some("two"));
        // A current entry refused is kept (it is this check's own).
        assert_eq!(g.take(2, |e| *e == "other"), None);
        assert_eq!(g.take(2, |_| true).map(|e| *e), Some("two"));
        g.end();
        assert_eq!(g.len(), 1);
        assert!(!g.current_is_empty());
        assert_eq!(g.current_mut(2).map(|e| *e), Some("two"));
        g.rotate();
        assert_eq!(g.current_mut(2), None, "a previous entry is not current");
    }
}
