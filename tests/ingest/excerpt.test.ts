import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { parseExcerpt, fileOffset } from '../../src/ingest/excerpt.ts'
import { toVFile } from '../../src/ingest/read.ts'
import { loadCorpus } from '../../src/ingest/corpus.ts'

const excerpt = (body: string, head = 'id: x\nreference: r\nkind: paraphrase\nlanguage: fr\npublished: 2018-01-27\n') =>
  new VFile({ path: 'x.md', value: `---\n${head}---\n${body}` })

describe('excerpt ingest', () => {
  it('reads the front matter and keeps the paragraphs as plain text', () => {
    const parsed = parseExcerpt(excerpt('Au moins *quatorze* soldats.\n\n> Deux jihadistes ont péri.\n'))
    expect(parsed?.meta).toEqual({ id: 'x', reference: 'r', kind: 'paraphrase', language: 'fr', published: '2018-01-27' })
    expect(parsed?.blocks.map((block) => block.text)).toEqual(['Au moins quatorze soldats.', 'Deux jihadistes ont péri.'])
  })

  it('maps a span of a paragraph back to the file, across Markdown syntax', () => {
    const file = excerpt('Au moins *quatorze* soldats.\n')
    const block = parseExcerpt(file)!.blocks[0]!
    const at = block.text.indexOf('soldats')
    const offset = fileOffset(block, at)!
    expect(String(file.value).slice(offset, offset + 'soldats'.length)).toBe('soldats')
    const word = fileOffset(block, block.text.indexOf('quatorze'))!
    expect(String(file.value).slice(word, word + 8)).toBe('quatorze')
  })

  it('reports front matter errors at their line in the file, past the --- line', () => {
    const file = excerpt('Texte.\n', 'id: x\nreference: r\nkind: verbatim\nlanguage: fr\n')
    expect(parseExcerpt(file)).toBeUndefined()
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['schema-invalid', 4, 7]])
  })

  it('accepts CRLF line endings and a UTF-8 byte order mark', () => {
    const text = '\uFEFF---\r\nid: x\r\nreference: r\r\nkind: paraphrase\r\nlanguage: fr\r\n---\r\nQuatorze soldats tués.\r\n'
    const file = toVFile('crlf.md', new TextEncoder().encode(text))
    const parsed = parseExcerpt(file)
    expect(file.messages).toEqual([])
    expect(parsed?.meta.id).toBe('x')
    expect(parsed?.blocks[0]?.text).toBe('Quatorze soldats tués.')
  })
})

describe('corpus', () => {
  it('loads the bundled Soumpi record with its French excerpts, in a stable order', async () => {
    const corpus = await loadCorpus(join(import.meta.dirname, '..', '..', 'sources'))
    const soumpi = corpus.events.find((event) => event.record.id === 'soumpi-attack')!
    expect(soumpi.record.slug).toEqual({ en: 'soumpi-attack', fr: 'attaque-de-soumpi' })
    const names = soumpi.excerpts.map((e) => e.file.basename)
    expect(names).toEqual([...names].sort())
    expect(soumpi.excerpts.every((e) => e.meta.kind === 'paraphrase' && e.meta.language === 'fr')).toBe(true)
    // One excerpt per French reference.
    const french = soumpi.record.references.filter((reference) => reference.language === 'fr').map((r) => r.id).sort()
    expect(soumpi.excerpts.map((e) => e.meta.reference).sort()).toEqual(french)
  })
})

describe('excerpt limits', () => {
  it('refuses a 10 MB excerpt quickly with a message instead of parsing it', () => {
    const file = excerpt(('Quatorze soldats ont été tués samedi à Soumpi. '.repeat(20) + '\n\n').repeat(11_000))
    expect(parseExcerpt(file)).toBeUndefined()
    expect(file.messages.map((message) => message.ruleId)).toEqual(['excerpt-too-large'])
    expect(file.messages[0]?.reason).toMatch(/MiB, over the 1 MiB limit/)
  })

  it('refuses 100,000 nested block quotes at the line where they start', () => {
    const file = excerpt('Texte.\n\n' + '>'.repeat(100_000) + ' x\n')
    expect(parseExcerpt(file)).toBeUndefined()
    expect(file.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['markdown-too-deep', 10, 1]])
  })
})
