/**
 * The build cache: one file per output folder under the cache folder
 * (`.passerelle-cache/` by default), holding for each event the content
 * hashes of its files, its validated record and excerpt metadata, and the
 * key its pages were rendered with; plus what the last build wrote, so
 * unchanged pages are hard-linked from the previous output instead of being
 * rendered again. Stored with v8's structured serialization, which keeps
 * `undefined` fields that JSON would drop.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { EventRecord, ExcerptMeta, Language } from '../record/schema.ts'
import { hashOf } from './fingerprint.ts'
import { STAMP_FORMAT, stampFile } from './fast-noop.js'
import type { WrittenStat } from '../publish/write.ts'

export const DEFAULT_CACHE_DIR = '.passerelle-cache'
const FORMAT = 3
/**
 * Events are kept in this many files, by a hash of their folder, so that a
 * rebuild after one change rewrites one small file, not every record.
 */
const EVENT_BUCKETS = 64

export interface EventEntry {
  /** Hash of the record and every excerpt (names and text hashes). */
  filesHash: string
  recordHash: string
  /** Stat keys of the record and excerpts when they were hashed (see `EventScan.stats`); '' to hash again. */
  stats: string
  record: EventRecord
  excerpts: Array<{ name: string; meta: ExcerptMeta }>
}

export interface RenderEntry {
  key: string
  paths: string[]
  leads: Record<Language, string>
}

/** Enough of a written file's stat to notice that someone replaced or edited it since. */
export type WrittenFile = WrittenStat

export interface CacheState {
  format: typeof FORMAT
  /** The code version every entry was made with: other code, other outputs. */
  code: string
  events: Map<string, EventEntry>
  renders: Map<string, RenderEntry>
  /** Detected reference languages by title and evidence (detection is the costly part). */
  languages: Map<string, string>
  /**
   * Every reference's language, keyed by a hash of every record's references
   * (`key`) and by the records' hashes (`records`, cheaper, tried first):
   * unchanged references need no detection at all.
   */
  referenceLanguages?: { key: string; records?: string; languages: Map<string, string> }
  /** Key of the last corpus (glossary and every event's files) whose cross-file checks left no message on any file. */
  checkedClean?: string
  site?: { key: string; paths: string[]; fragments?: unknown }
  written?: Map<string, WrittenFile>
}

export function emptyCache(code: string): CacheState {
  return { format: FORMAT, code, events: new Map(), renders: new Map(), languages: new Map() }
}

/** Whether a cache was saved for this output folder (whether it is still good is `loadCache`'s to say). */
export function cacheExists(cacheDir: string, outDir: string): boolean {
  return existsSync(cacheFile(cacheDir, outDir))
}

function cacheFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, `build-${hashOf(outDir).slice(0, 16)}.bin`)
}

function bucketsDir(cacheDir: string, outDir: string): string {
  return join(cacheDir, `build-${hashOf(outDir).slice(0, 16)}.events`)
}

/** FNV-1a: a cheap, stable spread of folder names over the bucket files. */
function bucketOf(folder: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < folder.length; index++) hash = Math.imul(hash ^ folder.charCodeAt(index), 0x01000193)
  return (hash >>> 0) % EVENT_BUCKETS
}

type MainPart = Omit<CacheState, 'events'> & { tags: string[] }

/** The events and bucket tags on disk for a loaded or saved state, to rewrite only the buckets that changed. */
const onDisk = new WeakMap<CacheState, { events: Map<string, EventEntry>; tags: string[] }>()

/** The cache for an output folder; empty when missing, unreadable, of another format or made by other code. */
export async function loadCache(cacheDir: string, outDir: string, code: string): Promise<CacheState> {
  try {
    const main = deserialize(await readFile(cacheFile(cacheDir, outDir))) as MainPart
    if (main?.format !== FORMAT || main.code !== code) return emptyCache(code)
    const dir = bucketsDir(cacheDir, outDir)
    const buckets = await Promise.all(main.tags.map(async (_, index) => deserialize(await readFile(join(dir, `${index}.bin`))) as Bucket))
    const events = new Map<string, EventEntry>()
    for (const [index, bucket] of buckets.entries()) {
      // A bucket of another save than the main part (a save cut short): the cache is not to be trusted.
      if (bucket.tag !== main.tags[index]) return emptyCache(code)
      for (const [folder, entry] of bucket.events) events.set(folder, entry)
    }
    const { tags, ...rest } = main
    const state: CacheState = { ...rest, events }
    onDisk.set(state, { events, tags })
    return state
  } catch {
    // A missing or truncated cache only costs a full build.
    return emptyCache(code)
  }
}

