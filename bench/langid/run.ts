/**
 * `npm run bench:langid`: accuracy of raw franc and of the detect stage on
 * the test split (round 4: the fresh held-out set, see data.ts for the
 * groups), by length bucket, plus calibration and throughput.
 *
 * - `-- --calibrate` first refits the model on the tuning split only and
 *   rewrites src/detect/calibration.json;
 * - `-- --misses` prints the stage's wrong and `und` answers on the TUNING
 *   split (prose and news), to study without looking at the test split;
 * - `-- --split tune` prints the tables on the tuning split instead (for
 *   work on the stage: the test split is for the final figures only);
 * - `-- --throughput` prints only the throughput;
 * - `-- --short-temperature` prints, on the TUNING split under 20
 *   characters, log loss and answers wrong at ≥ 0.8 per softening
 *   temperature (how SHORT_TEXT in src/detect/model.ts was chosen);
 * - `-- --prior` prints, on the TUNING split, what NEWSROOM_PRIOR values
 *   do to French/English 20–50 and to neighbours (how it was chosen);
 * - `-- --recalibrate` chooses the confidence exponents per bucket on the
 *   TUNING split and rewrites src/detect/confidence.json (also run after
 *   `--calibrate`).
 */
import { writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { franc } from 'franc'
import { francAll } from 'franc-all'
import { DEFAULT_CANDIDATES, UNDETERMINED } from '../../src/detect/languages.ts'
import { NEWSROOM_PRIOR, probabilities, RECALIBRATION, recalibrate, score, soften, SHORT_TEXT, WEIGHTS } from '../../src/detect/model.ts'
import { detect as detectWith, textVote } from '../../src/detect/detect.ts'
import { sample } from '../../src/detect/text.ts'
import { eldGaps } from '../../src/detect/scorers.ts'
import { fit, type Example } from './fit.ts'
import { fresh, news, prose, titles, ui, type Item } from './data.ts'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const BUCKETS = [
  { name: '<20', max: 20 },
  { name: '20-50', max: 50 },
  { name: '50-100', max: 100 },
  { name: '100-300', max: 300 },
  { name: '300+', max: Infinity },
]
const NEIGHBOURS = new Set(['spa', 'ita', 'por', 'cat', 'oci'])
const CONFIDENT = 0.8
const FRENCH_ENGLISH = (item: Item) => item.lang === 'fra' || item.lang === 'eng'

const groups = { prose: prose(), news: news(), titles: titles(), ui: ui(), fresh: fresh() }
/** What the model is fitted on: natural text, plus the UI strings' Occitan (no Debian manual is in Occitan). */
const tuning = [...groups.prose, ...groups.news, ...groups.ui.filter((item) => item.lang === 'oci')].filter((item) => item.split === 'tune')

const detect = (text: string) => detectWith(text)
if (process.argv.includes('--calibrate') || process.argv.includes('--recalibrate')) {
  if (process.argv.includes('--calibrate')) calibrate()
  recalibrateConfidence()
}
if (process.argv.includes('--prior')) {
  priorGrid()
  process.exit(0)
}
if (process.argv.includes('--short-temperature')) {
  shortTemperature()
  process.exit(0)
}
if (process.argv.includes('--misses')) {
  misses()
  process.exit(0)
}

type System = { name: string; run: (text: string) => { lang: string; confidence?: number } }
const systems: System[] = [
  { name: 'franc (187 languages)', run: (text) => ({ lang: franc(text) }) },
  { name: 'franc fra+eng', run: (text) => ({ lang: franc(text, { only: ['fra', 'eng'] }) }) },
  { name: 'franc-all 9 candidates', run: (text) => ({ lang: francAll(text, { only: [...DEFAULT_CANDIDATES] })[0]![0] }) },
  { name: 'eld 8 candidates (no Occitan)', run: (text) => ({ lang: eldAnswer(text) }) },
  { name: 'detect (stage)', run: (text) => detect(text) },
]

/** eld's own answer among the candidates it knows (the stage's eld scores, without franc or model). */
function eldAnswer(text: string): string {
  const gaps = eldGaps(text, DEFAULT_CANDIDATES)
  const best = gaps ? gaps.indexOf(0) : -1
  return best === -1 ? UNDETERMINED : DEFAULT_CANDIDATES[best]!
}

const splitArgument = process.argv.indexOf('--split')
const shown = splitArgument > 0 ? process.argv[splitArgument + 1] : 'test'
if (shown !== 'test' && shown !== 'tune') throw new Error('--split is `test` or `tune`')
const test = (items: Item[]) => items.filter((item) => item.split === shown)
const CATALOG = (item: Item) => item.kind === 'catalog'
/** The texts the targets are about: the fresh held-out set (test), or prose and news (tuning). */
const natural = shown === 'test' ? groups.fresh : [...groups.prose, ...groups.news].filter((item) => item.split === 'tune')
const running = natural.filter((item) => !CATALOG(item))
if (process.argv.includes('--throughput')) {
  throughput(running)
  process.exit(0)
}
console.log('# Language identification benchmark\n')
if (shown === 'test') {
  console.log(`Test split (round 4, fresh.jsonl): ${running.length} texts of help pages and the Debian Edu manual, ${natural.length - running.length} catalog strings; ${groups.titles.length} titles of sources/; tuning split (fit only): ${tuning.length} texts.\n`)
  report('French vs English, fresh held-out set: all (help pages, Debian Edu manual, catalog strings)', natural.filter(FRENCH_ENGLISH), 'correct')
  report('French vs English, fresh: running text and headings (GNOME and Evince help, Debian Edu manual)', running.filter(FRENCH_ENGLISH), 'correct')
  report('French vs English, fresh: catalog strings (nautilus, evince, gnome-shell)', natural.filter((item) => CATALOG(item) && FRENCH_ENGLISH(item)), 'correct')
  report('Neighbours of French, fresh: own language or und, never French (spa, ita, por, cat; oci from catalogs)', natural.filter((item) => NEIGHBOURS.has(item.lang)), 'not-french')
  report('All nine languages, fresh', natural, 'correct')
} else {
  console.log(`TUNING split (not held out): ${natural.length} prose and news texts, ${test(groups.ui).length} UI strings; ${groups.titles.length} titles of sources/; the fit uses ${tuning.length} texts.\n`)
  report('French vs English: prose and news (Debian manuals fr/en, French news)', natural.filter(FRENCH_ENGLISH), 'correct')
  report('French news only (bench/extract, real text)', test(groups.news), 'correct')
  report(
    'Neighbours of French: own language or und, never French (spa, ita, por, cat prose; oci from UI strings)',
    [...natural, ...test(groups.ui).filter((item) => item.lang === 'oci')].filter((item) => NEIGHBOURS.has(item.lang)),
    'not-french',
  )
  report('All eight prose languages', natural, 'correct')
  report('UI strings and man-page lines (vlc, gtk, man pages), French vs English', test(groups.ui).filter(FRENCH_ENGLISH), 'correct')
}
report(`Titles of sources/ (${groups.titles.length}: record titles and reference titles, fr and en; never tuned on, but seen in every round)`, groups.titles, 'correct')
reliability(natural)
throughput(running)

function bucketOf(text: string) {
  return BUCKETS.findIndex((bucket) => text.length < bucket.max)
}

function percent(count: number, total: number) {
  return total === 0 ? '-' : `${((100 * count) / total).toFixed(1)}%`
}

/** One table: per bucket and system, the share right, 'und', wrong, and wrong with confidence ≥ 0.8. */
function report(title: string, items: Item[], goal: 'correct' | 'not-french') {
  if (items.length === 0) return
  console.log(`## ${title}\n`)
  console.log(`| bucket | n | ${systems.map((system) => system.name).join(' | ')} |`)
  console.log(`|---|---|${systems.map(() => '---').join('|')}|`)
  for (const [index, bucket] of BUCKETS.entries()) {
    const inBucket = items.filter((item) => bucketOf(item.text) === index)
    if (inBucket.length === 0) continue
    const cells = systems.map((system) => {
      let good = 0
      let und = 0
      let confidentlyWrong = 0
      for (const item of inBucket) {
        const answer = system.run(item.text)
        const right = goal === 'correct' ? answer.lang === item.lang : answer.lang !== 'fra'
        if (answer.lang === UNDETERMINED) und++
        if (right && !(goal === 'correct' && answer.lang === UNDETERMINED)) good++
        else if (answer.lang !== UNDETERMINED && (answer.confidence ?? 1) >= CONFIDENT) confidentlyWrong++
      }
      const wrong = inBucket.length - good - (goal === 'correct' ? und : 0)
      return goal === 'correct'
        ? `${percent(good, inBucket.length)} ok, ${percent(und, inBucket.length)} und, ${percent(wrong, inBucket.length)} wrong (${percent(confidentlyWrong, inBucket.length)} ≥0.8)`
        : `${percent(good, inBucket.length)} (${percent(und, inBucket.length)} und, ${percent(confidentlyWrong, inBucket.length)} French ≥0.8)`
    })
    console.log(`| ${bucket.name} | ${inBucket.length} | ${cells.join(' | ')} |`)
  }
  console.log()
}

/** How often the stage's answers are right at each confidence level. */
function reliability(items: Item[]) {
  console.log(`## Calibration of the stage (${shown === 'test' ? 'fresh test set' : 'tuning prose and news'}, all languages, answers other than und)\n`)
  console.log('| confidence | answers | right |\n|---|---|---|')
  const bins = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001]
  const counts = bins.slice(1).map(() => ({ total: 0, right: 0 }))
  for (const item of items) {
    const answer = detect(item.text)
    if (answer.lang === UNDETERMINED) continue
    const bin = bins.findIndex((bound, index) => answer.confidence >= bound && answer.confidence < bins[index + 1]!)
    if (bin < 0 || bin >= counts.length) continue
    counts[bin]!.total++
    if (answer.lang === item.lang) counts[bin]!.right++
  }
  counts.forEach((count, index) => console.log(`| ${bins[index]!.toFixed(2)}–${Math.min(1, bins[index + 1]!).toFixed(2)} | ${count.total} | ${percent(count.right, count.total)} |`))
  console.log()
}

