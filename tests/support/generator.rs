//! A seeded generator of news-style Markdown articles for benchmarks, property tests, fuzz seeds
//! and scaling guards.
//!
//! It is not part of the library: tests, benches, examples and the fuzz target include this file
//! with `#[path]`, so the engine stays pure and the normal binary does not carry it.
//!
//! The prose is assembled from our own templates and word pools: paragraphs of sourced reporting
//! (named people, reporting verbs, quotations with speaker tags, sourced figures) with problems
//! planted at a newsroom-draft density (about one per 100-200 words): unsourced statistics,
//! superlatives and causes, vague attribution ("experts say"), anonymous sources without a reason,
//! quotations without a speaker, impossible dates, wrong weekdays, and relative dates. Markdown
//! structure (front matter, headings, links, lists, a table, a code fence) appears as it does in
//! real drafts.
//!
//! Deterministic: the same seed and target size give the same bytes (ChaCha8, a portable stream).
#![allow(dead_code)]

use std::fmt::Write as _;

use jiff::civil::{Date, Weekday};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const FIRST: &[&str] = &[
    "Dana", "Marcus", "Lena", "Tomas", "Priya", "Okonkwo", "Helga", "Rafael", "Mei", "Jonah", "Aisling", "Bruno",
    "Sakura", "Idris", "Colette", "Anders", "Yusuf", "Marisol", "Tariq", "Wren", "Ngozi", "Pieter", "Imogen", "Kofi",
];
const LAST: &[&str] = &[
    "Whitcombe",
    "Adeyemi",
    "Farrow",
    "Lindgren",
    "Castellanos",
    "Ibarra",
    "Novak",
    "Okafor",
    "Pellegrini",
    "Quist",
    "Rasmussen",
    "Sokolova",
    "Tanaka",
    "Underhill",
    "Vasquez",
    "Marchetti",
    "Haugen",
    "Delacroix",
    "Brennan",
    "Achterberg",
    "Mwangi",
    "Esposito",
    "Kowalczyk",
    "Thorne",
];
const TITLES: &[&str] = &[
    "the county's chief financial officer",
    "a spokeswoman for the transit authority",
    "director of the regional water board",
    "a professor of hydrology at Kessling University",
    "the union's local president",
    "a senior analyst at the Marlow Policy Institute",
    "the district's superintendent",
    "chair of the planning commission",
    "a spokesman for the state health department",
    "the hospital's chief of emergency medicine",
    "a council member who represents the harbor ward",
    "the fire district's operations chief",
];
const ORGS: &[&str] = &[
    "the Brackwater County auditor",
    "the state Department of Transportation",
    "the Halvorsen Foundation",
    "the regional water board",
    "the Census Bureau",
    "the port authority",
    "the university's budget office",
    "the Northfield Chamber of Commerce",
];
const SAID: &[&str] = &["said", "told reporters", "wrote in an email", "said in an interview", "testified", "added"];
const TOPICS: &[&str] = &[
    "the levy",
    "the bridge repair",
    "the pension fund",
    "the new bus routes",
    "the reservoir project",
    "the school consolidation plan",
    "the wastewater upgrade",
    "the housing voucher program",
    "the stadium lease",
    "the library expansion",
    "the ferry contract",
    "the snow removal budget",
];
const ACTIONS: &[&str] = &[
    "would be reviewed again before the summer recess",
    "was still on schedule despite the delays",
    "had drawn more public comment than any item this year",
    "depended on a state grant that has not been approved",
    "would go to a public hearing in the spring",
    "needed a second vote because of a drafting error",
    "would not require layoffs",
    "could be paused if bids came in high",
];
const QUOTES: &[&str] = &[
    "We are not going to balance this on the backs of bus riders",
    "Nobody on this board wants to raise fees, but the pipes are ninety years old",
    "I have read every page of the proposal and I still have questions",
    "The numbers changed twice in a week, and that worries me",
    "Families deserve an answer before the school year starts",
    "We asked for the data in October and we are still waiting",
    "This is the cheapest option, not the best one",
    "If the grant falls through, we start over",
];
const NEUTRAL: &[&str] = &[
    "The meeting ran for nearly four hours and ended after midnight.",
    "Members of the public lined up at two microphones at the back of the room.",
    "The vote came after a long discussion of maintenance schedules and staffing.",
    "Several residents brought printed maps of the affected neighborhoods.",
    "The commission will meet again at the community center on Larch Street.",
    "A recording of the session is posted on the county's website.",
    "The item was moved to the end of the agenda at the chair's request.",
    "Crews closed two lanes on the east approach while inspectors worked.",
    "The proposal now goes to the finance committee for review.",
    "Staff members answered questions about the timeline and the bidding process.",
];
const VAGUE: &[&str] = &[
    "Experts say",
    "Many believe",
    "Critics argue",
    "Studies show",
    "Observers note",
    "Some residents say",
    "It is widely believed that",
    "Analysts warn",
];
const CLAIMS: &[&str] = &[
    "the project will cost far more than the board has admitted",
    "the delays have already driven businesses out of downtown",
    "the plan is the best option available to the county",
    "property values near the reservoir will fall",
    "the district is losing teachers faster than it can hire them",
];
const UNITS: &[&str] = &["riders", "households", "permits", "students", "complaints", "inspections"];
const MONTHS_AP: &[&str] =
    &["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const MONTHS_FULL: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const PAST_RELATIVE: &[&str] =
    &["yesterday", "last week", "last month", "two weeks ago", "last December", "on Thursday", "earlier this year"];
const FUTURE_RELATIVE: &[&str] = &["next Tuesday", "next month", "this spring", "tomorrow", "in two weeks"];

/// What the generator planted, for checking density in tests and in the benchmark notes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Planted {
    pub words: usize,
    /// Unsourced statistic, superlative or cause sentences.
    pub claims: usize,
    /// Vague attribution phrases and anonymous sources without a reason.
    pub vague: usize,
    /// Quotations with no speaker tag.
    pub unattributed_quotes: usize,
    /// Impossible dates (Feb. 30, April 31, ISO month 13) and wrong weekdays.
    pub bad_dates: usize,
    pub relative_dates: usize,
}

