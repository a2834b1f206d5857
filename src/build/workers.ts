/**
 * Rendering over the CPU's cores with Node's own worker threads: a pool
 * kept for the build, fed batches of events in order, results put back in
 * order, so the output is the same bytes whatever the number of workers.
 * Starting a worker costs about a second (it compiles the publishing code),
 * so small jobs stay on the main thread.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { EventRecord, Glossary, Language } from '../record/schema.ts'
import { renderWorkerEntry } from './bundle.js'

export interface RenderBatch {
  cwd: string
  localesDir?: string
  glossary: Glossary
  baseUrl: string
  records: EventRecord[]
  /** Records the batch's events link to. */
  related: EventRecord[]
  /** `recordId/referenceId` → language, for the batch's references. */
  languages: Array<[string, string]>
}

export interface RenderedEvent {
  outputs: Array<[string, string]>
  leads: Record<Language, string>
  /** Parity gaps, unknown citations or missing translations: render again on the main thread for the messages. */
  problems: boolean
}

/**
 * A worker's old generation. Rendering makes much short-lived garbage and V8,
 * left to itself, grows the heap towards a quarter of the machine's memory
 * before collecting hard; an event needs a few megabytes, so a bound keeps
 * the build's memory flat at no cost in speed (measured on 500 events).
 */
const WORKER_HEAP_MB = 512

/** Fewer events than this per worker are not worth a worker's start-up. */
export const MIN_EVENTS_PER_WORKER = 100
const BATCH = 25

export function defaultWorkers(): number {
  return availableParallelism()
}

/** How many workers a job of `events` renders deserves (0: render on the main thread). */
export function workersFor(events: number, requested: number, minPerWorker = MIN_EVENTS_PER_WORKER): number {
  const useful = Math.min(requested, Math.floor(events / minPerWorker))
  return useful >= 2 ? useful : 0
}

/** Renders the batches on `count` workers; `onBatch` gets each batch's results (by batch index) as soon as they come. */
export async function renderInWorkers(
  batches: Array<Omit<RenderBatch, 'cwd' | 'localesDir' | 'glossary' | 'baseUrl'>>,
  shared: Pick<RenderBatch, 'cwd' | 'localesDir' | 'glossary' | 'baseUrl'>,
  count: number,
  onBatch: (batch: number, results: RenderedEvent[]) => Promise<void>,
): Promise<void> {
  const pool = Array.from({ length: count }, () => new Worker(renderWorkerEntry() ?? new URL('./worker-entry.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }))
  let next = 0
  try {
    await Promise.all(
      pool.map(async (worker) => {
        while (next < batches.length) {
          const index = next++
          const results = await new Promise<RenderedEvent[]>((resolve, reject) => {
            worker.once('message', resolve)
            worker.once('error', reject)
            worker.postMessage({ ...shared, ...batches[index]! })
          })
          worker.removeAllListeners('error')
          await onBatch(index, results)
        }
      }),
    )
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()))
  }
}

/** Events cut into batches for the pool. */
export function batchesOf<T>(items: readonly T[]): T[][] {
  const batches: T[][] = []
  for (let index = 0; index < items.length; index += BATCH) batches.push(items.slice(index, index + BATCH))
  return batches
}
