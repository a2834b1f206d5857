/**
 * readVFileSync decodes with Node's one-call UTF-8 read and goes back to the
 * bytes only for a text holding U+FFFD: files, texts and messages must be
 * those of toVFile on the bytes, whatever the bytes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { VFile } from 'vfile'
import { readVFileSync, toVFile } from '../../src/ingest/read.ts'

const dir = mkdtempSync(join(tmpdir(), 'read-sync-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const view = (file: VFile) => ({ path: file.path, value: file.value, messages: file.messages.map((message) => [String(message), message.ruleId, message.fatal]) })

function sameAsBytes(bytes: Uint8Array) {
  const path = join(dir, 'file.md')
  writeFileSync(path, bytes)
  expect(view(readVFileSync(path, 'shown.md'))).toStrictEqual(view(toVFile('shown.md', bytes)))
}

const utf8 = (text: string) => new TextEncoder().encode(text)
const BOM = [0xef, 0xbb, 0xbf]

describe('readVFileSync', () => {
  it('reads as toVFile does: BOMs, U+FFFD, invalid bytes, empty files', () => {
    for (const bytes of [
      utf8(''), utf8('a: 1\n'), utf8('\uFEFFa: 1'), new Uint8Array([...BOM, ...BOM, 0x41]), utf8('\uFFFD'), utf8('ok \uFFFD then'),
      new Uint8Array([0x61, 0xff, 0x62]), new Uint8Array([...BOM, 0xc3]), new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0xc0, 0xaf]), utf8('é\r\n«»'),
    ]) sameAsBytes(bytes)
  })

  it('reads any bytes as toVFile does', () => {
    const pieces = fc.oneof(fc.uint8Array({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }).map(utf8), fc.constant(new Uint8Array(BOM)), fc.constant(utf8('\uFFFD')))
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => sameAsBytes(new Uint8Array(parts.flatMap((part) => [...part])))),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 20261125 },
    )
  })
})
