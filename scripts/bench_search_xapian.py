#!/usr/bin/python3
"""Xapian peer of the search benchmark (issue #3): indexes the main releases of corpus.tsv with
python3-xapian (Russian or English Snowball stemming by the release's language, the default
STEM_SOME strategy), runs the query set and writes results-xapian.tsv, then times the
incremental batch.

Per query page: the best 10 by BM25 with the estimated total and a snippet of each (the text
is stored as document data, as pressmine and FTS5 store it). Filters: language and source as
boolean terms (XL, XS) under OP_FILTER, dates as a value range on the ISO date.

usage: bench_search_xapian.py DIR [--reps 5]"""

import argparse
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_search_common as common  # noqa: E402

try:
    import xapian
except ImportError:
    xapian = None

DATE_SLOT = 0
STEMMERS = {'ru': 'russian', 'en': 'english'}


def make_doc(d, generators):
    tg = generators[d.lang]
    doc = xapian.Document()
    tg.set_document(doc)
    tg.index_text(d.title)
    tg.increase_termpos()
    tg.index_text(d.text)
    doc.add_boolean_term('XL' + d.lang)
    doc.add_boolean_term('XS' + d.source)
    doc.add_value(DATE_SLOT, d.published)
    doc.set_data(d.text)
    return doc


def add_all(db, docs, generators):
    for d in docs:
        db.replace_document(d.id, make_doc(d, generators))
    db.commit()


def build_query(db, q, parsers):
    qp = parsers[q.qlang]
    query = qp.parse_query(q.text, xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_PHRASE)
    filters = []
    if q.lang:
        filters.append(xapian.Query('XL' + q.lang))
    if q.source:
        filters.append(xapian.Query('XS' + q.source))
    if q.date_from or q.date_to:
        lo = q.date_from or '0000'
        hi = common.exclusive_upper_bound(q.date_to) if q.date_to else '9999'
        # OP_VALUE_RANGE is inclusive; the exclusive bound's predecessor is close enough for
        # YYYY-MM-DD values (no value equals the bound itself).
        filters.append(xapian.Query(xapian.Query.OP_VALUE_RANGE, DATE_SLOT, lo, hi))
    for f in filters:
        query = xapian.Query(xapian.Query.OP_FILTER, query, f)
    return query


def page(db, query, stemmer):
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    mset = enquire.get_mset(0, 10)
    total = mset.get_matches_estimated()
    ids = []
    for m in mset:
        mset.snippet(m.document.get_data().decode('utf-8'), 200, stemmer)
        ids.append(m.docid)
    return ids, total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dir')
    ap.add_argument('--reps', type=int, default=5)
    args = ap.parse_args()
    if xapian is None:
        common.write_skipped(args.dir, 'xapian', 'python3-xapian is not installed')
        print('xapian: skipped (python3-xapian is not installed)')
        return 0
    docs = common.read_corpus(args.dir)
    queries = common.read_queries(args.dir)
    main_docs = [d for d in docs if not d.incremental]
    inc_docs = [d for d in docs if d.incremental]

    path = os.path.join(args.dir, 'xapian')
    shutil.rmtree(path, ignore_errors=True)
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    generators = {}
    for lang, name in STEMMERS.items():
        tg = xapian.TermGenerator()
        tg.set_stemmer(xapian.Stem(name))
        generators[lang] = tg
    t0, c0 = time.perf_counter(), time.process_time()
    add_all(db, main_docs, generators)
    t1, c1 = time.perf_counter(), time.process_time()

    r = common.Results('xapian')
    r.meta['docs'] = len(main_docs)
    r.meta['index_seconds'] = '%.3f' % (t1 - t0)
    r.meta['index_cpu_seconds'] = '%.3f' % (c1 - c0)
    r.meta['index_bytes'] = common.dir_bytes(path)
    r.meta['note'] = 'xapian %s, python3-xapian, STEM_SOME, text stored for snippets' % xapian.version_string()

    parsers = {}
    for lang, name in STEMMERS.items():
        qp = xapian.QueryParser()
        qp.set_stemmer(xapian.Stem(name))
        qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        qp.set_default_op(xapian.Query.OP_AND)
        qp.set_database(db)
        parsers[lang] = qp
    for q in queries:
        try:
            stemmer = xapian.Stem(STEMMERS[q.qlang])
            ids, _ = page(db, build_query(db, q, parsers), stemmer)  # warm-up
            r.top[q.id] = ids
            lat, cpu = [], []
            for _ in range(args.reps):
                a, ca = time.perf_counter(), time.thread_time()
                page(db, build_query(db, q, parsers), stemmer)
                lat.append((time.perf_counter() - a) * 1000)
                cpu.append((time.thread_time() - ca) * 1000)
            r.lat[q.id] = lat
            r.cpu[q.id] = cpu
            enquire = xapian.Enquire(db)
            enquire.set_query(build_query(db, q, parsers))
            enquire.set_weighting_scheme(xapian.BoolWeight())
            r.all[q.id] = [m.docid for m in enquire.get_mset(0, db.get_doccount())]
        except xapian.Error as e:
            r.err[q.id] = str(e)

    if inc_docs:
        a, ca = time.perf_counter(), time.process_time()
        add_all(db, inc_docs, generators)
        r.meta['incremental_docs'] = len(inc_docs)
        r.meta['incremental_seconds'] = '%.4f' % (time.perf_counter() - a)
        r.meta['incremental_cpu_seconds'] = '%.4f' % (time.process_time() - ca)
    db.close()
    r.write(args.dir)
    print('xapian: indexed %d releases in %.1f s' % (len(main_docs), t1 - t0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
