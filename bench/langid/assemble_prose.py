#!/usr/bin/env python3
"""Assembles bench/langid/prose.jsonl: running text of Debian's translated
documentation (see README.md for packages and licences).

Run once, offline apart from apt:
    mkdir -p /tmp/langdocs && cd /tmp/langdocs
    apt-get download installation-guide-amd64 debian-handbook debian-history \
        debian-reference-en debian-reference-fr debian-reference-es debian-reference-it \
        debian-reference-pt debian-reference-de maint-guide maint-guide-fr maint-guide-es \
        maint-guide-it maint-guide-ca maint-guide-de developers-reference \
        developers-reference-fr developers-reference-de developers-reference-it harden-doc \
        aptitude-doc-en aptitude-doc-fr aptitude-doc-es aptitude-doc-it aptitude-doc-nl
    for f in *.deb; do dpkg-deb -x "$f" root; done
    python3 bench/langid/assemble_prose.py /tmp/langdocs/root > bench/langid/prose.jsonl

Items are paragraphs (<p>), their sentences, and section headings, taken
outside <pre>, tables and navigation; inline code (commands, file names,
options) is measured and an item with much of it is dropped, so what is left
is prose and titles, not commands. The split is by DOCUMENT: a page and its
translations (same package, same page name) land together in `tune` or in
`test`, since sentences of one page share names and wording.

Written in Python because its standard library parses HTML well enough for
this one-off extraction; nothing here ships.
"""
import glob, hashlib, html.parser, json, os, re, sys

ROOT = sys.argv[1]
SHARE = os.path.join(ROOT, 'usr/share')
PER_CELL = {'fra': 500, 'eng': 500}
DEFAULT_PER_CELL = 200
PER_DOCUMENT_CELL = 4  # per page, language and bucket: spreads the sample over many pages
MAX_LENGTH = 1200
BUCKETS = [(0, 20), (20, 50), (50, 100), (100, 300), (300, 10**9)]
TUNE_SHARE = 0x66  # of 256: ~40% of documents tune, ~60% test

TAG_LANG = {'fr': 'fra', 'en': 'eng', 'es': 'spa', 'it': 'ita', 'pt': 'por', 'de': 'deu', 'nl': 'nld', 'ca': 'cat'}


def lang_of(tag):
    return TAG_LANG.get(tag.split('-')[0].split('_')[0].lower())


def documents():
    """(package, lang, path, document key) for every page of every manual."""
    def add(package, pattern, lang_from, key_from):
        for path in sorted(glob.glob(os.path.join(SHARE, pattern))):
            lang = lang_from(path)
            if lang:
                yield package, lang, path, f'{package}:{key_from(path)}'
    base = os.path.basename
    yield from add('installation-guide-amd64 20230508+deb12u1', 'doc/installation-guide-amd64/*/*.html',
                   lambda p: lang_of(p.split('/')[-2]), base)
    yield from add('debian-handbook 11.20220922', 'doc/debian-handbook/html/*/*.html', lambda p: lang_of(p.split('/')[-2]), base)
    yield from add('debian-history 2.28', 'doc/debian-history/docs/*.*.html', lambda p: lang_of(base(p).split('.')[-2]),
                   lambda p: base(p).split('.')[0])
    yield from add('debian-reference 2.100', 'debian-reference/*.*.html', lambda p: lang_of(base(p).split('.')[-2]),
                   lambda p: base(p).split('.')[0])
    yield from add('developers-reference 12.18', 'developers-reference/*.html', lambda p: 'eng', base)
    yield from add('developers-reference 12.18', 'developers-reference/*/*.html', lambda p: lang_of(p.split('/')[-2]), base)
    yield from add('maint-guide 1.2.53', 'doc/maint-guide*/html/*.*.html', lambda p: lang_of(base(p).split('.')[-2]),
                   lambda p: base(p).split('.')[0])
    yield from add('harden-doc 3.19+nmu1', 'doc/harden-doc/html/*/*.html', lambda p: lang_of(p.split('/')[-2]), base)
    yield from add('aptitude-doc 0.8.13-5', 'doc/aptitude/html/*/*.html', lambda p: lang_of(p.split('/')[-2]), base)


