/**
 * `npm run bench:extract`: precision and recall of `extractClaims` on the
 * labelled French sentences of labelled.jsonl, on (kind, value) pairs, per
 * split (dev: looked at while writing the extractor; test: labelled before the
 * extractor read it, never tuned on), per kind, with the misses printed (dev by
 * default, `--misses test` for test). Then the time to extract
 * and align one event with 10 excerpts (p50/p95 over many runs).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { availableParallelism, loadavg } from 'node:os'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { alignEvent, extractClaims } from '../../src/align/index.ts'
import { emptyState } from '../../src/review/state.ts'

interface Labelled {
  id: string
  /** `seed`, `found`: real text not written for these tests; `written`: written for this bench. */
  origin: 'seed' | 'found' | 'written'
  /** dev: looked at and tuned on; test: labelled before the extractor ever read it, never tuned on. */
  split: 'dev' | 'test'
  text: string
  published?: string
  claims: Array<[string, unknown]>
}

interface Tally {
  tp: number
  fp: number
  fn: number
}

const here = fileURLToPath(new URL('.', import.meta.url))
const root = join(here, '../../sources')
const corpus = await loadCorpus(root, root)
const items = readFileSync(join(here, 'labelled.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Labelled)
const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
/** `--misses test` (or `all`) prints the test misses too; by default only dev misses: tune on those, never on test ones. */
const showMisses = option('--misses') ?? 'dev'
/** `--split dev` scores only dev, so that tuning never shows test figures. */
const onlySplit = option('--split')

const key = (kind: string, value: unknown) => `${kind}=${JSON.stringify(value)}`
const groupOf = (item: Labelled) => `${item.split} ${item.origin === 'written' ? 'written' : 'real'}`
const totals = new Map<string, Tally>()
const kinds = new Map<string, Tally>()
const misses: string[] = []
const count = (map: Map<string, Tally>, name: string, field: keyof Tally) => {
  const tally = map.get(name) ?? { tp: 0, fp: 0, fn: 0 }
  tally[field]++
  map.set(name, tally)
}
const scored = items.filter((item) => !onlySplit || item.split === onlySplit)
for (const item of scored) {
  const { claims } = extractClaims(item.text, { published: item.published, glossary: corpus.glossary })
  const expected = item.claims.map(([kind, value]) => ({ kind, want: key(kind, value) }))
  // Every claim counts, dates of statements included: they are stated values too.
  const remaining = claims.map((claim) => ({ kind: claim.kind as string, got: key(claim.kind, claim.value) }))
  const group = groupOf(item)
  const show = showMisses === 'all' || showMisses === item.split
  const perKind = `${item.split} ${item.origin === 'written' ? 'written' : 'real'}`
  for (const { kind, want } of expected) {
    const at = remaining.findIndex(({ got }) => got === want)
    if (at === -1) {
      count(totals, group, 'fn')
      count(kinds, `${perKind} ${kind}`, 'fn')
      if (show) misses.push(`  miss  [${group}] ${item.id}: ${want}  — ${item.text}`)
    } else {
      count(totals, group, 'tp')
      count(kinds, `${perKind} ${kind}`, 'tp')
      remaining.splice(at, 1)
    }
  }
  for (const { kind, got } of remaining) {
    count(totals, group, 'fp')
    count(kinds, `${perKind} ${kind}`, 'fp')
    if (show) misses.push(`  extra [${group}] ${item.id}: ${got}  — ${item.text}`)
  }
  if (!totals.has(group)) totals.set(group, { tp: 0, fp: 0, fn: 0 })
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b).toFixed(3)
const real = scored.filter((item) => item.origin !== 'written')
console.log(`Extraction on ${scored.length} texts, ${scored.reduce((n, item) => n + item.claims.length, 0)} labelled claims; real text: ${real.length} texts, ${real.reduce((n, item) => n + item.claims.length, 0)} claims (targets: precision >= 0.95, recall >= 0.90 on real text)`)
const line = (name: string, t: Tally) =>
  console.log(`  ${name.padEnd(24)} claims ${String(t.tp + t.fn).padStart(4)}  precision ${ratio(t.tp, t.tp + t.fp)}  recall ${ratio(t.tp, t.tp + t.fn)}`)
const sum = (names: string[]) => names.reduce((all, name) => {
  const t = totals.get(name) ?? { tp: 0, fp: 0, fn: 0 }
  return { tp: all.tp + t.tp, fp: all.fp + t.fp, fn: all.fn + t.fn }
}, { tp: 0, fp: 0, fn: 0 })
for (const name of [...totals.keys()].sort()) line(name, totals.get(name)!)
line('all', sum([...totals.keys()]))
console.log('Per kind, real text:')
for (const name of [...kinds.keys()].filter((name) => name.includes(' real ')).sort()) line(`  ${name}`, kinds.get(name)!)
if (misses.length) console.log([`Misses and spurious claims (${showMisses}):`, ...misses].join('\n'))

// ---------------------------------------------------------------- speed
// Ten distinct excerpts (Soumpi's eight, then the next events' in corpus order), so that
// no per-text work is repeated within a run; aligned against the Soumpi record.
const soumpi = corpus.events.find((event) => event.record.id === 'soumpi-attack')!
const others = corpus.events.filter((event) => event !== soumpi).flatMap((event) => event.excerpts)
const excerpts = [...soumpi.excerpts, ...others].slice(0, 10)
const event = { ...soumpi, excerpts }
const options = { state: emptyState(), report: false }
for (let i = 0; i < 50; i++) alignEvent(event, corpus.glossary, options) // warm up (JIT, regex compilation)
// Wall time is what a user waits; CPU time (this thread's user + system) is
// printed too because on a shared machine wall time also counts waiting for a core.
const wall: number[] = []
const cpu: number[] = []
for (let i = 0; i < 1000; i++) {
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  alignEvent(event, corpus.glossary, options)
  wall.push(performance.now() - start)
  const used = process.cpuUsage(cpuStart)
  cpu.push((used.user + used.system) / 1000)
}
const quantile = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]!.toFixed(2)
const load = loadavg()[0]!.toFixed(1)
console.log(`Extract + align one event with ${excerpts.length} excerpts (${wall.length} runs after 50 warm-up; target < 20 ms; load average ${load} on ${availableParallelism()} cores):`)
console.log(`  wall p50 ${quantile(wall, 0.5)} ms, p95 ${quantile(wall, 0.95)} ms`)
console.log(`  cpu  p50 ${quantile(cpu, 0.5)} ms, p95 ${quantile(cpu, 0.95)} ms`)
