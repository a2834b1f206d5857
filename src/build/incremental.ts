/**
 * The cached build: the same stages as `loadCorpus` → `publishSite`, run
 * only where an input changed.
 *
 * - Every source file is stat-ed first (src/build/scan.ts); an event whose
 *   files' stats are those the cache recorded is restored without even
 *   reading them, one whose files hash as before without parsing them.
 * - The cross-file checks run over every event, unless the last check of
 *   the same corpus was clean: then only the changed events are checked
 *   (`crossCheckChanged`), falling back to the full check for the messages.
 * - An event's pages are rendered again only when their render key changes:
 *   the hash of its record, of the records it links to, of its references'
 *   detected languages, and of glossary, locales, base URL and code.
 *   Otherwise the previous output files are hard-linked into the new output.
 * - The pages about all events (indexes, feeds, sitemap) are keyed by every
 *   event's render key, so they follow any change.
 *
 * Anything that is not clean (a message on a file) is never cached, so
 * every report is the one a cold build prints.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { VFile } from 'vfile'
import { finishCorpus, loadGlossary, type Corpus, type LoadedEvent } from '../ingest/corpus.ts'
import { crossCheckChanged } from '../ingest/cross-check.ts'
import { hasErrors } from '../diagnostics/index.ts'
import { languages as allLanguages, type EventRecord, type Language } from '../record/schema.ts'
import { LOCALES_DIR, NAMESPACE, loadLocales, type Locales } from '../publish/i18n.ts'
import type { EventContext, EventPages, LeadFreePages } from '../publish/site.ts'
import { batchesOf, workersFor, WorkerPool, type IngestedEvent, type IngestTask, type RenderTask, type SharedContext } from './workers.ts'
import { Staging, type WrittenStat } from '../publish/write.ts'
import { readFolder, sameStrings, statsFor, withStats } from './event-files.ts'
import { cacheExists, emptyCache, loadCache, loadStamp, saveCache, saveStamp, type CacheState, type EventEntry, type RenderEntry, type Stamp, type WrittenFile } from './cache.ts'
import { codeInputs, codeVersion, hashOf } from './fingerprint.ts'
import { restoredEvent, type RestoredEvent } from './lazy.ts'
import { CODE_ROOT } from './fast-noop.js'
import { fileSystemClock, rescanSources, scanInputs, scanSources, statInputs, type SourceScan } from './scan.ts'
import { silent, type Progress } from './progress.ts'
import { quickRebuild, type QuickRebuild } from './quick.ts'
import { SHARD_MANIFEST, shardRange, type Shard } from './shard.ts'

export interface BuildOptions {
  root: string
  cwd: string
  out: string
  baseUrl: string
  /** Cache folder; undefined builds everything and keeps nothing. */
  cacheDir?: string
  shard?: Shard
  progress?: Progress
  /** Overrides the hash of the code (tests simulate a code change with it). */
  codeVersion?: string
  /** Worker threads to render with (1: the main thread only); used only for jobs big enough to pay their start-up. */
  workers?: number
  /** Events per worker below which a worker is not started (tests lower it). */
  minEventsPerWorker?: number
  /** Locales folder (the bundled `locales/` by default). */
  localesDir?: string
  /** The command line as far as it decides the output (`invocationKey`): lets bin/passerelle.js answer a no-op alone. */
  invocation?: string
}

/**
 * What a process that keeps running (`build --watch`) carries from one build
 * to the next: the cache as saved, the stamp and the scan, so that a rebuild
 * reads nothing from the cache folder and stats only what a watcher said
 * changed. The output is trusted to be what the last build wrote (it was
 * checked when the first build started).
 */
export interface BuildSession {
  cache?: CacheState
  stamp?: Stamp
  scan?: SourceScan
  /** Event folders the watcher saw a change in, and whether the list of folders may have changed. */
  changed?: { folders: Set<string>; listing: boolean }
  /** Set by `build --watch`: its first build makes `state` even when the stamp says nothing changed. */
  watching?: boolean
  /** What the last build, when it was clean and whole, knew about every event: lets `quickRebuild` redo only what changed. */
  state?: SessionState
}

export interface SessionState {
  corpus: Corpus
  locales: Locales
  /** path, stat key pairs of the locale files the build read. */
  probed: string[]
  context: EventContext
  /** Everything common to all pages (see `renderKey`). */
  common: string
  /** Render key by record id. */
  keys: Map<string, string>
  leads: Map<string, Record<Language, string>>
  recordHashes: Map<string, string>
  /** Uses of every id, slug and excerpt id (`keyUses`), made by the first quick rebuild and kept up to date by the next. */
  uses?: Map<string, number>
}

