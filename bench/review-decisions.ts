/**
 * Review server throughput: N decisions POSTed over loopback at once (as the
 * concurrency test does) on a copy of sources/, and the latency of
 * GET /api/events/:id. Prints its figures; run with
 *   npx tsx bench/review-decisions.ts [N=200]
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startReviewServer } from '../src/review/server.ts'

const count = Number(process.argv[2] ?? 200)
const dir = await mkdtemp(join(tmpdir(), 'passerelle-bench-review-'))
const sources = join(dir, 'sources')
await cp(join(import.meta.dirname, '..', 'sources'), sources, { recursive: true })
const server = await startReviewServer({ sources, cwd: dir, port: 0 })
const origin = server.url.replace(/\/$/, '')
const get = async (path: string) => (await fetch(origin + path)).json() as Promise<any>

let started = performance.now()
const events = (await get('/api/events')) as Array<{ id: string }>
const listMs = performance.now() - started
const targets: Array<{ event: string; link: string }> = []
const viewTimes: number[] = []
for (const { id } of events) {
  started = performance.now()
  const view = await get(`/api/events/${id}`)
  viewTimes.push(performance.now() - started)
  for (const field of view.fields) for (const evidence of field.evidence) targets.push({ event: id, link: evidence.link })
}
const batch = targets.slice(0, count)
started = performance.now()
const statuses = await Promise.all(
  batch.map(async ({ event, link }) => {
    const response = await fetch(`${origin}/api/events/${event}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ link, decision: 'approved' }),
    })
    await response.arrayBuffer()
    return response.status
  }),
)
const decideMs = performance.now() - started
await server.close()
await rm(dir, { recursive: true, force: true })

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
console.log(`events: ${events.length}, evidence links: ${targets.length}`)
console.log(`GET /api/events (first, cold corpus): ${listMs.toFixed(0)} ms`)
console.log(`GET /api/events/:id median: ${median(viewTimes).toFixed(1)} ms`)
console.log(`${batch.length} concurrent decisions: ${decideMs.toFixed(0)} ms (${((batch.length / decideMs) * 1000).toFixed(0)}/s), ${statuses.filter((status) => status === 200).length} answered 200`)