impl Planted {
    pub fn problems(&self) -> usize {
        self.claims + self.vague + self.unattributed_quotes + self.bad_dates
    }
}

pub struct Generator {
    rng: ChaCha8Rng,
    /// Publication date in the front matter.
    pub published: Date,
    pub planted: Planted,
    out: String,
    section: usize,
}

/// An article of at least `words` words (whitespace-separated), deterministic for `seed`.
pub fn article_words(seed: u64, words: usize) -> String {
    let mut g = Generator::new(seed);
    g.run(|g| g.planted.words >= words);
    g.out
}

/// An article of at least `bytes` bytes (a "manuscript" at 1 MB), deterministic for `seed`.
pub fn article_bytes(seed: u64, bytes: usize) -> String {
    let mut g = Generator::new(seed);
    g.run(|g| g.out.len() >= bytes);
    g.out
}

/// The article and what was planted in it.
pub fn article_with_stats(seed: u64, words: usize) -> (String, Planted) {
    let mut g = Generator::new(seed);
    g.run(|g| g.planted.words >= words);
    (g.out, g.planted)
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let year = rng.random_range(2019..=2026);
        let published = Date::new(year, rng.random_range(1..=12), rng.random_range(1..=28)).expect("valid date");
        Generator { rng, published, planted: Planted::default(), out: String::new(), section: 0 }
    }

    fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        pool.choose(&mut self.rng).copied().unwrap_or("")
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    fn name(&mut self) -> String {
        format!("{} {}", self.pick(FIRST), self.pick(LAST))
    }

    fn run(&mut self, done: impl Fn(&Generator) -> bool) {
        self.front_matter();
        let title = format!("# {} faces questions over {}\n\n", capitalise(self.pick(ORGS)), self.pick(TOPICS));
        self.push_block(&title);
        while !done(self) {
            self.section();
        }
    }

    fn push_block(&mut self, block: &str) {
        self.planted.words += block.split_whitespace().count();
        self.out.push_str(block);
    }

    fn front_matter(&mut self) {
        let p = self.published;
        let block = format!("---\ntitle: Draft\ndate: {p}\nauthor: Staff\n---\n\n");
        self.out.push_str(&block);
    }

    /// A section: an optional heading, several paragraphs and, now and then, a list, a table or a
    /// code fence.
    fn section(&mut self) {
        self.section += 1;
        if self.section > 1 && self.chance(0.6) {
            let h = format!("## {}\n\n", capitalise(self.pick(TOPICS)));
            self.push_block(&h);
        }
        let paras = self.rng.random_range(3..=7);
        for _ in 0..paras {
            let p = self.paragraph();
            self.push_block(&p);
        }
        match self.rng.random_range(0..10) {
            0 | 1 => {
                let l = self.list();
                self.push_block(&l);
            }
            2 => {
                let t = self.table();
                self.push_block(&t);
            }
            3 => {
                let c = self.code_fence();
                self.push_block(&c);
            }
            _ => {}
        }
    }

    fn paragraph(&mut self) -> String {
        let n = self.rng.random_range(2..=4);
        let mut sentences = Vec::with_capacity(n);
        for _ in 0..n {
            sentences.push(self.sentence());
        }
        let mut p = sentences.join(" ");
        p.push_str("\n\n");
        wrap(&p, 100)
    }

    /// One sentence. Roughly one in eight plants a problem; the rest are clean reporting.
    fn sentence(&mut self) -> String {
        let roll = self.rng.random_range(0..100);
        match roll {
            0..=17 => self.neutral(),
            18..=35 => self.sourced_statement(),
            36..=49 => self.quotation(),
            50..=59 => self.sourced_statistic(),
            60..=69 => self.dated_event(),
            70..=74 => self.relative_event(),
            75..=79 => self.linked_statement(),
            80..=82 => self.anonymous_with_reason(),
            83..=84 => self.unsourced_statistic(),
            85 => self.unsourced_superlative(),
            86 => self.unsourced_cause(),
            87..=88 => self.vague(),
            89 => self.anonymous_without_reason(),
            90 => self.unattributed_quote(),
            91 => self.invalid_date(),
            92 => self.wrong_weekday(),
            _ => self.neutral_with_number(),
        }
    }

    fn neutral(&mut self) -> String {
        self.pick(NEUTRAL).to_string()
    }

    fn neutral_with_number(&mut self) -> String {
        let n = self.rng.random_range(2..40);
        format!("About {n} people attended, and {} spoke during public comment.", self.rng.random_range(1..n))
    }

    fn sourced_statement(&mut self) -> String {
        let who = self.name();
        let title = self.pick(TITLES);
        let verb = self.pick(SAID);
        let topic = self.pick(TOPICS);
        let action = self.pick(ACTIONS);
        if self.chance(0.5) {
            format!("{who}, {title}, {verb} {topic} {action}.")
        } else {
            let last = who.split(' ').nth(1).unwrap_or("Quist").to_string();
            format!("{} {action}, {last} {verb}.", capitalise(topic))
        }
    }

    fn quotation(&mut self) -> String {
        let q = self.pick(QUOTES);
        let who = self.name();
        let (open, close) = if self.chance(0.5) { ('"', '"') } else { ('\u{201c}', '\u{201d}') };
        match self.rng.random_range(0..3) {
            0 => format!("{open}{q},{close} said {who}."),
            1 => format!("{open}{q},{close} {who} said."),
            _ => format!("{who} said: {open}{q}.{close}"),
        }
    }

    fn pct(&mut self) -> String {
        format!("{}.{}%", self.rng.random_range(1..60), self.rng.random_range(0..10))
    }

    fn money(&mut self) -> String {
        format!("${}.{} million", self.rng.random_range(1..900), self.rng.random_range(0..10))
    }

    fn sourced_statistic(&mut self) -> String {
        let org = self.pick(ORGS);
        let unit = self.pick(UNITS);
        let pct = self.pct();
        let money = self.money();
        match self.rng.random_range(0..3) {
            0 => format!("The number of {unit} rose {pct} last year, according to {org}."),
            1 => format!("{} estimates the work will cost {money}.", capitalise(org)),
            _ => format!("Figures released by {org} show {} {unit} in the last quarter.", self.count()),
        }
    }

    fn count(&mut self) -> String {
        let n: u32 = self.rng.random_range(1_000..90_000);
        format!("{},{:03}", n / 1000, n % 1000)
    }

    fn ap_date(&mut self, d: Date) -> String {
        let m = MONTHS_AP[d.month() as usize - 1];
        match self.rng.random_range(0..4) {
            0 => format!("{m} {}, {}", d.day(), d.year()),
            1 => format!("{m} {}", d.day()),
            2 => format!("{} {} {}", d.day(), MONTHS_FULL[d.month() as usize - 1], d.year()),
            _ => d.to_string(),
        }
    }

    fn nearby_date(&mut self) -> Date {
        let offset = self.rng.random_range(-200i64..60);
        self.published.checked_add(jiff::Span::new().days(offset)).unwrap_or(self.published)
    }

    fn dated_event(&mut self) -> String {
        let d = self.nearby_date();
        let topic = self.pick(TOPICS);
        if self.chance(0.4) {
            let wd = WEEKDAYS[weekday_index(d.weekday())];
            let m = MONTHS_AP[d.month() as usize - 1];
            format!("The board approved {topic} on {wd}, {m} {}, {}.", d.day(), d.year())
        } else {
            let ds = self.ap_date(d);
            format!("The board first discussed {topic} on {ds}.")
        }
    }

    fn relative_event(&mut self) -> String {
        self.planted.relative_dates += 1;
        let who = self.name();
        let topic = self.pick(TOPICS);
        if self.chance(0.6) {
            let rel = self.pick(PAST_RELATIVE);
            format!("{who}, {}, said {rel} that {topic} {}.", self.pick(TITLES), self.pick(ACTIONS))
        } else {
            let rel = self.pick(FUTURE_RELATIVE);
            format!("The board will take up {topic} {rel}, {who} said.")
        }
    }

    fn linked_statement(&mut self) -> String {
        let topic = self.pick(TOPICS);
        let slug = topic.replace(' ', "-").replace("the-", "");
        let pct = self.pct();
        format!("Spending on {topic} grew {pct}, [according to the annual report](https://example.org/reports/{slug}).")
    }

    fn anonymous_with_reason(&mut self) -> String {
        let topic = self.pick(TOPICS);
        format!(
            "An official who spoke on condition of anonymity because she was not authorized to discuss \
             the negotiations said {topic} {}.",
            self.pick(ACTIONS)
        )
    }

    fn unsourced_statistic(&mut self) -> String {
        self.planted.claims += 1;
        let unit = self.pick(UNITS);
        let pct = self.pct();
        let money = self.money();
        if self.chance(0.5) {
            format!("The number of {unit} fell {pct} over the past two years.")
        } else {
            format!("The overruns have added {money} to the cost of {}.", self.pick(TOPICS))
        }
    }

    fn unsourced_superlative(&mut self) -> String {
        self.planted.claims += 1;
        format!("It is the largest {} in the county's history.", self.pick(TOPICS).trim_start_matches("the "))
    }

    fn unsourced_cause(&mut self) -> String {
        self.planted.claims += 1;
        format!("Ridership dropped because {} was delayed for a second year.", self.pick(TOPICS))
    }

    fn vague(&mut self) -> String {
        self.planted.vague += 1;
        let v = self.pick(VAGUE);
        format!("{v} {}.", self.pick(CLAIMS))
    }

    fn anonymous_without_reason(&mut self) -> String {
        self.planted.vague += 1;
        format!("A source close to the board said {} {}.", self.pick(TOPICS), self.pick(ACTIONS))
    }

    fn unattributed_quote(&mut self) -> String {
        self.planted.unattributed_quotes += 1;
        format!("\u{201c}{}.\u{201d}", self.pick(QUOTES))
    }

    fn invalid_date(&mut self) -> String {
        self.planted.bad_dates += 1;
        let y = self.published.year();
        let bad = match self.rng.random_range(0..4) {
            0 => format!("Feb. 30, {y}"),
            1 => format!("April 31, {y}"),
            2 => format!("31 June {y}"),
            _ => format!("{y}-13-02"),
        };
        format!("The contract was signed on {bad}, according to {}.", self.pick(ORGS))
    }

    fn wrong_weekday(&mut self) -> String {
        self.planted.bad_dates += 1;
        let d = self.nearby_date();
        let right = weekday_index(d.weekday());
        let wrong = (right + self.rng.random_range(1..7)) % 7;
        let m = MONTHS_AP[d.month() as usize - 1];
        format!("The hearing is set for {}, {m} {}, {}, the clerk said.", WEEKDAYS[wrong], d.day(), d.year())
    }

    fn list(&mut self) -> String {
        let mut s = String::from("Key dates in the dispute:\n\n");
        for _ in 0..self.rng.random_range(3..6) {
            let d = self.nearby_date();
            let ds = self.ap_date(d);
            let _ = writeln!(s, "- {ds}: {} {}", self.pick(TOPICS), self.pick(ACTIONS));
        }
        s.push('\n');
        s
    }

    fn table(&mut self) -> String {
        let mut s = String::from("| Item | 2023 | 2024 | Change |\n|---|---:|---:|---:|\n");
        for _ in 0..self.rng.random_range(3..6) {
            let a = self.rng.random_range(100..900);
            let b = self.rng.random_range(100..900);
            let _ = writeln!(s, "| {} | ${a}k | ${b}k | {} |", capitalise(self.pick(TOPICS)), self.pct());
        }
        let _ = writeln!(s, "\nSource: {}.\n", self.pick(ORGS));
        s
    }

    fn code_fence(&mut self) -> String {
        // Editors' notes sometimes carry raw data: nothing in a fence is prose.
        let rows = self.count();
        format!("```text\nraw export {}: Feb. 30 total=$9.9 million experts say\nrows={rows}\n```\n\n", self.published)
    }
}