/**
 * Detections per second, one core, on sentences of 100–140 characters.
 * After a warm-up round, the runs are interleaved over several rounds and
 * each keeps its best round. The machine is shared, so the figure is per
 * second of CPU time of this process (user + system, which counts its GC
 * threads too): waiting for a core does not count, unlike wall time, which
 * is printed beside it with the load average.
 */
function throughput(items: Item[]) {
  const sentences = items.map((item) => item.text).filter((text) => text.length >= 100 && text.length <= 140)
  const runs: Array<[string, (text: string) => unknown]> = [
    ['detect (stage)', (text) => detect(text)],
    ['franc fra+eng', (text) => franc(text, { only: ['fra', 'eng'] })],
    ['franc-all 9 candidates', (text) => francAll(text, { only: [...DEFAULT_CANDIDATES] })],
  ]
  const mean = sentences.reduce((sum, text) => sum + text.length, 0) / sentences.length
  const before = loadavg()[0]!
  const best = new Map<string, { cpu: number; wall: number }>()
  for (let round = 0; round <= 8; round++) {
    for (const [name, run] of runs) {
      const cpuStarted = process.cpuUsage()
      const started = performance.now()
      for (const text of sentences) run(text)
      const wall = (sentences.length / (performance.now() - started)) * 1000
      const used = process.cpuUsage(cpuStarted)
      const cpu = (sentences.length / (used.user + used.system)) * 1e6
      const previous = best.get(name) ?? { cpu: 0, wall: 0 }
      if (round > 0) best.set(name, { cpu: Math.max(previous.cpu, cpu), wall: Math.max(previous.wall, wall) }) // round 0 warms up
    }
  }
  console.log(`## Throughput (one core, ${sentences.length} ${shown} sentences of 100–140 characters, mean ${mean.toFixed(0)}; warm-up round, then best of 8 interleaved rounds; load average ${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)\n`)
  console.log('| system | per CPU second | per wall second |\n|---|---|---|')
  for (const [name, { cpu, wall }] of best) console.log(`| ${name} | ${Math.round(cpu).toLocaleString('en')} | ${Math.round(wall).toLocaleString('en')} |`)
  const ratio = best.get('detect (stage)')!.cpu / best.get('franc fra+eng')!.cpu
  console.log(`\nstage / (franc fra+eng), CPU time: ${ratio.toFixed(2)}\n`)
}