export interface BuildStats {
  events: number
  /** Events parsed and validated (the others came from the cache). */
  parsed: number
  /** Events whose pages were rendered (the others were linked from the previous output). */
  rendered: number
  /** Whether the pages about all events were rendered. */
  sitePages: boolean
  /** Done by a watching process's quick rebuild (src/build/quick.ts), which looked only at the changed folders. */
  quick?: boolean
}

/** Takes each freshly rendered file as soon as it is made, so that the site is never held in memory whole. */
export interface Sink {
  write(path: string, content: string): Promise<void>
  /** The folder worker threads write pages into themselves (see `writeFilesSync`)... */
  folder(): Promise<string>
  /** ...and how they tell what they wrote there. */
  adopt(path: string, written: WrittenStat): void
}

export interface BuildResult {
  files: VFile[]
  /** Output paths rendered afresh (their contents went to the sink). */
  fresh: ReadonlySet<string>
  /** Output path → existing file with the same contents, to hard-link. */
  link: Map<string, string>
  /** The previous output already is exactly this build's output. */
  unchanged: boolean
  stats: BuildStats
  /** Key of all inputs, when the build left no message on any file (see `Stamp`). */
  key?: string
  /** The stamp already describes this build: nothing to save at all. */
  stamped?: boolean
  /** Stats of the output files when the output is kept as it was and no new cache is made. */
  published?: Map<string, WrittenFile>
  /**
   * The cache to save once the output is written (with what was written);
   * undefined when there is nothing to save: the build failed, or nothing was
   * parsed, checked, detected or rendered and the saved cache already describes it.
   */
  nextCache?(written: Map<string, WrittenFile>): CacheState
  /** What the stamp needs: key, inputs (when none was racily clean), the scan, the cache read. */
  record?: { key: string; inputs?: string[]; since?: bigint; scan: SourceScan; cache?: CacheState; stamp?: Stamp }
}

/**
 * The publishing stack and language detection, loaded on first need: their
 * modules (detection's n-gram tables above all) take seconds to load, and a
 * rebuild where no page and no reference changed needs neither.
 */
export const publishing = () => import('../publish/site.ts')
const detection = () => import('../publish/languages.ts')

/** Manifest a shard writes beside its pages, for `merge`. */
export interface ShardManifest {
  format: 1
  shard: string
  /** Hash of every input of the whole site: shards of different inputs cannot be merged. */
  corpus: string
  baseUrl: string
  events: Array<{ record: LoadedEvent['record']; leads: Record<Language, string> }>
}

export async function buildSite(options: BuildOptions, sink: Sink, session: BuildSession = {}): Promise<BuildResult> {
  // With no cache to restore from, every event is going to be parsed: the workers (when the events are many) start
  // now and load their code while this thread stats the sources, instead of after.
  const early = session.cache === undefined && !hasCache(options) ? await startEarly(options) : undefined
  try {
    return await stampOrBuild(options, sink, session, early)
  } finally {
    await early?.workers.close()
  }
}

async function stampOrBuild(options: BuildOptions, sink: Sink, session: BuildSession, early: Early | undefined): Promise<BuildResult> {
  const progress = options.progress ?? silent
  const since = options.cacheDir ? fileSystemClock(options.cacheDir) : undefined
  const code = options.codeVersion ?? (await codeVersion())
  const localesDir = options.localesDir ?? ownLocales(options.cwd) ?? LOCALES_DIR
  const probed = statInputs([join(options.cwd, 'locales', allLanguages[0], `${NAMESPACE}.json`), ...allLanguages.map((lang) => join(localesDir, lang, `${NAMESPACE}.json`))], since)
  const scan = session.scan && session.changed ? rescanSources(session.scan, session.changed.folders, session.changed.listing, since) : scanSources(options.root, since)
  const inputs = [...scanInputs(scan), ...probed.pairs]
  const key = hashOf('build', code, options.baseUrl, options.shard ? `${options.shard.index}/${options.shard.total}` : 'whole', options.root, localesDir)
  const record = { key, inputs: scan.racy || probed.racy ? undefined : inputs, since, scan }
  // A watching process needs what only a walk over the events gives (`state`) for its quick rebuilds: it walks once, at start.
  const noop = options.cacheDir && !(session.watching && !session.state) ? await unchangedBuild(options, session, key, inputs) : undefined
  if (noop) return { ...noop.result, record: { ...record, stamp: noop.stamp } }

  const locales = await loadLocales(options.cwd, options.localesDir)
  const glossary = early?.glossary ?? (await loadGlossary(options.root, options.cwd))
  const cache = session.cache ?? (options.cacheDir ? await loadCache(options.cacheDir, options.out, code) : emptyCache(code))
  const workers = early?.workers ?? new Workers(options, sharedContext(options, glossary))
  try {
    return await changedBuild(options, { locales, glossary, cache, scan, code, key, record, workers, probed: probed.pairs }, sink, session, progress)
  } finally {
    // Workers started early are `buildSite`'s to close.
    if (!early) await workers.close()
  }
}

