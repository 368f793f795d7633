"""Shared by the Python peers of the search benchmark (Sphinx, Xapian): reads the corpus and the
query set that `bench_search generate` wrote, and writes results-<engine>.tsv in the format of
tools/bench_search/corpus_io.h."""

import os


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append('\n' if n == 'n' else '\t' if n == 't' else n)
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


class Doc:
    __slots__ = ('id', 'incremental', 'lang', 'source', 'published', 'title', 'text')


def read_corpus(directory):
    docs = []
    with open(os.path.join(directory, 'corpus.tsv'), encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            d = Doc()
            d.id = int(fields[0])
            d.incremental = fields[1] == 'inc'
            d.lang, d.source, d.published = fields[2], fields[3], fields[4]
            d.title = unescape(fields[6])
            d.text = unescape(fields[7]) if '\\' in fields[7] else fields[7]
            docs.append(d)
    return docs


class Query:
    __slots__ = ('id', 'cls', 'qlang', 'text', 'lang', 'source', 'date_from', 'date_to')

    def parts(self):
        """Words and phrases in order: [(text, is_phrase)]."""
        out, i, t = [], 0, self.text
        while i < len(t):
            if t[i] == ' ':
                i += 1
            elif t[i] == '"':
                j = t.find('"', i + 1)
                j = len(t) if j < 0 else j
                out.append((t[i + 1:j], True))
                i = j + 1
            else:
                j = t.find(' ', i)
                j = len(t) if j < 0 else j
                out.append((t[i:j], False))
                i = j
        return out


def read_queries(directory):
    queries = []
    with open(os.path.join(directory, 'queries.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = line.split('\t')
            q = Query()
            q.id, q.cls, q.qlang, q.text = fields[0], fields[1], fields[2], fields[3]
            opt = lambda s: '' if s == '-' else s
            q.lang, q.source = opt(fields[4]), opt(fields[5])
            q.date_from, q.date_to = opt(fields[6]), opt(fields[7])
            queries.append(q)
    return queries


def exclusive_upper_bound(to):
    """The smallest ISO string above every date `to` covers ('2024' -> '2025', '2024-12' ->
    '2025-01', '2021-06-30' -> '2021-06-30~'), for comparisons on 'YYYY-MM-DD' strings."""
    if len(to) == 4:
        return '%04d' % (int(to) + 1)
    if len(to) == 7:
        y, m = int(to[:4]), int(to[5:7])
        return '%04d-%02d' % (y + 1, 1) if m == 12 else '%04d-%02d' % (y, m + 1)
    return to + '~'


class Results:
    def __init__(self, engine):
        self.engine = engine
        self.meta, self.lat, self.cpu, self.top, self.all, self.err = {}, {}, {}, {}, {}, {}

    def write(self, directory):
        path = os.path.join(directory, 'results-%s.tsv' % self.engine)
        with open(path, 'w', encoding='utf-8') as f:
            for k, v in self.meta.items():
                f.write('meta\t%s\t%s\n' % (k, str(v).replace('\t', ' ').replace('\n', ' ')))
            for q, v in self.lat.items():
                f.write('lat\t%s\t%s\n' % (q, ' '.join('%.4f' % x for x in v)))
            for q, v in self.cpu.items():
                f.write('cpu\t%s\t%s\n' % (q, ' '.join('%.4f' % x for x in v)))
            for q, v in self.top.items():
                f.write('top\t%s\t%s\n' % (q, ' '.join(map(str, v))))
            for q, v in self.all.items():
                f.write('all\t%s\t%s\n' % (q, ' '.join(map(str, v))))
            for q, v in self.err.items():
                f.write('err\t%s\t%s\n' % (q, str(v).replace('\t', ' ').replace('\n', ' ')))


def write_skipped(directory, engine, reason):
    r = Results(engine)
    r.meta['skipped'] = reason
    r.write(directory)


def dir_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total
