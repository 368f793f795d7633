#!/usr/bin/python3
"""Sphinx peer of the search benchmark (issue #3): Debian's sphinxsearch 2.2 with
morphology = stem_enru, fed by an xmlpipe2 stream of the main releases of corpus.tsv, served by
searchd on a free 127.0.0.1 port and queried over SphinxQL (python3-pymysql). Writes
results-sphinx.tsv. The incremental batch is timed as a delta index of its own (a plain Sphinx
index cannot take new documents; main+delta is the documented way).

Per query page: the best 10 ids by Sphinx's default ranking and the total from SHOW META; no
snippets (Sphinx does not store the text; CALL SNIPPETS would need it from elsewhere). Filters:
language, source and date (YYYYMMDD) as integer attributes in the WHERE clause.

searchd is stopped on exit, also on failure; scripts/bench_search.sh additionally kills it by
its pid file if this script dies.

usage: bench_search_sphinx.py DIR [--reps 5]"""

import argparse
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_search_common as common  # noqa: E402

try:
    import pymysql
except ImportError:
    pymysql = None

LANGS = {'ru': 1, 'en': 2}
# Default 2.2 table plus ё folded to е (ministry sites write both).
CHARSET = ('0..9, A..Z->a..z, _, a..z, U+410..U+42F->U+430..U+44F, U+430..U+44F, '
           'U+401->U+435, U+451->U+435')
MAX_MATCHES = 1000000


def ymd(prefix):
    digits = prefix.replace('-', '')
    return int(digits.ljust(8, '0'))


def write_xml(path, docs, sources):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<sphinx:docset>\n<sphinx:schema>\n'
                '<sphinx:field name="title"/>\n<sphinx:field name="content"/>\n'
                '<sphinx:attr name="lang" type="int" bits="8"/>\n'
                '<sphinx:attr name="src" type="int" bits="16"/>\n'
                '<sphinx:attr name="published" type="int" bits="32"/>\n</sphinx:schema>\n')
        for d in docs:
            f.write('<sphinx:document id="%d"><title>%s</title><content>%s</content>'
                    '<lang>%d</lang><src>%d</src><published>%d</published></sphinx:document>\n'
                    % (d.id, escape(d.title), escape(d.text), LANGS[d.lang], sources[d.source],
                       ymd(d.published)))
        f.write('</sphinx:docset>\n')