type Glossary = Awaited<ReturnType<typeof loadGlossary>>

interface Early {
  glossary: Glossary
  workers: Workers
}

function hasCache(options: BuildOptions): boolean {
  return options.cacheDir !== undefined && cacheExists(options.cacheDir, options.out)
}

async function startEarly(options: BuildOptions): Promise<Early> {
  const glossary = await loadGlossary(options.root, options.cwd)
  const workers = new Workers(options, sharedContext(options, glossary))
  let entries = 0
  try {
    // The entries of the sources folder: as many events, give or take the glossary, and no stat needed.
    entries = readdirSync(options.root).length
  } catch {
    // The scan reports a missing folder as it always did.
  }
  workers.prestart(entries)
  return { glossary, workers }
}

function sharedContext(options: BuildOptions, glossary: Glossary): SharedContext {
  return { cwd: options.cwd, localesDir: options.localesDir, glossary: glossary.glossary, baseUrl: options.baseUrl }
}

/** The part of `buildSite` that runs when the stamp could not answer alone. */
async function changedBuild(
  options: BuildOptions,
  { locales, glossary, cache, scan, code, key, record, workers, probed }: { locales: Locales; glossary: Glossary; cache: CacheState; scan: SourceScan; code: string; key: string; record: NonNullable<BuildResult['record']>; workers: Workers; probed: string[] },
  sink: Sink,
  session: BuildSession,
  progress: Progress,
): Promise<BuildResult> {
  const folders = scan.folders
  const ingest = await ingestAll(options, scan, cache, progress, workers)
  const head: VFile[] = glossary.file ? [glossary.file] : []
  const loaded: Corpus = { root: options.root, glossary: glossary.glossary, glossarySource: glossary.source, events: ingest.events, files: head }
  const allFiles = () => [...loaded.files, ...ingest.files.flatMap((files) => files()), ...Object.values(locales.files)]
  const checked = crossCheckAll(loaded, folders, ingest, cache, allFiles, options.cwd)
  const stats: BuildStats = { events: ingest.events.length, parsed: ingest.parsed, rendered: 0, sitePages: false }
  const failed = (): BuildResult => ({ files: allFiles(), fresh: new Set(), link: new Map(), unchanged: false, stats })
  if (hasErrors(allFiles())) return (progress.stop(), failed())

  const render = await renderAll(loaded, locales, cache, { ...options, code, recordHashes: ingest.recordHashes, trustOutput: session.cache !== undefined }, progress, sink, workers)
  progress.stop()
  const files = allFiles()
  if (hasErrors(files)) return failed()
  stats.rendered = render.rendered
  stats.sitePages = render.sitePages
  const previous = cache.written ?? new Map<string, WrittenFile>()
  const unchanged = render.fresh.size === 0 && render.link.size === previous.size && [...render.link.keys()].every((path) => previous.has(path))
  const cacheUnchanged = unchanged && checked.skipped && ingest.parsed === 0 && ingest.sameEntries && ingest.entries.size === cache.events.size && render.entries.size === cache.renders.size && !render.detected
  const clean = files.every((file) => file.messages.length === 0)
  session.state = clean && !options.shard ? { corpus: loaded, locales, probed, context: render.state.context, common: render.state.common, keys: render.state.keys, leads: render.state.leads, recordHashes: ingest.recordHashes } : undefined
  return {
    files,
    fresh: render.fresh,
    link: render.link,
    unchanged,
    stats,
    key: clean ? key : undefined,
    published: cacheUnchanged ? previous : undefined,
    record: { ...record, cache },
    nextCache: cacheUnchanged ? undefined : (written) => ({
      format: cache.format,
      code,
      events: ingest.entries,
      renders: render.entries,
      languages: render.languages,
      referenceLanguages: render.referenceLanguages,
      checkedClean: clean ? checked.key : undefined,
      site: render.site,
      written: new Map<string, WrittenFile>([...[...render.link.keys()].map((path): [string, WrittenFile] => [path, previous.get(path)!]), ...written]),
    }),
  }
}

