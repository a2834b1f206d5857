/**
 * The block YAML reader must read exactly what `yaml` reads: whenever it
 * gives data, `yaml`'s Document has no error and no warning and its data is
 * deep-equal; otherwise it gives up and the text goes the old way. Checked
 * on every bundled and fixture text, on records written by `yaml` and
 * js-yaml at several line widths (what editors and the synthetic corpus
 * write), and on those texts with a line, a space or a character changed.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import jsyaml from 'js-yaml'
import { stringify } from 'yaml'
import { blockYaml } from '../../src/ingest/yaml-block.ts'
import { quickFrontMatter } from '../../src/ingest/excerpt-fast.ts'
import { validRecord } from '../robustness/arbitraries.ts'
import { generateCorpus } from '../../bench/synthetic.ts'
import { readsAsYaml } from './yaml-oracle.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)
const SEED = Number(process.env.FUZZ_SEED ?? 20261125)

/** Whether the reader answered; when it did, its answer is yaml's. */
const answers = (text: string) => readsAsYaml(blockYaml, text)

/** YAML files and excerpt front matters (as the excerpt fast path finds them) under a folder. */
function sourceYaml(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceYaml(path)
    const text = /\.(?:ya?ml|md)$/.test(name) ? readFileSync(path, 'utf8') : ''
    if (!name.endsWith('.md')) return text ? [text] : []
    const front = quickFrontMatter(text)
    return front ? [front.value] : []
  })
}

/** Words of ordinary records, and what YAML treats specially inside or at the start of a scalar. */
const word = fc.constantFrom(
  'Mali', 'attaque', "l'armée", 'é', '«', '»', '[@rfi].', ':', '#', ' #', '-', '- x', '14', '-3', '0o17', '0x1F', '1_000', '.5', '1e3', 'null', '~', 'true', 'False',
  '2018-01-27', '12:30', '{a}', '"q"', "'s'", '\\', 'a: b', '\u00a0', '&x', '*y', '!t', '%', '@', '`', '?', ',', '|', '>', '',
)
const text = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => words.join(' '))
const key = fc.constantFrom('id', 'en', 'fr', 'text', 'value', 'sources', 'a-b', 'x_1', 'constructor', 'null', 'True', '12', 'a b')
/** Data shaped like records: mappings of sequences of mappings, with every kind of scalar. */
const { data } = fc.letrec((tie) => ({
  data: fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 5 }),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('data'),
  ),
}))

/** The ways a record gets written: yaml's stringify, js-yaml's dump, at widths that fold long text over lines. */
const written = fc.tuple(fc.oneof(validRecord, data), fc.constantFrom(20, 40, 80, 200), fc.boolean()).map(([record, width, byYaml]) =>
  byYaml ? stringify(record, { lineWidth: width }) : jsyaml.dump(record, { lineWidth: width, noRefs: true }),
)

/** A text with one edit: a line indented differently, a character inserted or removed, a line duplicated or made blank or a comment. */
const edited = fc
  .tuple(written, fc.nat(), fc.constantFrom('indent', 'dedent', 'insert', 'delete', 'duplicate', 'blank', 'comment'), fc.constantFrom(' ', '#', ':', '-', '"', "'", '\\', '[', ']', '{', '&', '\t', '\u00a0', 'é', '\n', ' #', ': '))
  .map(([text, at, edit, char]) => {
    const lines = text.split('\n')
    const line = at % lines.length
    const offset = at % (text.length + 1)
    if (edit === 'insert') return text.slice(0, offset) + char + text.slice(offset)
    if (edit === 'delete') return text.slice(0, offset) + text.slice(offset + 1)
    if (edit === 'indent') lines[line] = ` ${lines[line]}`
    if (edit === 'dedent') lines[line] = lines[line]!.replace(/^ /, '')
    if (edit === 'duplicate') lines.splice(line, 0, lines[line]!)
    if (edit === 'blank') lines.splice(line, 0, '')
    if (edit === 'comment') lines.splice(line, 0, `${' '.repeat(at % 7)}# note`)
    return lines.join('\n')
  })

describe('block YAML reader', () => {
  it('reads every bundled and fixture YAML text it answers as yaml does', () => {
    const texts = [...sourceYaml(join(process.cwd(), 'sources')), ...sourceYaml(join(process.cwd(), 'tests'))]
    expect(texts.length).toBeGreaterThan(100)
    expect(texts.filter(answers).length).toBeGreaterThan(20)
  })

  it('answers every record and front matter of the synthetic corpus (the fast path a large build takes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-block-'))
    try {
      await generateCorpus(dir, { events: 20, seed: 7 })
      const texts = readdirSync(dir).filter((name) => name !== 'glossary.yaml').flatMap((name) => sourceYaml(join(dir, name)))
      expect(texts.length).toBeGreaterThan(100)
      for (const text of texts) expect(answers(text), text).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reads records as yaml and js-yaml write them, as yaml reads them', () => {
    let answered = 0
    fc.assert(
      fc.property(written, (text) => {
        if (answers(text)) answered++
      }),
      { numRuns: RUNS, seed: SEED },
    )
    // Hostile text and keys such as `null` or `a b` go to js-yaml; what is left must still be a fair share.
    expect(answered).toBeGreaterThan(RUNS / 10)
  })

  it('gives up, or still reads as yaml does, when a record is edited by one line or character', () => {
    let answered = 0
    fc.assert(
      fc.property(edited, (text) => {
        if (answers(text)) answered++
      }),
      { numRuns: RUNS * 2, seed: SEED },
    )
    expect(answered).toBeGreaterThan(RUNS / 20)
  })

  it('reads the constructs of a record', () => {
    const text = [
      '# a comment',
      'id: x-1',
      'count: 012',
      'ratio: .5',
      'empty:',
      'list: [a, -3, b c]',
      'none: []',
      'slug:',
      '  en: a # trailing comment',
      '  fr: "l\'\\u00e9t\\u00e9 \\"chaud\\"\\n"',
      'items:',
      '- id: one',
      '  text: a plain text',
      '    over two lines',
      '- quoted: \'it\'\'s\'',
      '-',
      '  nested: true',
      '- "folded',
      '  quote"',
      '',
      'after: ~',
    ].join('\n')
    expect(answers(text)).toBe(true)
    expect(blockYaml(text)).toMatchObject({ count: 12, ratio: 0.5, empty: null, list: ['a', -3, 'b c'], items: [{ text: 'a plain text over two lines' }, { quoted: "it's" }, { nested: true }, 'folded quote'] })
  })

  it('gives up on what it does not read itself', () => {
    for (const text of [
      'a: 1\na: 2', 'null: 1', 'True: 1', '"a": 1', 'a b: 1', 'a: &x 1', 'a: *x', 'a: !!str 1', '%YAML 1.2\n---\na: 1', '---\na: 1', 'a: |\n  x', 'a: >-\n  x',
      'a: {b: 1}', 'a: [b, [c]]', 'a:\tb', 'a: b\r\n', 'a: "\\x41"', 'a: "b\\\n  c"', 'a: b\n\n  c', 'a: b\n  # c\n  d', 'a: "b\n\n  c"', 'a: b\n c: d', '- a', 'a', '',
      '  a: 1', 'a:\n  - b\n c: 1', 'a: b: c', 'a: - b', 'a: \u0007', 'a: \u2028', 'a: "b" c', 'a:\n  b\n  c', 'a: b\n---\nc: d', 'a: b\n...',
    ]) expect(blockYaml(text), JSON.stringify(text)).toBeUndefined()
  })
})