fn weekday_index(w: Weekday) -> usize {
    w.to_monday_zero_offset() as usize
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Hard-wrap a paragraph at `width` columns, the way many reporters' editors save files.
fn wrap(p: &str, width: usize) -> String {
    let mut out = String::with_capacity(p.len() + 8);
    let mut col = 0;
    for word in p.trim_end().split(' ') {
        if col > 0 && col + 1 + word.len() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.len();
    }
    out.push_str("\n\n");
    out
}

/// Ways to damage an article for property tests and fuzz seeds: each keeps the text valid UTF-8.
#[derive(Clone, Debug)]
pub enum Mutation {
    /// Insert `text` at the char boundary nearest to fraction `at` (0..1) of the text.
    Insert { at: f64, text: String },
    /// Delete from fraction `at` for `len` bytes (snapped to char boundaries).
    Delete { at: f64, len: usize },
    /// Copy `len` bytes from fraction `from` to fraction `to`.
    Duplicate { from: f64, to: f64, len: usize },
}

fn snap(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at.clamp(0.0, 1.0)) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn snap_end(text: &str, start: usize, len: usize) -> usize {
    let mut e = (start + len).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    e
}

pub fn mutate(text: &mut String, m: &Mutation) {
    match m {
        Mutation::Insert { at, text: ins } => {
            let i = snap(text, *at);
            text.insert_str(i, ins);
        }
        Mutation::Delete { at, len } => {
            let s = snap(text, *at);
            let e = snap_end(text, s, *len);
            text.replace_range(s..e, "");
        }
        Mutation::Duplicate { from, to, len } => {
            let s = snap(text, *from);
            let e = snap_end(text, s, *len);
            let piece = text[s..e].to_string();
            let t = snap(text, *to);
            text.insert_str(t, &piece);
        }
    }
}
