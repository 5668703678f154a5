// HelpSite's search, in the browser: an ES module without dependencies that reads the index
// `helpsite build` writes beside it (search/<lang>/, docs/reference/search-index.md) and
// fetches nothing from another host.
//
//   import { search } from "<site root>/search/search.js";
//   const { count, results } = await search("klacht", "nl");
//   // results: [{ url, title, section, excerpt: [[text, marked], …], subs: [{ url, section, excerpt }] }]
//
// A query's words are cut, folded and stemmed as the build did it (HelpSiteSearch's
// SearchText and SearchTerms: the rules here must stay their twins), with the Snowball
// stemmer of the language (stem-<lang>.js). Text is returned as text, never as HTML.
const BASE = new URL(".", import.meta.url);
const ROOT = new URL("../", import.meta.url);
const metas = new Map(), stemmers = new Map(), files = new Map();
const WORD = /[\p{L}\p{N}]+/gu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?:\+|00)?\d[\d\s./()-]{4,}\d/g;
const SUBS = 2;  // other sections of a page shown under its best one
const EXCERPT_WORDS = 30;

// Each file is fetched once; a failed fetch is forgotten, so that the next query tries again.
function once(cache, key, load) {
  if (!cache.has(key)) cache.set(key, load().catch((error) => { cache.delete(key); throw error; }));
  return cache.get(key);
}

async function json(path) {
  const response = await fetch(new URL(path, BASE));
  if (!response.ok) throw new Error(`search: ${path}: ${response.status}`);
  return response.json();
}

/** Lower case, œ/æ/ß spelt out, accents removed: "Financiële" → "financiele". */
export function fold(text) {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
    .normalize("NFD").replace(/\p{M}/gu, "");
}

/** A phone number as national digits of the site's country ("+32 2 370 77 11" → "023707711"). */
export function national(phone, country) {
  let digits = phone.replace(/\(0\)/g, "").replace(/\D/g, "");
  if (phone.trim().startsWith("+")) digits = "00" + digits;
  if (digits.startsWith("00" + country)) digits = "0" + digits.slice(2 + country.length);
  if (digits.length === 8 && !digits.startsWith("0")) digits = "0" + digits;  // typed without its 0
  return digits;
}

function termsOf(word, stemmer) {
  if (/^[0-9]+$/.test(word)) return [word];
  const lower = word.toLowerCase();
  const a = stemmer.stemWord(fold(lower)), b = fold(stemmer.stemWord(lower));
  return a === b ? [a] : [a, b];
}

function shardOf(term, meta) {
  for (let length = term.length; length >= 0; length--) {
    const prefix = term.slice(0, length);
    if (Object.hasOwn(meta.shards, prefix)) return prefix;
  }
  return null;
}

function decode(list) {
  const out = new Map();
  let doc = 0;
  for (let i = 0; i < list.length; i += 2) { doc += list[i]; out.set(doc, list[i + 1]); }
  return out;
}

// One group per query word or fact: its exact terms, and for the last word (still being
// typed) the beginning of the terms it may become.
function parse(query, meta, stemmer) {
  const groups = [];
  let rest = query.replace(EMAIL, (email) => { groups.push({ exact: [email.toLowerCase()], prefix: null, fact: true }); return " "; });
  rest = rest.replace(PHONE, (phone) => {
    const digits = national(phone, meta.country);
    if (digits.length < 8) return phone;
    groups.push({ exact: [digits], prefix: null, fact: true });
    return " ";
  });
  const words = rest.match(WORD) ?? [];
  words.forEach((word, i) => {
    const last = i === words.length - 1 && !/\s$/.test(query);
    groups.push({ exact: termsOf(word, stemmer), prefix: last && word.length >= 3 ? fold(word) : null, fact: false });
  });
  return groups;
}

// A term's postings: all of them, or for a term in many sections its heaviest (enough to
// rank a one-word query) and, when `full`, the rest from a file of their own.
async function listOf(entry, full, lang) {
  if (Array.isArray(entry)) return { n: entry.length / 2, postings: decode(entry) };
  const postings = decode(entry.top);
  if (full) {
    const rest = await once(files, `${lang}/t/${entry.rest}`, () => json(`${lang}/t/${entry.rest}`));
    for (const [doc, w] of decode(rest)) postings.set(doc, w);
  }
  return { n: entry.n, postings };
}

async function scoresOf(group, meta, lang, full) {
  const wanted = new Set(group.exact.map((t) => shardOf(t, meta)).filter((p) => p !== null));
  if (group.prefix) {
    const own = shardOf(group.prefix, meta);
    if (own !== null) wanted.add(own);
    for (const prefix of Object.keys(meta.shards)) if (prefix.startsWith(group.prefix) && wanted.size < 4) wanted.add(prefix);
  }
  const shards = await Promise.all([...wanted].map((p) => once(files, `${lang}/t/${meta.shards[p]}`, () => json(`${lang}/t/${meta.shards[p]}`))));
  const terms = new Map();  // term -> factor: a word's own terms count whole, those it begins a tenth
  for (const t of group.exact) terms.set(t, 1);
  if (group.prefix) for (const shard of shards) for (const t of Object.keys(shard)) if (t.startsWith(group.prefix) && !terms.has(t)) terms.set(t, 0.1);
  const scores = new Map(), matched = new Set();
  for (const shard of shards) {
    for (const [term, factor] of terms) {
      if (!Object.hasOwn(shard, term)) continue;
      matched.add(term);
      const { n, postings } = await listOf(shard[term], full, lang);
      const idf = Math.log(1 + meta.sections / n);
      for (const [doc, w] of postings) scores.set(doc, Math.max(scores.get(doc) ?? 0, factor * w * idf));
    }
  }
  return { scores, matched };
}

