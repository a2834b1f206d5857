/**
 * Content hashes that key the build cache. Every input that can change an
 * output is hashed: source files, glossary, locales, base URL and the code
 * itself (sources, lock file and Node's version, whose Intl data formats
 * dates), so a stale entry can never be mistaken for a fresh one.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** What the code version covers: everything that runs or is read at build time. */
const CODE_PATHS = ['src', 'pipelines', 'package-lock.json']

/** SHA-256 of the parts, separated so that ('ab', 'c') and ('a', 'bc') differ. */
export function hashOf(...parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

let memo: Promise<string> | undefined

/** A hash of the code that builds the site; memoized, as the code does not change while it runs. */
export function codeVersion(): Promise<string> {
  memo ??= hashCode()
  return memo
}

async function hashCode(): Promise<string> {
  const parts: string[] = [process.version]
  for (const path of CODE_PATHS) {
    const absolute = join(PROJECT_ROOT, path)
    const files = path.includes('.') ? [absolute] : (await readdir(absolute, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
    for (const file of files.sort()) parts.push(relative(PROJECT_ROOT, file), await readFile(file, 'utf8'))
  }
  return hashOf(...parts)
}
