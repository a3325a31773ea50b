//! Two generations of remembered entries, for the memos a language server keeps from one check
//! of a document to the next (sentences, parsed blocks, date scans).
//!
//! *Invariant:* `current` holds what the check in progress used or made; `previous` what the last
//! check had and this one has not (yet) used. [`Generations::rotate`] starts a check and
//! [`Generations::end`] drops what it did not use, so a memo never outgrows one document.
use rustc_hash::FxHashMap;

/// Entries keyed by a hash; see the module docs. A hash collision with a different entry simply
/// replaces it: every lookup checks the entry itself (`ok`).
#[derive(Debug)]
pub(crate) struct Generations<T> {
    pub(crate) current: FxHashMap<u64, T>,
    previous: FxHashMap<u64, T>,
}

impl<T> Default for Generations<T> {
    fn default() -> Self {
        Generations { current: FxHashMap::default(), previous: FxHashMap::default() }
    }
}

impl<T> Generations<T> {
    /// Start a check: what the last one used becomes the previous generation.
    pub(crate) fn rotate(&mut self) {
        self.previous = std::mem::take(&mut self.current);
        // Room for every entry of the last check: no rehashing while this one fills it.
        self.current.reserve(self.previous.len());
    }

    /// End a check: drop the entries it did not use.
    pub(crate) fn end(&mut self) {
        self.previous = FxHashMap::default();
    }

    /// Forget everything (the settings the entries were made with changed).
    pub(crate) fn clear(&mut self) {
        self.current.clear();
        self.previous.clear();
    }

    /// Entries in both generations.
    pub(crate) fn len(&self) -> usize {
        self.current.len() + self.previous.len()
    }

    /// The entry under `h` that `ok` accepts, moved into the current generation. A previous entry
    /// that `ok` refuses is dropped.
    pub(crate) fn take(&mut self, h: u64, ok: impl Fn(&T) -> bool) -> Option<&mut T> {
        if !self.current.get(&h).is_some_and(&ok) {
            let e = self.previous.remove(&h).filter(|e| ok(e))?;
            self.current.insert(h, e);
        }
        self.current.get_mut(&h)
    }

    /// Remember `v` under `h` in the current generation.
    pub(crate) fn insert(&mut self, h: u64, v: T) {
        self.current.insert(h, v);
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
}
