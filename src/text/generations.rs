//! Two generations of remembered entries, for the memos a language server keeps from one check
//! of a document to the next (sentences, parsed blocks, date scans).
//!
//! *Invariant:* an entry is of the current generation (what the check in progress used or made)
//! or of the previous one (what the last check had and this one has not (yet) used).
//! [`Generations::rotate`] starts a check and [`Generations::end`] drops what it did not use, so
//! a memo never outgrows one document. Both generations live in one table, each entry stamped
//! with its generation: a check that reuses an entry restamps it in place, instead of moving
//! every entry of the document from one table to another on every check.
//!
//! *Where entries were used.* A memo keyed by a piece of the text (a block, a sentence, a chunk)
//! may also record where each check used each entry ([`Generations::begin_uses`]). The next
//! check of the document's next [`Revision`] knows which bytes did not change (a common prefix
//! and suffix, [`Unchanged`]): a piece lying wholly inside them has the text the entry used at
//! its old place was keyed by, so [`Generations::take_unchanged`] finds that entry by its old
//! place without hashing the piece or comparing it byte by byte. Entries carry a serial number
//! that is never reused, so a record names the entry it was made for or none. Whatever else an
//! entry is keyed by (quotation spans, neighbours) is still compared by the memo.
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use super::Span;

/// What two versions of a text (with their byte-parallel companions: a document's prose) have
/// in common: the first `prefix` bytes, and the bytes from `old_suffix` in the old version and
/// from `new_suffix` in the new one to the ends (the same number of bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unchanged {
    prefix: usize,
    old_suffix: usize,
    new_suffix: usize,
}

impl Unchanged {
    /// Compare `old` and `new` once; each is a list of byte strings of one length (a text and
    /// its prose), and only the bytes unchanged in every one of them count as unchanged.
    pub fn between(old: &[&[u8]], new: &[&[u8]]) -> Unchanged {
        let old_len = old.first().map_or(0, |b| b.len());
        let new_len = new.first().map_or(0, |b| b.len());
        let same_lengths =
            old.len() == new.len() && old.iter().all(|b| b.len() == old_len) && new.iter().all(|b| b.len() == new_len);
        if !same_lengths {
            return Unchanged { prefix: 0, old_suffix: old_len, new_suffix: new_len };
        }
        let prefix = old.iter().zip(new).map(|(a, b)| common_prefix(a, b)).min().unwrap_or(0);
        let most = old_len.min(new_len) - prefix;
        let suffix = old.iter().zip(new).map(|(a, b)| common_suffix(a, b, most)).min().unwrap_or(0);
        Unchanged { prefix, old_suffix: old_len - suffix, new_suffix: new_len - suffix }
    }

    /// Old bytes `p..old_end` replaced by new bytes `p..new_end`, everything else the same (an
    /// edit found by comparing; the caller vouches for it).
    pub fn edit(p: usize, old_end: usize, new_end: usize) -> Unchanged {
        Unchanged { prefix: p, old_suffix: old_end, new_suffix: new_end }
    }

    /// Where the bytes of `new` (a span of the new version) were in the old version, when every
    /// one of them lies in the unchanged prefix or in the unchanged suffix.
    pub fn old_span(&self, new: Span) -> Option<Span> {
        if new.end <= self.prefix {
            Some(new)
        } else if new.start >= self.new_suffix {
            let at = |o: usize| o - self.new_suffix + self.old_suffix;
            Some(Span::new(at(new.start), at(new.end)))
        } else {
            None
        }
    }
}

/// The length of the longest common prefix of `a` and `b`.
pub(crate) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const W: usize = 32;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + W <= n && a[i..i + W] == b[i..i + W] {
        i += W;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the longest common suffix of `a` and `b`, at most `most`.
pub(crate) fn common_suffix(a: &[u8], b: &[u8], most: usize) -> usize {
    const W: usize = 32;
    let (la, lb) = (a.len(), b.len());
    let n = most.min(la).min(lb);
    let mut k = 0;
    while k + W <= n && a[la - k - W..la - k] == b[lb - k - W..lb - k] {
        k += W;
    }
    while k < n && a[la - k - 1] == b[lb - k - 1] {
        k += 1;
    }
    k
}

/// Which version of a document a parse produced, and what it has in common with the version
/// parsed before it with the same memo. `Default` is a document parsed without a memo: no
/// memo takes anything from it by place. Its `Debug` says nothing: a document parsed with a
/// memo prints as one parsed without.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Revision {
    id: Option<u64>,
    since: Option<(u64, Unchanged)>,
}

