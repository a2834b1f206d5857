/**
 * Run counts of the fast-check properties, shared by the property files.
 * `npm test` runs each property a modest number of times; `npm run fuzz`
 * raises them through the environment, and every file prints how many runs
 * each of its properties executed, so a count is seen, not assumed.
 */
import { afterAll } from 'vitest'

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

/** Ingest and check properties: arbitrary bytes, YAML and Markdown. */
export const RUNS = count('FUZZ_RUNS', 100)
/** Properties that render or build a whole (one-event) site in-process. */
export const BUILD_RUNS = count('FUZZ_BUILD_RUNS', 10)
/** Real `passerelle build` processes, two per run: the slowest property by far. */
export const CLI_RUNS = count('FUZZ_CLI_RUNS', 1)

/** A test's timeout for `runs` runs of about `perRun` ms, with room for a loaded machine. */
export const timeout = (runs: number, perRun: number) => Math.max(60_000, runs * perRun)

/** Every this many runs a property reports its progress (never in `npm test`'s light runs). */
const PROGRESS_EVERY = 1000

const counts = new Map<string, number>()
const passed = new Set<string>()
/** CPU seconds (user + system) of this process spent in each property: child processes are not counted. */
const cpuSeconds = new Map<string, number>()

const cpuNow = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

/** Counts the runs a property executes; `done` marks it passed once fc.assert returns, with the CPU time it took. */
export function counted(name: string) {
  const start = cpuNow()
  const run = () => {
    const runs = (counts.get(name) ?? 0) + 1
    counts.set(name, runs)
    // A full fuzz run takes long on a shared machine: show progress, so that a run stopped early still says how far it got.
    if (runs % PROGRESS_EVERY === 0) console.error(`fuzz progress: ${runs} runs so far, ${(cpuNow() - start).toFixed(0)} s CPU: ${name}`)
  }
  run.done = () => {
    passed.add(name)
    cpuSeconds.set(name, cpuNow() - start)
  }
  return run
}

/** Prints, once the file's tests are over, the runs each property executed. */
export function printCountsAfterAll(file: string) {
  afterAll(() => {
    const lines = [...counts].map(([name, runs]) => {
      const cpu = cpuSeconds.get(name)
      const cost = cpu === undefined ? '' : `  (${cpu.toFixed(1)} s CPU of this process, ${((cpu * 1000) / runs).toFixed(1)} ms/run)`
      return `  ${passed.has(name) ? 'passed' : 'FAILED'} ${String(runs).padStart(6)} runs  ${name}${cost}`
    })
    console.log(`fuzz (${file}): runs executed per property (FUZZ_RUNS=${RUNS}, FUZZ_BUILD_RUNS=${BUILD_RUNS}, FUZZ_CLI_RUNS=${CLI_RUNS})\n${lines.join('\n')}`)
  })
}
