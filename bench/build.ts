/**
 * `npm run bench [-- --events N] [--json]`: times the build on a synthetic
 * corpus generated in a temporary folder: a full build from an empty cache,
 * a rebuild with nothing changed and a rebuild after one excerpt changed,
 * each as a fresh `passerelle build` process (`noop_s`, `one_change_s`:
 * what a person typing the command waits for, start-up included) and in
 * this process with every module loaded (`*_inprocess_s`), the same change
 * seen by `build --watch` (`one_change_watch_s`: from the write to the end
 * of the rebuild) and the same for one title (`one_title_change_watch_s`:
 * a published field, so pages are written again), then `detect` and `align` alone. CPU time (user + sys)
 * of the processes is printed beside the wall-clock figures. Prints events/s, pages/s, p50/p95 per stage
 * and peak RSS, as a table or (with --json) one JSON object. `peak_rss_mb`
 * is the process's peak right after the full build (workers included),
 * before rebuilds, the watcher, detect and align keep more alive;
 * `peak_rss_with_detect_align_mb` is the peak at the end. The load average is printed too: on a shared
 * machine it says how much the figures are to be trusted.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateCorpus } from './synthetic.ts'
import { settleDisk } from './disk.ts'
import { buildAndWrite, type BuildOptions } from '../src/build/incremental.ts'
import { loadCorpus } from '../src/ingest/corpus.ts'
import { detectCorpus } from '../src/detect/index.ts'
import { alignEvent } from '../src/align/align.ts'
import { hasErrors, formatReport } from '../src/diagnostics/index.ts'
import { defaultWorkers } from '../src/build/workers.ts'
import { watchBuild } from '../src/build/watch.ts'
import type { BuildResult } from '../src/build/incremental.ts'

const CLI = join(import.meta.dirname, '..', 'bin', 'passerelle.js')

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000' }, json: { type: 'boolean' }, repeat: { type: 'string', default: '5' }, seed: { type: 'string', default: '2018' } } })
const events = Number(values.events)
const repeat = Number(values.repeat)
const dir = await mkdtemp(join(tmpdir(), 'passerelle-bench-'))
const root = join(dir, 'sources')
const log = (line: string) => process.stderr.write(`${line}\n`)
/** Other work on the machine skews every figure: the load average is printed with them. */
const loadStart = loadavg()[0]!

