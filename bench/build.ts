/**
 * `npm run bench [-- --events N] [--json]`: times the build on a synthetic
 * corpus generated in a temporary folder: a full build from an empty cache,
 * a rebuild with nothing changed, a rebuild after one excerpt changed, then
 * `detect` and `align` alone. Prints events/s, pages/s, p50/p95 per stage
 * and peak RSS, as a table or (with --json) one JSON object. `peak_rss_mb`
 * is the process's peak once the builds are done (workers included), before
 * detect and align load the whole corpus; `peak_rss_with_detect_align_mb`
 * is the peak at the end. The load average is printed too: on a shared
 * machine it says how much the figures are to be trusted.
 */
import { appendFile, mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateCorpus } from './synthetic.ts'
import { buildAndWrite, type BuildOptions } from '../src/build/incremental.ts'
import { loadCorpus } from '../src/ingest/corpus.ts'
import { detectCorpus } from '../src/detect/index.ts'
import { alignEvent } from '../src/align/align.ts'
import { hasErrors, formatReport } from '../src/diagnostics/index.ts'
import { defaultWorkers } from '../src/build/workers.ts'

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
  const full = await build()
  // Article pages (two per event), as the targets count them; indexes and feeds come on top.
  const pages = [...full.result.fresh].filter((path) => /^[a-z]{2}\/[^/]+\/index\.html$/.test(path)).length
  const noop: number[] = []
  for (let run = 0; run < repeat; run++) {
    log(`rebuild with nothing changed (${run + 1}/${repeat})`)
    noop.push((await build()).seconds)
  }
  const oneChange: number[] = []
  for (let run = 0; run < repeat; run++) {
    log(`rebuild after one excerpt changed (${run + 1}/${repeat})`)
    const event = `synthetic-attack-${String(Math.floor((run * events) / repeat)).padStart(5, '0')}`
    await appendFile(join(root, event, 'excerpts', 'agence-0.md'), `\nParagraphe ajouté ${run}.\n`)
    oneChange.push((await build()).seconds)
  }

  // The targets are about the build: its peak, before detect and align load the whole corpus with every tree.
  const buildPeakRssMb = process.resourceUsage().maxRSS / 1024
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
    noop_s: round(percentile(noop, 50)),
    noop_p95_s: round(percentile(noop, 95)),
    one_change_s: round(percentile(oneChange, 50)),
    one_change_p95_s: round(percentile(oneChange, 95)),
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

function table(s: Record<string, number>): string {
  const rows: Array<[string, string, string, string]> = [
    ['stage', 'p50', 'p95', 'throughput'],
    ['full build', `${s.full_s} s`, `${s.full_s} s`, `${s.events_per_s} events/s, ${s.pages_per_s} pages/s`],
    ['no-op rebuild', `${s.noop_s} s`, `${s.noop_p95_s} s`, ''],
    ['one excerpt changed', `${s.one_change_s} s`, `${s.one_change_p95_s} s`, ''],
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