impl std::fmt::Debug for Revision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Revision")
    }
}

/// Revision numbers, unique in the process (a memo must never take one document for another).
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

impl Revision {
    /// This revision's number (`None` for a document parsed without a memo).
    pub fn id(&self) -> Option<u64> {
        self.id
    }

    /// What this revision has in common with revision `previous` (by number), when it is the
    /// one parsed right before it.
    pub fn unchanged_since(&self, previous: Option<u64>) -> Option<Unchanged> {
        self.since.filter(|(id, _)| Some(*id) == previous).map(|(_, u)| u)
    }

    /// A new revision of a document; `since` is the revision parsed before it and what the two
    /// texts have in common.
    pub fn next(since: Option<(Revision, Unchanged)>) -> Revision {
        let id = NEXT_REVISION.fetch_add(1, Ordering::Relaxed);
        Revision { id: Some(id), since: since.and_then(|(r, u)| r.id.map(|prev| (prev, u))) }
    }
}

/// Where a check used an entry: the piece's span in that check's text, the entry's slot and
/// serial number.
#[derive(Clone, Copy, Debug)]
struct Use {
    span: Span,
    slot: u32,
    serial: u64,
}

/// One remembered entry: its key, generation (`now` (current) or `now - 1` (previous)) and
/// serial number. A free slot has no value.
#[derive(Debug)]
struct Slot<T> {
    key: u64,
    generation: u32,
    serial: u64,
    value: Option<T>,
}

/// Entries keyed by a hash; see the module docs. A hash collision with a different entry simply
/// replaces it: every lookup checks the entry itself (`ok`). The entries live in slots in the
/// order they were made (a document's, mostly), found by key through `index`.
#[derive(Debug)]
pub(crate) struct Generations<T> {
    slots: Vec<Slot<T>>,
    index: FxHashMap<u64, u32>,
    /// Slots without a value, to be used again.
    free: Vec<u32>,
    now: u32,
    /// Entries of the current generation; the others are of the previous one.
    current: usize,
    /// The serial number of the next entry made.
    serial: u64,
    /// Where this check used entries (in order of use), if it records uses.
    uses: Vec<Use>,
    /// Where the last check used entries, when this check's text is the next revision of its
    /// text, what the two have in common, and how far this check has read them.
    last_uses: Vec<Use>,
    unchanged: Option<Unchanged>,
    cursor: usize,
    /// The revision this check reads (set while it runs), and the one the recorded uses are in
    /// (set when it ends).
    reading: Option<u64>,
    uses_of: Option<u64>,
}

impl<T> Default for Generations<T> {
    fn default() -> Self {
        Generations {
            slots: Vec::new(),
            index: FxHashMap::default(),
            free: Vec::new(),
            now: 0,
            current: 0,
            serial: 0,
            uses: Vec::new(),
            last_uses: Vec::new(),
            unchanged: None,
            cursor: 0,
            reading: None,
            uses_of: None,
        }
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
        if self.current < self.index.len() {
            for i in 0..self.slots.len() {
                if self.slots[i].value.is_some() && self.slots[i].generation != self.now {
                    self.vacate(i as u32);
                }
            }
        }
    }

    /// Empty slot `i` (which holds a value) and forget its key.
    fn vacate(&mut self, i: u32) {
        let slot = &mut self.slots[i as usize];
        slot.value = None;
        self.index.remove(&slot.key);
        self.free.push(i);
    }

    /// Forget everything (the settings the entries were made with changed).
    pub(crate) fn clear(&mut self) {
        self.slots.clear();
        self.index.clear();
        self.free.clear();
        self.current = 0;
        self.uses.clear();
        self.last_uses.clear();
        self.unchanged = None;
    }

    /// Entries in both generations.
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the current generation is empty.
    pub(crate) fn current_is_empty(&self) -> bool {
        self.current == 0
    }