// About EXCERPT_WORDS words of a section's text around its first match, as segments of
// text, each marked when it is a matched word, e-mail address or phone number.
function excerpt(text, facts, matched, stemmer, country) {
  const hits = [];
  for (const m of text.matchAll(EMAIL)) if (facts.has(m[0].toLowerCase())) hits.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(PHONE)) if (facts.has(national(m[0], country))) hits.push([m.index, m.index + m[0].length]);
  const words = [...text.matchAll(WORD)];
  for (const m of words) if (termsOf(m[0], stemmer).some((t) => matched.has(t))) hits.push([m.index, m.index + m[0].length]);
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = hits.length ? Math.max(0, words.findIndex((m) => m.index >= hits[0][0])) : 0;
  const from = Math.max(0, first - Math.floor(EXCERPT_WORDS / 3));
  const start = from === 0 ? 0 : words[from].index;
  const last = words[Math.min(words.length - 1, from + EXCERPT_WORDS)];
  const end = !last || from + EXCERPT_WORDS >= words.length - 1 ? text.length : last.index + last[0].length;
  const segments = start > 0 ? [["… ", false]] : [];
  let at = start;
  for (const [a, b] of hits) {
    if (a < at || b > end) continue;
    if (a > at) segments.push([text.slice(at, a), false]);
    segments.push([text.slice(a, b), true]);
    at = b;
  }
  if (end > at) segments.push([text.slice(at, end), false]);
  if (end < text.length) segments.push([" …", false]);
  return segments;
}

async function stemmerOf(lang, meta) {
  if (!meta.stemmer) return { stemWord: (word) => word };  // a language without one: folded only
  const module = await once(stemmers, lang, () => import(new URL(`stem-${encodeURIComponent(lang)}.js`, BASE)));
  return new module.Stemmer();
}

/**
 * The pages of language `lang` that hold every word of `query`, best first: at most `n`, each
 * with its best section and up to two more. `count` is the number of pages found (for a word
 * in very many sections, at least that many).
 */
export async function search(query, lang, n = 5) {
  if (!/[\p{L}\p{N}]/u.test(query ?? "")) return { count: 0, results: [] };
  const folder = encodeURIComponent(lang);
  const meta = await once(metas, folder, () => json(`${folder}/meta.json`));
  const stemmer = await stemmerOf(folder, meta);
  const groups = parse(query, meta, stemmer);
  if (!groups.length) return { count: 0, results: [] };
  const per = await Promise.all(groups.map((g) => scoresOf(g, meta, folder, groups.length > 1)));
  // Every word must be on the page (in any of its sections); a section scores the sum of its words'.
  const total = new Map(), groupsOf = new Map();
  per.forEach(({ scores }, g) => {
    for (const [doc, score] of scores) {
      total.set(doc, (total.get(doc) ?? 0) + score);
      const page = Math.floor(doc / meta.per_page);
      if (!groupsOf.has(page)) groupsOf.set(page, new Set());
      groupsOf.get(page).add(g);
    }
  });
  const matched = new Set(per.flatMap((p) => [...p.matched]));
  const facts = new Set(groups.filter((g) => g.fact).flatMap((g) => g.exact));
  // A page ranks by its best section, plus a little for each other section that matches.
  const byPage = new Map();
  for (const [doc, score] of total) {
    const page = Math.floor(doc / meta.per_page);
    if (groupsOf.get(page).size < groups.length) continue;
    const entry = byPage.get(page) ?? { page, best: 0, sum: 0, sections: [] };
    entry.best = Math.max(entry.best, score); entry.sum += score;
    entry.sections.push([doc % meta.per_page, score]);
    byPage.set(page, entry);
  }
  const ranked = [...byPage.values()].map((e) => ({ ...e, score: e.best + 0.1 * (e.sum - e.best) }))
    .sort((a, b) => b.score - a.score || a.page - b.page);
  const results = await Promise.all(ranked.slice(0, n).map(async (entry) => {
    const page = await once(files, `${folder}/p/${entry.page}`, () => json(`${folder}/p/${entry.page}.json`));
    const shown = entry.sections.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 1 + SUBS).map(([section]) => {
      const [anchor, title, text] = page.s[section];
      return {
        url: new URL(page.u + (anchor ? `#${anchor}` : ""), ROOT).href,
        section: title,
        excerpt: excerpt(text, facts, matched, stemmer, meta.country),
      };
    });
    return { url: shown[0].url, title: page.t, section: shown[0].section, excerpt: shown[0].excerpt, subs: shown.slice(1) };
  }));
  return { count: ranked.length, results };
}
