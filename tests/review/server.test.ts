import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readReviewState } from '../../src/review/state.ts'
import { commitAll, withEditedRecord } from './helpers.ts'
import { getJson, postDecision, rawRequest, startHarness, type Harness } from './server-harness.ts'

const EVENT = 'soumpi-attack'
let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})
afterAll(() => harness.server.close())

interface FieldJson {
  field: string
  status: string
  evidence: Array<{ link: string; source: string; sourceName: string; text: string; start: number; end: number; decision?: { decision: string; note?: string; stale?: boolean } }>
}

async function fields(event = EVENT): Promise<FieldJson[]> {
  return (await getJson(harness, `/api/events/${event}`)).body.fields
}

describe('review API', () => {
  it('binds to 127.0.0.1 and lists the events with counts per status', async () => {
    expect(harness.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const { status, body } = await getJson(harness, '/api/events')
    expect(status).toBe(200)
    const soumpi = body.find((event: { id: string }) => event.id === EVENT)
    expect(soumpi.title.en).toBe('Soumpi attack')
    expect(Object.keys(soumpi.counts)).toEqual(['supported', 'contested', 'unsupported', 'stale'])
    expect(soumpi.needsReview).toBeGreaterThan(0)
  })

  it('gives each field its status and French evidence with the stated value located in its sentence', async () => {
    const { status, body } = await getJson(harness, `/api/events/${EVENT}`)
    expect(status).toBe(200)
    expect(body.id).toBe(EVENT)
    const killed = body.fields.find((field: FieldJson) => field.field === 'sides.malian-forces.casualties.killed') as FieldJson
    expect(killed.status).toBe('supported')
    const rfi = killed.evidence.find((evidence) => evidence.source === 'rfi')!
    expect(rfi.sourceName).toBe('RFI')
    expect(rfi.link).toMatch(/^[0-9a-f]{12}$/)
    expect(rfi.text.slice(rfi.start, rfi.end)).toMatch(/quatorze/)
    expect(body.prose.map((section: { id: string }) => section.id)).toEqual(['background', 'attack', 'aftermath'])
    expect(body.prose[1]).toMatchObject({ stale: false, en: expect.stringContaining('Soumpi'), fr: expect.stringContaining('Soumpi'), state: 'reviewed' })
  })

  it('records a decision in the event folder, where the CLI reads it, and shows it on reload', async () => {
    const [field] = await fields()
    const link = field!.evidence[0]!.link
    const posted = await postDecision(harness, EVENT, { link, decision: 'rejected', note: 'wrong day' })
    expect(posted.status).toBe(200)
    expect(posted.body).toEqual({ event: EVENT, link, field: field!.field, decision: 'rejected', note: 'wrong day' })
    const reloaded = (await fields()).find((candidate) => candidate.field === field!.field)!
    expect(reloaded.evidence.find((evidence) => evidence.link === link)!.decision).toEqual({ decision: 'rejected', note: 'wrong day' })
    const state = await readReviewState(join(harness.sources, EVENT))
    expect(state.decisions[link]).toMatchObject({ decision: 'rejected', note: 'wrong day', field: field!.field })
  })

  it('shows a decision as stale, and the field as stale, once the field value changes', async () => {
    const date = (await fields()).find((field) => field.field === 'date.start')!
    const link = date.evidence[0]!.link
    expect((await postDecision(harness, EVENT, { link, decision: 'approved' })).status).toBe(200)
    await withEditedRecord(harness.sources, EVENT, 'start: 2018-01-27', 'start: 2018-01-28', async () => {
      const changed = (await fields()).find((field) => field.field === 'date.start')!
      expect(changed.evidence.find((evidence) => evidence.link === link)!.decision).toEqual({ decision: 'approved', stale: true })
      expect(changed.status).toBe('stale')
      const summary = (await getJson(harness, '/api/events')).body.find((event: { id: string }) => event.id === EVENT)
      expect(summary.counts.stale).toBe(1)
    })
  })
})

describe('review API refuses bad requests with a message', () => {
  const link = async () => (await fields())[0]!.evidence[0]!.link

  it('refuses a POST from another origin, or without one', async () => {
    const foreign = await postDecision(harness, EVENT, { link: await link(), decision: 'approved' }, { origin: 'http://evil.example' })
    expect(foreign).toEqual({ status: 403, body: { error: expect.stringMatching(/Origin \(http:\/\/evil\.example\) is not this server's own/) } })
    const response = await fetch(`${harness.origin}/api/events/${EVENT}/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    // fetch in Node sends no Origin header on its own.
    expect(response.status).toBe(403)
  })

  it.each([
    ['not JSON', '{"link":', 400, /not valid JSON/],
    ['a wrong decision', { link: 'abcdefabcdef', decision: 'maybe' }, 400, /`decision` must be "approved" or "rejected"/],
    ['a malformed link', { link: '../x', decision: 'approved' }, 400, /`link` must be an evidence link/],
    ['an unknown field', { link: 'abcdefabcdef', decision: 'approved', extra: 1 }, 400, /unknown field `extra`/],
    ['a non-object body', '[1, 2]', 400, /invalid decision/],
    ['an unknown link', { link: 'abcdefabcdef', decision: 'approved' }, 404, /has no evidence link `abcdefabcdef`/],
    ['a body over the limit', { link: 'abcdefabcdef', decision: 'approved', note: 'x'.repeat(20_000) }, 413, /larger than 16384 bytes/],
  ])('answers %s', async (_name, body, status, message) => {
    const response = await postDecision(harness, EVENT, body)
    expect(response.status).toBe(status)
    expect(response.body.error).toMatch(message)
  })

  it('refuses another content type, another method, an unknown event', async () => {
    expect((await postDecision(harness, EVENT, '{}', { 'content-type': 'text/plain' })).status).toBe(415)
    expect((await fetch(`${harness.origin}/api/events/${EVENT}/decisions`)).status).toBe(405)
    expect(await getJson(harness, '/api/events/no-such-event')).toEqual({ status: 404, body: { error: expect.stringMatching(/no event `no-such-event`/) } })
    expect((await getJson(harness, '/api/events/..%2F..%2Fetc')).status).toBe(404)
  })

  it('answers only to its own host name (no DNS rebinding)', async () => {
    const response = await rawRequest(harness.server.port, '/api/events', { host: `evil.example:${harness.server.port}` })
    expect(response.status).toBe(421)
  })
})

describe('review server static files', () => {
  it('serves the app and its locales', async () => {
    const page = await fetch(harness.server.url)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(await page.text()).toMatch(/<script type="module" src="\/app.js">/)
    expect((await fetch(`${harness.origin}/events/${EVENT}`)).status).toBe(200)
    expect((await getJson(harness, '/locales/fr/review.json')).body.event.filter).toBe('À réviser seulement')
  })

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/app.js/../../server.ts', '/src/review/server.ts', '/locales/de/review.json', '/node_modules/i18next/package.json'])(
    'serves no file outside the app: %s',
    async (path) => {
      const response = await rawRequest(harness.server.port, path)
      expect(response.status).toBe(404)
      expect(response.body).not.toMatch(/"name": "passerelle"|startReviewServer/)
    },
  )
})

describe('prose staleness', () => {
  it('flags a French section that translates an older English version, with the English diff from git history', async () => {
    commitAll(harness.sources)
    await withEditedRecord(harness.sources, EVENT, 'The military camp at Soumpi', 'The army camp at Soumpi', async () => {
      const attack = (await getJson(harness, `/api/events/${EVENT}`)).body.prose.find((section: { id: string }) => section.id === 'attack')
      expect(attack).toMatchObject({ stale: true, oldEnglish: 'found' })
      expect(attack.diff).toContainEqual({ value: 'military', removed: true })
      expect(attack.diff).toContainEqual({ value: 'army', added: true })
    })
  })

  it('says when the translated English is not in the history', async () => {
    const record = await readFile(join(harness.sources, EVENT, 'record.yaml'), 'utf8')
    const translates = /translates: "[0-9a-f]{12}"/.exec(record.slice(record.indexOf('- id: attack')))![0]
    await withEditedRecord(harness.sources, EVENT, translates, 'translates: "000000000000"', async () => {
      const attack = (await getJson(harness, `/api/events/${EVENT}`)).body.prose.find((section: { id: string }) => section.id === 'attack')
      expect(attack).toMatchObject({ stale: true, oldEnglish: 'not-found' })
      expect(attack.diff).toBeUndefined()
    })
  })
})
