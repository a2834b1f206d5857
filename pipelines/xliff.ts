/**
 * `passerelle xliff export <event-id> --out FILE` and `passerelle xliff import FILE`:
 * the prose of an event as XLIFF 2.0 for CAT tools, and back into the record.
 */
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import { loadCorpus, RECORD_FILE, type Corpus, type LoadedEvent } from '../src/ingest/corpus.ts'
import { readVFile } from '../src/ingest/read.ts'
import { EventRecord } from '../src/record/schema.ts'
import { error, formatReport, hasErrors } from '../src/diagnostics/index.ts'
import { alignEvent } from '../src/align/index.ts'
import { exportXliff } from '../src/review/xliff/export.ts'
import { readXliff, recordEdits, type EventImport } from '../src/review/xliff/import.ts'
import { editYaml } from '../src/review/yaml-edit.ts'
import { writeAtomic } from '../src/review/atomic-write.ts'
import { UsageError, type Io } from './cli.ts'
import { parseOptions, sourcesDir } from './options.ts'

export async function run(argv: string[], io: Io): Promise<number> {
  const [action, ...rest] = argv
  if (action === 'export') return exportCommand(rest, io)
  if (action === 'import') return importCommand(rest, io)
  throw new UsageError('xliff needs an action: `xliff export <event-id> --out FILE` or `xliff import FILE`')
}

/**
 * Only the event concerned must be valid: other events (perhaps being written
 * by someone else) do not block the export or import of this one.
 */
function reportUnloadedEvent(io: Io, corpus: Corpus, eventId: string) {
  const recordPath = relative(io.cwd, join(corpus.root, eventId, RECORD_FILE))
  const recordFile = corpus.files.find((candidate) => candidate.path === recordPath)
  if (recordFile && hasErrors([recordFile])) {
    io.stderr.write(formatReport([recordFile]) + '\n')
    io.stderr.write(`passerelle xliff: ${recordPath} has errors; fix them first (see \`passerelle check\`)\n`)
    return
  }
  const known = corpus.events.map((candidate) => candidate.record.id).join(', ')
  throw new UsageError(`no event \`${eventId}\` in ${relative(io.cwd, corpus.root) || '.'}; known events: ${known}`)
}

async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(argv, { out: { type: 'string' } }, true)
  const [eventId, ...extra] = positionals
  if (!eventId || extra.length > 0) throw new UsageError('xliff export needs exactly one event id: `xliff export <event-id> --out FILE`')
  if (!values.out) throw new UsageError('xliff export needs --out FILE')
  const corpus = await loadCorpus(sourcesDir(io, values.sources), io.cwd)
  const event = corpus.events.find((candidate) => candidate.record.id === eventId)
  if (!event) {
    reportUnloadedEvent(io, corpus, eventId)
    return 1
  }
  if (event.record.sections.length === 0) {
    io.stderr.write(`passerelle xliff: ${event.record.id} has no prose sections to translate (XLIFF needs at least one unit); add \`sections\` to its record\n`)
    return 1
  }
  // Decisions recorded in the review UI travel with the evidence notes.
  const alignment = alignEvent(event, corpus.glossary, { report: false })
  const out = resolve(io.cwd, values.out)
  await writeAtomic(out, exportXliff(event, alignment, `${event.folder}/${RECORD_FILE}`))
  io.stdout.write(`${relative(io.cwd, out)}: ${event.record.sections.length} sections of ${event.record.id}\n`)
  return 0
}

async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(argv, {}, true)
  const [path, ...extra] = positionals
  if (!path || extra.length > 0) throw new UsageError('xliff import needs exactly one file: `xliff import FILE`')
  const file = await readVFile(resolve(io.cwd, path), relative(io.cwd, resolve(io.cwd, path)))
  const corpus = await loadCorpus(sourcesDir(io, values.sources), io.cwd)
  const imports = hasErrors([file]) ? undefined : readXliff(file, corpus)
  const report = formatReport([file])
  if (report) io.stderr.write(report + '\n')
  if (!imports) return 1

  // Every record is edited and validated before any is written: all or nothing.
  const writes: Array<{ path: string; text: string; summary: string }> = []
  for (const { event, updates } of imports) {
    if (updates.length === 0) continue
    const text = await editedRecord(event, { event, updates }, file)
    if (text === undefined) continue
    const sections = updates.map(({ section, state }) => `${section.id} (${section.fr?.state ?? 'untranslated'} → ${state})`)
    writes.push({ path: join(event.dir, RECORD_FILE), text, summary: `${event.record.id}: ${sections.join(', ')}` })
  }
  if (hasErrors([file])) {
    io.stderr.write(formatReport([file]) + '\n')
    return 1
  }
  for (const write of writes) await writeAtomic(write.path, write.text)
  io.stdout.write(writes.length === 0 ? 'no changes: the records already hold these translations\n' : writes.map((write) => `updated ${write.summary}\n`).join(''))
  return 0
}

/** The record's new text, or undefined after an error on `file`. */
async function editedRecord(event: LoadedEvent, eventImport: EventImport, file: Parameters<typeof error>[0]): Promise<string | undefined> {
  const raw = await readFile(join(event.dir, RECORD_FILE), 'utf8')
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : ''
  let text: string
  try {
    text = bom + editYaml(raw.slice(bom.length), recordEdits(eventImport.updates))
  } catch (cause) {
    error(file, `Cannot update ${event.record.id}/${RECORD_FILE}: ${(cause as Error).message}`, { ruleId: 'xliff-record-edit', hint: 'write the French sections of the record in block style' })
    return undefined
  }
  const result = EventRecord.safeParse(parseDocument(text.slice(bom.length)).toJS())
  if (!result.success) {
    const issue = result.error.issues[0]!
    error(file, `The imported text would make ${event.record.id}/${RECORD_FILE} invalid: \`${issue.path.join('.')}\` ${issue.message}`, { ruleId: 'xliff-invalid-record', hint: 'fix the target text in the CAT tool and export again' })
    return undefined
  }
  return text
}
