/**
 * The stat of every source input, taken before any file is read: which
 * folders are events, which excerpts each has, and a stat key (size,
 * modification and change time in nanoseconds, inode) per file and folder.
 * A file whose stat key is the one the cache recorded is not read again,
 * as git's index does; the folders' keys tell a file added or removed.
 *
 * Same rules as `eventFolders` and `readEventFilesSync` in
 * src/ingest/corpus.ts: a folder not starting with `.` that holds
 * `record.yaml`; its `excerpts/*.md` files, sorted by name.
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync, type BigIntStats, type Dirent } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXCERPTS_DIR, GLOSSARY_FILE, RECORD_FILE } from '../ingest/corpus.ts'
import { statKey } from './fast-noop.js'

export interface EventScan {
  folder: string
  /** Excerpt file names, sorted. */
  excerpts: string[]
  /** Stat keys of the record and every excerpt, in one string; '' when any is racily clean (never matches). */
  stats: string
  /** path, stat key pairs of this event's folder, record, excerpt folder and excerpts. */
  inputs: string[]
}

export interface SourceScan {
  root: string
  /** Event folders, sorted. */
  folders: string[]
  events: Map<string, EventScan>
  /** path, stat key pairs of the sources folder, the glossary and the folders that are not events. */
  top: string[]
  /** Some stat was taken in the tick of its file's last change: not to be trusted later. */
  racy: boolean
}

/**
 * The file system's clock now, in nanoseconds: the modification time of a
 * file just written. A stat whose times are not older than this was taken
 * in the same tick as a change and proves nothing (git's "racily clean").
 * Written in the cache folder; before the first build has made one (a
 * build that fails must leave nothing behind), in the system's temporary
 * folder, whose clock is the same kernel clock on a local disk.
 */
export function fileSystemClock(cacheDir: string): bigint {
  const own = existsSync(cacheDir)
  const path = own ? join(cacheDir, 'clock') : join(tmpdir(), `passerelle-clock-${process.pid}`)
  writeFileSync(path, '')
  const now = statSync(path, { bigint: true }).mtimeNs
  if (!own) rmSync(path, { force: true })
  return now
}

export function scanSources(root: string, since?: bigint): SourceScan {
  const stats = new Stats(since)
  const top: string[] = [root, statKey(stats.of(root))]
  const glossary = join(root, GLOSSARY_FILE)
  top.push(glossary, statKey(stats.of(glossary)))
  const events = new Map<string, EventScan>()
  const names = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
  for (const name of names) {
    const event = scanFolder(root, name, stats)
    if (event) events.set(name, event)
    else top.push(join(root, name), statKey(stats.of(join(root, name))))
  }
  return { root, folders: [...events.keys()], events, top, racy: stats.racy }
}

/**
 * The same scan after a watcher reported changes: only the named folders
 * (and the list of folders, when `listing`) are looked at again.
 */
export function rescanSources(previous: SourceScan, changed: ReadonlySet<string>, listing: boolean, since?: bigint): SourceScan {
  if (listing) return scanSources(previous.root, since)
  const stats = new Stats(since)
  const top: string[] = []
  for (let index = 0; index < previous.top.length; index += 2) top.push(previous.top[index]!, statKey(stats.of(previous.top[index]!)))
  const events = new Map(previous.events)
  for (const folder of changed) {
    const event = scanFolder(previous.root, folder, stats)
    // A folder that gained or lost its record changes the list of events: scan everything.
    if (!event !== !previous.events.has(folder)) return scanSources(previous.root, since)
    if (event) events.set(folder, event)
  }
  return { root: previous.root, folders: previous.folders, events, top, racy: stats.racy || previous.racy }
}

/** stat with nanosecond times, remembering whether any was racily clean. */
class Stats {
  racy = false
  constructor(readonly since?: bigint) {}
  of(path: string): BigIntStats | undefined {
    let found: BigIntStats | undefined
    try {
      found = statSync(path, { bigint: true, throwIfNoEntry: false })
    } catch {
      found = undefined
    }
    if (this.isRacy(found)) this.racy = true
    return found
  }
  isRacy(found: BigIntStats | undefined): boolean {
    return found !== undefined && this.since !== undefined && (found.mtimeNs >= this.since || found.ctimeNs >= this.since)
  }
}

/** One folder of the sources, or undefined when it is not an event (no record). */
function scanFolder(root: string, folder: string, stats: Stats): EventScan | undefined {
  const dir = join(root, folder)
  const dirKey = statKey(stats.of(dir))
  const record = stats.of(join(dir, RECORD_FILE))
  if (!record) return undefined
  const excerptsDir = join(dir, EXCERPTS_DIR)
  // Stat of the folder before its listing: a file added in between changes the stat seen next time.
  const excerptsKey = statKey(stats.of(excerptsDir))
  let entries: Dirent[] = []
  try {
    entries = readdirSync(excerptsDir, { withFileTypes: true })
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause
  }
  const excerpts = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort()
  const recordKey = statKey(record)
  const inputs = [dir, dirKey, join(dir, RECORD_FILE), recordKey, excerptsDir, excerptsKey]
  let racy = stats.isRacy(record)
  const parts = [recordKey]
  for (const name of excerpts) {
    const path = join(excerptsDir, name)
    const found = stats.of(path)
    racy ||= stats.isRacy(found)
    const key = statKey(found)
    inputs.push(path, key)
    parts.push(`${name}=${key}`)
  }
  return { folder, excerpts, stats: racy ? '' : parts.join('|'), inputs }
}

/** Every path, stat key pair of a scan, in a fixed order (what the stamp keeps). */
export function scanInputs(scan: SourceScan): string[] {
  const inputs = [...scan.top]
  for (const folder of scan.folders) inputs.push(...scan.events.get(folder)!.inputs)
  return inputs
}

/** path, stat key pairs of some files (the locales), and whether any stat was racily clean. */
export function statInputs(paths: readonly string[], since?: bigint): { pairs: string[]; racy: boolean } {
  const stats = new Stats(since)
  const pairs = paths.flatMap((path) => [path, statKey(stats.of(path))])
  return { pairs, racy: stats.racy }
}
