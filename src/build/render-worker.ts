/**
 * A render worker: receives batches of events (each with the records it
 * links to and its references' languages) and returns their pages. Problems
 * are only flagged: the main thread renders a flagged event again itself, so
 * that its messages land on the real files, placed in the real YAML.
 */
import { parentPort } from 'node:worker_threads'
import { VFile } from 'vfile'
import { parseDocument } from 'yaml'
import { loadLocales, type Locales } from '../publish/i18n.ts'
import { eventPages, reportProblems } from '../publish/site.ts'
import type { EventRecord, Glossary } from '../record/schema.ts'
import type { RenderBatch, RenderedEvent } from './workers.ts'

let locales: Locales | undefined

parentPort!.on('message', async (batch: RenderBatch) => {
  locales ??= await loadLocales(batch.cwd, batch.localesDir)
  const events = new Map<string, EventRecord>(batch.related.map((record) => [record.id, record]))
  const context = { locales, glossary: batch.glossary as Glossary, baseUrl: batch.baseUrl, events, referenceLanguage: new Map(batch.languages) }
  const results: RenderedEvent[] = batch.records.map((record) => {
    events.set(record.id, record)
    const pages = eventPages(record, context)
    const probe = new VFile({ path: record.id, value: '' })
    reportProblems({ file: probe, doc: parseDocument(''), base: 0 }, pages.pair)
    const localeProblems = Object.values(locales!.files).some((file) => file.messages.length > 0)
    return { outputs: pages.outputs, leads: pages.leads, problems: probe.messages.length > 0 || localeProblems }
  })
  parentPort!.postMessage(results)
})