function examplesOf(items: Item[]): Example[] {
  const candidates = DEFAULT_CANDIDATES
  const examples: Example[] = []
  for (const item of items) {
    const { text, letters, latinShare } = sample(item.text)
    const scores = letters > 0 && latinShare >= 0.5 ? score(text, letters, candidates, 'both') : undefined
    const truth = candidates.indexOf(item.lang)
    if (!scores || truth < 0) continue
    // Each set of weights is fitted on the answers it will weigh: both detectors, eld alone, franc alone.
    if (scores.franc && scores.eld) examples.push({ scores, truth })
    if (scores.eld) examples.push({ scores: { ...scores, franc: undefined }, truth })
    if (scores.franc) examples.push({ scores: { ...scores, eld: undefined }, truth })
  }
  return examples
}

function calibrate() {
  const examples = examplesOf(tuning)
  const weights = fit(examples, DEFAULT_CANDIDATES, WEIGHTS.bands)
  writeFileSync(here('../../src/detect/calibration.json'), JSON.stringify(weights, null, 2) + '\n')
  Object.assign(WEIGHTS, weights)
  console.log(`Refitted on ${examples.length} examples from ${tuning.length} tuning texts: ${JSON.stringify(weights)}\n`)
}

/** The stage's misses on the tuning split, French and English first. */
function misses() {
  for (const item of tuning.filter((row) => row.group !== 'ui')) {
    const answer = detect(item.text)
    if (answer.lang === item.lang) continue
    const french = answer.lang === 'fra' && item.lang !== 'fra'
    if (answer.lang !== UNDETERMINED || FRENCH_ENGLISH(item) || french) {
      console.log(`${item.lang} → ${answer.lang} ${answer.confidence.toFixed(2)} [${item.text.length}] ${item.text.slice(0, 160)}`)
    }
  }
}

