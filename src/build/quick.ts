/**
 * The rebuild of a watching process (`build --watch`) after a change in a
 * few event folders, in time proportional to what changed rather than to
 * the corpus: the full incremental build still walks every event (restores
 * it, hashes its keys, links its pages into a fresh staging folder), which
 * at 10,000 events costs seconds for a one-line edit.
 *
 * It only takes the cases it can decide alone, and gives up (undefined:
 * the caller runs the full build, which then reports exactly as a cold
 * build) on anything else: a folder added or removed, the glossary or the
 * locales touched, a file with a message, a cross-file check that needs
 * the whole corpus, a reference changed (its language is decided with the
 * habits of its publisher across every record), a sharded build.
 *
 * The pages it renders replace the old ones file by file, each atomically
 * (written aside, then renamed): swapping the whole output folder, as a
 * full build does, would mean linking every unchanged page again. A crash
 * in between leaves whole files, some new and some old; the files' stats
 * then differ from what the cache recorded, and the next build renders
 * those pages again.
 */
import { join } from 'node:path'
import type { Corpus, LoadedEvent } from '../ingest/corpus.ts'
import { crossCheckChanged, keyUses, uniqueKeys } from '../ingest/cross-check.ts'
import type { EventContext } from '../publish/site.ts'
import { replaceFiles } from '../publish/write.ts'
import type { CacheState, EventEntry, RenderEntry, WrittenFile } from './cache.ts'
import { readFolder, sameStrings, statsFor, withStats } from './event-files.ts'
import { restoredEvent } from './lazy.ts'
import { fileSystemClock, rescanSources, scanInputs, statInputs, type SourceScan } from './scan.ts'
import { checksKey, publishing, renderKey, siteKeyOf, type BuildOptions, type BuildSession, type SessionState } from './incremental.ts'

export interface QuickRebuild {
  /** Output paths written (events' pages, then the pages about all events when they changed). */
  fresh: Set<string>
  removed: string[]
  parsed: number
  rendered: number
  sitePages: boolean
  events: number
  cache: CacheState
  scan: SourceScan
  state: SessionState
  /** The stamp's `inputs` (undefined when some stat was racily clean), its `since`. */
  inputs?: string[]
  since?: bigint
}

interface Changed {
  folder: string
  index: number
  entry: EventEntry
  event: LoadedEvent
  recordChanged: boolean
}

export async function quickRebuild(options: BuildOptions, session: BuildSession): Promise<QuickRebuild | undefined> {
  const { state, cache, scan: previousScan, changed: watched } = session
  if (!state || !cache || !previousScan || !watched || watched.listing || watched.folders.size === 0 || options.shard) return undefined
  const since = options.cacheDir ? fileSystemClock(options.cacheDir) : undefined
  const probed = statInputs(state.probed.filter((_, index) => index % 2 === 0), since)
  if (!sameStrings(probed.pairs, state.probed)) return undefined
  const scan = rescanSources(previousScan, watched.folders, false, since)
  if (scan.folders !== previousScan.folders || !sameStrings(scan.top, previousScan.top)) return undefined

  const changed = readChanged(options, state, cache, scan, watched.folders)
  if (!changed) return undefined
  const corpus: Corpus = { ...state.corpus, events: [...state.corpus.events] }
  // Updated in place: a quick rebuild that gives up leaves no state behind (the full build makes a new one).
  const uses = state.uses ?? keyUses(state.corpus.events)
  for (const { index, event } of changed) {
    for (const key of uniqueKeys(corpus.events[index]!)) {
      const left = (uses.get(key) ?? 1) - 1
      if (left > 0) uses.set(key, left)
      else uses.delete(key)
    }
    for (const key of uniqueKeys(event)) uses.set(key, (uses.get(key) ?? 0) + 1)
    corpus.events[index] = event
  }
  const contentChanged = changed.filter((change) => change.entry.filesHash !== cache.events.get(change.folder)!.filesHash)
  if (contentChanged.length > 0 && !crossCheckChanged(corpus, new Set(contentChanged.map(({ folder }) => folder)), uses)) return undefined

  const events = new Map(cache.events)
  for (const { folder, entry } of changed) events.set(folder, entry)
  const recordHashes = new Map(state.recordHashes)
  for (const { event, entry } of changed) recordHashes.set(event.record.id, entry.recordHash)
  const render = await renderChanged(options, state, cache, corpus, changed, recordHashes)
  if (!render) return undefined
  const written = await replaceFiles(options.out, render.outputs, render.removed)

  const allWritten = written.size === 0 && render.removed.length === 0 ? cache.written : new Map<string, WrittenFile>(cache.written)
  for (const path of render.removed) allWritten!.delete(path)
  for (const [path, stat] of written) allWritten!.set(path, stat)
  const folders = scan.folders
  const next: CacheState = {
    ...cache,
    events,
    renders: render.renders,
    checkedClean: checksKey(corpus, folders, (folder) => events.get(folder)?.filesHash),
    site: render.site,
    written: allWritten,
  }
  const racy = scan.racy || probed.racy
  return {
    fresh: new Set(written.keys()),
    removed: render.removed,
    parsed: contentChanged.length,
    rendered: render.rendered,
    sitePages: render.sitePages,
    events: folders.length,
    cache: next,
    scan,
    state: { ...state, corpus, context: render.context, keys: render.keys, leads: render.leads, recordHashes, uses },
    inputs: racy ? undefined : [...scanInputs(scan), ...probed.pairs],
    since,
  }
}

