import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import rehypeSanitize from 'rehype-sanitize'
import { parse } from 'yaml'
import { plainParagraphs } from '../../src/publish/sections.ts'
import { random } from '../../bench/synthetic.ts'

/** The library path plainParagraphs stands in for (foreign spans and citations come after both). */
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).freeze()
const library = (markdown: string) => (processor.runSync(processor.parse(markdown)) as { children: unknown[] }).children

/** Mostly prose, with every character and line start that Markdown gives a meaning to mixed in. */
const TOKENS = [
  'Le', 'camp', 'attaqué', 'soldiers', 'Mali', 'été', 'jihadistes', '2018', '27', 'GSIM', 'œuvre', '😀', 'x',
  ' ', ' ', ' ', ' ', ' ', '\n', '\n', '\n\n', '\n\n\n', '.', ',', ';', ':', '!', '?', '«\u202f', '\u202f»', '\u00a0', '\u2028',
  '[@agence-0]', '[@a; @b]', '[', ']', '(', ')', '](', ']:', '@', '#', '-', '+', '=', '*', '_', '1.', '2)', '10.', '<', '>', '&', '&amp;',
  '`', '\\', '~', '|', '\t', '\r', '\r\n', '\u0000', '\ufeff', '    ', '---', '===', '***', '![', 'http://x.org', 'www.x.org', '"', "'", '’',
]

function markdown(next: () => number): string {
  const length = 1 + Math.floor(next() * 40)
  let text = ''
  for (let index = 0; index < length; index++) {
    // Plain words most of the time, so that the fast path is taken often enough to be tested.
    const token = next() < 0.6 ? TOKENS[Math.floor(next() * 13)]! : TOKENS[Math.floor(next() * TOKENS.length)]!
    text += token
  }
  return text
}

function recordProse(root: string): string[] {
  const texts: string[] = []
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue
    const record = parse(readFileSync(join(root, folder.name, 'record.yaml'), 'utf8')) as { sections?: Array<{ en: { text: string }; fr?: { text: string } }> }
    for (const section of record.sections ?? []) texts.push(section.en.text, ...(section.fr ? [section.fr.text] : []))
  }
  return texts
}

describe('plain paragraphs without the Markdown processor', () => {
  it('gives the processor’s tree, positions included, for the prose of the bundled sources', () => {
    const texts = recordProse(join(import.meta.dirname, '..', '..', 'sources'))
    let taken = 0
    for (const text of texts) {
      const fast = plainParagraphs(text)
      if (fast === undefined) continue
      taken++
      expect(fast, text).toEqual(library(text))
    }
    // The point is speed on real prose: most of it must take the fast path.
    expect(taken).toBeGreaterThan(texts.length / 2)
  })

  it('gives the processor’s tree for every random Markdown it accepts, and declines syntax', () => {
    const next = random(Number(process.env.FUZZ_SEED ?? 8))
    let taken = 0
    for (let run = 0; run < Math.max(20_000, Number(process.env.FUZZ_RUNS ?? 0)); run++) {
      const text = markdown(next)
      const fast = plainParagraphs(text)
      if (fast === undefined) continue
      taken++
      expect(fast, JSON.stringify(text)).toEqual(library(text))
    }
    expect(taken).toBeGreaterThan(2_000)
  })

  it('splits paragraphs on blank lines and keeps single line breaks inside one', () => {
    const children = plainParagraphs('\nOne line\nand the next [@a].\n\n\nTwo.\n')!
    expect(children.map((node) => (node.type === 'element' ? `p:${JSON.stringify((node.children[0] as { value: string }).value)}` : JSON.stringify((node as { value: string }).value)))).toEqual([
      'p:"One line\\nand the next [@a]."',
      '"\\n"',
      'p:"Two."',
    ])
    expect(plainParagraphs('')).toEqual([])
  })

  it('declines what Markdown reads as syntax', () => {
    for (const text of ['*a*', 'a_b', '[a](b)', '[a]: b', '# A', '- a', '1. a', 'a\n===', '    code', 'a  \nb', 'a &amp; b', '<b>', 'a\\b', '`a`']) {
      expect(plainParagraphs(text), text).toBeUndefined()
    }
  })
})
