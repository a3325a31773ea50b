//! What kind of source a noun phrase is: named, pronoun, anonymous, vague or none (a thing).
//! The copy editor's test: could a reader identify, and in principle contact, this source?
use super::SourceKind;
use super::lx;
use super::np::{Grammar, Np};
use super::words as cw;
use crate::attribution::lists::flags;

impl Grammar<'_> {
    /// "anyone" or "anybody" at `h` in a question or a condition, where it asks whether such a
    /// person exists rather than standing for everyone: "whether anyone instructed", "if anybody
    /// knew", "Did anyone say", "has anyone claimed".
    fn asks_about_anyone(&self, h: usize) -> bool {
        if !(self.is(h, "anyone") || self.is(h, "anybody")) {
            return false;
        }
        h > 0 && self.word(h - 1) && (matches!(self.s.w(h - 1), "whether" | "if") || self.c(h - 1) & cw::AUX != 0)
    }

    /// What kind of source the noun phrase is; `None` when it is not a source at all (a thing).
    pub fn kind(&self, np: &Np, cue_says: bool) -> Option<(SourceKind, bool)> {
        let h = np.head;
        let s = self.s;
        let c = self.c(h);
        if np.b == np.a + 1 && c & cw::PRON != 0 {
            return Some((SourceKind::Pronoun, false));
        }
        // "Trump, whose attorneys argued": the people of the phrase "whose" refers back to.
        if np.a > 0 && self.is(np.a - 1, "whose") && (self.person_or_group(h) || self.lx(h) & lx::PERSON_ANY != 0) {
            return Some((SourceKind::Pronoun, false));
        }
        if c & cw::QUANT_PRON != 0 && self.asks_about_anyone(h) {
            return None;
        }
        // "he said, no, that he thought": "no" alone is an answer, not a quantifier of people.
        if np.b == np.a + 1 && matches!(s.w(h), "no" | "yes") {
            return None;
        }
        if c & cw::QUANT_PRON != 0 || (self.is(h, "one") && np.det.is_some_and(|d| self.is(d, "no"))) {
            return Some((SourceKind::Vague, false));
        }
        if c & cw::SOMEONE != 0 {
            return Some((SourceKind::Anonymous, false));
        }
        // A name in apposition or in a coordination: "Edwards and others" names Edwards. Examples
        // by name identify the set too: "groups like the ACLU", "several fact checkers,
        // including the Ledger". (Measured: keeping a quantified crowd with a named example
        // vague, "some defenders, like Tom Bell", caught nothing more on PolNeAR and raised one
        // more false alarm.)
        if np.appositive_name || np.coord_named {
            return Some((SourceKind::Named, false));
        }
        let det = np.det.map(|d| self.c(d)).unwrap_or(0);
        let det_word = np.det.map(|d| s.w(d)).unwrap_or("");
        // A quantifier standing alone: "Some say", "many of them", "most of the delegates".
        if c & (cw::QUANT | cw::NUMBER | cw::INDEFINITE) != 0 || self.is_num(h) {
            // "four in 10", "one in five": a poll's share, which refers back to the poll.
            if let Some((p, oa, _, _)) = np.pp
                && (self.is(p, "in") || self.is(p, "of"))
                && self.numberish(oa)
                && self.numberish(h)
            {
                return Some((SourceKind::Pronoun, false));
            }
            if let Some((_, oa, ob, oh)) = np.pp
                && self.is(oa - 1, "of")
            {
                // "Both of them", "both of the mayor's rivals": two the article has named, like
                // "both candidates".
                if self.is(h, "both") {
                    if self.c(oh) & cw::OBJ_PRON != 0 {
                        return Some((SourceKind::Pronoun, false));
                    }
                    let det = self.c(oa) & (cw::DEFINITE | cw::POSS) != 0 || self.poss[oa];
                    if det && self.person_or_group(oh) {
                        return Some((SourceKind::Named, false));
                    }
                }
                if self.c(oh) & cw::OBJ_PRON != 0 || self.is(oh, "you") {
                    return Some((SourceKind::Vague, false));
                }
                if self.names_organisation(oa, ob) && !self.person_or_group(oh) {
                    return Some((SourceKind::Anonymous, false));
                }
                // "one of the reasons": a share of things, not of people.
                if !self.person_or_group(oh) && self.lx(oh) & lx::PEOPLE_NAME == 0 && !self.proper[oh] {
                    return None;
                }
            }
            if c & (cw::NUMBER | cw::INDEFINITE) != 0 || self.is_num(h) {
                return (np.pp.is_some() || cue_says).then_some((SourceKind::Anonymous, false));
            }
            return Some((SourceKind::Vague, false));
        }
        // A fraction standing alone, as a poll reports it: "a third said", "three-quarters say",
        // "nearly a third say" refer back to the poll's respondents, like "one in five".
        if fraction(s.w(h))
            && np.pp.is_none()
            && cue_says
            && np.det.is_none_or(|d| self.is(d, "a") || self.numberish(d))
            && (np.core_a..h).all(|k| np.det == Some(k) || self.c(k) & cw::PREQUANT != 0)
        {
            return Some((SourceKind::Pronoun, false));
        }
        // A share or count of people as a poll reports it ("46 percent of voters said", "59
        // percent said"): the poll, which the article names, speaks; the phrase refers back to it.
        if h > np.core_a
            && self.numberish(h - 1)
            && !(self.is_num(h - 1) && self.s.w(h - 1).len() == 4)
            // ("One poll shows": one of a thing is no share.)
            && !self.is(h - 1, "one")
            && !self.is(h - 1, "1")
            && self.lx(h) & (lx::PERSON | lx::GROUP | lx::ORG | lx::PEOPLE_NAME) == 0
            && !self.proper[h]
        {
            let of_people = np.pp.is_some_and(|(p, _, _, oh)| {
                self.is(p, "of")
                    && (self.person_or_group(oh)
                        || self.lx(oh) & lx::PEOPLE_NAME != 0
                        || self.is(p + 1, "those")
                        || self.c(p + 1) & cw::OBJ_PRON != 0)
            });
            if of_people || (np.pp.is_none() && cue_says) {
                return Some((SourceKind::Pronoun, false));
            }
        }
        // A name heads it, or a name is the head's compound: "Senator John McCain", "the DNC".
        if self.proper[h] {
            return Some((SourceKind::Named, false));
        }
        let l = self.lx(h);
        // A word for people and for a document ("figures") is a document here.
        // An institution named by its people ("prosecutors", "police"): the source list's
        // organisations.
        // (With a modifier, the people of an institution: "State Department officials".)
        if np.det.is_none() && np.pp.is_none() && h == np.core_a && s.toks[h].flags & flags::ORGANISATION != 0 {
            return Some((SourceKind::Named, false));
        }
        // People by their knowledge or closeness: "officials familiar with the audit", "those
        // close to the mayor".
        if self.is(h, "those") && (np.rel || np.pp.is_some()) && !np.insider {
            return Some((SourceKind::Vague, false));
        }
        // "those surveyed", "those polled": the respondents of a poll or the interviews the
        // article reports, referred back to like a poll's share ("46 percent said").
        if np.det.is_some_and(|d| self.is(d, "those") && h == d + 1) && self.lx(h) & lx::VPART != 0 {
            return Some((SourceKind::Pronoun, false));
        }
        if np.insider && (self.person_or_group(h) || self.is(h, "those") || s.toks[h].flags & flags::ANON_HEAD != 0) {
            return Some((SourceKind::Anonymous, false));
        }
        // (Speaking, a noun with any sense of a person is that person: "a party whip said".)
        let person_sense = lx::PERSON | lx::PEOPLE_NAME | if cue_says { lx::PERSON_ANY } else { 0 };
        // (A frequent person sense beside a document sense is the person when they speak:
        // "several witnesses said", "ferry riders said"; "figures show" has no person sense.)
        let speaker = cue_says && l & lx::PERSON != 0;
        let person = (l & person_sense != 0 && l & lx::QUANTITY == 0 && (l & lx::COMMUNICATION == 0 || speaker))
            || self.is(h, "people")
            || (s.toks[h].flags & flags::ANON_HEAD != 0 && l & (lx::COMMUNICATION | lx::QUANTITY) == 0);
        if np.coord_named {
            return Some((SourceKind::Named, false));
        }
        // An organisation, or a group of people that is not one ("the crowd", "voters' groups").
        let org = (l & lx::ORG != 0 || s.toks[h].flags & flags::ORGANISATION != 0) && !person;
        // (A word the source list calls a document is one, whatever other senses WordNet gives
        // it: "data" is also a collection, a group.)
        let listed_document = s.toks[h].flags & flags::DOCUMENT != 0 && !org;
        let group = (org || l & lx::GROUP != 0) && !person && !listed_document;
        let document = (l & (lx::COMMUNICATION | lx::COGNITION) != 0 || listed_document) && !person && !group;
        // A capitalised singular with no determiner is a name, whatever the dictionary says of the
        // word ("Sharp said", "Hicks testified"): English count nouns take one.
        // ("Research shows", "Evidence suggests": a document noun opening the sentence is no name.)
        let bare_cap = s.toks[h].cap
            && np.det.is_none()
            && (np.core_a..h).all(|k| s.toks[k].cap)
            && !self.title
            // ("Beck, who ...": "who" makes it a person.)
            && !(document && h == s.first && !(self.punct(h + 1) == Some(',') && self.is(h + 2, "who")));
        // A capitalised plural that is no kind of people or document is a name too ("Sanders",
        // "Banks"): "Republicans" and "Polls" are not.
        if bare_cap && (!self.plural(h) || !(person || group || document)) {
            return Some((SourceKind::Named, false));
        }
        // Inside a sentence, a capital on a plural that WordNet writes in lower case is a name
        // ("...,\u{201d} Hicks testified"); "Democrats" is a label WordNet capitalises.
        let mid_sentence = h > 0
            && (self.word(h - 1)
                || self.punct(h - 1) == Some(',')
                || (self.s.toks[h - 1].quoted && matches!(self.punct(h - 1), Some('"' | '\u{201d}'))));
        if bare_cap && h == np.a && h != s.first && mid_sentence && l & lx::PEOPLE_NAME == 0 {
            return Some((SourceKind::Named, false));
        }
        // A headline capitalises every word, so a name there may be a word the dictionary
        // knows: "Trump Says", "Bernie Sanders Says". A capitalised phrase that is no kind of
        // people or document is a name ("Experts Say", "Report Finds" are not), and so is one
        // with a word the dictionary does not know before its head ("Olivia Banks Says").
        let unknown_before = (np.a..h).any(|k| self.proper[k] && self.lx(k) == 0);
        if self.title
            && np.det.is_none()
            && (np.a..=h).all(|k| s.toks[k].cap)
            && (!(person || group || document) || unknown_before)
        {
            return Some((SourceKind::Named, false));
        }
        if !(person || group || document) {
            return None;
        }
        // A collective noun ("police", "staff") is an institution, not a crowd.
        let plural = self.plural(h) && (person || l & lx::NPL != 0);
        let named_modifier = (np.core_a..h).any(|k| self.proper[k] && !self.street(k, h) && !self.poss[k]) && !plural;
        let pp_org = np.org_pp
            || np.pp.is_some_and(|(p, oa, ob, _)| {
                matches!(s.w(p), "at" | "from" | "for" | "with" | "of" | "by") && self.names_organisation(oa, ob)
            });
        let possessive = (np.core_a..h).any(|k| self.poss[k]) || det & cw::POSS != 0;
        // "a law enforcement source", "two sources": a word for an informant as well as a
        // document, counted like people.
        if document && s.toks[h].flags & flags::ANON_HEAD != 0 {
            if det & (cw::INDEFINITE | cw::NUMBER) != 0 || np.det.is_some_and(|d| self.is_num(d)) {
                return Some((SourceKind::Anonymous, false));
            }
            // "multiple sources at the Pentagon", "various intelligence sources"
            if det & cw::QUANT != 0 {
                return Some((SourceKind::Vague, false));
            }
            // "Pentagon sources", "sources in the ministry": informants of a place or a body,
            // unnamed (a proper modifier names where they are, not who).
            if np.det.is_none() && self.plural(h) && !possessive && l & lx::QUANTITY == 0 {
                return Some((SourceKind::Anonymous, false));
            }
        }
        if document {
            // Whose or what document it is: "county commission records", "campaign finance
            // records", "a congressional timeline"; not "recent surveys".
            // (Not the people a poll asks: "reader polls", "fan surveys".)
            let keeper = (np.core_a..h).any(|k| {
                let w = s.w(k);
                (self.lx(k) & lx::N != 0
                    && self.lx(k) & lx::ADJ == 0
                    && self.c(k) == 0
                    && !(self.lx(k) & lx::PERSON != 0 && self.lx(k) & lx::ORG == 0))
                    || (self.lx(k) & lx::ADJ != 0 && ["al", "ic", "ary"].iter().any(|x| w.ends_with(x)))
            });
            // "a new national poll": one of many, whatever its modifiers.
            let keeper = keeper && det & cw::INDEFINITE == 0;
            // "a study that appeared in the Medical Journal", "a poll for the Daily Ledger": a
            // named publisher or sponsor anywhere after the head.
            let published = (h + 1..np.b).any(|k| {
                if !(self.word(k) && matches!(s.w(k), "in" | "by" | "from" | "for" | "at")) {
                    return false;
                }
                let mut a = if self.word(k + 1) && self.c(k + 1) & cw::DET != 0 { k + 2 } else { k + 1 };
                // A publication's kind before its name: "in the journal Sleep Health", "by the
                // firm Harbour Data".
                let kind_first = a + 1 < np.b
                    && self.word(a)
                    && !s.toks[a].cap
                    && self.c(a) == 0
                    && self.lx(a) & (lx::COMMUNICATION | lx::ORG) != 0
                    && s.toks[a + 1].cap;
                if kind_first {
                    a += 1;
                }
                let mut e = a;
                while e < np.b && self.word(e) && s.toks[e].cap {
                    e += 1;
                }
                // ("in" a publication, not a place: "in the Lancet Review", not "in Tarn".)
                let publication =
                    !self.is(k, "in") || kind_first || self.lx(e - 1) & (lx::COMMUNICATION | lx::ORG) != 0;
                // "by" and a name in capitals is its maker, whatever else the words mean: "a poll
                // by Gallup", "research by the Center for Media and Public Affairs" (not a name
                // modifying people: "a study by Chicago researchers").
                let maker = self.is(k, "by")
                    && e > a
                    && !(self.word(e) && !s.toks[e].cap && self.c(e) == 0 && self.lx(e) & lx::N != 0);
                e > a && publication && (maker || self.names_organisation(a, e))
            });
            // Figures in a document the reader can find: "figures in the university's annual
            // accounts", "data from the census" (not "figures from a recent report").
            // (Right after the head: "emails unearthed in the investigation" are not in it. And
            // a document, not its subject, "a review of the emails", or a medium, "reports in the
            // news media".)
            let in_known_document = np.pp.is_some_and(|(p, oa, ob, oh)| {
                p == h + 1
                    && matches!(s.w(p), "in" | "from")
                    && (self.lx(oh) & (lx::COMMUNICATION | lx::COGNITION) != 0 || s.toks[oh].flags & flags::DOCUMENT != 0)
                    // (A medium is no document: "the media" has a place sense, "the press" a
                    // group's.)
                    && self.lx(oh) & (lx::GROUP_ANY | lx::ORG | lx::PLACE) == 0
                    && !self.person_or_group(oh)
                    && (self.c(oa) & (cw::DEFINITE | cw::POSS) != 0 || (oa..ob).any(|k| self.poss[k]) || self.proper[oh])
            });
            let identified = named_modifier
                || published
                || in_known_document
                || keeper
                || pp_org
                || possessive
                || det & cw::DEFINITE != 0
                || (np.core_a..h).any(|k| self.proper[k]);
            return Some((if identified { SourceKind::Named } else { SourceKind::Vague }, true));
        }

        if plural {
            // "a group of 32 experts at the Aspen Institute" speaks for the institute.
            if np.partitive && !np.org_pp {
                return Some((SourceKind::Vague, false));
            }
            // A count of a body's people is unnamed people: "at least a dozen members of
            // Congress", "two analysts at Cardinal Advisors".
            let counted = det & cw::NUMBER != 0 || np.det.is_some_and(|d| self.is_num(d)) || det_word == "a";
            if pp_org && counted && person && !np.partitive {
                return Some((SourceKind::Anonymous, false));
            }
            // "analysts at Cardinal Advisors" and "members of the cooperative" are the body's
            // voice; "insiders at City Hall" and "officials at the ministry" its unnamed people.
            if pp_org && !np.insider {
                let unnamed = s.toks[h].flags & flags::ANON_HEAD != 0 && np.pp.is_some_and(|(p, ..)| !self.is(p, "of"));
                return Some((if unnamed { SourceKind::Anonymous } else { SourceKind::Named }, false));
            }
            // "House Republicans", "Senate Democrats": a party's members in a named body are its
            // caucus, a body the reader can identify ("Iowa Republicans" are voters of a place).
            if np.det.is_none()
                && !possessive
                && l & lx::PEOPLE_NAME != 0
                && (np.core_a..h).any(|k| {
                    // (Opening the sentence, a body's name is capitalised anyway: "House".)
                    let body =
                        self.proper[k] || (k == s.first && s.toks[k].cap && self.lx(k) & (lx::ORG | lx::GROUP) != 0);
                    body && !self.street(k, h) && !self.poss[k]
                })
            {
                return Some((SourceKind::Named, false));
            }
            // "the researchers said": people the article has named (a definite description).
            // "Both candidates" are two the article has named, like "the two candidates".
            // (Not people the phrase picks out by what they did or by a superlative: "the voters
            // filing into the rallies", "the residents who spoke at the meeting", "the most
            // liberal voters" describe a crowd, they name no one.)
            let superlative = (np.core_a..h).any(|k| superlative(s.w(k)));
            if (det & cw::DEFINITE != 0 || det_word == "both") && np.pp.is_none() && det_word != "those" {
                // (A restrictive clause: after a comma it only adds, "The aides, led by Tess Ruiz,".)
                let restrictive = np.rel && !(h..np.b).any(|k| self.punct(k) == Some(','));
                if person && det_word == "the" && (restrictive || superlative) && !np.insider {
                    return Some((SourceKind::Vague, false));
                }
                return Some((SourceKind::Named, false));
            }
            if det & cw::NUMBER != 0 || np.det.is_some_and(|d| self.is_num(d)) || det_word == "a" {
                return Some((SourceKind::Anonymous, false));
            }
            let insider_role = s.toks[h].flags & flags::ANON_HEAD != 0;
            if possessive && person {
                // "Cruz's advisers" are insiders; "his critics" a crowd.
                return Some((if insider_role { SourceKind::Anonymous } else { SourceKind::Vague }, false));
            }
            if person && s.toks[h].flags & flags::ANON_HEAD != 0 && det & cw::QUANT == 0 {
                return Some((SourceKind::Anonymous, false));
            }
            return Some((SourceKind::Vague, false));
        }
        // Singular: an organisation is a source, and so is an institution with no article
        // ("police", "management"); a gathering is not ("the meeting").
        if group {
            // "some staff", "much of the base": a share of a body's people, unnamed.
            if det & cw::QUANT != 0 && !named_modifier && !pp_org {
                return Some((SourceKind::Vague, false));
            }
            // "one research firm", "a consultancy": an organisation nobody named.
            if org && det & (cw::INDEFINITE | cw::NUMBER) != 0 && !named_modifier && !pp_org {
                return Some((SourceKind::Anonymous, false));
            }
            return (org || np.det.is_none()).then_some((SourceKind::Named, false));
        }
        // A spokesperson of a named organisation speaks for it (as PolNeAR's guidelines and wire
        // style treat them): the organisation is the source.
        if s.w(h).starts_with("spokes") && pp_org {
            return Some((SourceKind::Named, false));
        }
        // "nearly every patient", "any voter": one person standing for a whole crowd.
        if person && matches!(det_word, "every" | "any") && !named_modifier && !pp_org {
            return Some((SourceKind::Vague, false));
        }
        if det & cw::INDEFINITE != 0 || det_word == "another" {
            return Some((SourceKind::Anonymous, false));
        }
        if matches!(det_word, "this" | "that") {
            return Some((SourceKind::Pronoun, false));
        }
        if np.det.is_none() && !possessive && !named_modifier && !s.toks[h].cap {
            // "official says": a headline's bare role noun.
            return Some((SourceKind::Anonymous, false));
        }
        Some((SourceKind::Named, false))
    }

    /// A proper name somewhere in `a..b` that is not a place ("Cardinal Advisors", "the DNC").
    pub(super) fn names_organisation(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| self.proper[k] && (!self.street(k, b) || self.named_body(k, b)))
    }

    /// A name run from `k` that modifies a common noun for a body: "the Nasdaq Riga exchange",
    /// "the Marsh County council" (a place in the name, but the phrase names an institution).
    fn named_body(&self, k: usize, b: usize) -> bool {
        let mut last = k;
        while last + 1 < b && self.proper[last + 1] {
            last += 1;
        }
        let h = last + 1;
        h < b && self.word(h) && !self.s.toks[h].cap && self.c(h) == 0 && self.lx(h) & lx::ORG != 0
    }

    /// A word of a place name: a place the lexicon knows ("Chicago"), or a name ending in a
    /// word for a place or a built thing ("Front Street", "Harbour Road", "Marsh County").
    pub(super) fn street(&self, k: usize, b: usize) -> bool {
        let mut last = k;
        while last + 1 < b && self.proper[last + 1] {
            last += 1;
        }
        // ("the Upper Mill district": a name before a common noun for a place.)
        let h = last + 1;
        let place_after = h < b
            && self.word(h)
            && !self.s.toks[h].cap
            && self.c(h) == 0
            && self.lx(h) & lx::PLACE != 0
            && self.lx(h) & lx::ORG == 0
            // ("Post-ABC polls": a document, though WordNet's "polls" are also where one votes.)
            && self.s.toks[h].flags & flags::DOCUMENT == 0;
        self.lx(k) & lx::PLACE != 0 || self.lx(last) & lx::PLACE != 0 && self.lx(last) & lx::ORG == 0 || place_after
    }
}

