#!/usr/bin/env python3
"""Assembles bench/langid/fresh.jsonl: the round-4 held-out TEST set, from
Debian packages no earlier round used (see README.md for versions and
licences). Nothing in it is tuned on.

Run once, offline apart from apt:
    mkdir -p /tmp/fresh && cd /tmp/fresh
    apt-get download gnome-user-docs debian-edu-doc-en debian-edu-doc-fr debian-edu-doc-es \
        debian-edu-doc-it debian-edu-doc-pt-pt debian-edu-doc-de debian-edu-doc-nl \
        nautilus-data evince-common gnome-shell-common
    for f in *.deb; do dpkg-deb -x "$f" root; done
    python3 bench/langid/assemble_fresh.py /tmp/fresh/root > bench/langid/fresh.jsonl

Three sources, all real text written for users, not for this benchmark:

- GNOME's desktop help and Evince's help (gnome-user-docs, evince-common):
  Mallard pages in English (C) and their translations; items are the
  pages' titles and short descriptions (real short lines: "Changer le fond
  d'écran"), paragraphs and their sentences. Evince's help is the only
  running text in Occitan on hand, but its Occitan pages are untranslated
  English (so the filters drop them): Occitan comes from the catalogs.
- The Debian Edu bookworm manual (debian-edu-doc-*): one HTML page per
  language; headings, paragraphs and sentences, as for prose.jsonl. The
  bullseye manual shipped beside it is left out (a near-copy).
- The message catalogs of nautilus, evince and gnome-shell (.mo, decoded
  with gettext): menu entries, labels and messages, the English msgid and
  each translation. Messages with placeholders are dropped, not blanked, so
  every item is a whole real line, never a cut.

Items equal to a text of prose.jsonl or ui.jsonl are dropped (GNOME and GTK
share strings), and so is anything the filters of assemble_prose.py reject
(code, paths, untranslated English left in a translation, name lists).
"""
import gettext, glob, hashlib, json, os, re, sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from assemble import clean_message  # noqa: E402
from assemble_prose import (BUCKETS, CODE_END, CODE_START, blocks, bucket, document_picks,  # noqa: E402
                            leftover, names_list, prose)

ROOT = sys.argv[1]
SHARE = os.path.join(ROOT, 'usr/share')
HERE = os.path.dirname(os.path.abspath(__file__))
LOCALES = {'C': 'eng', 'fr': 'fra', 'es': 'spa', 'it': 'ita', 'pt': 'por', 'pt_BR': 'por', 'ca': 'cat', 'oc': 'oci',
           'de': 'deu', 'nl': 'nld'}
EDU = {'en': 'eng', 'fr': 'fra', 'es': 'spa', 'it': 'ita', 'pt-pt': 'por', 'de': 'deu', 'nl': 'nld'}
CAPS = {'docs': ({'fra': 500, 'eng': 500}, 200), 'catalog': ({'fra': 400, 'eng': 400}, 150)}

MALLARD = '{http://projectmallard.org/1.0/}'
BLOCK = {'p', 'title', 'desc', 'subtitle'}
# Not language, or not this page's prose: metadata, media, code, tables of shortcuts.
SKIP = {'credit', 'license', 'revision', 'link', 'include', 'media', 'code', 'screen', 'synopsis', 'comment', 'table',
        'years', 'name', 'email'}
CODE = {'cmd', 'file', 'sys', 'key', 'keyseq', 'input', 'output', 'var', 'app', 'tt', 'uix', 'email'}


def local(tag):
    return tag.split('}')[-1] if isinstance(tag, str) else ''


def mallard_text(element):
    """The element's text, inline code wrapped in CODE_START/CODE_END (as assemble_prose.prose expects)."""
    parts = [element.text or '']
    for child in element:
        name = local(child.tag)
        if name in SKIP and name != 'link':
            pass
        elif name in CODE:
            parts.append(CODE_START + ''.join(child.itertext()) + CODE_END)
        else:
            parts.append(mallard_text(child))
        parts.append(child.tail or '')
    return ''.join(parts)


def mallard_blocks(element, inside_info=False):
    for child in element:
        name = local(child.tag)
        if name in SKIP or (inside_info and name != 'desc'):
            continue
        if name in BLOCK:
            kind = 'paragraph' if name == 'p' else 'heading'
            yield kind, re.sub(r'\s+', ' ', mallard_text(child)).strip()
        else:
            yield from mallard_blocks(child, inside_info or name == 'info')


