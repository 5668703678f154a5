// Browser side of the prototype index written by own_index.py (an ES module, no
// dependencies, same-origin fetches only). search(query, lang, n) loads the language's
// meta.json and Snowball stemmer once, then per query word the one shard its terms live
// in, and the page files of the n best sections.
const BASE = new URL(".", import.meta.url);
const metas = {}, stemmers = {}, shards = {}, pages = {};
const WORD = /[\p{L}\p{N}]+/gu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?:\+|00)?\d[\d\s./()-]{4,}\d/g;

const json = async (path) => {
  const response = await fetch(new URL(path, BASE));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
};
const once = (cache, key, load) => cache[key] ?? (cache[key] = load());

export function fold(text) {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
    .normalize("NFD").replace(/\p{M}/gu, "");
}

function national(phone, country) {
  let digits = phone.replace(/\D/g, "");
  if (phone.trim().startsWith("+")) digits = "00" + digits;
  if (digits.startsWith("00" + country)) {
    const rest = digits.slice(2 + country.length);
    digits = rest.startsWith("0") ? rest : "0" + rest;  // +32 (0)2 ... keeps one 0
  }
  if (digits.length === 8 && !digits.startsWith("0")) digits = "0" + digits;
  return digits;
}

function termsOf(word, stemmer) {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return [lower];
  const a = stemmer.stemWord(fold(lower)), b = fold(stemmer.stemWord(lower));
  return a === b ? [a] : [a, b];
}

function shardOf(term, meta) {
  for (let length = term.length; length >= 0; length--) {
    const prefix = term.slice(0, length);
    if (meta.shards[prefix] !== undefined) return prefix;
  }
  return null;
}

function decode(list) {
  const out = new Map();
  let doc = 0;
  for (let i = 0; i < list.length; i += 2) { doc += list[i]; out.set(doc, list[i + 1]); }
  return out;
}

// One group per query word (or fact): its exact terms, and for the last word (still
// being typed) the terms it begins.
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
    const exact = termsOf(word, stemmer);
    groups.push({ exact, prefix: last && word.length >= 3 ? fold(word) : null, fact: false });
  });
  return groups;
}

// A term's postings: all of them, or for a term in many sections the heaviest ones
// (enough to rank a one-word query) and, when `full`, the rest from their own file.
async function listOf(entry, full, lang) {
  if (Array.isArray(entry)) return { n: entry.length / 2, postings: decode(entry) };
  const postings = decode(entry.top);
  if (full) {
    const rest = await once(shards, `${lang}/${entry.rest}`, () => json(`${lang}/t/${entry.rest}`));
    for (const [doc, w] of decode(rest)) postings.set(doc, w);
  }
  return { n: entry.n, postings };
}

async function postingsOf(group, meta, lang, full) {
  const wanted = new Set(group.exact.map((t) => shardOf(t, meta)).filter((p) => p !== null));
  if (group.prefix) {
    const p = shardOf(group.prefix, meta);
    if (p !== null) wanted.add(p);
    for (const prefix of Object.keys(meta.shards)) if (prefix.startsWith(group.prefix) && wanted.size < 4) wanted.add(prefix);
  }
  const loaded = await Promise.all([...wanted].map((p) => once(shards, `${lang}/${meta.shards[p]}`, () => json(`${lang}/t/${meta.shards[p]}`))));
  const terms = new Map();  // term -> factor
  for (const t of group.exact) terms.set(t, 1);
  if (group.prefix) for (const shard of loaded) for (const t of Object.keys(shard)) if (t.startsWith(group.prefix) && !terms.has(t)) terms.set(t, 0.1);
  const scores = new Map(), matched = new Set();
  let most = 0;
  for (const shard of loaded) {
    for (const [term, factor] of terms) {
      if (!shard[term]) continue;
      matched.add(term);
      const { n, postings } = await listOf(shard[term], full, lang);
      if (factor === 1) most = Math.max(most, n);
      const idf = Math.log(1 + meta.sections / n);
      for (const [doc, w] of postings) scores.set(doc, Math.max(scores.get(doc) ?? 0, factor * w * idf));
    }
  }
  return { scores, matched, most };
}

