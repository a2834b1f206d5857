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
import { closeSync, fstatSync, mkdirSync, openSync, writeFileSync } from 'node:fs'
import { copyFile, link as hardLink, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'

export type Outputs = Map<string, string>

/**
 * Fault point for the kill -9 test (tests/robustness/faults.test.ts): with
 * PASSERELLE_FAULT_AFTER_FILES=N, a thread that has staged N files stops
 * there for good, so the test kills a build that is certainly half-way
 * instead of racing it. Unset, it costs one comparison per file.
 */
const faultAfter = Number(process.env.PASSERELLE_FAULT_AFTER_FILES ?? Number.NaN)
let filesStaged = 0

function staged(): void {
  if (++filesStaged >= faultAfter) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
}

/** What identifies a written file later: see `unchangedSince` in src/build/incremental.ts. */
export interface WrittenStat {
  size: number
  mtimeMs: number
  ino: number
}

/** The part of a stat that identifies a written file. */
function writtenStat({ size, mtimeMs, ino }: WrittenStat): WrittenStat {
  return { size, mtimeMs, ino }
}

/** Writes at most this many files at once: enough to keep the disk busy, few enough for the fd limit. */
const CONCURRENCY = 64

/**
 * @param outputs contents by output path
 * @param links output path → existing file with the right contents, to hard-link (copied when linking fails)
 * @returns the stat of every file written from `outputs`
 */
export async function writeAtomically(outDir: string, outputs: Outputs, links: ReadonlyMap<string, string> = new Map()): Promise<Map<string, WrittenStat>> {
  const staging = await Staging.open(outDir)
  try {
    await inParallel([...outputs], ([path, content]) => staging.write(path, content))
    await staging.linkAll(links)
    return await staging.commit()
  } catch (cause) {
    await staging.abort()
    throw cause
  }
}

/**
 * The fresh sibling folder a build writes into as it goes, so that a large
 * site never has to be held in memory whole: pages are written as they are
 * rendered, unchanged ones linked at the end, then `commit` swaps the folder
 * in. Until then the output folder is untouched; `abort` removes the staging.
 */
export class Staging {
  readonly #target: string
  readonly #dir: string
  readonly #written = new Map<string, WrittenStat>()
  /** Folders made so far (each made once, parents first by `recursive`). */
  readonly #folders = new Map<string, Promise<unknown>>()

  private constructor(target: string) {
    this.#target = target
    this.#dir = `${target}.${process.pid}.tmp`
  }

  static async open(outDir: string): Promise<Staging> {
    const staging = new Staging(resolve(outDir))
    await rm(staging.#dir, { recursive: true, force: true })
    await mkdir(staging.#dir, { recursive: true })
    return staging
  }

  async write(path: string, content: string): Promise<void> {
    const file = await this.#place(path)
    await writeFile(file, content)
    this.#written.set(path, writtenStat(await stat(file)))
    staged()
  }

  /** The staging folder itself, for worker threads to write pages into with `writeFilesSync`. */
  get dir(): string {
    return this.#dir
  }

  /** Records a file written into the staging folder by someone else (a worker thread). */
  adopt(path: string, written: WrittenStat): void {
    this.#written.set(path, written)
  }

  /** Output path → existing file with the right contents, hard-linked (copied when linking fails). */
  async linkAll(links: ReadonlyMap<string, string>): Promise<void> {
    // A path written fresh keeps its fresh contents.
    const missing = [...links].filter(([path]) => !this.#written.has(path))
    await inParallel(missing, async ([path, from]) => linkOrCopy(from, await this.#place(path)))
  }

  /** Swaps the staging folder in for the output folder; returns the stat of every file written (not linked). */
  async commit(): Promise<Map<string, WrittenStat>> {
    const previous = `${this.#target}.${process.pid}.old`
    let hadPrevious = true
    try {
      await rename(this.#target, previous)
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause
      hadPrevious = false
    }
    try {
      await rename(this.#dir, this.#target)
    } catch (cause) {
      if (hadPrevious) await rename(previous, this.#target)
      throw cause
    }
    if (hadPrevious) await rm(previous, { recursive: true, force: true })
    return this.#written
  }

  async abort(): Promise<void> {
    await rm(this.#dir, { recursive: true, force: true })
  }

  /** The staging path of an output path, its folder made. */
  async #place(path: string): Promise<string> {
    const file = join(this.#dir, path)
    const folder = dirname(file)
    let made = this.#folders.get(folder)
    if (!made) {
      made = mkdir(folder, { recursive: true })
      this.#folders.set(folder, made)
    }
    await made
    return file
  }
}

/**
 * Writes files under `dir` (a staging folder) and returns their stats.
 * Synchronous on purpose: it runs in a worker thread that has nothing else
 * to do meanwhile, and four plain system calls per file (open, write,
 * fstat, close) cost far less than the same through promises and libuv's
 * thread pool, which the main thread would then also have to drive.
 * @param made folders known to exist already (updated)
 */
export function writeFilesSync(dir: string, outputs: ReadonlyArray<readonly [string, string]>, made: Set<string>): Array<[string, WrittenStat]> {
  return outputs.map(([path, content]) => {
    const file = join(dir, path)
    const folder = dirname(file)
    if (!made.has(folder)) (mkdirSync(folder, { recursive: true }), made.add(folder))
    const fd = openSync(file, 'w')
    try {
      writeFileSync(fd, content)
      return [path, writtenStat(fstatSync(fd))]
    } finally {
      closeSync(fd)
      staged()
    }
  })
}

/**
 * Replaces a few files of an existing output folder, each written aside and
 * renamed over the old one (never modified in place: an old file may share
 * its inode with an older output), and removes `removed`. For a rebuild that
 * changes a handful of pages of a large site, where swapping the whole
 * folder would mean linking every other page again (src/build/quick.ts).
 */
export async function replaceFiles(outDir: string, outputs: ReadonlyArray<readonly [string, string]>, removed: readonly string[]): Promise<Map<string, WrittenStat>> {
  const written = new Map<string, WrittenStat>()
  await inParallel(outputs, async ([path, content]) => {
    const file = join(outDir, path)
    const temporary = `${file}.${process.pid}.tmp`
    await mkdir(dirname(file), { recursive: true })
    try {
      await writeFile(temporary, content)
      await rename(temporary, file)
    } catch (cause) {
      await rm(temporary, { force: true })
      throw cause
    }
    written.set(path, writtenStat(await stat(file)))
  })
  await inParallel(removed, (path) => rm(join(outDir, path), { force: true }))
  return written
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
