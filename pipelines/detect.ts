/**
 * `passerelle detect`: with --json, JSON Lines `{"id", "text"}` on stdin →
 * one line `{"id", "lang", "confidence"}` per input, in order. Without it,
 * the language diagnostics of sources/ (exit 1 on an error).
 */
import { createInterface } from 'node:readline'
import { loadCorpus } from '../src/ingest/corpus.ts'
import { formatReport, hasErrors } from '../src/diagnostics/index.ts'
import { detect, detectCorpus } from '../src/detect/index.ts'
import { UsageError, type Io } from './cli.ts'
import { parseOptions, sourcesDir } from './options.ts'

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOptions(argv, { json: { type: 'boolean' }, candidates: { type: 'string' } })
  const candidates = typeof values.candidates === 'string' ? parseCandidates(values.candidates) : undefined
  if (values.json) return detectLines(io, candidates)
  const corpus = await loadCorpus(sourcesDir(io, values.sources), io.cwd)
  detectCorpus(corpus, { candidates })
  const report = formatReport(corpus.files)
  if (report) io.stderr.write(report + '\n')
  return hasErrors(corpus.files) ? 1 : 0
}

function parseCandidates(list: string): string[] {
  const codes = list.split(',').map((code) => code.trim()).filter(Boolean)
  try {
    detect('', { candidates: codes })
  } catch (cause) {
    throw new UsageError(`--candidates: ${(cause as Error).message}`)
  }
  return codes
}

/** One output line per input line; a bad line gets an `error` field instead of stopping the stream. */
async function detectLines(io: Io, candidates: string[] | undefined): Promise<number> {
  let failed = false
  let number = 0
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    number++
    if (!line.trim()) continue
    const parsed = parseLine(line)
    if ('error' in parsed) {
      failed = true
      io.stderr.write(`stdin:${number}:1: ${parsed.error}; each line must be a JSON object {"id": ..., "text": "..."}\n`)
      io.stdout.write(JSON.stringify({ id: parsed.id ?? null, error: parsed.error }) + '\n')
      continue
    }
    const { lang, confidence } = detect(parsed.text, { candidates })
    io.stdout.write(JSON.stringify({ id: parsed.id, lang, confidence: round(confidence) }) + '\n')
  }
  return failed ? 1 : 0
}

function parseLine(line: string): { id: unknown; text: string } | { id?: unknown; error: string } {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { error: 'not valid JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' }
  const { id, text } = value as { id?: unknown; text?: unknown }
  if (typeof text !== 'string') return { id, error: '`text` must be a string' }
  return { id, text }
}

/** Four decimals: stable output, and no false precision. */
function round(value: number): number {
  return Math.round(value * 10000) / 10000
}
