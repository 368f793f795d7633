"""Peer for tools/bench_facts: python3-dateparser on the same date strings.

Reads TSV lines "string<TAB>publication date<TAB>expected" on stdin. For each input prints
"<parse><TAB><search>": the value of dateparser.parse() on the whole string and of the first
date dateparser.search.search_dates() finds in it (the fairer mode for phrases such as
"в 2025 году"), each at the precision of the expected value, "-" for none or for a period (which
dateparser cannot represent). A last line "seconds<TAB><parse>\t<search>" gives the time spent in
dateparser alone for each mode.
"""
import datetime
import sys
import time

import dateparser
from dateparser.search import search_dates


def shape(value, expected):
    if value is None or "/" in expected:
        return "-"
    if len(expected) == 4:
        return value.strftime("%Y")
    if len(expected) == 7:
        return value.strftime("%Y-%m")
    return value.strftime("%Y-%m-%d")


def main():
    rows = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
    out = []
    spent_parse = spent_search = 0.0
    for text, published, expected in rows:
        settings = {"RELATIVE_BASE": datetime.datetime.fromisoformat(published), "PREFER_DAY_OF_MONTH": "first"}
        start = time.perf_counter()
        parsed = dateparser.parse(text, languages=["ru", "en"], settings=settings)
        spent_parse += time.perf_counter() - start
        start = time.perf_counter()
        found = search_dates(text, languages=["ru", "en"], settings=settings)
        spent_search += time.perf_counter() - start
        out.append("%s\t%s" % (shape(parsed, expected), shape(found[0][1] if found else None, expected)))
    print("\n".join(out))
    print("seconds\t%f\t%f" % (spent_parse, spent_search))


if __name__ == "__main__":
    main()
