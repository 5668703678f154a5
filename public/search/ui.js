// HelpSite: the search field in the header answers in place, from the pages of the
// page's language only. Without this module the form still leads to the language's
// home page, which lists every page. No cookie, no storage, no other host.
import { search } from "./search.js";

/** Results shown at first, and added by each press of the "more" button. */
const STEP = 5;

const box = document.querySelector(".site-search");
if (box) start(box);

function start(box) {
  const form = box.querySelector("form");
  const field = box.querySelector("input[name=q]");
  const language = document.documentElement.lang;
  const labels = box.dataset;

  // Made before any search, so that screen readers already watch the live region.
  const status = element("p", "site-search-status");
  status.setAttribute("role", "status");
  const list = element("ol", "site-search-results");
  list.setAttribute("aria-label", labels.results);
  list.hidden = true;
  const more = element("button", "site-search-more");
  more.type = "button";
  more.textContent = labels.more;
  more.hidden = true;
  box.append(status, list, more);

  let query = "";
  let wanted = STEP;
  // Each search's number: an answer that comes after a newer search began is dropped.
  let latest = 0;

  async function run(focusFrom) {
    const ticket = ++latest;
    if (query === "") {
      show({ count: 0, results: [] });
      return;
    }
    let answer;
    try {
      answer = await search(query, language, wanted);
    } catch {
      // The index did not load: the page without the script is the way left, the home
      // page with every page listed. On that page already, its list is the answer.
      if (ticket !== latest) return;
      clear();
      if (new URL(form.action).pathname !== location.pathname) form.submit();
      return;
    }
    if (ticket !== latest) return;
    show(answer, focusFrom === undefined);
    if (focusFrom !== undefined) list.children[focusFrom]?.querySelector("a")?.focus();
  }

  /** The results, and their count read out; `again`: even when the count reads as before. */
  function show(answer, again = true) {
    list.replaceChildren(...answer.results.map(result));
    list.hidden = answer.results.length === 0;
    more.hidden = answer.count <= answer.results.length;
    announce(query === "" ? labels.empty
      : answer.count === 0 ? fill(labels.nothing, { query })
      : answer.count === 1 ? labels.one
      : fill(labels.many, { n: answer.count.toLocaleString(language) }), again);
  }

  function announce(text, again) {
    if (status.textContent !== text || !again) {
      status.textContent = text;
      return;
    }
    // The same words again (another query, as many results): emptied first, or a screen
    // reader would not read them again.
    status.textContent = "";
    const ticket = latest;
    setTimeout(() => { if (ticket === latest) status.textContent = text; }, 150);
  }

  function clear() {
    ++latest;
    query = "";
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    status.textContent = "";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    query = field.value.trim();
    wanted = STEP;
    run();
  });
  more.addEventListener("click", () => {
    const shown = list.children.length;
    wanted = shown + STEP;
    run(shown);
  });
  field.addEventListener("input", () => {
    if (field.value === "") clear();
  });
  box.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || (field.value === "" && list.hidden && status.textContent === "")) return;
    event.preventDefault();
    field.value = "";
    clear();
    field.focus();
  });

  // The home page reached by the form without the script (`?q=`) answers once it has it.
  const asked = new URLSearchParams(location.search).get("q");
  if (asked !== null) {
    field.value = asked;
    query = asked.trim();
    run();
  }
}

/** One result: its page and section, linked to the section, its excerpt, and the page's other sections found. */
function result(found) {
  const item = element("li");
  item.append(link(found.url, found.title, found.section), excerpt(found.excerpt));
  if (found.subs && found.subs.length > 0) {
    const subs = element("ul", "site-search-subs");
    for (const sub of found.subs) {
      const subItem = element("li");
      subItem.append(link(sub.url, null, sub.section), excerpt(sub.excerpt));
      subs.append(subItem);
    }
    item.append(subs);
  }
  return item;
}

function link(url, page, section) {
  const anchor = element("a");
  anchor.href = url;
  if (page) anchor.append(text("span", "site-search-page", page));
  if (section && section !== page) anchor.append(text("span", "site-search-section", section));
  return anchor;
}

/** Text segments, the matched words in `<mark>`: never HTML. */
function excerpt(segments) {
  const paragraph = element("p", "site-search-excerpt");
  for (const [words, matched] of segments || []) {
    paragraph.append(matched ? text("mark", null, words) : words);
  }
  return paragraph;
}

function text(name, className, words) {
  const node = element(name, className);
  node.textContent = words;
  return node;
}

function element(name, className) {
  const node = document.createElement(name);
  if (className) node.className = className;
  return node;
}

/** `{n} results` with its values: each `{name}` replaced, nothing else read. */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}