/** The working folder's own locales, when it has them (as `localesDir` in src/publish/i18n.ts decides). */
function ownLocales(cwd: string): string | undefined {
  const own = join(cwd, 'locales')
  return existsSync(join(own, allLanguages[0], `${NAMESPACE}.json`)) ? own : undefined
}

/**
 * The cross-file checks, skipped when the very files that last passed them
 * with no message are checked again, run on the changed events alone when
 * the last check of the same corpus was clean, else run in full.
 */
function crossCheckAll(corpus: Corpus, folders: string[], ingest: Awaited<ReturnType<typeof ingestAll>>, cache: CacheState, allFiles: () => VFile[], cwd: string) {
  const keyOf = (hash: (folder: string) => string | undefined) => checksKey(corpus, folders, hash)
  const key = keyOf((folder) => ingest.entries.get(folder)?.filesHash)
  const clean = Boolean(corpus.glossarySource) && ingest.entries.size === folders.length && allFiles().every((file) => file.messages.length === 0)
  if (clean && cache.checkedClean === key) return { key, skipped: true }
  if (clean && cache.checkedClean !== undefined && cache.checkedClean === keyOf((folder) => cache.events.get(folder)?.filesHash)) {
    const changed = new Set(folders.filter((folder) => ingest.entries.get(folder)!.filesHash !== cache.events.get(folder)?.filesHash))
    if (crossCheckChanged(corpus, changed)) return { key, skipped: false }
    // Messages of the partial check go: the full check places them as a cold build does.
    for (const event of corpus.events) if (changed.has(event.folder)) for (const file of [event.source.file, ...event.excerpts.map((excerpt) => excerpt.file)]) file.messages.length = 0
  }
  finishCorpus(corpus, cwd)
  return { key, skipped: false }
}

/** What the cross-file checks read: the glossary and every event's files (by their hash). */
export function checksKey(corpus: Corpus, folders: readonly string[], hash: (folder: string) => string | undefined): string {
  const glossaryText = String(corpus.glossarySource?.file.value ?? '\0missing')
  return hashOf('checks', glossaryText, ...folders.flatMap((folder) => [folder, hash(folder) ?? '\0unclean']))
}

/**
 * The result of a build whose options and code are those of the last clean
 * build, whose inputs have the stats it recorded and whose output nobody
 * touched since: every file as it is, no message. Undefined when anything
 * differs, so that the full build decides.
 */
async function unchangedBuild(options: BuildOptions, session: BuildSession, key: string, inputs: string[]): Promise<{ result: BuildResult; stamp: Stamp } | undefined> {
  const stamp = session.stamp ?? (await loadStamp(options.cacheDir!, options.out))
  if (stamp?.key !== key || !stamp.inputs || !sameStrings(stamp.inputs, inputs)) return undefined
  if (!session.cache) for (const [path, written] of stamp.written) if (!unchangedSince(options.out, path, written)) return undefined
  const result: BuildResult = {
    files: [],
    fresh: new Set(),
    link: new Map([...stamp.written.keys()].map((path) => [path, join(options.out, path)])),
    unchanged: true,
    stats: { events: stamp.events, parsed: 0, rendered: 0, sitePages: false },
    key,
    stamped: true,
  }
  return { result, stamp }
}

/**
 * Restores unchanged events from the cache (without reading them when their
 * stats match, without parsing them when their hashes do) and parses the
 * others, on the workers when there are enough of them; only clean events
 * are kept for next time.
 */