def index_block(name, xml, path):
    return ('source %s\n{\n  type = xmlpipe2\n  xmlpipe_command = cat %s\n}\n'
            'index %s\n{\n  source = %s\n  path = %s\n  morphology = stem_enru\n'
            '  charset_table = %s\n  min_word_len = 1\n}\n' % (name, xml, name, name, path, CHARSET))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def timed_indexer(conf, index):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(['indexer', '--config', conf, index], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise RuntimeError('indexer %s failed: %s' % (index, out.stdout[-2000:] + out.stderr[-2000:]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def where(q, sources):
    w = 'MATCH(%s)'
    if q.lang:
        w += ' AND lang=%d' % LANGS[q.lang]
    if q.source:
        w += ' AND src=%d' % sources.get(q.source, 0)
    if q.date_from:
        w += ' AND published>=%d' % ymd(q.date_from)
    if q.date_to:
        if len(q.date_to) == 10:
            w += ' AND published<=%d' % ymd(q.date_to)
        else:
            w += ' AND published<%d' % ymd(common.exclusive_upper_bound(q.date_to))
    return w


def page(cur, q, sources):
    cur.execute('SELECT id FROM main WHERE ' + where(q, sources) + ' LIMIT 10', (q.text,))
    ids = [row[0] for row in cur.fetchall()]
    cur.execute('SHOW META')
    cur.fetchall()
    return ids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dir')
    ap.add_argument('--reps', type=int, default=5)
    args = ap.parse_args()
    if shutil.which('indexer') is None or shutil.which('searchd') is None:
        common.write_skipped(args.dir, 'sphinx', 'sphinxsearch (indexer, searchd) is not installed')
        print('sphinx: skipped (sphinxsearch is not installed)')
        return 0
    if pymysql is None:
        common.write_skipped(args.dir, 'sphinx', 'python3-pymysql is not installed')
        print('sphinx: skipped (python3-pymysql is not installed)')
        return 0

    docs = common.read_corpus(args.dir)
    queries = common.read_queries(args.dir)
    main_docs = [d for d in docs if not d.incremental]
    inc_docs = [d for d in docs if d.incremental]
    sources = {}
    for d in docs:
        sources.setdefault(d.source, len(sources) + 1)

    work = os.path.abspath(os.path.join(args.dir, 'sphinx'))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    write_xml(os.path.join(work, 'main.xml'), main_docs, sources)
    write_xml(os.path.join(work, 'delta.xml'), inc_docs, sources)
    port = free_port()
    searchd = ('searchd\n{\n  listen = 127.0.0.1:%d:mysql41\n  log = %s/searchd.log\n'
               '  query_log = %s/query.log\n  pid_file = %s/searchd.pid\n  binlog_path =\n'
               '  workers = threads\n}\n' % (port, work, work, work))
    indexer = 'indexer\n{\n  mem_limit = 256M\n}\n'
    conf = os.path.join(work, 'sphinx.conf')
    with open(conf, 'w') as f:
        f.write(index_block('main', os.path.join(work, 'main.xml'), os.path.join(work, 'main')))
        f.write(indexer + searchd)
    delta_conf = os.path.join(work, 'delta.conf')
    with open(delta_conf, 'w') as f:
        f.write(index_block('delta', os.path.join(work, 'delta.xml'), os.path.join(work, 'delta')))
        f.write(indexer)

    wall, cpu = timed_indexer(conf, 'main')
    r = common.Results('sphinx')
    r.meta['docs'] = len(main_docs)
    r.meta['index_seconds'] = '%.3f' % wall
    r.meta['index_cpu_seconds'] = '%.3f' % cpu
    r.meta['index_bytes'] = sum(os.path.getsize(os.path.join(work, n))
                                for n in os.listdir(work) if n.startswith('main.s'))
    version = subprocess.run(['indexer', '--help'], capture_output=True, text=True).stdout.split('\n')[0]
    r.meta['note'] = ('%s, stem_enru, xmlpipe2, SphinxQL over 127.0.0.1 (latency includes the '
                      'client round trip), no snippets, text not stored; incremental = delta index'
                      % version.strip())

    started = subprocess.run(['searchd', '--config', conf], capture_output=True, text=True)
    if started.returncode != 0:
        raise RuntimeError('searchd failed: ' + started.stdout[-2000:] + started.stderr[-2000:])
    try:
        conn = None
        for _ in range(100):
            try:
                conn = pymysql.connect(host='127.0.0.1', port=port, user='', password='',
                                       charset='utf8')
                break
            except pymysql.err.OperationalError:
                time.sleep(0.1)
        if conn is None:
            raise RuntimeError('searchd does not answer on 127.0.0.1:%d' % port)
        cur = conn.cursor()
        for q in queries:
            try:
                r.top[q.id] = page(cur, q, sources)  # warm-up
                lat = []
                for _ in range(args.reps):
                    a = time.perf_counter()
                    page(cur, q, sources)
                    lat.append((time.perf_counter() - a) * 1000)
                r.lat[q.id] = lat
                cur.execute('SELECT id FROM main WHERE ' + where(q, sources) +
                            ' LIMIT 0, %d OPTION max_matches=%d' % (MAX_MATCHES, MAX_MATCHES),
                            (q.text,))
                r.all[q.id] = [row[0] for row in cur.fetchall()]
            except pymysql.err.MySQLError as e:
                r.err[q.id] = str(e)
        conn.close()
    finally:
        subprocess.run(['searchd', '--config', conf, '--stopwait'], capture_output=True)

    if inc_docs:
        wall, cpu = timed_indexer(delta_conf, 'delta')
        r.meta['incremental_docs'] = len(inc_docs)
        r.meta['incremental_seconds'] = '%.4f' % wall
        r.meta['incremental_cpu_seconds'] = '%.4f' % cpu
    r.write(args.dir)
    print('sphinx: indexed %d releases in %s s' % (len(main_docs), r.meta['index_seconds']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
