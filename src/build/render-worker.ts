/**
 * A build worker (see src/build/workers.ts): reads and parses event folders,
 * or renders events and writes their pages into the staging folder. What
 * does not come out clean is only flagged: the main thread does that event
 * again itself, so that its messages land on the real files, placed in the
 * real YAML.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { VFile } from 'vfile'
import { parseDocument } from 'yaml'
import { loadLocales, type Locales } from '../publish/i18n.ts'
import { eventPages, reportProblems } from '../publish/site.ts'
import { writeFilesSync } from '../publish/write.ts'
import type { EventRecord } from '../record/schema.ts'
import { ingestFolder } from './event-files.ts'
import type { IngestTask, RenderedEvent, RenderTask, SharedContext, Task } from './workers.ts'

const shared = workerData as SharedContext
let locales: Locales | undefined
/** Folders already made in the staging folder (one staging folder per build, one pool per build). */
const made = new Set<string>()

/** Tasks come several at a time (see `IN_FLIGHT` in workers.ts): each waits for the one before, so answers keep their order. */
let previous = Promise.resolve()
parentPort!.on('message', (task: Task) => {
  previous = previous.then(async () => parentPort!.postMessage(task.kind === 'ingest' ? ingest(task) : await render(task)))
})

function ingest(task: IngestTask) {
  return task.folders.map(({ folder, cachedHash }) => ingestFolder(task.root, folder, task.cwd, cachedHash))
}

async function render(task: RenderTask): Promise<RenderedEvent[]> {
  locales ??= await loadLocales(shared.cwd, shared.localesDir)
  const events = new Map<string, EventRecord>(task.related.map((record) => [record.id, record]))
  const context = { locales, glossary: shared.glossary, baseUrl: shared.baseUrl, events, referenceLanguage: new Map(task.languages) }
  return task.records.map((record) => {
    events.set(record.id, record)
    const pages = eventPages(record, context)
    const probe = new VFile({ path: record.id, value: '' })
    reportProblems({ file: probe, doc: parseDocument(''), base: 0 }, pages.pair)
    const problems = probe.messages.length > 0 || Object.values(locales!.files).some((file) => file.messages.length > 0)
    if (problems) return { leads: pages.leads, problems }
    if (task.staging === undefined) return { outputs: pages.outputs, leads: pages.leads, problems }
    return { written: writeFilesSync(task.staging, pages.outputs, made), leads: pages.leads, problems }
  })
}
