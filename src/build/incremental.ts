/**
 * The cached build: the same stages as `loadCorpus` → `publishSite`, run
 * only where an input changed.
 *
 * - An event whose files hash as before is restored from the cache instead
 *   of being parsed and validated (the cross-file checks still run on every
 *   build, over every event).
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
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { VFile } from 'vfile'
import { eventFolders, finishCorpus, ingestEvent, loadGlossary, readEventFilesSync, type Corpus, type EventFiles, type LoadedEvent } from '../ingest/corpus.ts'
import { hasErrors } from '../diagnostics/index.ts'
import type { EventRecord, Language } from '../record/schema.ts'
import { loadLocales, type Locales } from '../publish/i18n.ts'
import type { EventContext, EventPages } from '../publish/site.ts'
import { batchesOf, renderInWorkers, workersFor } from './workers.ts'
import { Staging } from '../publish/write.ts'
import { emptyCache, loadCache, loadStamp, saveCache, saveStamp, type CacheState, type EventEntry, type RenderEntry, type WrittenFile } from './cache.ts'
import { codeVersion, hashOf } from './fingerprint.ts'
import { restoredEvent } from './lazy.ts'
import { silent, type Progress } from './progress.ts'
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
}

export interface BuildStats {
  events: number
  /** Events parsed and validated (the others came from the cache). */
  parsed: number
  /** Events whose pages were rendered (the others were linked from the previous output). */
  rendered: number
  /** Whether the pages about all events were rendered. */
  sitePages: boolean
}

/** Takes each freshly rendered file as soon as it is made, so that the site is never held in memory whole. */
export type Sink = (path: string, content: string) => Promise<void>

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
}

/**
 * The publishing stack and language detection, loaded on first need: their
 * modules (detection's n-gram tables above all) take seconds to load, and a
 * rebuild where no page and no reference changed needs neither.
 */
const publishing = () => import('../publish/site.ts')
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

export async function buildSite(options: BuildOptions, sink: Sink): Promise<BuildResult> {
  const progress = options.progress ?? silent
  const code = options.codeVersion ?? (await codeVersion())
  const locales = await loadLocales(options.cwd, options.localesDir)
  const glossary = await loadGlossary(options.root, options.cwd)
  const folders = await eventFolders(options.root)

  progress.start('reading', folders.length)
  const read = folders.map((folder) => {
    const files = readEventFilesSync(join(options.root, folder), options.cwd)
    progress.tick()
    return files
  })
  const hashes = read.map(hashesOf)
  const files: VFile[] = [...(glossary.file ? [glossary.file] : []), ...read.flatMap((event) => [event.record, ...event.excerpts])]
  const buildKey = hashOf(
    'build',
    code,
    options.baseUrl,
    options.shard ? `${options.shard.index}/${options.shard.total}` : 'whole',
    ...Object.values(locales.files).map((file) => String(file.value)),
    String(glossary.file?.value ?? '\0missing'),
    ...folders.flatMap((folder, index) => [folder, hashes[index]!.filesHash]),
  )
  const noop = options.cacheDir ? await unchangedBuild(options, buildKey, [...files, ...Object.values(locales.files)], folders.length) : undefined
  if (noop) return (progress.stop(), noop)

  const cache = options.cacheDir ? await loadCache(options.cacheDir, options.out, code) : emptyCache(code)
  const ingest = ingestAll(options.root, folders, read, hashes, cache, progress)
  const loaded: Corpus = { root: options.root, glossary: glossary.glossary, glossarySource: glossary.source, events: ingest.events, files }
  // The cross-file checks are a function of the files alone: the very files that last passed them with no message pass again.
  const checkKey = hashOf('checks', String(glossary.file?.value ?? '\0missing'), ...folders.flatMap((folder) => [folder, ingest.entries.get(folder)?.filesHash ?? '\0unclean']))
  const checksSkipped = Boolean(glossary.source) && ingest.entries.size === folders.length && cache.checkedClean === checkKey && files.every((file) => file.messages.length === 0)
  const corpus = checksSkipped ? loaded : finishCorpus(loaded, options.cwd)
  const allFiles = [...corpus.files, ...Object.values(locales.files)]
  const stats: BuildStats = { events: corpus.events.length, parsed: ingest.parsed, rendered: 0, sitePages: false }
  const failed = (): BuildResult => ({ files: allFiles, fresh: new Set(), link: new Map(), unchanged: false, stats })
  if (hasErrors(allFiles)) return (progress.stop(), failed())
  const checkedClean = allFiles.every((file) => file.messages.length === 0) ? checkKey : undefined

  const render = await renderAll(corpus, locales, cache, { ...options, code, recordHashes: ingest.recordHashes }, progress, sink)
  progress.stop()
  if (hasErrors(allFiles)) return failed()
  stats.rendered = render.rendered
  stats.sitePages = render.sitePages
  const previous = cache.written ?? new Map<string, WrittenFile>()
  const unchanged = render.fresh.size === 0 && render.link.size === previous.size && [...render.link.keys()].every((path) => previous.has(path))
  const cacheUnchanged = unchanged && checksSkipped && ingest.parsed === 0 && ingest.entries.size === cache.events.size && render.entries.size === cache.renders.size && !render.detected
  return {
    files: allFiles,
    fresh: render.fresh,
    link: render.link,
    unchanged,
    stats,
    key: allFiles.every((file) => file.messages.length === 0) ? buildKey : undefined,
    published: cacheUnchanged ? previous : undefined,
    nextCache: cacheUnchanged ? undefined : (written) => ({
      format: cache.format,
      code,
      events: ingest.entries,
      renders: render.entries,
      languages: render.languages,
      referenceLanguages: render.referenceLanguages,
      checkedClean,
      site: render.site,
      written: new Map<string, WrittenFile>([...[...render.link.keys()].map((path): [string, WrittenFile] => [path, previous.get(path)!]), ...written]),
    }),
  }
}

