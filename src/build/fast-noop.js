/**
 * The no-op check of `passerelle build`, in plain JavaScript so that
 * `bin/passerelle.js` can run it before loading tsx and the TypeScript
 * build (their start-up alone costs more than the check).
 *
 * A clean build leaves a stamp (see src/build/cache.ts) holding the stat of
 * every input it read: source files and the folders that list them, the
 * locales, the code, and the stat of every file it published. When the
 * command line is the same and every one of those stats is unchanged, the
 * output already is what the build would write, and there is nothing to
 * report: no file is read, no module of the build is loaded.
 *
 * Like git's index, this trusts that a file whose size, modification time
 * and change time (both in nanoseconds) and inode are unchanged has the same
 * contents. A stat taken in the same clock tick as the file's last change
 * ("racily clean") is never trusted: the build that took it stores no
 * snapshot, so the next build hashes again. What remains is what git
 * accepts too: a tool that rewrites a file and then resets its times by hand.
 */
import { hash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { deserialize } from 'node:v8'

/** The checkout this code runs from: a stamp made by another checkout's code says nothing about this one's. */
export const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Same as the stamp format in src/build/cache.ts. */
export const STAMP_FORMAT = 3

/** The options of `build` (pipelines/build.ts parses the same set). */
export const BUILD_OPTIONS = {
  sources: { type: 'string' },
  out: { type: 'string' },
  'base-url': { type: 'string' },
  shard: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
  workers: { type: 'string' },
  quiet: { type: 'boolean' },
  watch: { type: 'boolean' },
}

/** Options that do not change what is written. */
const NOT_OUTPUT = new Set(['quiet', 'workers', 'watch'])

/**
 * The command line as far as it decides the output: working folder and
 * every option but those that only change how the build runs.
 * @param {string} cwd
 * @param {Record<string, unknown>} values parsed options
 */
export function invocationKey(cwd, values) {
  const kept = Object.keys(values)
    .filter((name) => !NOT_OUTPUT.has(name) && values[name] !== undefined)
    .sort()
    .map((name) => [name, values[name]])
  return JSON.stringify([cwd, kept])
}

/**
 * SHA-256 of the parts, separated so that ('ab', 'c') and ('a', 'bc') differ;
 * the build's one hash (src/build/fingerprint.ts re-exports it).
 * @param {...string} parts
 */
export function hashOf(...parts) {
  // The same bytes as one update per part and per separator, in one call into
  // the one-shot `hash` (Node 20.12+), with no Hash object: keys over every
  // event (tens of thousands of parts) cost a tenth, and hashes are taken per file.
  return hash('sha256', parts.length === 0 ? '' : parts.join('\0') + '\0', 'hex')
}

/** @param {string} cacheDir @param {string} outDir */
export function stampFile(cacheDir, outDir) {
  return join(cacheDir, `build-${hashOf(outDir).slice(0, 16)}.stamp`)
}

/**
 * What identifies a file's contents without reading it; `missing` for none.
 * @param {import('node:fs').BigIntStats | undefined} stat
 */
export function statKey(stat) {
  if (!stat) return 'missing'
  const kind = stat.isDirectory() ? 'd' : 'f'
  return `${kind}${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`
}

/** @param {string} path */
export function statKeyOf(path) {
  try {
    return statKey(statSync(path, { bigint: true, throwIfNoEntry: false }))
  } catch {
    // ENOTDIR and the like: not there as far as the build is concerned.
    return 'missing'
  }
}

/** The line `build` prints after a build (pipelines/build.ts prints it too). */
export function summaryLine(events, files, out, parsed, rendered) {
  return `${events} events, ${files} files written to ${out} (${parsed} events parsed, ${rendered} rendered, the rest from the cache)\n`
}

/**
 * The summary line of a build that has nothing to do, or undefined when the
 * full build must decide (anything differs, or any doubt at all).
 * @param {string[]} argv the arguments after `build`
 * @param {string} cwd
 */
export function fastNoop(argv, cwd) {
  let values
  try {
    values = parseArgs({ args: argv, options: BUILD_OPTIONS, strict: true }).values
  } catch {
    return undefined
  }
  if (values['no-cache'] || values.watch) return undefined
  const out = resolve(cwd, values.out ?? 'dist')
  const cacheDir = resolve(cwd, values.cache ?? '.passerelle-cache')
  let stamp
  try {
    stamp = deserialize(readFileSync(stampFile(cacheDir, out)))
  } catch {
    return undefined
  }
  if (stamp?.format !== STAMP_FORMAT || !stamp.fast || stamp.fast.invocation !== invocationKey(cwd, values) || stamp.fast.node !== process.version || stamp.fast.root !== CODE_ROOT) return undefined
  if (!unchangedInputs(stamp.fast.code) || !unchangedInputs(stamp.inputs)) return undefined
  for (const [path, written] of stamp.written) if (!unchangedOutput(join(out, path), written)) return undefined
  return values.quiet ? '' : summaryLine(stamp.events, stamp.written.size, out, 0, 0)
}

/** @param {string[] | undefined} pairs path, stat key, path, stat key… */
export function unchangedInputs(pairs) {
  if (!pairs) return false
  for (let index = 0; index < pairs.length; index += 2) if (statKeyOf(pairs[index]) !== pairs[index + 1]) return false
  return true
}

/** Same test as `unchangedSince` in src/build/incremental.ts. */
export function unchangedOutput(path, written) {
  try {
    const stat = statSync(path)
    return stat.ino === written.ino && stat.size === written.size && stat.mtimeMs === written.mtimeMs
  } catch {
    return false
  }
}