async function ingestAll(options: BuildOptions, scan: SourceScan, cache: CacheState, progress: Progress, workers: Workers) {
  const events: LoadedEvent[] = []
  const entries = new Map<string, EventEntry>()
  const recordHashes = new Map<string, string>()
  const files: Array<() => VFile[]> = []
  let parsed = 0
  let sameEntries = true
  progress.start('parsing', scan.folders.length)
  const unread = (folder: string) => {
    const cached = cache.events.get(folder)
    const stats = scan.events.get(folder)!.stats
    return !(cached && stats !== '' && cached.stats === stats)
  }
  const toRead = scan.folders.filter(unread)
  const fromWorkers = await workers.ingest(toRead, cache, progress)
  for (const folder of scan.folders) {
    const dir = join(options.root, folder)
    const seen = scan.events.get(folder)!
    const cached = cache.events.get(folder)
    let restored: RestoredEvent | undefined
    let entry: EventEntry | undefined
    let event: LoadedEvent | undefined
    const done = fromWorkers.get(folder)
    if (cached && seen.stats !== '' && cached.stats === seen.stats) {
      entry = cached
      restored = restoredEvent(dir, folder, cached, options.cwd)
    } else if (done && 'recordHash' in done && (done.entry || (done.unchanged && cached))) {
      const stats = statsFor(seen, done.excerpts)
      if (done.entry) {
        entry = { ...done.entry, stats }
        parsed++
      } else entry = withStats(cached!, stats)
      restored = restoredEvent(dir, folder, entry, options.cwd)
    } else {
      const read = readFolder(dir, folder, options.cwd, cached?.filesHash)
      const stats = statsFor(seen, read.excerpts)
      if (read.unchanged) {
        entry = withStats(cached!, stats)
        restored = restoredEvent(dir, folder, entry, options.cwd, read.files)
      } else {
        event = read.event
        parsed++
        if (read.entry) {
          entry = { ...read.entry, stats }
          // Its YAML document and Markdown trees serve only to place a message, and a clean event rarely gets one:
          // let them go (tens of kilobytes per event) and parse again on demand, exactly as for a cached event.
          restored = restoredEvent(dir, folder, entry, options.cwd, read.files)
        } else files.push(() => [read.files.record, ...read.files.excerpts])
      }
    }
    if (entry) {
      entries.set(folder, entry)
      if (entry !== cached) sameEntries = false
    }
    if (restored) {
      event = restored.event
      files.push(restored.files)
    }
    if (event) {
      events.push(event)
      recordHashes.set(event.record.id, entry?.recordHash ?? hashOf(String(event.source.file.value)))
    }
    if (!done) progress.tick()
  }
  return { events, entries, recordHashes, parsed, files, sameEntries }
}

/**
 * The build's worker threads, started on first need (a build with little to
 * do never pays their start-up) and kept for its two big jobs, parsing and
 * rendering.
 */
class Workers {
  #pool: WorkerPool | undefined
  constructor(
    private readonly options: BuildOptions,
    private readonly shared: SharedContext,
  ) {}

  /** The pool when a job of `size` events deserves one. */
  #for(size: number): WorkerPool | undefined {
    if (this.#pool) return this.#pool
    const count = workersFor(size, this.options.workers ?? 1, this.options.minEventsPerWorker)
    if (count > 0) this.#pool = WorkerPool.start(count, this.shared)
    return this.#pool
  }

  /** Starts the pool now if a job of `size` events deserves one, so that the workers load their code while this thread works. */
  prestart(size: number): void {
    this.#for(size)
  }

  /** Reads, hashes and parses the folders on the workers; an empty map when they are too few to be worth it. */
  async ingest(folders: readonly string[], cache: CacheState, progress: Progress): Promise<Map<string, IngestedEvent | { folder: string }>> {
    const done = new Map<string, IngestedEvent | { folder: string }>()
    const pool = this.#for(folders.length)
    if (!pool) return done
    const tasks: IngestTask[] = batchesOf(folders).map((batch) => ({
      kind: 'ingest',
      root: this.options.root,
      cwd: this.options.cwd,
      folders: batch.map((folder) => ({ folder, cachedHash: cache.events.get(folder)?.filesHash })),
    }))
    const parsing = pool.run(tasks, (_, results) => {
      for (const result of results) done.set(result.folder, result)
      progress.tick(results.length)
    })
    // This thread only waits for the workers now: load meanwhile what comes next, seconds of module evaluation
    // (detection's n-gram tables above all) that would otherwise leave the workers idle after the parse.
    for (const load of [publishing, detection]) load().catch(() => undefined)
    await parsing
    return done
  }

  render(size: number): WorkerPool | undefined {
    return this.#for(size)
  }

  async close(): Promise<void> {
    await this.#pool?.close()
  }
}

interface RenderOptions extends BuildOptions {
  code: string
  recordHashes: Map<string, string>
  /** The output is what the last build of this process wrote: reuse it without a stat per file. */
  trustOutput: boolean
}