    /// Start recording where this check, of the text of `rev`, uses entries; when the last
    /// check that recorded them read the revision `rev` follows, [`take_unchanged`] may take
    /// entries by their place in it. Call before the first lookup of a check.
    ///
    /// [`take_unchanged`]: Generations::take_unchanged
    pub(crate) fn begin_uses(&mut self, rev: &Revision) {
        let unchanged = match (self.uses_of.take(), rev.since) {
            (Some(last), Some((prev, u))) if last == prev => Some(u),
            _ => None,
        };
        if unchanged.is_some() {
            std::mem::swap(&mut self.uses, &mut self.last_uses);
        } else {
            self.last_uses.clear();
        }
        self.uses.clear();
        self.unchanged = unchanged;
        self.cursor = 0;
        self.reading = rev.id;
    }

    /// End a check that began with [`begin_uses`](Generations::begin_uses): its recorded uses
    /// are now those of its revision. (A check that never gets here, because it panicked, leaves
    /// none that a later check would trust.)
    pub(crate) fn end_uses(&mut self) {
        self.uses_of = self.reading.take();
    }

    /// Make slot `i` current and note that it was used for the piece at `at`.
    fn used(&mut self, i: u32, at: Option<Span>) {
        let slot = &mut self.slots[i as usize];
        if slot.generation != self.now {
            slot.generation = self.now;
            self.current += 1;
        }
        if let (Some(_), Some(span)) = (self.reading, at) {
            self.uses.push(Use { span, slot: i, serial: slot.serial });
        }
    }

    /// The entry the last check used for the piece of its text that is now at `at`, when every
    /// byte of the piece is unchanged (see the module docs) and `ok` accepts what else the entry
    /// is keyed by; now of the current generation, with its key. `None` says nothing: look the
    /// piece up by its key. Pieces are to be looked up in the order of the text.
    pub(crate) fn take_unchanged(&mut self, at: Span, ok: impl Fn(&T) -> bool) -> Option<(u64, &mut T)> {
        let old = self.unchanged?.old_span(at)?;
        // The last check's uses are in the order of its text: read them once, front to back.
        while self.last_uses.get(self.cursor).is_some_and(|u| u.span.start < old.start) {
            self.cursor += 1;
        }
        let u =
            *self.last_uses[self.cursor..].iter().take_while(|u| u.span.start == old.start).find(|u| u.span == old)?;
        let slot = self.slots.get(u.slot as usize)?;
        if slot.serial != u.serial || !slot.value.as_ref().is_some_and(&ok) {
            return None;
        }
        let key = slot.key;
        self.used(u.slot, Some(at));
        self.slots[u.slot as usize].value.as_mut().map(|v| (key, v))
    }

    /// The entry under `h` that `ok` accepts, now of the current generation (used for the piece
    /// at `at`, if the memo records uses). A previous entry that `ok` refuses is dropped.
    pub(crate) fn take(&mut self, h: u64, at: Option<Span>, ok: impl Fn(&T) -> bool) -> Option<&mut T> {
        let i = *self.index.get(&h)?;
        let slot = &self.slots[i as usize];
        if !slot.value.as_ref().is_some_and(&ok) {
            if slot.generation != self.now {
                self.vacate(i);
            }
            return None;
        }
        self.used(i, at);
        self.slots[i as usize].value.as_mut()
    }

    /// The current generation's entry under `h`.
    pub(crate) fn current_mut(&mut self, h: u64) -> Option<&mut T> {
        let i = *self.index.get(&h)?;
        let slot = &mut self.slots[i as usize];
        if slot.generation != self.now {
            return None;
        }
        slot.value.as_mut()
    }

