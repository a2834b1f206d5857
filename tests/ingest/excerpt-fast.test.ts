/**
 * The quick look at an excerpt must never disagree with remark: when it
 * answers, remark finds the same front matter (value and offset) and at
 * least one paragraph of text, so deferring the parse changes no message
 * and no value.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { VFile } from 'vfile'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import type { Root } from 'mdast'
import { quickFrontMatter } from '../../src/ingest/excerpt-fast.ts'
import { parseExcerpt, textBlocks } from '../../src/ingest/excerpt.ts'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

/** What remark says: the front matter (value, offset as parseExcerpt computes it) and whether a paragraph has text. */
function remarkView(text: string) {
  const tree = parser.parse(new VFile({ value: text })) as Root
  const head = tree.children[0]
  if (head?.type !== 'yaml') return undefined
  return { value: head.value, offset: text.indexOf(head.value, head.position?.start.offset ?? 0), prose: textBlocks(tree).length > 0 }
}

function agrees(text: string): boolean {
  const quick = quickFrontMatter(text)
  if (!quick) return false
  expect(remarkView(text), JSON.stringify(text)).toEqual({ ...quick, prose: true })
  return true
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return markdownFiles(path)
    return path.endsWith('.md') ? [path] : []
  })
}

describe('quick look at an excerpt', () => {
  it('agrees with remark on every bundled and fixture excerpt, and answers for most', () => {
    const files = [...markdownFiles(join(process.cwd(), 'sources')), ...markdownFiles(join(process.cwd(), 'tests'))]
    const answered = files.filter((path) => agrees(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))).length
    expect(answered / files.length).toBeGreaterThan(0.9)
  })

  it('agrees with remark on generated excerpts (or leaves them to it)', () => {
    const line = fc.constantFrom(
      '---', '--- ', '---\t', '----', '---x', ' ---', 'id: a', 'reference: rfi', 'language: fr', 'a: "---"', '', ' ', 'Le camp a été attaqué.',
      'Été 2018', '  indenté', '    code', '```', '~~~', '<div>', '<!-- c -->', '[a]: /u "titre', 'suite"', '===', '- ', '-', '- item', '* item',
      '> citation', '# Titre', '1. item', 'texte *em*', '\u00A0', '\0', 'x\ry', 'é', '12 morts', '| a | b |',
    )
    const text = fc.tuple(fc.array(line, { maxLength: 10 }), fc.boolean()).map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'))
    const withFence = fc.tuple(fc.array(line, { maxLength: 4 }), fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '')).map(
      ([meta, body, end]) => ['---', ...meta, '---', ...body].join('\n') + end,
    )
    let answered = 0
    fc.assert(
      fc.property(fc.oneof(text, withFence), (value) => {
        if (agrees(value)) answered++
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: Number(process.env.FUZZ_SEED ?? 20260125) },
    )
    expect(answered).toBeGreaterThan(50)
  })

  it('defers the tree and blocks, which then equal a full parse', () => {
    const value = '---\nid: soumpi-rfi\nreference: rfi\nkind: paraphrase\nlanguage: fr\n---\n\nAu moins *14* soldats ont été tués.\n\n> Selon [RFI](https://rfi.fr).\n'
    const deferred = parseExcerpt(new VFile({ path: 'a.md', value }))
    expect(quickFrontMatter(value)).toBeDefined()
    expect(deferred).toBeDefined()
    const tree = parser.parse(new VFile({ path: 'a.md', value })) as Root
    expect(deferred!.tree).toEqual(tree)
    expect(deferred!.blocks).toEqual(textBlocks(tree))
    expect(deferred!.frontMatter.base).toBe(4)
  })
})
