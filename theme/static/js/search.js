// Search page only: queries the Pagefind index built with the site.
// No third party, no storage, no tracking; the query stays in the address bar.
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const filters = { type: "f-type", ville: "f-ville", "thème": "f-theme" };
const more = document.getElementById("search-more");
const base = new URL("../../pagefind/pagefind.js", import.meta.url);
const PAGE = 10; // results fetched at a time: each one costs a request

let pagefind;
let found = [];
let shown = 0;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function chosenFilters() {
  const chosen = {};
  for (const [name, id] of Object.entries(filters)) {
    const value = document.getElementById(id).value;
    if (value) chosen[name] = value;
  }
  return chosen;
}

function renderResult(data) {
  const item = element("li");
  const kind = data.meta.type || "page";
  item.append(element("span", "result-kind", kind));
  const title = element("h2", "result-title");
  const link = element("a", null, data.meta.title || data.url);
  link.href = data.url;
  title.append(link);
  item.append(title);
  const details = [data.filters.ville?.join(", "), data.meta.date].filter(Boolean).join(" · ");
  if (details) item.append(element("p", "small", details));
  const excerpt = element("p");
  // Pagefind marks matches with <mark>; rebuild them without using innerHTML.
  for (const [index, part] of data.excerpt.split(/<\/?mark>/).entries()) {
    excerpt.append(index % 2 ? element("mark", null, part) : document.createTextNode(part));
  }
  item.append(excerpt);
  return item;
}

async function showMore() {
  const next = found.slice(shown, shown + PAGE);
  const results = await Promise.all(next.map((r) => r.data()));
  list.append(...results.map(renderResult));
  shown += next.length;
  more.hidden = shown >= found.length;
}

async function loadPagefind() {
  if (!pagefind) {
    pagefind = await import(base.href);
    // In the page itself: the worker would be one more script to download.
    await pagefind.options({ noWorker: true });
  }
  return pagefind;
}

async function run() {
  const query = input.value.trim();
  list.replaceChildren();
  more.hidden = true;
  if (!query) {
    status.textContent = "Tapez un mot, un nom ou un numéro de délibération.";
    return;
  }
  status.textContent = "Recherche en cours…";
  const search = await (await loadPagefind()).search(query, { filters: chosenFilters() });
  found = search.results;
  shown = 0;
  await showMore();
  const count = found.length;
  status.textContent = count
    ? `${count} résultat${count > 1 ? "s" : ""} pour « ${query} ».`
    : `Aucun résultat pour « ${query} ».`;
}

more.addEventListener("click", async () => {
  const first = shown;
  await showMore();
  list.children[first]?.querySelector("a")?.focus(); // keyboard users land on the new results
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = new URLSearchParams({ q: input.value });
  for (const [name, id] of Object.entries(filters)) {
    const value = document.getElementById(id).value;
    if (value) params.set(id.slice(2), value);
  }
  history.replaceState(null, "", `?${params}`);
  run();
});

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
for (const id of Object.values(filters)) {
  const value = params.get(id.slice(2));
  if (value) document.getElementById(id).value = value;
}
run();