CODE_TAGS = {'code', 'tt', 'kbd', 'samp', 'var'}
SKIP_TAGS = {'pre', 'table', 'script', 'style', 'head', 'nav', 'title'}
CODE_CLASSES = {'command', 'filename', 'literal', 'option', 'replaceable', 'userinput', 'computeroutput', 'varname',
                'systemitem', 'envar', 'package', 'prompt', 'function', 'parameter', 'classname', 'uri', 'email',
                'literallayout', 'programlisting', 'screen', 'synopsis', 'cmdsynopsis', 'guimenu', 'keycap', 'code', 'pre'}
VOID = {'br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr'}
CODE_START, CODE_END = '\x01', '\x02'


class Extractor(html.parser.HTMLParser):
    """Paragraph and heading texts, inline code wrapped in CODE_START/CODE_END."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skip, code) per open element
        self.blocks = []  # (kind, text)
        self.current = None

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get('class') or '').split())
        skip = tag in SKIP_TAGS or bool(classes & {'navheader', 'navfooter', 'toc', 'screen', 'programlisting', 'highlight'})
        code = tag in CODE_TAGS or bool(classes & CODE_CLASSES)
        if code and not self.in_code():
            self.add(CODE_START)
        self.stack.append((tag, skip, code))
        if tag == 'p' or re.fullmatch(r'h[1-4]', tag):
            self.current = ('heading' if tag != 'p' else 'paragraph', [])

    def handle_endtag(self, tag):
        if tag in VOID or not any(open_tag == tag for open_tag, _, _ in self.stack):
            return
        while self.stack:
            open_tag, _, code = self.stack.pop()
            if code and not self.in_code():
                self.add(CODE_END)
            if open_tag == tag:
                break
        if (tag == 'p' or re.fullmatch(r'h[1-4]', tag)) and self.current:
            self.blocks.append((self.current[0], ''.join(self.current[1])))
            self.current = None

    def in_code(self):
        return any(code for _, _, code in self.stack)

    def add(self, text):
        if self.current is not None and not any(skip for _, skip, _ in self.stack):
            self.current[1].append(text)

    def handle_data(self, data):
        self.add(data)


def blocks(path):
    parser = Extractor()
    with open(path, encoding='utf-8', errors='replace') as handle:
        parser.feed(handle.read())
    for kind, text in parser.blocks:
        text = re.sub(r'\s+', ' ', text).strip()
        if kind == 'heading':
            # Numbering is not language: "1.2. ", "Chapitre 3. ", "A.1 ".
            text = re.sub(r'^(\S+\s)?([A-Z]?[\d.]+)\s+', lambda m: '' if m.group(1) is None or re.search(r'\d', m.group(2)) else m.group(0), text).strip()
        yield kind, text


# Sentence ends: a full stop, ! or ? then a capital. A rough split is enough
# here (the stage splits with parse-latin); a wrong split only yields a
# shorter item, still in the page's language.
SENTENCE_END = re.compile(r'(?<=[.!?…])\s+(?=[«"“(]?[A-ZÀ-ÖØ-Þ])')


def items_of(kind, text):
    if kind == 'heading':
        yield 'heading', text
        return
    if len(text.split()) < 3:
        return  # "aptitude update", "Virtuels": a command or a list entry, not a sentence
    sentences = [s for s in SENTENCE_END.split(text) if s]
    if len(sentences) > 1:
        for sentence in sentences:
            yield 'sentence', sentence
    yield 'paragraph', text if len(text) <= MAX_LENGTH else text[:MAX_LENGTH].rsplit(' ', 1)[0]


def prose(text):
    """The item without code marks, or None when it is not running text."""
    code = sum(len(part) for part in re.findall(CODE_START + '[^' + CODE_END + ']*' + CODE_END + '?', text))
    plain = re.sub(r'\s+', ' ', text.replace(CODE_START, '').replace(CODE_END, '').replace('¶', '')).strip()
    if not plain or code > 0.1 * len(plain) + 2:
        return None
    if re.search(r'https?://|www\.|\S+@\S+\.\w|[{}<>|\\$#=]|\w/\w|\w_\w|\.\w{2,4}\b(?!\s+[A-ZÀ-Ý])', plain):
        return None  # URLs, addresses, paths, file names, code left outside code tags
    letters = sum(ch.isalpha() for ch in plain)
    if letters < 3 or letters / len(plain) < 0.75:
        return None
    return plain


# Translations leave paragraphs they have not translated in English: a
# non-English page's item rich in English function words would carry a wrong
# label and is dropped (the words are not words of the other candidates,
# except Dutch `is`/`of`, left out). English pages: items rich in French
# function words are dropped for the same reason.
ENGLISH = {'the', 'and', 'with', 'this', 'that', 'are', 'which', 'when', 'from', 'be', 'by', 'their', 'its', 'to', 'for',
           'not', 'can', 'will', 'has', 'have', 'an', 'it', 'if', 'you', 'your', 'these', 'than', 'what', 'how', 'should'}
# In a Romance-language page, `of` and `is` are English too ("Tableau 7.1.
# List of desktop environment": an untranslated caption). Not `on`, `or`:
# French words.
ENGLISH_IN_ROMANCE = ENGLISH | {'of', 'is', 'using'}
FRENCH = {'le', 'la', 'les', 'des', 'du', 'une', 'est', 'et', 'pour', 'dans', 'qui', 'que', 'sur', 'avec', 'vous', 'pas'}


def leftover(lang, text):
    words = re.findall(r'[a-zà-ÿ]+', text.lower())
    if not words:
        return True
    foreign = FRENCH if lang == 'eng' else ENGLISH_IN_ROMANCE if lang in ('fra', 'spa', 'ita', 'por', 'cat') else ENGLISH
    share = sum(word in foreign for word in words) / len(words)
    return share >= (0.04 if len(words) >= 12 else 0.001)  # a short item: one foreign function word is enough


def names_list(text):
    """Translator credits and the like ("Nuno Sénica, Miguel Figueiredo"): names are in no language."""
    words = text.split()
    capitalised = sum(word[:1].isupper() and not word.isupper() for word in words)
    return text.count(',') >= 1 and capitalised >= 0.8 * len(words) and not re.search(r'[:?!…]|\.\.\.', text)


def bucket(text):
    return next(i for i, (low, high) in enumerate(BUCKETS) if low <= len(text) < high)


def split_of(key):
    return 'tune' if int(hashlib.sha1(key.encode()).hexdigest()[:2], 16) < TUNE_SHARE else 'test'


def document_picks(lang, found, seen):
    """(bucket, kind, text) kept from one document's (kind, block) pairs: prose not seen before (added to `seen`),
    at most PER_DOCUMENT_CELL per bucket, in hash order. assemble_fresh.py picks the same way."""
    per_document = {}
    for kind, block in found:
        for item_kind, raw in items_of(kind, block):
            text = prose(raw)
            if text is None or text in seen or leftover(lang, text) or names_list(text):
                continue
            seen.add(text)
            per_document.setdefault(bucket(text), []).append((item_kind, text))
    picks = []
    for b, items in per_document.items():
        items.sort(key=lambda item: hashlib.sha1(item[1].encode()).hexdigest())
        picks.extend((b, item_kind, text) for item_kind, text in items[:PER_DOCUMENT_CELL])
    return picks


def main():
    seen, cells = set(), {}
    for package, lang, path, key in documents():
        source = f'{package}:{path[len(ROOT):]}'
        for b, item_kind, text in document_picks(lang, blocks(path), seen):
            cells.setdefault((lang, b), []).append({'text': text, 'kind': item_kind, 'source': source, 'document': key})
    rows = []
    for (lang, b), items in sorted(cells.items()):
        items.sort(key=lambda item: hashlib.sha1(item['text'].encode()).hexdigest())
        for item in items[:PER_CELL.get(lang, DEFAULT_PER_CELL)]:
            digest = hashlib.sha1(item['text'].encode()).hexdigest()
            rows.append({'id': digest[:12], 'lang': lang, 'split': split_of(item['document']), 'kind': item['kind'],
                         'text': item['text'], 'source': item['source']})
    rows.sort(key=lambda row: (row['lang'], len(row['text']), row['id']))
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == '__main__':
    main()