function excerpt(text, groups, matched, stemmer, country, length = 30) {
  const facts = new Set(groups.filter((g) => g.fact).flatMap((g) => g.exact));
  const hits = [];  // [start, end] character ranges to mark
  for (const m of text.matchAll(EMAIL)) if (facts.has(m[0].toLowerCase())) hits.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(PHONE)) if (facts.has(national(m[0], country))) hits.push([m.index, m.index + m[0].length]);
  const words = [...text.matchAll(WORD)];
  words.forEach((m) => {
    if (termsOf(m[0], stemmer).some((t) => matched.has(t))) hits.push([m.index, m.index + m[0].length]);
  });
  hits.sort((a, b) => a[0] - b[0]);
  const first = hits.length ? words.findIndex((m) => m.index >= hits[0][0]) : 0;
  const from = Math.max(0, first - Math.floor(length / 3));
  const start = words[from]?.index ?? 0;
  const end = words[Math.min(words.length - 1, from + length)] ? words[Math.min(words.length - 1, from + length)].index + words[Math.min(words.length - 1, from + length)][0].length : text.length;
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  let out = "", at = start;
  for (const [a, b] of hits) {
    if (a < at || b > end) continue;
    out += escape(text.slice(at, a)) + "<mark>" + escape(text.slice(a, b)) + "</mark>";
    at = b;
  }
  return (start > 0 ? "… " : "") + out + escape(text.slice(at, end)) + (end < text.length ? " …" : "");
}

export async function search(query, lang, n = 5) {
  const [meta, module] = await Promise.all([
    once(metas, lang, () => json(`${lang}/meta.json`)),
    once(stemmers, lang, () => import(new URL(`stem-${lang}.js`, BASE))),
  ]);
  const stemmer = once(stemmers, lang + ":instance", () => new module.Stemmer());
  const groups = parse(query, meta, stemmer);
  if (!groups.length) return { count: 0, results: [] };
  const per = await Promise.all(groups.map((g) => postingsOf(g, meta, lang, groups.length > 1)));
  // Every word must occur on the page (in any of its sections, as Pagefind does);
  // a section scores the sum of its words' scores.
  const total = new Map(), groupsOf = new Map();
  per.forEach(({ scores }, g) => {
    for (const [doc, score] of scores) {
      total.set(doc, (total.get(doc) ?? 0) + score);
      const number = Math.floor(doc / meta.per_page);
      (groupsOf.get(number) ?? groupsOf.set(number, new Set()).get(number)).add(g);
    }
  });
  for (const doc of [...total.keys()]) if (groupsOf.get(Math.floor(doc / meta.per_page)).size < groups.length) total.delete(doc);
  const matched = new Set(per.flatMap((p) => [...p.matched]));
  // Results are pages, ranked by their best section (plus a little for each other
  // matching section); each lists its best sections, linked to their anchors.
  const byPage = new Map();
  for (const [doc, score] of total) {
    const number = Math.floor(doc / meta.per_page);
    const entry = byPage.get(number) ?? { number, best: 0, sum: 0, sections: [] };
    entry.best = Math.max(entry.best, score); entry.sum += score;
    entry.sections.push([doc % meta.per_page, score]);
    byPage.set(number, entry);
  }
  const ranked = [...byPage.values()].map((e) => ({ ...e, score: e.best + 0.1 * (e.sum - e.best) }))
    .sort((a, b) => b.score - a.score || a.number - b.number);
  const results = await Promise.all(ranked.slice(0, n).map(async (entry) => {
    const page = await once(pages, `${lang}/${entry.number}`, () => json(`${lang}/p/${entry.number}.json`));
    const subs = entry.sections.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3).map(([section]) => {
      const [anchor, title, text] = page.s[section];
      return { url: page.u + (anchor ? `#${anchor}` : ""), section: title, excerpt: excerpt(text, groups, matched, stemmer, meta.country) };
    });
    return { url: subs[0].url, title: page.t, section: subs[0].section, excerpt: subs[0].excerpt, score: entry.score, subs };
  }));
  // A one-word query over a term in more than TOP sections ranks only its TOP heaviest: count is then a floor.
  return { count: ranked.length, sections: groups.length > 1 ? total.size : Math.max(total.size, per[0].most), results };
}
