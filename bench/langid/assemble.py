#!/usr/bin/env python3
"""Assembles bench/langid/ui.jsonl (the "UI strings" group) from Debian packages (see README.md).

Run once, offline apart from apt:
    mkdir -p /tmp/langdata && cd /tmp/langdata
    apt-get download vlc-l10n libgtk-3-common manpages manpages-fr manpages-de \
        manpages-es manpages-it manpages-nl manpages-pt-br
    for f in *.deb; do dpkg-deb -x "$f" root; done
    python3 bench/langid/assemble.py /tmp/langdata/root > bench/langid/ui.jsonl

Written in Python because its standard library reads .mo catalogs
(gettext.GNUTranslations) and groff renders man pages; nothing here ships.
The split (tune/test) is a hash of the text, so it is stable and the same
sentence never lands in both parts.
"""
import gettext, glob, gzip, hashlib, json, os, re, subprocess, sys

ROOT = sys.argv[1]
PER_CELL = {'fra': 400, 'eng': 400}  # fr/en get more items: their targets are the tight ones
DEFAULT_PER_CELL = 160
MAX_LENGTH = 1200  # keeps the committed file small; 300+ is the last bucket anyway
BUCKETS = [(0, 20), (20, 50), (50, 100), (100, 300), (300, 10**9)]
LOCALES = {'fr': 'fra', 'es': 'spa', 'it': 'ita', 'pt': 'por', 'pt_BR': 'por', 'ca': 'cat', 'oc': 'oci', 'de': 'deu', 'nl': 'nld'}
MAN = {'fr': 'fra', 'de': 'deu', 'es': 'spa', 'it': 'ita', 'nl': 'nld', 'pt_BR': 'por'}
PACKAGES = {'vlc.mo': 'vlc-l10n 3.0.24', 'gtk30.mo': 'libgtk-3-common 3.24.38', 'gtk30-properties.mo': 'libgtk-3-common 3.24.38'}


def clean_message(text):
    text = re.sub(r'<[^>]+>', ' ', text)            # markup
    text = re.sub(r'%(\d\$)?[-+ #0]*\d*(\.\d+)?[a-zA-Z]', ' ', text)  # printf
    text = re.sub(r'\{[^}]*\}', ' ', text)
    text = text.replace('_', '').replace('&', '')   # mnemonics
    return re.sub(r'\s+', ' ', text).strip()


def catalog_items():
    """(lang, text, source) for every translated message, and English msgids."""
    for path in sorted(glob.glob(os.path.join(ROOT, 'usr/share/locale/*/LC_MESSAGES/*.mo'))):
        locale = path.split('/')[-3]
        name = os.path.basename(path)
        if locale not in LOCALES or name not in PACKAGES:
            continue
        with open(path, 'rb') as handle:
            catalog = gettext.GNUTranslations(handle)
        source = f"{PACKAGES[name]}:{path[len(ROOT):]}"
        for msgid, msgstr in catalog._catalog.items():
            if isinstance(msgid, tuple):
                msgid = msgid[0]
            if not msgid:
                continue  # the catalog header
            msgid = msgid.split('\x04')[-1]  # drop a message context
            english, translated = clean_message(msgid), clean_message(msgstr)
            if translated and translated != english:
                yield LOCALES[locale], translated, source
            if locale == 'fr' and english:
                yield 'eng', english, f"{PACKAGES[name]}:{path[len(ROOT):]} (msgid)"


def man_paragraphs(path):
    rendered = subprocess.run(['groff', '-k', '-t', '-man', '-Tutf8', '-rLL=2000n', '-P-cbou', path if not path.endswith('.gz') else '-'],
                              input=gzip.open(path).read() if path.endswith('.gz') else None,
                              capture_output=True).stdout.decode('utf-8', 'replace')
    for block in re.split(r'\n\s*\n', rendered):
        text = re.sub(r'\s+', ' ', block).strip()
        letters = sum(ch.isalpha() for ch in text)
        # Prose only: synopses, option lists and code are mostly symbols.
        if len(text) >= 20 and letters / len(text) > 0.75 and not text.isupper() and not re.search(r'\(\d\)', text):
            yield text[:MAX_LENGTH].rsplit(' ', 1)[0] if len(text) > MAX_LENGTH else text


# manpages-l10n leaves paragraphs it has not translated in English. A
# translated page's paragraph rich in English function words is such a
# leftover and would carry a wrong label, so it is dropped. (These words are
# not words of the other languages, except Dutch `is`/`of`, left out.)
ENGLISH_FUNCTION_WORDS = {'the', 'and', 'with', 'this', 'that', 'are', 'which', 'when', 'from', 'be', 'by', 'their', 'its',
                          'to', 'for', 'not', 'can', 'will', 'has', 'have', 'an', 'it', 'if', 'you', 'your', 'these', 'than'}


def english_leftover(text):
    words = re.findall(r'[a-z]+', text.lower())
    return bool(words) and sum(word in ENGLISH_FUNCTION_WORDS for word in words) / len(words) >= 0.04


def man_items():
    pages = [('eng', 'man')] + [(lang, f'man/{locale}') for locale, lang in MAN.items()]
    package = {'eng': 'manpages 6.03'}
    for lang, folder in pages:
        for path in sorted(glob.glob(os.path.join(ROOT, 'usr/share', folder, 'man[1-8]/*.gz'))):
            source = f"{package.get(lang, 'manpages-' + folder.split('/')[-1].lower().replace('_', '-') + ' 4.18.1')}:{path[len(ROOT):]}"
            for paragraph in man_paragraphs(path):
                if lang == 'eng' or not english_leftover(paragraph):
                    yield lang, paragraph, source


def bucket(text):
    return next(i for i, (low, high) in enumerate(BUCKETS) if low <= len(text) < high)


def main():
    seen, cells = set(), {}
    for lang, text, source in list(catalog_items()) + list(man_items()):
        if sum(ch.isalpha() for ch in text) < 3 or text in seen:
            continue
        seen.add(text)
        cells.setdefault((lang, bucket(text)), []).append((text, source))
    rows = []
    for (lang, b), items in sorted(cells.items()):
        # Deterministic sample spread over the whole source, not its first pages.
        items.sort(key=lambda item: hashlib.sha1(item[0].encode()).hexdigest())
        for text, source in items[:PER_CELL.get(lang, DEFAULT_PER_CELL)]:
            digest = hashlib.sha1(text.encode()).hexdigest()
            split = 'tune' if int(digest[-2:], 16) < 0x60 else 'test'  # ~37% tune, ~63% test; not the sampling hash's prefix
            rows.append({'id': digest[:12], 'lang': lang, 'split': split, 'text': text, 'source': source})
    rows.sort(key=lambda row: (row['lang'], len(row['text']), row['id']))
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == '__main__':
    main()
