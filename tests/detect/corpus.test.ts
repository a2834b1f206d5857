import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { VFile } from 'vfile'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { detectCorpus } from '../../src/detect/index.ts'

const FIXTURE = join(import.meta.dirname, 'fixtures', 'sources')
const SEED = join(import.meta.dirname, '..', '..', 'sources')

async function detectedMessages(root: string) {
  const corpus = await loadCorpus(root, join(root, '..'))
  const before = new Map(corpus.files.map((file) => [file, file.messages.length]))
  const result = detectCorpus(corpus)
  const added = (file: VFile) => file.messages.slice(before.get(file))
  const messages = corpus.files.flatMap((file) => added(file).map((message) => ({ file: file.path, message })))
  return { result, messages }
}

describe('detectCorpus', () => {
  it('reports an excerpt declared French but written in Italian, once, at its `language` field', async () => {
    const { messages } = await detectedMessages(FIXTURE)
    const rfi = messages.filter(({ file }) => file.endsWith('rfi.md'))
    expect(rfi).toHaveLength(1)
    expect(rfi[0]!.message).toMatchObject({ ruleId: 'excerpt-language-mismatch', line: 5, column: 11, fatal: false })
    expect(rfi[0]!.message.reason).toMatch(/declared `fr`.*reads as `it`.*set `language: it`/)
  })

  it('reports an unquoted English sentence in a French excerpt, and marks a quoted one as a span', async () => {
    const { messages, result } = await detectedMessages(FIXTURE)
    const kibaru = messages.filter(({ file }) => file.endsWith('kibaru.md'))
    expect(kibaru.map(({ message }) => [message.ruleId, message.line, message.column])).toEqual([['foreign-sentence', 8, 120]])
    expect(kibaru[0]!.message.reason).toContain('The group says it seized six vehicles')
    const spans = result.excerpts.get('soumpi-kibaru')!.spans
    expect(spans.map((span) => [span.lang, span.quoted])).toEqual([
      ['eng', false],
      ['eng', true],
    ])
    expect(spans[1]!.text).toBe('We will strike again wherever the army goes.')
  })

  it('reports a French section copied from the English as an error, and English left in French prose', async () => {
    const { messages } = await detectedMessages(FIXTURE)
    const record = messages.filter(({ file }) => file.endsWith('record.yaml')).map(({ message }) => message)
    const copy = record.filter((message) => message.ruleId === 'untranslated-section')
    expect(copy).toHaveLength(1)
    expect(copy[0]).toMatchObject({ fatal: true, line: 95 })
    const leftovers = record.filter((message) => message.ruleId === 'foreign-sentence')
    expect(leftovers).toHaveLength(1)
    expect(leftovers[0]!.reason).toContain('The Malian army later published its own figures')
    expect(leftovers[0]).toMatchObject({ line: 137, column: 218 })
  })

  it('finds nothing wrong with the seed event and knows its references’ languages', async () => {
    const { messages, result } = await detectedMessages(SEED)
    expect(messages.filter(({ file }) => file.includes('soumpi-attack'))).toEqual([])
    expect(result.references.get('soumpi-attack/csis')?.lang).toBe('eng')
    for (const id of ['le-point', 'rfi', 'malijet', 'dakaractu', 'yahoo-news', 'le-monde', 'kibaru', 'jeune-afrique']) {
      expect(result.references.get(`soumpi-attack/${id}`)).toMatchObject({ lang: 'fra' })
      expect(result.references.get(`soumpi-attack/${id}`)!.confidence).toBeGreaterThan(0.95)
    }
  })
})