/** Renders the events whose render key changed (those of this shard), links the others, then the pages about all events. */
async function renderAll(corpus: Corpus, locales: Locales, cache: CacheState, options: RenderOptions, progress: Progress, sink: Sink, workers: Workers) {
  const records = corpus.events.map((event) => event.record)
  const references = await languagesOfReferences(records, options.recordHashes, cache)
  const context: EventContext = {
    locales,
    glossary: corpus.glossary,
    baseUrl: options.baseUrl,
    events: new Map(records.map((record) => [record.id, record])),
    referenceLanguage: references.referenceLanguages.languages,
  }
  const common = hashOf('render', options.code, ...Object.values(locales.files).map((file) => String(file.value)), String(corpus.glossarySource?.file.value ?? ''), options.baseUrl)
  const keys = records.map((record) => renderKey(common, record, options.recordHashes, context.referenceLanguage))
  const siteKey = siteKeyOf(common, records, keys)
  const [from, to] = options.shard ? shardRange(records.length, options.shard) : [0, records.length]

  const fresh = new Set<string>()
  const emit = async (outputs: ReadonlyArray<readonly [string, string]>) => {
    for (const [path] of outputs) fresh.add(path)
    await Promise.all(outputs.map(([path, content]) => sink.write(path, content)))
  }
  const link = new Map<string, string>()
  const entries = new Map<string, RenderEntry>()
  const leads = new Map<string, Record<Language, string>>()
  const reusable = (paths: readonly string[]) =>
    options.trustOutput ? paths.every((path) => cache.written?.has(path)) : paths.every((path) => unchangedSince(options.out, path, cache.written?.get(path)))
  progress.start('rendering', to - from)
  const reused = new Map<number, RenderEntry>()
  const misses: number[] = []
  for (let index = from; index < to; index++) {
    const previous = cache.renders.get(records[index]!.id)
    if (previous && previous.key === keys[index] && reusable(previous.paths)) reused.set(index, previous)
    else misses.push(index)
  }
  progress.tick(reused.size)
  const renderedEntries = new Map<number, RenderEntry>()
  let site = cache.site
  const siteReused = !options.shard && site !== undefined && site.key === siteKey && reusable(site.paths)
  let leadFree: LeadFreePages | undefined
  // Made while the workers render: the site pages that quote no lead need no event rendered.
  const meanwhile = async () => {
    if (!options.shard && !siteReused) leadFree = (await publishing()).leadFreePages(records, locales, options)
  }
  await renderMisses(corpus, misses, context, { progress, sink, pool: workers.render(misses.length), meanwhile }, async (index, pages) => {
    if ('written' in pages) {
      for (const [path, written] of pages.written) (fresh.add(path), sink.adopt(path, written))
    } else await emit(pages.outputs)
    const paths = 'written' in pages ? pages.written.map(([path]) => path) : pages.outputs.map(([path]) => path)
    renderedEntries.set(index, { key: keys[index]!, paths, leads: pages.leads })
  })
  for (let index = from; index < to; index++) {
    const { record } = corpus.events[index]!
    let entry = reused.get(index)
    if (entry) {
      for (const path of entry.paths) link.set(path, join(options.out, path))
    } else entry = renderedEntries.get(index)!
    entries.set(record.id, entry)
    leads.set(record.id, entry.leads)
  }
  const rendered = misses.length

  let sitePagesRendered = false
  if (options.shard) {
    const manifest: ShardManifest = {
      format: 1,
      shard: `${options.shard.index}/${options.shard.total}`,
      corpus: siteKey,
      baseUrl: options.baseUrl,
      events: records.slice(from, to).map((record) => ({ record, leads: leads.get(record.id)! })),
    }
    await emit([[SHARD_MANIFEST, JSON.stringify(manifest) + '\n']])
    site = undefined
  } else if (siteReused) {
    for (const path of site!.paths) link.set(path, join(options.out, path))
  } else {
    const { sitePages } = await publishing()
    const pages = sitePages(records, leads, locales, options, leadFree)
    await emit(pages)
    site = { key: siteKey, paths: pages.map(([path]) => path) }
    sitePagesRendered = true
  }
  return { fresh, link, entries, rendered, site, sitePages: sitePagesRendered, ...references, state: { context, common, keys: new Map(records.map((record, index) => [record.id, keys[index]!])), leads } }
}

/**
 * What an event's pages are made of: everything common to all pages, its
 * record, the records it links to, its references' languages.
 */
export function renderKey(common: string, record: EventRecord, recordHashes: ReadonlyMap<string, string>, referenceLanguage: ReadonlyMap<string, string>): string {
  return hashOf(
    common,
    recordHashes.get(record.id)!,
    ...record.related.map((id) => `${id}:${recordHashes.get(id) ?? '-'}`),
    ...record.references.map((reference) => referenceLanguage.get(`${record.id}/${reference.id}`) ?? 'und'),
  )
}

