/**
 * `passerelle build --watch`: one build, then the process stays up and
 * builds again, incrementally and into the same atomic output, whenever a
 * file under the sources or the locales changes. A cold process pays tsx,
 * the modules and a stat of every input on each run; a watching one has
 * them all in memory and stats only what the watcher named.
 *
 * Watched by hand with one non-recursive `fs.watch` per folder (sources,
 * each event folder, each excerpts folder, the locales' language folders):
 * Node 20's recursive watch on Linux walks and stats the whole tree itself,
 * and chokidar stats every file at start; the folder layout is fixed, so
 * the folder a change happened in names the event to look at again.
 */
import { watch, type FSWatcher } from 'node:fs'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { formatReport, hasErrors } from '../diagnostics/index.ts'
import { EXCERPTS_DIR, GLOSSARY_FILE } from '../ingest/corpus.ts'
import { languages } from '../record/schema.ts'
import { buildAndWrite, type BuildOptions, type BuildResult, type BuildSession } from './incremental.ts'

/** Changes closer together than this are one rebuild (an editor's save is often several writes). */
const SETTLE_MS = 15

export interface WatchIo {
  stdout: Writable
  stderr: Writable
}

export interface Watching {
  /** Resolves once the first build is done and the watchers are set. */
  ready: Promise<void>
  /** Stops watching, waits for a running build and its cache to be saved. */
  stop(): Promise<void>
}

export function watchBuild(options: BuildOptions, io: WatchIo, localesDir: string | undefined, onBuild?: (result: BuildResult) => void): Watching {
  const session: BuildSession = { watching: true }
  const watchers = new Map<string, FSWatcher>()
  let pending: { folders: Set<string>; listing: boolean; any: boolean } = { folders: new Set(), listing: false, any: false }
  let running: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  const build = async () => {
    const started = performance.now()
    const changed = pending
    pending = { folders: new Set(), listing: false, any: false }
    session.changed = session.scan ? { folders: changed.folders, listing: changed.listing } : undefined
    const result = await buildAndWrite(options, session)
    const ms = Math.round(performance.now() - started)
    const report = formatReport(result.files)
    if (report) io.stderr.write(report + '\n')
    const { events, parsed, rendered } = result.stats
    if (hasErrors(result.files)) io.stdout.write(`build failed in ${ms} ms; ${options.out} is unchanged\n`)
    else io.stdout.write(`built in ${ms} ms: ${events} events, ${parsed} parsed, ${rendered} rendered, ${result.fresh.size} files written\n`)
    onBuild?.(result)
    // The output is complete before the cache is saved: the line above says when the site was ready.
    await result.persist()
    follow()
  }
  const schedule = () => {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(() => (running = running.then(build).catch((cause: Error) => void io.stderr.write(`passerelle build: ${cause.message}\n`))), SETTLE_MS)
  }
  const mark = (change: (next: typeof pending) => void) => {
    change(pending)
    pending.any = true
    schedule()
  }

  /** Watches every folder of the last scan that is not watched yet, and lets go of those gone. */
  const follow = () => {
    const scan = session.scan
    if (!scan || stopped) return
    const wanted = new Map<string, (name: string | null, type: string) => void>()
    wanted.set(options.root, (name, type) => mark((next) => {
      if (name && name !== GLOSSARY_FILE) next.folders.add(name)
      if (type === 'rename' || !name) next.listing = true
    }))
    for (const folder of scan.folders) {
      wanted.set(join(options.root, folder), () => mark((next) => void next.folders.add(folder)))
      wanted.set(join(options.root, folder, EXCERPTS_DIR), () => mark((next) => void next.folders.add(folder)))
    }
    for (const lang of localesDir ? languages : []) wanted.set(join(localesDir!, lang), () => mark(() => {}))
    for (const [path, watcher] of watchers) if (!wanted.has(path)) (watcher.close(), watchers.delete(path))
    for (const [path, listener] of wanted) {
      if (watchers.has(path)) continue
      try {
        const watcher = watch(path, { persistent: true }, (type, name) => listener(name, type))
        watcher.on('error', () => (watcher.close(), watchers.delete(path), mark((next) => void (next.listing = true))))
        watchers.set(path, watcher)
      } catch {
        // A folder without excerpts yet: its event folder's watcher sees it appear.
      }
    }
  }

  running = build()
  return {
    ready: running,
    async stop() {
      stopped = true
      clearTimeout(timer)
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
      await running
    },
  }
}