/**
 * The watched folders read again: those whose files did change, parsed when
 * their bytes changed. Undefined when one is not clean (or no longer an
 * event): the full build reports it.
 */
function readChanged(options: BuildOptions, state: SessionState, cache: CacheState, scan: SourceScan, folders: ReadonlySet<string>): Changed[] | undefined {
  const changed: Changed[] = []
  for (const folder of folders) {
    const seen = scan.events.get(folder)
    const cached = cache.events.get(folder)
    const index = state.corpus.events.findIndex((event) => event.folder === folder)
    if (!seen || !cached || index < 0) return undefined
    if (seen.stats !== '' && seen.stats === cached.stats) continue
    const dir = join(options.root, folder)
    const read = readFolder(dir, folder, options.cwd, cached.filesHash)
    if (!read.unchanged && !read.entry) return undefined
    const stats = statsFor(seen, read.excerpts)
    const entry = read.unchanged ? withStats(cached, stats) : { ...read.entry!, stats }
    const { event } = restoredEvent(dir, folder, entry, options.cwd, read.files)
    changed.push({ folder, index, entry, event, recordChanged: entry.recordHash !== cached.recordHash })
  }
  return changed
}

/**
 * Renders the events whose render key changed: the changed records and
 * those linking to them, then the pages about all events when any key
 * changed. Undefined when a reference changed or a page has a problem.
 */
async function renderChanged(options: BuildOptions, state: SessionState, cache: CacheState, corpus: Corpus, changed: Changed[], recordHashes: Map<string, string>) {
  const unchanged = { outputs: [] as Array<[string, string]>, removed: [] as string[], renders: cache.renders, keys: state.keys, leads: state.leads, context: state.context, site: cache.site, rendered: 0, sitePages: false }
  const records = changed.filter((change) => change.recordChanged).map((change) => change.event.record)
  if (records.length === 0) return unchanged
  const renders = new Map(cache.renders)
  const keys = new Map(state.keys)
  const leads = new Map(state.leads)
  const previousRecords = new Map(records.map((record) => [record.id, state.context.events.get(record.id)]))
  // A reference's language depends on every record's references (its publisher's habits): the full build decides.
  if (records.some((record) => JSON.stringify(record.references) !== JSON.stringify(previousRecords.get(record.id)?.references))) return undefined
  const context: EventContext = { ...state.context, events: new Map(state.context.events) }
  for (const record of records) context.events.set(record.id, record)

  const ids = new Set(records.map((record) => record.id))
  const all = corpus.events.map((event) => event.record)
  const affected = all.filter((record) => ids.has(record.id) || record.related.some((id) => ids.has(id)))
  const { eventPages, reportProblems, sitePages } = await publishing()
  const outputs: Array<[string, string]> = []
  const removed: string[] = []
  let rendered = 0
  for (const record of affected) {
    const key = renderKey(state.common, record, recordHashes, context.referenceLanguage)
    if (key === keys.get(record.id)) continue
    const source = corpus.events.find((event) => event.record.id === record.id)!.source
    const pages = eventPages(record, context)
    reportProblems(source, pages.pair)
    if (source.file.messages.length > 0) return undefined
    const paths = pages.outputs.map(([path]) => path)
    for (const path of renders.get(record.id)?.paths ?? []) if (!paths.includes(path)) removed.push(path)
    outputs.push(...pages.outputs)
    keys.set(record.id, key)
    leads.set(record.id, pages.leads)
    renders.set(record.id, { key, paths, leads: pages.leads } satisfies RenderEntry)
    rendered++
  }
  if (rendered === 0) return { ...unchanged, renders, keys, leads, context }
  const siteKey = siteKeyOf(state.common, all, all.map((record) => keys.get(record.id)!))
  const site = sitePages(all, leads, state.locales, options)
  for (const path of cache.site?.paths ?? []) if (!site.some(([fresh]) => fresh === path)) removed.push(path)
  outputs.push(...site)
  return { outputs, removed, renders, keys, leads, context, site: { key: siteKey, paths: site.map(([path]) => path) }, rendered, sitePages: true }
}
