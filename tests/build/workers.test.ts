/**
 * The worker pool keeps several tasks queued per worker: results must still
 * reach the caller once each, under the right task index, one delivery at a
 * time, while the caller's `started` work runs beside the workers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCorpus } from '../../bench/synthetic.ts'
import { WorkerPool, type IngestTask, type IngestedEvent } from '../../src/build/workers.ts'

let dir: string
let folders: string[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passerelle-pool-'))
  await generateCorpus(join(dir, 'sources'), { events: 5, seed: 3 })
  folders = (await readdir(join(dir, 'sources'))).filter((name) => name.startsWith('synthetic-')).sort()
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('WorkerPool.run', () => {
  it('delivers every task once, by its index, one at a time, with `started` running meanwhile', async () => {
    const pool = WorkerPool.start(2, { cwd: dir, glossary: { entities: [] } as never, baseUrl: 'https://example.org/' })
    try {
      // Far more tasks than are kept queued, one folder each, so that each worker's queue is refilled many times.
      const tasks: IngestTask[] = Array.from({ length: 40 }, (_, index) => ({ kind: 'ingest', root: join(dir, 'sources'), cwd: dir, folders: [{ folder: folders[index % folders.length]! }] }))
      const delivered: number[] = []
      let delivering = 0
      let overlap = false
      let startedBeforeEnd = false
      await pool.run(
        tasks,
        async (index, results: IngestedEvent[]) => {
          if (delivering++ > 0) overlap = true
          // A slow caller: the workers go on with their queued tasks meanwhile.
          await new Promise((resolve) => setTimeout(resolve, index % 3))
          expect(results.map((result) => result.folder)).toEqual([folders[index % folders.length]])
          delivered.push(index)
          delivering--
        },
        () => {
          startedBeforeEnd = delivered.length < tasks.length
        },
      )
      expect(overlap).toBe(false)
      expect(startedBeforeEnd).toBe(true)
      expect([...delivered].sort((a, b) => a - b)).toEqual(tasks.map((_, index) => index))
    } finally {
      await pool.close()
    }
  })

  it('rejects when the caller fails on a result', async () => {
    const pool = WorkerPool.start(2, { cwd: dir, glossary: { entities: [] } as never, baseUrl: 'https://example.org/' })
    try {
      const tasks: IngestTask[] = Array.from({ length: 12 }, () => ({ kind: 'ingest', root: join(dir, 'sources'), cwd: dir, folders: [{ folder: folders[0]! }] }))
      await expect(
        pool.run(tasks, (index) => {
          if (index === 5) throw new Error('caller failed on task 5')
        }),
      ).rejects.toThrow('caller failed on task 5')
    } finally {
      await pool.close()
    }
  })
})
