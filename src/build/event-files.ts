/**
 * One event folder read, hashed and (when its files changed) parsed: the
 * step the main thread and the build workers share, so that both decide
 * "changed", "clean" and the cache entry the same way.
 */
import { join } from 'node:path'
import { ingestEvent, readEventFilesSync, type EventFiles } from '../ingest/corpus.ts'
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

/**
 * What a worker makes of a folder: its hashes, and its cache entry when it
 * parsed clean. Anything else (a message, a file gone since the scan) comes
 * back without an entry, and the main thread does the folder itself.
 */
export function ingestFolder(root: string, folder: string, cwd: string, cachedHash: string | undefined): IngestedEvent | { folder: string } {
  const dir = join(root, folder)
  let files: EventFiles
  try {
    files = readEventFilesSync(dir, cwd)
  } catch {
    return { folder }
  }
  const { recordHash, filesHash } = hashesOf(files)
  const read = { folder, excerpts: files.excerpts.map((file) => file.basename ?? ''), recordHash, filesHash }
  if (!isClean(files)) return read
  if (cachedHash === filesHash) return { ...read, unchanged: true }
  const event = ingestEvent(dir, folder, files)
  if (!event || !isClean(files)) return read
  return { ...read, entry: { filesHash, recordHash, record: event.record, excerpts: event.excerpts.map((excerpt) => ({ name: excerpt.file.basename ?? '', meta: excerpt.meta })) } }
}

export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index])
}
