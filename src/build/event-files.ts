/**
 * One event folder read, hashed and (when its files changed) parsed: the
 * step the main thread and the build workers share, so that both decide
 * "changed", "clean" and the cache entry the same way.
 */
import { join } from 'node:path'
import { ingestEvent, readEventFilesSync, type EventFiles, type LoadedEvent } from '../ingest/corpus.ts'
import type { EventEntry } from './cache.ts'
import type { EventScan } from './scan.ts'
import { hashOf } from './fingerprint.ts'
import type { IngestedEvent } from './workers.ts'

/** Hash of the record, and of the record with every excerpt (names and texts). */
export function hashesOf(files: EventFiles): { recordHash: string; filesHash: string } {
  const recordHash = hashOf(String(files.record.value))
  return { recordHash, filesHash: hashOf(recordHash, ...files.excerpts.flatMap((file) => [file.basename ?? '', String(file.value)])) }
}

export function isClean(files: EventFiles): boolean {
  return files.record.messages.length === 0 && files.excerpts.every((file) => file.messages.length === 0)
}

/** One event folder read and hashed, and parsed unless its files hash as the cache's entry does. */
export interface FolderRead {
  files: EventFiles
  /** Excerpt file names as read. */
  excerpts: string[]
  recordHash: string
  filesHash: string
  /** Read clean and hashing as the cached entry: that entry stands, nothing was parsed. */
  unchanged: boolean
  /** Parsed (when not `unchanged`): undefined for an invalid record. */
  event?: LoadedEvent
  /** Its cache entry (stats apart) when it parsed with no message on any file. */
  entry?: Omit<EventEntry, 'stats'>
}

export function readFolder(dir: string, folder: string, cwd: string, cachedHash: string | undefined): FolderRead {
  const files = readEventFilesSync(dir, cwd)
  const { recordHash, filesHash } = hashesOf(files)
  const read = { files, excerpts: files.excerpts.map((file) => file.basename ?? ''), recordHash, filesHash }
  if (cachedHash === filesHash && isClean(files)) return { ...read, unchanged: true }
  const event = ingestEvent(dir, folder, files)
  const entry = event && isClean(files) ? { filesHash, recordHash, record: event.record, excerpts: event.excerpts.map((excerpt) => ({ name: excerpt.file.basename ?? '', meta: excerpt.meta })) } : undefined
  return { ...read, unchanged: false, event, entry }
}

/** Stats are kept only for the very files read: one added or removed since the scan is hashed again next time. */
export function statsFor(seen: EventScan, excerpts: readonly string[]): string {
  return sameStrings(excerpts, seen.excerpts) ? seen.stats : ''
}

/** The cached entry of an event whose files still hash the same, with the stats they have now. */
export function withStats(entry: EventEntry, stats: string): EventEntry {
  return entry.stats === stats ? entry : { ...entry, stats }
}

/**
 * What a worker makes of a folder: its hashes, and its cache entry when it
 * parsed clean. Anything else (a message, a file gone since the scan) comes
 * back without an entry, and the main thread does the folder itself.
 */
export function ingestFolder(root: string, folder: string, cwd: string, cachedHash: string | undefined): IngestedEvent | { folder: string } {
  let read: FolderRead
  try {
    read = readFolder(join(root, folder), folder, cwd, cachedHash)
  } catch {
    return { folder }
  }
  const done = { folder, excerpts: read.excerpts, recordHash: read.recordHash, filesHash: read.filesHash }
  if (read.unchanged) return { ...done, unchanged: true }
  return read.entry ? { ...done, entry: read.entry } : done
}

export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index])
}
