/**
 * `passerelle extract --json`: JSON Lines `{"id", "text", "published"?}` on
 * stdin, one line `{"id", "claims": [...]}` per input line, in order. A bad
 * line is reported on stderr with its line number and skipped; the exit code
 * is then 1. Extraction problems (`31 février`) go to stderr too.
 */
import { createInterface } from 'node:readline'
import { loadCorpus } from '../src/ingest/corpus.ts'
import { formatReport, hasErrors } from '../src/diagnostics/index.ts'
import { extractClaims } from '../src/align/index.ts'
import { translator } from '../src/align/messages.ts'
import { UsageError, type Io } from './cli.ts'
import { parseOptions, sourcesDir } from './options.ts'

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOptions(argv, { json: { type: 'boolean' } })
  if (!values.json) throw new UsageError('extract reads JSON Lines on stdin: run `passerelle extract --json`')
  const corpus = await loadCorpus(sourcesDir(io, values.sources), io.cwd)
  const glossaryFiles = corpus.files.filter((file) => file.path.endsWith('glossary.yaml'))
  if (hasErrors(glossaryFiles)) {
    io.stderr.write(formatReport(glossaryFiles) + '\n')
    return 1
  }
  const t = translator('en')
  let failed = false
  let number = 0
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    number += 1
    if (!line.trim()) continue
    const input = parseLine(line)
    if (typeof input === 'string') {
      io.stderr.write(`stdin:${number}: ${t('report.badLine', { line: number, problem: input })}\n`)
      failed = true
      continue
    }
    const { claims, problems } = extractClaims(input.text, { published: input.published, glossary: corpus.glossary })
    for (const problem of problems) {
      io.stderr.write(`stdin:${number}: ${input.id}: ${problem.start}-${problem.end} ${problem.reason}; ${problem.hint ?? ''} (${problem.ruleId})\n`)
      if (problem.ruleId.startsWith('impossible-')) failed = true
    }
    const out = claims.map(({ kind, value, qualifier, subject, start, end }) => ({ kind, value, qualifier, ...(subject ? { subject } : {}), start, end }))
    io.stdout.write(JSON.stringify({ id: input.id, claims: out }) + '\n')
  }
  return failed ? 1 : 0
}

/** The input object, or what is wrong with the line. */
function parseLine(line: string): { id: string; text: string; published?: string } | string {
  let data: unknown
  try {
    data = JSON.parse(line)
  } catch (cause) {
    return (cause as Error).message
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'not an object'
  const { id, text, published } = data as Record<string, unknown>
  if (typeof id !== 'string' && typeof id !== 'number') return '`id` missing'
  if (typeof text !== 'string') return '`text` is not a string'
  if (published !== undefined && (typeof published !== 'string' || !isDate(published))) return '`published` is not a YYYY-MM-DD date'
  return { id: String(id), text, ...(published ? { published: published as string } : {}) }
}

function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)
}
