/**
 * Decisions under load and under a crash: 200 concurrent POSTs over loopback
 * lose nothing, and a server killed (SIGKILL) mid-write leaves every review
 * file valid JSON holding a prefix of the decisions: everything acknowledged,
 * nothing that was not sent.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { readReviewState } from '../../src/review/state.ts'
import { ROOT, copySources } from './helpers.ts'
import { getJson, postDecision, startHarness, type Harness } from './server-harness.ts'

interface Target {
  event: string
  link: string
  decision: 'approved' | 'rejected'
}

/** Every (event, evidence link) the server shows, each given a decision. */
async function targets(harness: Pick<Harness, 'origin'>): Promise<Target[]> {
  const events = (await getJson(harness as Harness, '/api/events')).body as Array<{ id: string }>
  const all: Target[] = []
  for (const { id } of events) {
    const view = (await getJson(harness as Harness, `/api/events/${id}`)).body as { fields: Array<{ evidence: Array<{ link: string }> }> }
    for (const field of view.fields) for (const { link } of field.evidence) all.push({ event: id, link, decision: all.length % 3 === 0 ? 'rejected' : 'approved' })
  }
  return all
}

async function storedDecisions(sources: string, events: Iterable<string>): Promise<Map<string, string>> {
  const stored = new Map<string, string>()
  for (const event of events) {
    const state = await readReviewState(join(sources, event))
    for (const [link, decision] of Object.entries(state.decisions)) stored.set(`${event}/${link}`, decision.decision)
  }
  return stored
}

let harness: Harness | undefined
afterAll(() => harness?.server.close())

describe('concurrent decisions', () => {
  it('keeps all of 200 decisions posted at once', async () => {
    harness = await startHarness()
    const all = await targets(harness)
    expect(all.length).toBeGreaterThanOrEqual(200)
    const batch = all.slice(0, 200)
    const responses = await Promise.all(batch.map((target) => postDecision(harness!, target.event, { link: target.link, decision: target.decision })))
    expect(responses.map((response) => response.status)).toEqual(batch.map(() => 200))
    const stored = await storedDecisions(harness.sources, new Set(batch.map((target) => target.event)))
    expect(stored.size).toBe(200)
    for (const target of batch) expect(stored.get(`${target.event}/${target.link}`)).toBe(target.decision)
  })
})

describe('a server killed mid-write', () => {
  it('leaves every review file valid, holding what was acknowledged and nothing unsent', async () => {
    const { dir, sources } = await copySources()
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'passerelle.js'), 'review', '--port', '0', '--sources', sources], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    const origin = await new Promise<string>((resolve, reject) => {
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8')
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
        if (match) resolve(match[0])
      })
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)))
    })
    const server = { origin } as Harness
    const all = await targets(server)
    const acknowledged = new Set<string>()
    let killed = false
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await Promise.allSettled(
      all.map(async (target) => {
        const response = await postDecision(server, target.event, { link: target.link, decision: target.decision })
        if (response.status === 200) acknowledged.add(`${target.event}/${target.link}`)
        if (acknowledged.size >= 40 && !killed) {
          killed = true
          child.kill('SIGKILL')
        }
      }),
    )
    await exited
    expect(killed).toBe(true)
    expect(acknowledged.size).toBeLessThan(all.length)
    const sent = new Map(all.map((target) => [`${target.event}/${target.link}`, target.decision]))
    // readReviewState throws on a file that is not a valid review state.
    const stored = await storedDecisions(sources, new Set(all.map((target) => target.event)))
    for (const key of acknowledged) expect(stored.has(key)).toBe(true)
    for (const [key, decision] of stored) expect(sent.get(key)).toBe(decision)
    expect(stored.size).toBeLessThan(all.length)
  })
})