/** Hash of the record, and of the record with every excerpt (names and texts). */
function hashesOf(files: EventFiles): { recordHash: string; filesHash: string } {
  const recordHash = hashOf(String(files.record.value))
  return { recordHash, filesHash: hashOf(recordHash, ...files.excerpts.flatMap((file) => [file.basename ?? '', String(file.value)])) }
}

/**
 * The result of a build whose inputs hash to the key of the last clean build
 * and whose output nobody touched since: every file as it is, no message.
 * Undefined when anything differs, so that the full build decides.
 */
async function unchangedBuild(options: BuildOptions, key: string, files: VFile[], events: number): Promise<BuildResult | undefined> {
  const stamp = await loadStamp(options.cacheDir!, options.out)
  if (stamp?.key !== key || files.some((file) => file.messages.length > 0)) return undefined
  for (const [path, written] of stamp.written) if (!unchangedSince(options.out, path, written)) return undefined
  return {
    files,
    fresh: new Set(),
    link: new Map([...stamp.written.keys()].map((path) => [path, join(options.out, path)])),
    unchanged: true,
    stats: { events, parsed: 0, rendered: 0, sitePages: false },
    key,
    stamped: true,
  }
}

/** Restores unchanged events from the cache and parses the others; only clean events are kept for next time. */
function ingestAll(root: string, folders: string[], read: EventFiles[], hashes: Array<ReturnType<typeof hashesOf>>, cache: CacheState, progress: Progress) {
  const events: LoadedEvent[] = []
  const entries = new Map<string, EventEntry>()
  const recordHashes = new Map<string, string>()
  let parsed = 0
  progress.start('parsing', folders.length)
  folders.forEach((folder, index) => {
    const files = read[index]!
    const dir = join(root, folder)
    const { recordHash, filesHash } = hashes[index]!
    const cached = cache.events.get(folder)
    let event: LoadedEvent | undefined
    if (cached && cached.filesHash === filesHash && isClean(files)) {
      event = restoredEvent(dir, folder, files, cached)
      entries.set(folder, cached)
    } else {
      event = ingestEvent(dir, folder, files)
      parsed++
      if (event && isClean(files)) {
        const entry: EventEntry = { filesHash, record: event.record, excerpts: event.excerpts.map((excerpt) => ({ name: excerpt.file.basename ?? '', meta: excerpt.meta })) }
        entries.set(folder, entry)
        // Its YAML document and Markdown trees serve only to place a message, and a clean event rarely gets one:
        // let them go (tens of kilobytes per event) and parse again on demand, exactly as for a cached event.
        event = restoredEvent(dir, folder, files, entry)
      }
    }
    if (event) {
      events.push(event)
      recordHashes.set(event.record.id, recordHash)
    }
    progress.tick()
  })
  return { events, entries, recordHashes, parsed }
}

function isClean(files: EventFiles): boolean {
  return files.record.messages.length === 0 && files.excerpts.every((file) => file.messages.length === 0)
}

interface RenderOptions extends BuildOptions {
  code: string
  recordHashes: Map<string, string>
}

