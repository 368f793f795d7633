#!/usr/bin/python3
"""The peer in tools/bench_extract.sh: readability-lxml (Debian's python3-readability) over the
same pages, on one core. Prints pages/s and MB/s (extraction only: files are read and
decompressed first) and writes predictions in the benchmark's format for its score.py.

usage: bench_extract_readability.py PAGES_DIR PREDICTIONS.json [MIN_SECONDS]"""
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document


def text_of(summary_html):
    # Space-join text nodes so that words of adjacent blocks do not glue together.
    root = lxml.html.fromstring(summary_html)
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def main():
    pages_dir, out_path = sys.argv[1], sys.argv[2]
    min_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
    pages = []
    for name in sorted(os.listdir(pages_dir)):
        path = os.path.join(pages_dir, name)
        if name.endswith(".html.gz"):
            data, page_id = gzip.open(path).read(), name[:-len(".html.gz")]
        elif name.endswith(".html"):
            data, page_id = open(path, "rb").read(), name[:-len(".html")]
        else:
            continue
        pages.append((page_id, data))
    total = sum(len(d) for _, d in pages)
    predictions = {}
    count, nbytes = 0, 0
    start = time.perf_counter()
    while True:
        for page_id, data in pages:
            try:
                body = text_of(Document(data).summary())
            except Exception as e:  # readability raises on some inputs; count it as empty
                body = ""
            predictions[page_id] = {"articleBody": body}
            count += 1
            nbytes += len(data)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    print("%-28s %8.1f pages/s  %7.2f MB/s  (%d pages in %.2f s, %.1f MB of HTML)" % (
        "readability-lxml", count / elapsed, nbytes / elapsed / 1e6, count, elapsed, total / 1e6))
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(predictions, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