/** The pages about all events follow every event's render key. */
export function siteKeyOf(common: string, records: readonly EventRecord[], keys: readonly string[]): string {
  return hashOf(common, ...records.flatMap((record, index) => [record.id, keys[index]!]))
}

/**
 * Every reference's language. Detection reads only the records' references
 * (each title with the habits of its publisher across the corpus), so when
 * no reference of any record changed the last map is the answer; otherwise
 * each title is looked up in the memo of past detections first.
 */
async function languagesOfReferences(records: readonly EventRecord[], recordHashes: Map<string, string>, cache: CacheState) {
  // The records' hashes first: unchanged records have unchanged references, and this key costs no serialisation.
  const recordsKey = hashOf('records', ...records.flatMap((record) => [record.id, recordHashes.get(record.id)!]))
  const previous = cache.referenceLanguages
  if (previous && previous.records === recordsKey) return { referenceLanguages: previous, languages: cache.languages, detected: false }
  const key = hashOf('references', JSON.stringify(records.map((record) => [record.id, record.references])))
  if (previous?.key === key) return { referenceLanguages: { ...previous, records: recordsKey }, languages: cache.languages, detected: false }
  const { referenceLanguages } = await detection()
  const memo = new UsedEntries(cache.languages)
  return { referenceLanguages: { key, records: recordsKey, languages: referenceLanguages(records, memo) }, languages: memo.used, detected: true }
}

/**
 * Renders the events to render, on the workers when there are enough of
 * them (they write the pages into the staging folder themselves), else
 * here, handing each event's pages to `done` as they come. An event a
 * worker flags is rendered again here so that its messages are placed in
 * its own files.
 */
async function renderMisses(
  corpus: Corpus,
  misses: number[],
  context: EventContext,
  { progress, sink, pool, meanwhile }: { progress: Progress; sink: Sink; pool: WorkerPool | undefined; meanwhile: () => Promise<void> },
  done: (index: number, pages: Pick<EventPages, 'outputs' | 'leads'> | { written: Array<[string, WrittenStat]>; leads: Record<Language, string> }) => Promise<void>,
): Promise<void> {
  if (misses.length === 0 || !pool) await meanwhile()
  if (misses.length === 0) return
  const { eventPages, reportProblems } = await publishing()
  const here = async (index: number) => {
    const { record, source } = corpus.events[index]!
    const pages = eventPages(record, context)
    reportProblems(source, pages.pair)
    await done(index, pages)
  }
  if (!pool) {
    for (const index of misses) (await here(index), progress.tick())
    return
  }
  const staging = await sink.folder()
  const batches = batchesOf(misses)
  const tasks = batches.map((batch): RenderTask => {
    const records = batch.map((index) => corpus.events[index]!.record)
    const related = [...new Set(records.flatMap((record) => record.related))].flatMap((id) => context.events.get(id) ?? [])
    const languages = records.flatMap((record) => record.references.map((reference): [string, string] => [`${record.id}/${reference.id}`, context.referenceLanguage.get(`${record.id}/${reference.id}`)!]))
    return { kind: 'render', records, related, languages: languages.filter(([, lang]) => lang !== undefined), staging }
  })
  await pool.run(
    tasks,
    async (batch, results) => {
      for (const [position, result] of results.entries()) {
        const index = batches[batch]![position]!
        if (result.problems) await here(index)
        else await done(index, result.written ? { written: result.written, leads: result.leads } : { outputs: result.outputs!, leads: result.leads })
      }
      progress.tick(results.length)
    },
    meanwhile,
  )
}

/** True when the file the last build wrote is still there, untouched (same inode, size and modification time). */
function unchangedSince(out: string, path: string, written: WrittenFile | undefined): boolean {
  if (!written) return false
  try {
    const stat = statSync(join(out, path))
    return stat.ino === written.ino && stat.size === written.size && stat.mtimeMs === written.mtimeMs
  } catch {
    return false
  }
}

/** A memo that serves from the previous build's entries and keeps only those used again, so the cache does not grow forever. */
class UsedEntries extends Map<string, string> {
  readonly used = new Map<string, string>()
  constructor(private readonly previous: Map<string, string>) {
    super()
  }
  override get(key: string): string | undefined {
    const value = this.used.get(key) ?? this.previous.get(key)
    if (value !== undefined) this.used.set(key, value)
    return value
  }
  override set(key: string, value: string): this {
    this.used.set(key, value)
    return this
  }
}

