/**
 * Atomic publishing: every file goes into a fresh sibling folder, which then
 * replaces the output folder with two renames. An interrupted build leaves
 * the previous output untouched (and at worst a stray `.tmp` folder).
 *
 * Files an incremental build did not change are hard-linked from the
 * previous output rather than written: the same bytes, at the cost of a
 * directory entry. Files are never modified in place, so sharing an inode
 * with the old output is safe.
 */
import { copyFile, link as hardLink, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'

export type Outputs = Map<string, string>

/** What identifies a written file later: see `unchangedSince` in src/build/incremental.ts. */
export interface WrittenStat {
  size: number
  mtimeMs: number
  ino: number
}

/** Writes at most this many files at once: enough to keep the disk busy, few enough for the fd limit. */
const CONCURRENCY = 64

/**
 * @param outputs contents by output path
 * @param links output path → existing file with the right contents, to hard-link (copied when linking fails)
 * @returns the stat of every file written from `outputs`
 */
export async function writeAtomically(outDir: string, outputs: Outputs, links: ReadonlyMap<string, string> = new Map()): Promise<Map<string, WrittenStat>> {
  const target = resolve(outDir)
  const staging = `${target}.${process.pid}.tmp`
  const previous = `${target}.${process.pid}.old`
  await rm(staging, { recursive: true, force: true })
  const written = new Map<string, WrittenStat>()
  try {
    const paths = [...new Set([...outputs.keys(), ...links.keys()])].sort()
    await mkdir(staging, { recursive: true })
    await inParallel([...new Set(paths.map((path) => dirname(join(staging, path))))], async (dir) => void (await mkdir(dir, { recursive: true })))
    await inParallel(paths, async (path) => {
      await faultPoint(written.size)
      const file = join(staging, path)
      const content = outputs.get(path)
      if (content === undefined) return linkOrCopy(links.get(path)!, file)
      await writeFile(file, content)
      const { size, mtimeMs, ino } = await stat(file)
      written.set(path, { size, mtimeMs, ino })
    })
    await faultPoint(written.size)
    let hadPrevious = true
    try {
      await rename(target, previous)
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause
      hadPrevious = false
    }
    try {
      await rename(staging, target)
    } catch (cause) {
      if (hadPrevious) await rename(previous, target)
      throw cause
    }
    if (hadPrevious) await rm(previous, { recursive: true, force: true })
  } catch (cause) {
    await rm(staging, { recursive: true, force: true })
    throw cause
  }
  return written
}

/**
 * Fault injection for the kill -9 test: with PASSERELLE_FAULT_AFTER_FILES=N
 * the write stops for good after N files are staged, so the test can kill the
 * process mid-write deterministically instead of racing a short window.
 */
const faultAfter = Number(process.env.PASSERELLE_FAULT_AFTER_FILES ?? Number.NaN)
async function faultPoint(filesWritten: number): Promise<void> {
  if (filesWritten >= faultAfter) await new Promise(() => {})
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await hardLink(from, to)
  } catch {
    // Another file system, or one without hard links: a copy has the same bytes.
    await copyFile(from, to)
  }
}

async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const run = async () => {
    while (next < items.length) await task(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, run))
}
