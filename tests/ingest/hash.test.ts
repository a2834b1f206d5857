/**
 * contentHash skips normalization and collapsing when they would change
 * nothing: its hashes must be those of the plain definition (NFC, white
 * space collapsed to one space, trimmed, SHA-256, 12 hex digits) on any text.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { contentHash } from '../../src/record/hash.ts'

const definition = (text: string) => createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12)

const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', 'e\u0301', '\u00e9', 'A\u030a', '\u212b', 'Soumpi', '14', '[@rfi]'),
)

describe('contentHash', () => {
  it('hashes like its definition', () => {
    for (const text of ['', ' ', 'a', 'a  b', ' a b ', 'a\nb', 'e\u0301', '\u00e9', 'l\u2019arm\u00e9e', '\u00a0x\u00a0']) expect(contentHash(text), JSON.stringify(text)).toBe(definition(text))
  })

  it('hashes any text like its definition', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')), (text) => {
        expect(contentHash(text)).toBe(definition(text))
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: 20261125 },
    )
  })

  it('treats re-wrapped and re-normalized text as the same', () => {
    expect(contentHash('Au moins 7 soldats\n  ont été tués.')).toBe(contentHash('Au moins 7 soldats ont e\u0301te\u0301 tue\u0301s.'))
  })
})
