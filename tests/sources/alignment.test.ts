/**
 * Every fact a record states is backed by its French excerpts, as the align
 * stage sees them. The excerpts are written as a francophone journalist
 * would; where the extractor still misses a natural construction, the field
 * is listed in `extractorGaps` with the sentence, rather than the French
 * rewritten to suit it. A gap that closes fails the test: remove its entry.
 */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { alignEvent } from '../../src/align/index.ts'

const SOURCES = join(import.meta.dirname, '..', '..', 'sources')

/** `<event id> <field>` → the French the extractor does not read yet. */
const extractorGaps: Record<string, string> = {}

const corpus = await loadCorpus(SOURCES)
// Soumpi's excerpts are another developer's: its contested figures are real disagreements between sources.
const events = corpus.events.filter((event) => event.record.id !== 'soumpi-attack')

describe.each(events.map((event) => [event.record.id, event] as const))('alignment of %s', (id, event) => {
  const fields = alignEvent(event, corpus.glossary).fields

  it('finds French evidence for every stated fact', () => {
    const unsupported = fields.filter((field) => field.status !== 'supported' && !extractorGaps[`${id} ${field.field}`])
    expect(unsupported.map((field) => `${field.field}: ${field.status}`)).toEqual([])
  })

  it('still needs each listed extractor gap', () => {
    const closed = Object.keys(extractorGaps)
      .filter((key) => key.startsWith(`${id} `))
      .filter((key) => fields.find((field) => `${id} ${field.field}` === key)?.status === 'supported')
    expect(closed).toEqual([])
  })
})