/** Renders the events whose render key changed (those of this shard), links the others, then the pages about all events. */
async function renderAll(corpus: Corpus, locales: Locales, cache: CacheState, options: RenderOptions, progress: Progress, sink: Sink) {
  const records = corpus.events.map((event) => event.record)
  const references = await languagesOfReferences(records, cache)
  const context: EventContext = {
    locales,
    glossary: corpus.glossary,
    baseUrl: options.baseUrl,
    events: new Map(records.map((record) => [record.id, record])),
    referenceLanguage: references.referenceLanguages.languages,
  }
  const common = hashOf('render', options.code, ...Object.values(locales.files).map((file) => String(file.value)), String(corpus.glossarySource?.file.value ?? ''), options.baseUrl)
  const keys = records.map((record) =>
    hashOf(
      common,
      options.recordHashes.get(record.id)!,
      ...record.related.map((id) => `${id}:${options.recordHashes.get(id) ?? '-'}`),
      ...record.references.map((reference) => context.referenceLanguage.get(`${record.id}/${reference.id}`) ?? 'und'),
    ),
  )
  const siteKey = hashOf(common, ...records.flatMap((record, index) => [record.id, keys[index]!]))
  const [from, to] = options.shard ? shardRange(records.length, options.shard) : [0, records.length]

  const fresh = new Set<string>()
  const emit = async (outputs: ReadonlyArray<readonly [string, string]>) => {
    for (const [path] of outputs) fresh.add(path)
    await Promise.all(outputs.map(([path, content]) => sink(path, content)))
  }
  const link = new Map<string, string>()
  const entries = new Map<string, RenderEntry>()
  const leads = new Map<string, Record<Language, string>>()
  const reusable = (paths: readonly string[]) => paths.every((path) => unchangedSince(options.out, path, cache.written?.get(path)))
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
  await renderMisses(corpus, misses, context, options, progress, async (index, pages) => {
    await emit(pages.outputs)
    renderedEntries.set(index, { key: keys[index]!, paths: pages.outputs.map(([path]) => path), leads: pages.leads })
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

  let site = cache.site
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
  } else if (site && site.key === siteKey && reusable(site.paths)) {
    for (const path of site.paths) link.set(path, join(options.out, path))
  } else {
    const { sitePages } = await publishing()
    const pages = sitePages(records, leads, locales, options)
    await emit(pages)
    site = { key: siteKey, paths: pages.map(([path]) => path) }
    sitePagesRendered = true
  }
  return { fresh, link, entries, rendered, site, sitePages: sitePagesRendered, ...references }
}

/**
 * Every reference's language. Detection reads only the records' references
 * (each title with the habits of its publisher across the corpus), so when
 * no reference of any record changed the last map is the answer; otherwise
 * each title is looked up in the memo of past detections first.
 */
async function languagesOfReferences(records: readonly EventRecord[], cache: CacheState) {
  const key = hashOf('references', JSON.stringify(records.map((record) => [record.id, record.references])))
  if (cache.referenceLanguages?.key === key) return { referenceLanguages: cache.referenceLanguages, languages: cache.languages, detected: false }
  const { referenceLanguages } = await detection()
  const memo = new UsedEntries(cache.languages)
  return { referenceLanguages: { key, languages: referenceLanguages(records, memo) }, languages: memo.used, detected: true }
}

/**
 * Renders the events to render, on worker threads when there are enough of
 * them, else here, handing each event's pages to `done` as they come. An
 * event a worker flags is rendered again here so that its messages are
 * placed in its own files.
 */
async function renderMisses(
  corpus: Corpus,
  misses: number[],
  context: EventContext,
  options: RenderOptions,
  progress: Progress,
  done: (index: number, pages: Pick<EventPages, 'outputs' | 'leads'>) => Promise<void>,
): Promise<void> {
  if (misses.length === 0) return
  const { eventPages, reportProblems } = await publishing()
  const here = async (index: number) => {
    const { record, source } = corpus.events[index]!
    const pages = eventPages(record, context)
    reportProblems(source, pages.pair)
    await done(index, pages)
  }
  const workers = workersFor(misses.length, options.workers ?? 1, options.minEventsPerWorker)
  if (workers === 0) {
    for (const index of misses) (await here(index), progress.tick())
    return
  }
  const batches = batchesOf(misses)
  await renderInWorkers(
    batches.map((batch) => {
      const records = batch.map((index) => corpus.events[index]!.record)
      const related = [...new Set(records.flatMap((record) => record.related))].flatMap((id) => context.events.get(id) ?? [])
      const languages = records.flatMap((record) => record.references.map((reference): [string, string] => [`${record.id}/${reference.id}`, context.referenceLanguage.get(`${record.id}/${reference.id}`)!]))
      return { records, related, languages: languages.filter(([, lang]) => lang !== undefined) }
    }),
    { cwd: options.cwd, localesDir: options.localesDir, glossary: corpus.glossary, baseUrl: options.baseUrl },
    workers,
    async (batch, results) => {
      for (const [position, result] of results.entries()) {
        const index = batches[batch]![position]!
        await (result.problems ? here(index) : done(index, result))
      }
      progress.tick(results.length)
    },
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
export async function buildAndWrite(options: BuildOptions): Promise<BuildResult> {
  let staging: Promise<Staging> | undefined
  const stage = () => (staging ??= Staging.open(options.out))
  const abort = async () => {
    const opened = await staging?.catch(() => undefined)
    await opened?.abort()
  }
  let result: BuildResult
  let written = new Map<string, WrittenFile>()
  try {
    result = await buildSite(options, async (path, content) => (await stage()).write(path, content))
    if (hasErrors(result.files)) {
      await abort()
      return result
    }
    if (!result.unchanged) {
      const ready = await stage()
      await ready.linkAll(result.link)
      written = await ready.commit()
    }
  } catch (cause) {
    await abort()
    throw cause
  }
  if (!options.cacheDir || result.stamped) return result
  const next = result.nextCache?.(written)
  if (next) await saveCache(options.cacheDir, options.out, next)
  const published = next?.written ?? result.published
  await saveStamp(options.cacheDir, options.out, result.key && published ? { key: result.key, written: published } : undefined)
  return result
}