/** The grid behind SHORT_TEXT.temperature, on tuning texts under SHORT_TEXT.below characters. */
function shortTemperature() {
  const short = tuning.filter((item) => item.text.length < SHORT_TEXT.below && DEFAULT_CANDIDATES.includes(item.lang))
  const rows = short.flatMap((item) => {
    const { text, letters, latinShare } = sample(item.text)
    const scores = letters >= 12 && latinShare >= 0.5 ? score(text, letters, DEFAULT_CANDIDATES) : undefined
    return scores ? [{ probs: probabilities(scores, DEFAULT_CANDIDATES), truth: DEFAULT_CANDIDATES.indexOf(item.lang) }] : []
  })
  console.log(`${short.length} tuning texts under ${SHORT_TEXT.below} characters, ${rows.length} with a text vote; target: wrong at ≥ 0.8 ≤ 0.5% of them\n`)
  console.log('| temperature | log loss | answers ≥ 0.8 | wrong ≥ 0.8 | share of texts |\n|---|---|---|---|---|')
  for (const temperature of [1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3]) {
    let loss = 0
    let confident = 0
    let wrong = 0
    for (const { probs, truth } of rows) {
      const softened = soften(Float64Array.from(probs), temperature)
      loss -= Math.log(Math.max(softened[truth]!, 1e-12))
      const best = softened.indexOf(Math.max(...softened))
      if (softened[best]! < CONFIDENT) continue
      confident++
      if (best !== truth) wrong++
    }
    console.log(`| ${temperature} | ${(loss / rows.length).toFixed(4)} | ${confident} | ${wrong} | ${percent(wrong, short.length)} |`)
  }
}

/** Every tuning text with a label among the candidates, UI strings included (they are the hardest short texts). */
function tuningForConfidence(): Item[] {
  return [...groups.prose, ...groups.news, ...groups.ui].filter((item) => item.split === 'tune' && DEFAULT_CANDIDATES.includes(item.lang))
}

