/**
 * `passerelle align [event-id] [--json] [--lang en|fr]`: for each field of
 * the record, its status and the French sentences that state it, the stated
 * value marked `[like this]`. Diagnostics (`31 février`, a relative date
 * without publication date) are printed on stderr by vfile-reporter; the
 * exit code is 1 when any is an error.
 */
import { loadCorpus, type LoadedEvent } from '../src/ingest/corpus.ts'
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import { error, formatReport, hasErrors } from '../src/diagnostics/index.ts'
import { ReviewStateError } from '../src/review/state.ts'
import { alignEvent, type EventAlignment, type FieldAlignment } from '../src/align/index.ts'
import { formatAlignment } from '../src/align/report.ts'
import { translator } from '../src/align/messages.ts'
import { Language } from '../src/record/schema.ts'
import { UsageError, type Io } from './cli.ts'
import { parseOptions, sourcesDir } from './options.ts'

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(argv, { json: { type: 'boolean' }, lang: { type: 'string' } }, true)
  if (positionals.length > 1) throw new UsageError('align takes at most one event id')
  const lang = Language.safeParse(values.lang ?? 'en')
  if (!lang.success) throw new UsageError(`--lang must be one of ${Language.options.join(', ')}`)
  const t = translator(lang.data)
  const root = sourcesDir(io, values.sources)
  const corpus = await loadCorpus(root, io.cwd)
  const [id] = positionals
  let events: LoadedEvent[] = corpus.events
  if (id) {
    events = corpus.events.filter((event) => event.record.id === id)
    if (events.length === 0) {
      const known = corpus.events.map((event) => event.record.id).join(', ')
      throw new UsageError(`${t('report.unknownEvent', { event: id, sources: root })}; ${t('report.unknownEventHint', { known })}`)
    }
  }
  const stateFiles: VFile[] = []
  const alignments: EventAlignment[] = []
  for (const event of events) {
    try {
      alignments.push(alignEvent(event, corpus.glossary))
    } catch (cause) {
      if (!(cause instanceof ReviewStateError)) throw cause
      stateFiles.push(await reviewStateMessage(cause, io.cwd))
    }
  }
  const selected = id ? corpus.files.filter((file) => !events[0]!.excerpts.every((excerpt) => excerpt.file !== file) || file.path.endsWith('.yaml')) : corpus.files
  const files = [...selected, ...stateFiles]
  const report = formatReport(files)
  if (report) io.stderr.write(report + '\n')
  if (values.json) io.stdout.write(JSON.stringify(id ? alignments[0] : alignments, null, 2) + '\n')
  else io.stdout.write(alignments.map((alignment) => formatAlignment(alignment, t)).join('\n'))
  return hasErrors(files) ? 1 : 0
}

/** An unreadable review file as a positioned message on that file. */
async function reviewStateMessage(problem: ReviewStateError, cwd: string): Promise<VFile> {
  const file = new VFile({ path: relative(cwd, problem.path), value: await readFile(problem.path, 'utf8') })
  error(file, problem.message, { place: location(file).toPoint(problem.offset), ruleId: problem.ruleId })
  return file
}

export type { FieldAlignment }
