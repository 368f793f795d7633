// The second peer in tools/bench_extract.sh: Mozilla's Readability (the Firefox reader view) on
// jsdom over the same pages, one process. Prints pages/s and MB/s (parse + extraction; files are
// read and decompressed first) and writes predictions in the benchmark's format for score.py.
//
//   node bench.mjs PAGES_DIR PREDICTIONS.json [MIN_SECONDS]
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const [pagesDir, outPath, minSecondsArg] = process.argv.slice(2);
const minSeconds = Number(minSecondsArg ?? 3);

const pages = [];
for (const name of readdirSync(pagesDir).sort()) {
  let html;
  let id;
  if (name.endsWith(".html.gz")) {
    html = gunzipSync(readFileSync(join(pagesDir, name)));
    id = name.slice(0, -".html.gz".length);
  } else if (name.endsWith(".html")) {
    html = readFileSync(join(pagesDir, name));
    id = name.slice(0, -".html".length);
  } else {
    continue;
  }
  pages.push({ id, html });
}
const totalBytes = pages.reduce((n, p) => n + p.html.length, 0);

// Page scripts never run and their console noise is dropped: we measure extraction.
const quiet = new VirtualConsole();
function extract(html) {
  const dom = new JSDOM(html, { virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  const text = article?.textContent ?? "";
  dom.window.close();
  return text.replace(/\s+/g, " ").trim();
}

const predictions = {};
let count = 0;
let bytes = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
do {
  for (const page of pages) {
    let text = "";
    try {
      text = extract(page.html);
    } catch {
      text = "";  // a page Readability cannot handle scores as empty, as in the published table
    }
    predictions[page.id] = { articleBody: text };
    count += 1;
    bytes += page.html.length;
  }
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
} while (elapsed < minSeconds);

console.log(
  `readability.js (jsdom): ${(count / elapsed).toFixed(1)} pages/s, ` +
    `${(bytes / elapsed / 1e6).toFixed(2)} MB/s over ${pages.length} pages ` +
    `(${(totalBytes / 1e6).toFixed(1)} MB), ${count} extractions in ${elapsed.toFixed(1)} s`,
);
writeFileSync(outPath, JSON.stringify(predictions));
