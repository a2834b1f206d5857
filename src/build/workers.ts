/**
 * The build over the CPU's cores with Node's own worker threads: one pool
 * kept for the whole build, fed batches in order, results put back in
 * order, so the output is the same bytes whatever the number of workers.
 *
 * Workers do two jobs (src/build/render-worker.ts): read, hash and parse the
 * events whose files changed, and render events and write their pages
 * straight into the staging folder. Both were the main thread's before, and
 * made it the bottleneck: every page's text was copied back to it to be
 * written there. Anything a worker finds wrong is only flagged, and the main
 * thread does that event again itself, so that its messages land on the
 * real files, placed in the real YAML.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { EventRecord, Glossary, Language } from '../record/schema.ts'
import type { WrittenStat } from '../publish/write.ts'
import type { EventEntry } from './cache.ts'
import { renderWorkerEntry } from './bundle.js'

/** What every render needs and does not change during a build: sent once to each worker. */
export interface SharedContext {
  cwd: string
  localesDir?: string
  glossary: Glossary
  baseUrl: string
}

export interface IngestTask {
  kind: 'ingest'
  root: string
  cwd: string
  /** Event folders to read, each with the hash of its files the cache knows (skip the parse when they still hash so). */
  folders: Array<{ folder: string; cachedHash?: string }>
}

/** A folder as a worker found it; `entry` is absent when it is not clean (the main thread reads it again for the messages). */
export interface IngestedEvent {
  folder: string
  /** Excerpt file names as read. */
  excerpts: string[]
  recordHash: string
  filesHash: string
  /** Parsed and valid, no message on any file. Undefined: unclean, or `unchanged`. */
  entry?: Omit<EventEntry, 'stats'>
  /** Its files hash as the cache's entry does: the cached entry stands. */
  unchanged?: boolean
}

export interface RenderTask {
  kind: 'render'
  records: EventRecord[]
  /** Records the batch's events link to. */
  related: EventRecord[]
  /** `recordId/referenceId` → language, for the batch's references. */
  languages: Array<[string, string]>
  /** Staging folder to write the pages into; undefined to send them back. */
  staging?: string
}

export interface RenderedEvent {
  /** The pages, when the task had no staging folder. */
  outputs?: Array<[string, string]>
  /** The pages written into the staging folder and their stats. */
  written?: Array<[string, WrittenStat]>
  leads: Record<Language, string>
  /** Parity gaps, unknown citations or missing translations: nothing was written; render again on the main thread for the messages. */
  problems: boolean
}

export type Task = IngestTask | RenderTask
type ResultOf<T extends Task> = T extends IngestTask ? IngestedEvent[] : RenderedEvent[]

/**
 * A worker's old generation. Rendering makes much short-lived garbage and V8,
 * left to itself, grows the heap towards a quarter of the machine's memory
 * before collecting hard; an event needs a few megabytes, so a bound keeps
 * the build's memory flat at no cost in speed (measured on 500 events).
 */
const WORKER_HEAP_MB = 512
/**
 * A worker's young generation. Nearly everything a page allocates (trees,
 * strings) is dead once the page is written; V8's default nursery fills
 * every few pages and each scavenge copies what is still live. A larger one
 * halved the workers' GC time on 2,000 events (profiles: about 1.7 s to
 * 0.9 s per worker) for some 100 MB more per worker.
 */
const WORKER_YOUNG_MB = 96

/** Fewer events than this per worker are not worth a worker's start-up. */
export const MIN_EVENTS_PER_WORKER = 100
const BATCH = 25
/** Tasks queued per worker: about a second of rendering, so that the main thread may be busy that long. */
const IN_FLIGHT = 4

export function defaultWorkers(): number {
  return availableParallelism()
}

/** How many workers a job of `events` deserves (0: do it on the main thread). */
export function workersFor(events: number, requested: number, minPerWorker = MIN_EVENTS_PER_WORKER): number {
  const useful = Math.min(requested, Math.floor(events / minPerWorker))
  return useful >= 2 ? useful : 0
}

export class WorkerPool {
  readonly #workers: Worker[]

  private constructor(workers: Worker[]) {
    this.#workers = workers
  }

  static start(count: number, shared: SharedContext): WorkerPool {
    const entry = renderWorkerEntry() ?? new URL('./worker-entry.js', import.meta.url)
    const workers = Array.from({ length: count }, () => new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB }, workerData: shared }))
    return new WorkerPool(workers)
  }

  /**
   * Runs the tasks; `onResult` gets each task's results (by task index) as
   * soon as they come, one at a time. Each worker has `IN_FLIGHT` tasks
   * queued, so that it goes on working while this thread is busy (handling
   * a result, rendering the site pages) instead of waiting for its next task.
   * `started` runs once the first tasks are handed out.
   */
  async run<T extends Task>(tasks: readonly T[], onResult: (task: number, results: ResultOf<T>) => Promise<void> | void, started?: () => Promise<void> | void): Promise<void> {
    let next = 0
    let delivering = Promise.resolve()
    const lanes = this.#workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          // A worker answers its tasks in the order they were posted (see render-worker.ts).
          const pending: number[] = []
          const post = () => {
            const index = next++
            pending.push(index)
            worker.postMessage(tasks[index])
          }
          const finish = (cause?: unknown) => {
            worker.off('message', onMessage)
            worker.off('error', finish)
            if (cause === undefined) resolve()
            else reject(cause)
          }
          const onMessage = (results: ResultOf<T>) => {
            const index = pending.shift()!
            // One delivery at a time, so that callers need no locking of their own.
            delivering = delivering.then(() => onResult(index, results))
            delivering.catch(finish)
            if (next < tasks.length) post()
            else if (pending.length === 0) delivering.then(() => finish(), finish)
          }
          worker.on('message', onMessage)
          worker.on('error', finish)
          while (pending.length < IN_FLIGHT && next < tasks.length) post()
          if (pending.length === 0) finish()
        }),
    )
    const meanwhile = (async () => started?.())()
    await Promise.all([...lanes, meanwhile])
    await delivering
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()))
  }
}

/** Items cut into batches for the pool. */
export function batchesOf<T>(items: readonly T[]): T[][] {
  const batches: T[][] = []
  for (let index = 0; index < items.length; index += BATCH) batches.push(items.slice(index, index + BATCH))
  return batches
}