try {
  log(`generating ${events} events in ${root}`)
  await generateCorpus(root, { events, seed: Number(values.seed) })
  const options: BuildOptions = { root, cwd: dir, out: join(dir, 'dist'), baseUrl: 'https://passerelle.example.org/', cacheDir: join(dir, '.passerelle-cache'), workers: defaultWorkers() }

  const build = async () => {
    const started = performance.now()
    const result = await buildAndWrite(options)
    if (hasErrors(result.files)) throw new Error(`the synthetic corpus did not build:\n${formatReport(result.files)}`)
    return { seconds: (performance.now() - started) / 1000, result }
  }
  log('full build (empty cache)')
  settleDisk()
  const full = await build()
  // The target is about a full build: read its peak now, before the in-process rebuilds and the watcher keep more alive.
  const buildPeakRssMb = process.resourceUsage().maxRSS / 1024
  // Article pages (two per event), as the targets count them; indexes and feeds come on top.
  const pages = [...full.result.fresh].filter((path) => /^[a-z]{2}\/[^/]+\/index\.html$/.test(path)).length
  const cli = async () => {
    const result = await runCli(['build', '--quiet', '--sources', root, '--out', options.out, '--cache', options.cacheDir!], dir)
    if (result.code !== 0) throw new Error(`passerelle build failed:\n${result.stderr}`)
    return result
  }
  let changes = 0
  const changeOneExcerpt = async () => {
    const event = `synthetic-attack-${String(Math.floor(((changes % repeat) * events) / repeat)).padStart(5, '0')}`
    await appendFile(join(root, event, 'excerpts', 'agence-0.md'), `\nParagraphe ajouté ${changes++}.\n`)
  }
  // Untimed: the in-process full build has no command line; this one records it in the stamp.
  log('one passerelle build process to record the command line in the stamp')
  await cli()
  const noop: Array<{ seconds: number; cpu?: number }> = []
  for (let run = 0; run < repeat; run++) {
    log(`passerelle build process, nothing changed (${run + 1}/${repeat})`)
    noop.push(await cli())
  }
  const oneChange: Array<{ seconds: number; cpu?: number }> = []
  for (let run = 0; run < repeat; run++) {
    log(`passerelle build process after one excerpt changed (${run + 1}/${repeat})`)
    await changeOneExcerpt()
    oneChange.push(await cli())
  }
  const noopHere: number[] = []
  for (let run = 0; run < repeat; run++) {
    log(`rebuild in this process, nothing changed (${run + 1}/${repeat})`)
    noopHere.push((await build()).seconds)
  }
  const oneChangeHere: number[] = []
  for (let run = 0; run < repeat; run++) {
    log(`rebuild in this process after one excerpt changed (${run + 1}/${repeat})`)
    await changeOneExcerpt()
    oneChangeHere.push((await build()).seconds)
  }
  log('build --watch: one excerpt changed at a time')
  const oneChangeWatch = await watched(options, repeat, changeOneExcerpt)
  // A title is published: its event, the events linking to it and the pages listing every event are written again.
  let titles = 0
  const changeOneTitle = async () => {
    const path = join(root, `synthetic-attack-${String(Math.floor(((titles % repeat) * events) / repeat + 1) % events).padStart(5, '0')}`, 'record.yaml')
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace(/(\n {2}en: Synthetic attack \d+)[^\n]*/, `$1 (revision ${titles++})`))
  }
  log('build --watch: one title changed at a time')
  const oneTitleWatch = await watched(options, repeat, changeOneTitle)

  log('detect and align alone')
  const corpus = await loadCorpus(root, dir)
  const detectStarted = performance.now()
  detectCorpus(corpus)
  const detectSeconds = (performance.now() - detectStarted) / 1000
  const alignPerEvent = corpus.events.map((event) => {
    const started = performance.now()
    alignEvent(event, corpus.glossary)
    return (performance.now() - started) / 1000
  })

  const peakRssMb = process.resourceUsage().maxRSS / 1024
  const summary = {
    events,
    pages,
    full_s: round(full.seconds),
    noop_s: round(percentile(noop.map((run) => run.seconds), 50)),
    noop_p95_s: round(percentile(noop.map((run) => run.seconds), 95)),
    noop_cpu_s: cpu(noop),
    one_change_s: round(percentile(oneChange.map((run) => run.seconds), 50)),
    one_change_p95_s: round(percentile(oneChange.map((run) => run.seconds), 95)),
    one_change_cpu_s: cpu(oneChange),
    noop_inprocess_s: round(percentile(noopHere, 50)),
    one_change_inprocess_s: round(percentile(oneChangeHere, 50)),
    one_change_watch_s: round(percentile(oneChangeWatch, 50)),
    one_change_watch_p95_s: round(percentile(oneChangeWatch, 95)),
    one_title_change_watch_s: round(percentile(oneTitleWatch, 50)),
    one_title_change_watch_p95_s: round(percentile(oneTitleWatch, 95)),
    detect_s: round(detectSeconds),
    align_s: round(sum(alignPerEvent)),
    align_event_p50_ms: round(percentile(alignPerEvent, 50) * 1000),
    align_event_p95_ms: round(percentile(alignPerEvent, 95) * 1000),
    events_per_s: round(events / full.seconds),
    pages_per_s: round(pages / full.seconds),
    peak_rss_mb: Math.round(buildPeakRssMb),
    peak_rss_with_detect_align_mb: Math.round(peakRssMb),
    workers: options.workers ?? 1,
    cpus: availableParallelism(),
    load_1m_start: round(loadStart),
    load_1m_end: round(loadavg()[0]!),
  }
  if (values.json) process.stdout.write(JSON.stringify(summary) + '\n')
  else process.stdout.write(table(summary) + '\n')
} finally {
  await rm(dir, { recursive: true, force: true })
}