/** The exponents of RECALIBRATION (see model.ts), chosen per bucket on the tuning split. */
function recalibrateConfidence() {
  const allowed = 0.0025
  const grid = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 16]
  const raw = RECALIBRATION.bounds.map(() => [] as Array<{ p: number; right: boolean }>)
  raw.push([])
  for (const item of tuningForConfidence()) {
    const vote = textVote(item.text, DEFAULT_CANDIDATES)
    if (!vote || vote.letters < 12) continue
    // textVote reports the recalibrated confidence: undo the current exponents.
    const p = rawConfidence(vote.vote.confidence, item.text.length)
    if (p < 0.5) continue
    const bucket = RECALIBRATION.bounds.findIndex((bound) => item.text.length < bound)
    raw[bucket === -1 ? raw.length - 1 : bucket]!.push({ p, right: vote.vote.lang === item.lang })
  }
  const gamma = raw.map((answers) => {
    for (const g of grid) {
      const table = { bounds: [], gamma: [g] }
      const confident = answers.filter(({ p }) => recalibrate(p, 0, table) >= CONFIDENT)
      const wrong = confident.filter(({ right }) => !right).length
      if (wrong <= allowed * confident.length) return g
    }
    return grid[grid.length - 1]!
  })
  console.log('Confidence exponents per bucket (tuning split; answers at ≥ 0.8 and how many wrong, before → after):\n')
  raw.forEach((answers, index) => {
    const count = (g: number) => {
      const confident = answers.filter(({ p }) => recalibrate(p, 0, { bounds: [], gamma: [g] }) >= CONFIDENT)
      return `${confident.length} (${confident.filter(({ right }) => !right).length} wrong)`
    }
    console.log(`- ${BUCKETS[index]!.name}: γ = ${gamma[index]}; ${answers.length} answers; at ≥ 0.8: ${count(1)} → ${count(gamma[index]!)}`)
  })
  console.log()
  const table = { bounds: RECALIBRATION.bounds, gamma }
  writeFileSync(here('../../src/detect/confidence.json'), JSON.stringify(table, null, 2) + '\n')
  Object.assign(RECALIBRATION, table)
}

/** The probability before recalibrate(), from the confidence textVote reports (recalibrate is monotone and invertible). */
function rawConfidence(reported: number, length: number): number {
  if (reported <= 0.5) return reported
  let bucket = RECALIBRATION.bounds.findIndex((bound) => length < bound)
  if (bucket === -1) bucket = RECALIBRATION.bounds.length
  const gamma = RECALIBRATION.gamma[bucket] ?? 1
  return 0.5 + 0.5 * Math.pow((reported - 0.5) / 0.5, 1 / gamma)
}

/** What the newsroom prior does on the tuning split (how NEWSROOM_PRIOR was chosen). */
function priorGrid() {
  const items = [...groups.prose, ...groups.news, ...groups.ui.filter((item) => item.lang === 'oci')].filter((item) => item.split === 'tune')
  const frenchEnglish = items.filter((item) => FRENCH_ENGLISH(item) && bucketOf(item.text) === 1)
  const neighbours = items.filter((item) => NEIGHBOURS.has(item.lang) && bucketOf(item.text) >= 2)
  console.log(`Newsroom prior on the tuning split: French/English 20–50 (${frenchEnglish.length}), neighbours 50+ (${neighbours.length})\n`)
  console.log('| prior (fra, eng) | fr/en 20–50 ok | und | wrong | neighbours 50+ own or und |\n|---|---|---|---|---|')
  for (const value of [0, 0.2, 0.4, 0.6, 0.8, 1, 1.5]) {
    WEIGHTS.prior = { fra: value, eng: value }
    const answers = frenchEnglish.map((item) => [item.lang, detect(item.text).lang])
    const ok = answers.filter(([truth, lang]) => truth === lang).length
    const und = answers.filter(([, lang]) => lang === UNDETERMINED).length
    const notFrench = neighbours.filter((item) => detect(item.text).lang !== 'fra').length
    console.log(`| ${value} | ${percent(ok, answers.length)} | ${percent(und, answers.length)} | ${percent(answers.length - ok - und, answers.length)} | ${percent(notFrench, neighbours.length)} |`)
  }
  WEIGHTS.prior = { ...NEWSROOM_PRIOR }
  console.log()
}