def help_documents():
    """(package, lang, document key, blocks) per Mallard page."""
    for manual, package in (('gnome-help', 'gnome-user-docs 43.0-2'), ('evince', 'evince-common 43.1-2+deb12u1')):
        for path in sorted(glob.glob(os.path.join(SHARE, 'help/*', manual, '*.page'))):
            lang = LOCALES.get(path.split('/')[-3])
            if not lang:
                continue
            page = ET.parse(path).getroot()
            yield package, lang, path, f'{manual}:{os.path.basename(path)}', list(mallard_blocks(page))


def edu_documents():
    """The Debian Edu manual, one document per section (it is one HTML page per language)."""
    for tag, lang in EDU.items():
        path = os.path.join(SHARE, f'doc/debian-edu-doc-{tag}/debian-edu-bookworm-manual.html')
        section, found = 'start', []
        for kind, text in blocks(path):
            if kind == 'heading' and found:
                yield 'debian-edu-doc 2.12.23~deb12u1', lang, path, f'edu:{section}', found
                found = []
            if kind == 'heading':
                section = str(len(found)) + ':' + hashlib.sha1(text.encode()).hexdigest()[:6]
            found.append((kind, text))
        if found:
            yield 'debian-edu-doc 2.12.23~deb12u1', lang, path, f'edu:{section}', found


def doc_items(known):
    """(lang, bucket, kind, text, source) of the help pages and the Edu manual, at most 4 per page, language and bucket."""
    for package, lang, path, key, found in list(help_documents()) + list(edu_documents()):
        for b, item_kind, text in document_picks(lang, found, known):
            yield lang, b, item_kind, text, f'{package}:{path[len(ROOT):]}'


PLACEHOLDER = re.compile(r"%(\d\$)?[-+ #0']*\d*(\.\d+)?[a-zA-Z]|\{[^}]*\}|<[^>]+>|\\n|\n")
CATALOGS = {'nautilus.mo': 'nautilus-data 43.2-1', 'evince.mo': 'evince-common 43.1-2+deb12u1',
            'gnome-shell.mo': 'gnome-shell-common 43.9-0+deb12u2'}


def catalog_items(known):
    """(lang, bucket, kind, text, source): each translated message, and the English msgid once."""
    for path in sorted(glob.glob(os.path.join(SHARE, 'locale/*/LC_MESSAGES/*.mo'))):
        lang, name = LOCALES.get(path.split('/')[-3]), os.path.basename(path)
        if not lang or lang == 'eng' or name not in CATALOGS:
            continue
        with open(path, 'rb') as handle:
            catalog = gettext.GNUTranslations(handle)._catalog
        source = f'{CATALOGS[name]}:{path[len(ROOT):]}'
        for msgid, msgstr in sorted(catalog.items(), key=lambda pair: str(pair[0])):
            msgid = (msgid[0] if isinstance(msgid, tuple) else msgid).split('\x04')[-1]
            # Placeholders make fragments ("Page of"), credits are names, keyword lists are not lines.
            if not msgid or msgid == 'translator-credits' or PLACEHOLDER.search(msgid) or PLACEHOLDER.search(msgstr) or ';' in msgid:
                continue
            english, translated = clean_message(msgid), clean_message(msgstr)
            if re.fullmatch(r'[A-Z]+', english):
                continue  # a command-line argument's name (FILE, EXTENSION), not a word
            for item_lang, text, where in ((lang, translated, source), ('eng', english, f'{source} (msgid)')):
                plain = prose(text) if text else None
                if plain is None or plain in known or (item_lang != 'eng' and translated == english):
                    continue
                if leftover(item_lang, plain) or names_list(plain):
                    continue
                known.add(plain)
                yield item_lang, bucket(plain), 'catalog', plain, where


def earlier_texts():
    texts = set()
    for name in ('prose.jsonl', 'ui.jsonl'):
        with open(os.path.join(HERE, name), encoding='utf-8') as handle:
            texts.update(json.loads(line)['text'] for line in handle if line.strip())
    return texts


def main():
    known = earlier_texts()
    rows = []
    for family, items in (('docs', doc_items(known)), ('catalog', catalog_items(known))):
        cells = {}
        for lang, b, kind, text, source in items:
            cells.setdefault((lang, b), []).append((kind, text, source))
        caps, default = CAPS[family]
        for (lang, b), found in sorted(cells.items()):
            found.sort(key=lambda item: hashlib.sha1(item[1].encode()).hexdigest())
            for kind, text, source in found[:caps.get(lang, default)]:
                rows.append({'id': 'f' + hashlib.sha1(text.encode()).hexdigest()[:11], 'lang': lang, 'split': 'test',
                             'kind': kind, 'text': text, 'source': source})
    rows.sort(key=lambda row: (row['lang'], len(row['text']), row['id']))
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == '__main__':
    main()