/** One `passerelle` process; its CPU time (user + sys) through GNU time where the machine has it. */
function runCli(args: string[], cwd: string): Promise<{ code: number; seconds: number; cpu?: number; stderr: string }> {
  const timed = existsSync('/usr/bin/time')
  const [command, ...rest] = timed ? ['/usr/bin/time', '-f', '@cpu %U %S', process.execPath, CLI, ...args] : [process.execPath, CLI, ...args]
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command!, rest, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000
      const times = /@cpu ([\d.]+) ([\d.]+)/.exec(stderr)
      resolve({ code: code ?? 1, seconds, cpu: times ? Number(times[1]) + Number(times[2]) : undefined, stderr })
    })
  })
}

function cpu(runs: Array<{ cpu?: number }>): number | undefined {
  const times = runs.flatMap((run) => (run.cpu === undefined ? [] : [run.cpu]))
  return times.length === runs.length ? round(percentile(times, 50)) : undefined
}

/** Seconds from each change to the end of the rebuild it caused, in a `build --watch` kept in this process. */
async function watched(options: BuildOptions, repeat: number, change: () => Promise<void>): Promise<number[]> {
  let done: ((result: BuildResult) => void) | undefined
  const quiet = { write: () => true } as unknown as NodeJS.WritableStream
  const watching = watchBuild(options, { stdout: quiet as never, stderr: process.stderr }, undefined, (result) => done?.(result))
  await watching.ready
  const seconds: number[] = []
  try {
    for (let run = 0; run < repeat; run++) {
      const rebuilt = new Promise<BuildResult>((resolve) => (done = resolve))
      const started = performance.now()
      await change()
      const result = await rebuilt
      if (hasErrors(result.files) || result.stats.parsed !== 1) throw new Error(`the watched rebuild parsed ${result.stats.parsed} events:\n${formatReport(result.files)}`)
      seconds.push((performance.now() - started) / 1000)
      // Let the cache be saved before the next change, as a person's next save would.
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  } finally {
    await watching.stop()
  }
  return seconds
}

function table(s: Record<string, number | undefined>): string {
  const rows: Array<[string, string, string, string]> = [
    ['stage', 'p50', 'p95', 'throughput'],
    ['full build', `${s.full_s} s`, `${s.full_s} s`, `${s.events_per_s} events/s, ${s.pages_per_s} pages/s`],
    ['no-op rebuild (new process)', `${s.noop_s} s`, `${s.noop_p95_s} s`, s.noop_cpu_s === undefined ? '' : `${s.noop_cpu_s} s CPU (p50)`],
    ['one excerpt changed (new process)', `${s.one_change_s} s`, `${s.one_change_p95_s} s`, s.one_change_cpu_s === undefined ? '' : `${s.one_change_cpu_s} s CPU (p50)`],
    ['no-op rebuild (in process)', `${s.noop_inprocess_s} s`, '', ''],
    ['one excerpt changed (in process)', `${s.one_change_inprocess_s} s`, '', ''],
    ['one excerpt changed (--watch)', `${s.one_change_watch_s} s`, `${s.one_change_watch_p95_s} s`, 'from the write to the rebuilt output'],
    ['one title changed (--watch)', `${s.one_title_change_watch_s} s`, `${s.one_title_change_watch_p95_s} s`, 'its pages, linking pages, indexes, feeds, sitemap'],
    ['detect (corpus)', `${s.detect_s} s`, `${s.detect_s} s`, ''],
    ['align (per event)', `${s.align_event_p50_ms} ms`, `${s.align_event_p95_ms} ms`, `${s.align_s} s in all`],
  ]
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
  const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd())
  const machine = `${s.workers} workers on ${s.cpus} CPUs, load average ${s.load_1m_start} → ${s.load_1m_end}`
  return [`${s.events} events, ${s.pages} pages, build peak RSS ${s.peak_rss_mb} MB (${s.peak_rss_with_detect_align_mb} MB with detect and align); ${machine}`, ...lines].join('\n')
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
