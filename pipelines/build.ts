/**
 * `passerelle build [--out DIR] [--base-url URL] [--shard i/n] [--workers N] [--no-cache] [--quiet] [--watch]`:
 * ingest → detect reference languages → render → fact parity → write
 * atomically, reusing what the cache (`.passerelle-cache/`) says did not
 * change. Any error leaves the previous output untouched and exits 1 with
 * the positioned report.
 */
import { resolve } from 'node:path'
import { formatReport, hasErrors } from '../src/diagnostics/index.ts'
import { DEFAULT_BASE_URL, normalizeBaseUrl } from '../src/publish/urls.ts'
import { buildAndWrite, type BuildOptions } from '../src/build/incremental.ts'
import { watchBuild } from '../src/build/watch.ts'
import { localesDir } from '../src/publish/i18n.ts'
import { DEFAULT_CACHE_DIR } from '../src/build/cache.ts'
import { parseShard, type Shard } from '../src/build/shard.ts'
import { progressBar, shouldShowProgress, silent } from '../src/build/progress.ts'
import { defaultWorkers } from '../src/build/workers.ts'
import { BUILD_OPTIONS, invocationKey, summaryLine } from '../src/build/fast-noop.js'
import { UsageError, type Io } from './cli.ts'
import { parseOptions, sourcesDir } from './options.ts'

export async function run(argv: string[], io: Io): Promise<number> {
  const { sources: _, ...known } = BUILD_OPTIONS
  const { values } = parseOptions(argv, known)
  const out = resolve(io.cwd, values.out ?? 'dist')
  const cacheDir = values['no-cache'] ? undefined : resolve(io.cwd, values.cache ?? DEFAULT_CACHE_DIR)
  const progress = shouldShowProgress(io.stderr, Boolean(values.quiet)) ? progressBar(io.stderr) : silent
  const options: BuildOptions = {
    root: sourcesDir(io, values.sources),
    cwd: io.cwd,
    out,
    baseUrl: baseUrlOption(values['base-url']),
    cacheDir,
    shard: values.shard === undefined ? undefined : shardOption(values.shard),
    progress,
    workers: workersOption(values.workers),
    invocation: invocationKey(io.cwd, values),
  }
  if (values.watch) return watchUntilInterrupted(options, io)
  const result = await buildAndWrite(options)
  const report = formatReport(result.files)
  if (report) io.stderr.write(report + '\n')
  if (hasErrors(result.files)) {
    io.stderr.write(`passerelle build: nothing was written; ${out} is unchanged\n`)
    return 1
  }
  if (!values.quiet) {
    const { events, parsed, rendered } = result.stats
    io.stdout.write(summaryLine(events, result.fresh.size + result.link.size, out, parsed, rendered))
  }
  return 0
}

/**
 * `--watch`: builds, then builds again on every change under the sources
 * and locales, one line each, until SIGINT (Ctrl-C), which ends it cleanly
 * once a running build and its cache are saved.
 */
async function watchUntilInterrupted(options: BuildOptions, io: Io): Promise<number> {
  const watching = watchBuild({ ...options, progress: silent }, io, localesDir(io.cwd))
  await watching.ready
  io.stderr.write(`watching ${options.root} for changes (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()))
  await watching.stop()
  return 0
}

function baseUrlOption(value: string | undefined): string {
  try {
    return normalizeBaseUrl(value ?? DEFAULT_BASE_URL)
  } catch {
    throw new UsageError(`--base-url must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}, not \`${value}\``)
  }
}

function shardOption(value: string): Shard {
  const shard = parseShard(value)
  if (typeof shard === 'string') throw new UsageError(shard)
  return shard
}

function workersOption(value: string | undefined): number {
  if (value === undefined) return defaultWorkers()
  const count = Number(value)
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--workers must be a whole number of threads, 1 or more, not \`${value}\``)
  return count
}
