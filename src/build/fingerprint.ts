/**
 * Content hashes that key the build cache. Every input that can change an
 * output is hashed: source files, glossary, locales, base URL and the code
 * itself (sources, lock file and Node's version, whose Intl data formats
 * dates), so a stale entry can never be mistaken for a fresh one.
 */
import { statSync, type BigIntStats } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashOf, statKey } from './fast-noop.js'

export { hashOf }

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** What the code version covers: everything that runs or is read at build time. */
const CODE_PATHS = ['src', 'pipelines', 'package-lock.json']

let memo: Promise<{ hash: string; stats: Array<[string, BigIntStats | undefined]> }> | undefined

/** A hash of the code that builds the site; memoized, as the code does not change while it runs. */
export async function codeVersion(): Promise<string> {
  memo ??= hashCode()
  return (await memo).hash
}

/**
 * path, stat key pairs of the code files and folders hashed (each stat taken
 * before its file was read), for the no-op check; undefined when a file
 * changed in the same clock tick as `since` or later (it may have changed
 * again unseen).
 */
export async function codeInputs(since: bigint): Promise<string[] | undefined> {
  memo ??= hashCode()
  const pairs: string[] = []
  for (const [path, stat] of (await memo).stats) {
    if (stat && (stat.mtimeNs >= since || stat.ctimeNs >= since)) return undefined
    pairs.push(path, statKey(stat))
  }
  return pairs
}

async function hashCode() {
  const parts: string[] = [process.version]
  const stats: Array<[string, BigIntStats | undefined]> = []
  const stat = (path: string) => stats.push([path, statSync(path, { bigint: true, throwIfNoEntry: false })])
  for (const path of CODE_PATHS) {
    const absolute = join(PROJECT_ROOT, path)
    let files = [absolute]
    if (!path.includes('.')) {
      const entries = await readdir(absolute, { recursive: true, withFileTypes: true })
      // A file added or removed changes its folder's stat.
      for (const folder of [absolute, ...entries.filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name))].sort()) stat(folder)
      files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
    }
    for (const file of files.sort()) {
      stat(file)
      parts.push(relative(PROJECT_ROOT, file), await readFile(file, 'utf8'))
    }
  }
  return { hash: hashOf(...parts), stats }
}