/**
 * Builds, writes the output atomically unless it is already up to date, and
 * saves the cache: what `passerelle build` does. Fresh pages go to a staging
 * folder as they are rendered; on any error the staging folder is removed
 * and the output folder is left as it was.
 */
export async function buildAndWrite(options: BuildOptions, session?: BuildSession): Promise<BuildResult & { persist: () => Promise<void> }> {
  if (session) {
    try {
      const quick = await quickRebuild(options, session)
      if (quick) return await quickResult(options, session, quick)
    } catch (cause) {
      session.state = undefined
      throw cause
    }
  }
  let staging: Promise<Staging> | undefined
  let opened: Staging | undefined
  const stage = () => (staging ??= Staging.open(options.out).then((ready) => (opened = ready)))
  const abort = async () => {
    const opened = await staging?.catch(() => undefined)
    await opened?.abort()
  }
  let result: BuildResult
  let written = new Map<string, WrittenFile>()
  try {
    const sink: Sink = {
      write: async (path, content) => (await stage()).write(path, content),
      folder: async () => (await stage()).dir,
      // Only ever called after `folder`, so the staging folder is open.
      adopt: (path, written) => opened!.adopt(path, written),
    }
    result = await buildSite(options, sink, session)
    if (hasErrors(result.files)) {
      await abort()
      if (session) Object.assign(session, { stamp: undefined, scan: undefined, state: undefined })
      return { ...result, persist: async () => void (options.cacheDir && (await saveStamp(options.cacheDir, options.out, undefined))) }
    }
    if (!result.unchanged) {
      const ready = await stage()
      await ready.linkAll(result.link)
      written = await ready.commit()
    }
  } catch (cause) {
    await abort()
    if (session) session.state = undefined
    throw cause
  }
  const next = result.nextCache?.(written)
  const published = next?.written ?? result.published ?? result.record?.stamp?.written
  const stamp = await nextStamp(options, result, published)
  // A no-op that the stamp answered needs no new stamp, unless this command line is not the one it can answer alone.
  const restamp = !result.stamped || (stamp?.fast !== undefined && stamp.fast.invocation !== result.record?.stamp?.fast?.invocation)
  if (session && result.record) Object.assign(session, { cache: next ?? result.record.cache ?? session.cache, scan: result.record.scan, stamp: stamp ?? session.stamp })
  const persist = async () => {
    if (!options.cacheDir || !restamp) return
    if (next) await saveCache(options.cacheDir, options.out, next, result.record?.cache)
    await saveStamp(options.cacheDir, options.out, stamp)
  }
  if (!session) await persist()
  return { ...result, persist: session ? persist : async () => {} }
}

/** A watching process's quick rebuild (src/build/quick.ts) as a build result, the session moved on. */
async function quickResult(options: BuildOptions, session: BuildSession, quick: QuickRebuild): Promise<BuildResult & { persist: () => Promise<void> }> {
  const previous = session.cache!
  const key = session.stamp?.key
  const result: BuildResult = {
    files: [],
    fresh: quick.fresh,
    link: new Map(),
    unchanged: quick.fresh.size === 0 && quick.removed.length === 0,
    stats: { events: quick.events, parsed: quick.parsed, rendered: quick.rendered, sitePages: quick.sitePages, quick: true },
    key,
    record: key === undefined ? undefined : { key, inputs: quick.inputs, since: quick.since, scan: quick.scan },
  }
  const stamp = await nextStamp(options, result, quick.cache.written)
  Object.assign(session, { cache: quick.cache, scan: quick.scan, stamp, state: quick.state })
  const persist = async () => {
    if (!options.cacheDir) return
    await saveCache(options.cacheDir, options.out, quick.cache, previous)
    await saveStamp(options.cacheDir, options.out, stamp)
  }
  return { ...result, persist }
}

/** The stamp of a clean build (see `Stamp`); undefined when the build reported something. */
async function nextStamp(options: BuildOptions, result: BuildResult, published: Map<string, WrittenFile> | undefined): Promise<Stamp | undefined> {
  const record = result.record
  if (!result.key || !published || !record) return undefined
  const code = options.invocation && !options.codeVersion && record.since !== undefined ? await codeInputs(record.since) : undefined
  return {
    key: record.key,
    inputs: record.inputs,
    written: published,
    events: result.stats.events,
    fast: options.invocation && code && record.inputs ? { invocation: options.invocation, node: process.version, root: CODE_ROOT, code } : undefined,
  }
}