    /// Remember `v` under `h` in the current generation (made for the piece at `at`, if the
    /// memo records uses).
    pub(crate) fn insert(&mut self, h: u64, at: Option<Span>, v: T) {
        let serial = self.serial;
        self.serial += 1;
        let slot = Slot { key: h, generation: self.now, serial, value: Some(v) };
        let i = match self.index.get(&h) {
            // A collision with another entry, or a refused current one: replace it.
            Some(&i) => {
                if self.slots[i as usize].generation == self.now {
                    self.current -= 1;
                }
                self.slots[i as usize] = slot;
                i
            }
            None => {
                let i = match self.free.pop() {
                    Some(i) => {
                        self.slots[i as usize] = slot;
                        i
                    }
                    None => {
                        self.slots.push(slot);
                        (self.slots.len() - 1) as u32
                    }
                };
                self.index.insert(h, i);
                i
            }
        };
        self.current += 1;
        if let (Some(_), Some(span)) = (self.reading, at) {
            self.uses.push(Use { span, slot: i, serial });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_survive_one_unused_check_and_no_more() {
        let mut g: Generations<&str> = Generations::default();
        g.insert(1, None, "one");
        g.insert(2, None, "two");
        g.rotate();
        // Used by this check: kept.
        assert_eq!(g.take(1, None, |_| true).map(|e| *e), Some("one"));
        g.end();
        assert_eq!(g.len(), 1, "the unused entry is dropped at the end of the check");
        g.rotate();
        assert_eq!(g.take(2, None, |_| true), None);
        assert_eq!(g.take(1, None, |_| true).map(|e| *e), Some("one"));
    }

    #[test]
    fn a_refused_entry_is_not_returned_and_is_dropped() {
        let mut g: Generations<&str> = Generations::default();
        g.insert(7, None, "old text");
        g.rotate();
        assert_eq!(g.take(7, None, |e| *e == "new text"), None);
        assert_eq!(g.len(), 0);
        g.insert(7, None, "new text");
        g.clear();
        assert_eq!(g.len(), 0);
    }

    #[test]
    fn the_generations_are_counted_through_reuse_replacement_and_a_check_left_unended() {
        let mut g: Generations<&str> = Generations::default();
        assert!(g.current_is_empty());
        g.insert(1, None, "one");
        g.insert(1, None, "one again");
        assert!(!g.current_is_empty());
        assert_eq!(g.len(), 1);
        g.rotate();
        assert!(g.current_is_empty());
        // A previous entry replaced by a new one: the new one is current.
        g.insert(1, None, "new one");
        assert!(!g.current_is_empty());
        g.end();
        assert_eq!(g.take(1, None, |_| true).map(|e| *e), Some("new one"));
        g.rotate();
        g.insert(2, None, "two");
        // Not ended: the next check forgets what this one did not use ("new one").
        g.rotate();
        assert_eq!(g.len(), 1);
        assert_eq!(g.take(1, None, |_| true), None);
        assert_eq!(g.take(2, None, |_| true).map(|e| *e), Some("two"));
        // A current entry refused is kept (it is this check's own).
        assert_eq!(g.take(2, None, |e| *e == "other"), None);
        assert_eq!(g.take(2, None, |_| true).map(|e| *e), Some("two"));
        g.end();
        assert_eq!(g.len(), 1);
        assert!(!g.current_is_empty());
        assert_eq!(g.current_mut(2).map(|e| *e), Some("two"));
        g.rotate();
        assert_eq!(g.current_mut(2), None, "a previous entry is not current");
    }

    /// Every string of up to `n` letters from `abc`.
    fn strings(abc: &[u8], n: usize) -> Vec<Vec<u8>> {
        let mut all = vec![Vec::new()];
        let mut last = vec![Vec::new()];
        for _ in 0..n {
            last =
                last.iter().flat_map(|s: &Vec<u8>| abc.iter().map(move |&c| [s.as_slice(), &[c]].concat())).collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    #[test]
    fn a_placed_span_has_the_same_bytes_and_the_unchanged_parts_are_the_longest() {
        // Every pair of short texts (with and without a second, byte-parallel string that
        // differs elsewhere), every span of the new one.
        let all = strings(b"ab", 5);
        for old in &all {
            for new in &all {
                for companions in [false, true] {
                    // The companion flips the first byte of each: nothing before it is common.
                    let flip = |s: &[u8]| s.iter().enumerate().map(|(i, &c)| if i == 0 { c ^ 1 } else { c }).collect();
                    let (oc, nc): (Vec<u8>, Vec<u8>) =
                        if companions { (flip(old), new.clone()) } else { (old.clone(), new.clone()) };
                    let u = Unchanged::between(&[old, &oc], &[new, &nc]);
                    for s in 0..=new.len() {
                        for e in s..=new.len() {
                            let Some(o) = u.old_span(Span::new(s, e)) else { continue };
                            assert!(o.end <= old.len(), "{old:?} {new:?} {s}..{e}");
                            assert_eq!(old[o.start..o.end], new[s..e], "{old:?} {new:?} {s}..{e}");
                            assert_eq!(oc[o.start..o.end], nc[s..e], "{old:?} {new:?} {s}..{e}");
                        }
                    }
                    let pre = old.iter().zip(new).take_while(|(a, b)| a == b).count();
                    let pre = if companions && !old.is_empty() && !new.is_empty() { 0 } else { pre };
                    assert_eq!(u.prefix, pre, "{old:?} {new:?} {companions}");
                    if !companions {
                        let most = old.len().min(new.len()) - pre;
                        let suf = old.iter().rev().zip(new.iter().rev()).take_while(|(a, b)| a == b).count().min(most);
                        assert_eq!(old.len() - u.old_suffix, suf, "{old:?} {new:?}");
                    }
                }
            }
        }
        // Long texts take the word-at-a-time comparisons.
        let old: Vec<u8> = (0..200u8).collect();
        let mut new = old.clone();
        new.insert(70, b'x');
        let u = Unchanged::between(&[&old], &[&new]);
        assert_eq!((u.prefix, u.old_suffix, u.new_suffix), (70, 70, 71));
        assert_eq!(u.old_span(Span::new(0, 70)), Some(Span::new(0, 70)));
        assert_eq!(u.old_span(Span::new(0, 71)), None);
        assert_eq!(u.old_span(Span::new(70, 80)), None);
        assert_eq!(u.old_span(Span::new(71, 201)), Some(Span::new(70, 200)));
        // Lengths that differ between a text and its companion compare nothing.
        let u = Unchanged::between(&[b"abc", b"ab"], &[b"abc", b"abc"]);
        assert_eq!(u.old_span(Span::new(0, 1)), None);
    }

    #[test]
    fn an_entry_is_taken_by_its_place_only_in_the_next_revision_and_only_while_it_is_the_same() {
        let (old, new): (&[u8], &[u8]) = (b"abc def ghi", b"abc dxef ghi");
        let u = Unchanged::between(&[old], &[new]);
        let mut g: Generations<&str> = Generations::default();
        let first = Revision::next(None);
        g.begin_uses(&first);
        g.insert(1, Some(Span::new(0, 3)), "abc");
        g.insert(2, Some(Span::new(4, 7)), "def");
        g.insert(3, Some(Span::new(8, 11)), "ghi");
        g.end_uses();

        let second = Revision::next(Some((first, u)));
        g.rotate();
        g.begin_uses(&second);
        assert_eq!(g.take_unchanged(Span::new(0, 3), |_| true).map(|(k, e)| (k, *e)), Some((1, "abc")));
        // The edited word (made again), and the last one when `ok` refuses what else it is
        // keyed by, then accepts it.
        assert_eq!(g.take_unchanged(Span::new(4, 8), |_| true), None);
        g.insert(2, Some(Span::new(4, 8)), "dxef");
        assert_eq!(g.take_unchanged(Span::new(9, 12), |_| false), None);
        assert_eq!(g.take_unchanged(Span::new(9, 12), |_| true).map(|(k, e)| (k, *e)), Some((3, "ghi")));
        g.end();
        g.end_uses();
        assert_eq!(g.len(), 3);

        // The next revision: the entry under key 3 is replaced (a collision) before its place
        // is looked up; the record names the entry it was made for, which is gone.
        let third = Revision::next(Some((second, Unchanged::between(&[new], &[new]))));
        g.rotate();
        g.begin_uses(&third);
        g.insert(3, None, "other");
        assert_eq!(g.take_unchanged(Span::new(4, 8), |_| true).map(|(k, e)| (k, *e)), Some((2, "dxef")));
        assert_eq!(g.take_unchanged(Span::new(9, 12), |_| true), None);
        // Not ended (as if the check panicked): nothing of it is trusted by place.
        let fourth = Revision::next(Some((third, Unchanged::between(&[new], &[new]))));
        g.rotate();
        g.begin_uses(&fourth);
        assert_eq!(g.take_unchanged(Span::new(4, 8), |_| true), None);
        assert_eq!(g.take(2, Some(Span::new(4, 8)), |_| true).map(|e| *e), Some("dxef"));
        g.end_uses();
        // A revision that does not follow the one the uses were recorded in.
        let elsewhere = Revision::next(Some((third, Unchanged::between(&[new], &[new]))));
        g.rotate();
        g.begin_uses(&elsewhere);
        assert_eq!(g.take_unchanged(Span::new(4, 8), |_| true), None);
        // A document parsed without a memo.
        g.begin_uses(&Revision::default());
        assert_eq!(g.take_unchanged(Span::new(4, 8), |_| true), None);
    }
}
