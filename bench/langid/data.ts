/**
 * The labelled items of the language identification benchmark, in groups
 * (see README.md for sources and licences):
 *
 * - `prose`: running text and headings of Debian's translated manuals
 *   (prose.jsonl), split tune/test by document;
 * - `news`: real French news titles and sentences of bench/extract
 *   (labelled.jsonl, origins `found` and `seed`; its `dev` split tunes, its
 *   `test` split tests);
 * - `titles`: the reference titles and the record titles of sources/, in
 *   French and English; never tuned on;
 * - `ui`: software UI strings and man-page lines (ui.jsonl), reported
 *   apart; its tuning split gives the fit its only Occitan;
 * - `fresh`: the round-4 held-out TEST set (fresh.jsonl, assemble_fresh.py):
 *   GNOME and Evince help, the Debian Edu manual and GNOME message
 *   catalogs, none of it used before; `kind` says which (catalog or not).
 *
 * Round 4 folded every earlier test split (prose, ui, news) into tuning:
 * all of it had been scored several times, so none of it is held out any
 * more. The files keep their original `split` for the record; `spent()`
 * makes it `tune` here.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { toIso6393 } from '../../src/detect/languages.ts'

export interface Item {
  id: string
  lang: string
  split: 'tune' | 'test'
  text: string
  source: string
  group: 'prose' | 'news' | 'titles' | 'ui' | 'fresh'
  /** paragraph, sentence, heading (running text) or catalog (a message catalog string). */
  kind?: string
}

/** Round 4: earlier test items were looked at too often to be held out; they tune now. */
const spent = (item: Item): Item => ({ ...item, split: 'tune' })

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

function jsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as T)
}

export function prose(): Item[] {
  return jsonLines<Omit<Item, 'group'>>(here('./prose.jsonl')).map((row) => spent({ ...row, group: 'prose' as const }))
}

export function ui(): Item[] {
  return jsonLines<Omit<Item, 'group'>>(here('./ui.jsonl')).map((row) => spent({ ...row, group: 'ui' as const }))
}

/** The round-4 held-out set: every item is `test`. */
export function fresh(): Item[] {
  return jsonLines<Omit<Item, 'group'>>(here('./fresh.jsonl')).map((row) => ({ ...row, group: 'fresh' as const }))
}

interface Labelled {
  id: string
  origin: 'found' | 'seed' | 'written'
  split: 'dev' | 'test'
  text: string
}

/** Real French text only: `written` items were written for the extraction bench. */
export function news(): Item[] {
  return jsonLines<Labelled>(here('../extract/labelled.jsonl'))
    .filter((row) => row.origin !== 'written')
    .map((row) => spent({ id: row.id, lang: 'fra', split: 'tune', text: row.text, source: `bench/extract/labelled.jsonl ${row.id} (${row.split})`, group: 'news' as const }))
}

interface RecordTitles {
  title?: { en?: string; fr?: string }
  references?: Array<{ id: string; title: string; language: string; publisher: string }>
}

/** Titles of sources/*\/record.yaml, de-duplicated, labelled by the field or the declared language. */
export function titles(sources = here('../../sources')): Item[] {
  const seen = new Set<string>()
  const items: Item[] = []
  const add = (text: string, lang: string | undefined, source: string) => {
    if (!lang || seen.has(text)) return
    seen.add(text)
    items.push({ id: source, lang, split: 'test', text, source, group: 'titles' })
  }
  for (const folder of readdirSync(sources).sort()) {
    const path = join(sources, folder, 'record.yaml')
    if (!existsSync(path)) continue
    const record = parse(readFileSync(path, 'utf8')) as RecordTitles
    if (record.title?.fr) add(record.title.fr, 'fra', `${folder}/record.yaml title.fr`)
    if (record.title?.en) add(record.title.en, 'eng', `${folder}/record.yaml title.en`)
    for (const reference of record.references ?? []) {
      add(reference.title, toIso6393(reference.language), `${folder}/record.yaml references.${reference.id} (${reference.publisher})`)
    }
  }
  return items
}