interface Bucket {
  tag: string
  events: Map<string, EventEntry>
}

/**
 * Written to temporary files then renamed, so a crash never leaves a
 * half-written file. Only the event buckets whose entries changed since
 * `previous` (the state loaded or last saved) are written again, each with
 * a new tag; the main part, written last, names the tag of every bucket,
 * so a save cut short is seen as a cache to drop, never mixed.
 */
export async function saveCache(cacheDir: string, outDir: string, state: CacheState, previous?: CacheState): Promise<void> {
  const saved = previous ? onDisk.get(previous) : undefined
  const dir = bucketsDir(cacheDir, outDir)
  const grouped = Array.from({ length: EVENT_BUCKETS }, () => new Map<string, EventEntry>())
  for (const [folder, entry] of state.events) grouped[bucketOf(folder)]!.set(folder, entry)
  const changed = saved ? changedBuckets(saved.events, state.events) : undefined
  const keep = (index: number) => saved !== undefined && !changed!.has(index)
  const fresh = hashOf(String(process.pid), String(performance.now()), String(Math.random())).slice(0, 16)
  const tags = grouped.map((_, index) => (keep(index) ? saved!.tags[index]! : `${fresh}-${index}`))
  await mkdir(dir, { recursive: true })
  await Promise.all(grouped.map((events, index) => (keep(index) ? undefined : replaceFile(join(dir, `${index}.bin`), serialize({ tag: tags[index]!, events } satisfies Bucket)))))
  const { events: _, ...rest } = state
  await replaceFile(cacheFile(cacheDir, outDir), serialize({ ...rest, tags } satisfies MainPart))
  onDisk.set(state, { events: state.events, tags })
}

/** Buckets some entry of which was added, removed or replaced. */
function changedBuckets(before: Map<string, EventEntry>, after: Map<string, EventEntry>): Set<number> {
  const changed = new Set<number>()
  for (const [folder, entry] of after) if (before.get(folder) !== entry) changed.add(bucketOf(folder))
  for (const folder of before.keys()) if (!after.has(folder)) changed.add(bucketOf(folder))
  return changed
}

/**
 * Not src/review/atomic-write.ts: that one writes text and flushes it to
 * disk; a cache is binary, and losing it to a power cut costs one full build.
 */
async function replaceFile(file: string, bytes: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, bytes)
  await rename(temporary, file)
}

/**
 * The stamp of the last build that left no message on any file: the key of
 * its options and code, the stat of every input it read and of every file
 * it published. When the options and code are the same and no stat changed,
 * the build has nothing to do and nothing to say, and the full cache need
 * not even be read. `fast` lets bin/passerelle.js answer before loading the
 * build at all (src/build/fast-noop.js reads the same file).
 */
export interface Stamp {
  key: string
  /** path, stat key pairs of every source input and locale file; undefined when some stat was racily clean. */
  inputs?: string[]
  written: Map<string, WrittenFile>
  events: number
  fast?: { invocation: string; node: string; root: string; code: string[] }
}

export async function loadStamp(cacheDir: string, outDir: string): Promise<Stamp | undefined> {
  try {
    const stamp = deserialize(await readFile(stampFile(cacheDir, outDir))) as Stamp & { format?: number }
    return stamp?.format === STAMP_FORMAT ? stamp : undefined
  } catch {
    return undefined
  }
}

/** Written like the cache; `undefined` removes it (the build had something to report). */
export async function saveStamp(cacheDir: string, outDir: string, stamp: Stamp | undefined): Promise<void> {
  const file = stampFile(cacheDir, outDir)
  if (!stamp) return rm(file, { force: true })
  await replaceFile(file, serialize({ format: STAMP_FORMAT, ...stamp }))
}
