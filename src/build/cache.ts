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
import { dirname, join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { EventRecord, ExcerptMeta, Language } from '../record/schema.ts'
import { hashOf } from './fingerprint.ts'
import type { WrittenStat } from '../publish/write.ts'

export const DEFAULT_CACHE_DIR = '.passerelle-cache'
const FORMAT = 2

export interface EventEntry {
  /** Hash of the record and every excerpt (names and texts). */
  filesHash: string
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
  /** Every reference's language, keyed by a hash of every record's references: unchanged references need no detection at all. */
  referenceLanguages?: { key: string; languages: Map<string, string> }
  /** Key of the last corpus (glossary and every event's files) whose cross-file checks left no message on any file. */
  checkedClean?: string
  site?: { key: string; paths: string[] }
  written?: Map<string, WrittenFile>
}

export function emptyCache(code: string): CacheState {
  return { format: FORMAT, code, events: new Map(), renders: new Map(), languages: new Map() }
}

function cacheFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, `build-${hashOf(outDir).slice(0, 16)}.bin`)
}

/** The cache for an output folder; empty when missing, unreadable, of another format or made by other code. */
export async function loadCache(cacheDir: string, outDir: string, code: string): Promise<CacheState> {
  try {
    const state = deserialize(await readFile(cacheFile(cacheDir, outDir))) as CacheState
    return state?.format === FORMAT && state.code === code ? state : emptyCache(code)
  } catch {
    // A missing or truncated cache only costs a full build.
    return emptyCache(code)
  }
}

/** Written to a temporary file then renamed, so a crash never leaves a half-written cache. */
export async function saveCache(cacheDir: string, outDir: string, state: CacheState): Promise<void> {
  await replaceFile(cacheFile(cacheDir, outDir), serialize(state))
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
 * all its inputs and the stat of every file it published. When the inputs
 * hash to the same key and the output is untouched, the build has nothing
 * to do and nothing to say, and the full cache need not even be read.
 */
export interface Stamp {
  key: string
  written: Map<string, WrittenFile>
}

function stampFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, `build-${hashOf(outDir).slice(0, 16)}.stamp`)
}

export async function loadStamp(cacheDir: string, outDir: string): Promise<Stamp | undefined> {
  try {
    const stamp = deserialize(await readFile(stampFile(cacheDir, outDir))) as Stamp & { format?: number }
    return stamp?.format === FORMAT ? stamp : undefined
  } catch {
    return undefined
  }
}

/** Written like the cache; `undefined` removes it (the build had something to report). */
export async function saveStamp(cacheDir: string, outDir: string, stamp: Stamp | undefined): Promise<void> {
  const file = stampFile(cacheDir, outDir)
  if (!stamp) return rm(file, { force: true })
  await replaceFile(file, serialize({ format: FORMAT, ...stamp }))
}