/// A superlative: "most" or an irregular one ("best", "worst", "least"), or an adjective with
/// "-est" ("oldest", "latest", "biggest", "angriest"); not a word that only ends so ("honest").
fn superlative(w: &str) -> bool {
    if matches!(w, "most" | "best" | "worst" | "least") {
        return true;
    }
    let Some(stem) = w.strip_suffix("est").filter(|st| st.len() >= 2) else { return false };
    let adj = |x: &str| lx::lookup(x) & lx::ADJ != 0;
    let b = stem.as_bytes();
    adj(stem)
        || adj(&format!("{stem}e"))
        || stem.strip_suffix('i').is_some_and(|st| adj(&format!("{st}y")))
        || (b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && adj(&stem[..stem.len() - 1]))
}

/// A fraction noun: "third", "quarters", "two-thirds", "majority". English's fractions are a
/// closed set (the ordinals from "third" to "tenth", with "half" a quantifier elsewhere).
pub(super) fn fraction(w: &str) -> bool {
    let last = w.rsplit_once('-').map_or(w, |(_, l)| l);
    let one = last.strip_suffix('s').unwrap_or(last);
    matches!(one, "third" | "quarter" | "fourth" | "fifth" | "sixth" | "seventh" | "eighth" | "ninth" | "tenth")
        || matches!(w, "majority" | "minority" | "plurality")
}
