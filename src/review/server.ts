/**
 * The review server: the UI's files and a JSON API over the events in a
 * sources folder, bound to 127.0.0.1 only.
 *
 *   GET  /api/events                    list with counts per status
 *   GET  /api/events/:id                fields, evidence, decisions, prose
 *   POST /api/events/:id/decisions      {"link", "decision", "note"?} → the stored decision
 *
 * Decisions go through state.ts (the same review-state.json the CLI uses,
 * atomic writes serialized per file), so concurrent requests lose nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { alignEvent } from '../align/index.ts'
import type { LoadedEvent } from '../ingest/corpus.ts'
import type { Evidence, FieldAlignment } from '../align/types.ts'
import { Id } from '../record/schema.ts'
import { decisionContext, emptyState, readReviewState, recordDecision, ReviewStateError, type ReviewState } from './state.ts'
import { CorpusCache } from './corpus-cache.ts'
import { checkHost, checkOrigin, HttpError, readJson, send, sendError, sendJson } from './http.ts'
import { staticAsset } from './static.ts'
import { eventSummary, eventView } from './view.ts'

export const HOST = '127.0.0.1'

export interface ReviewServerOptions {
  sources: string
  /** Paths in messages are relative to this folder. */
  cwd: string
  /** 0 asks the system for a free port. */
  port: number
  /** Where unexpected failures are logged (never sent to the browser). */
  log?: (message: string) => void
}

export interface ReviewServer {
  url: string
  port: number
  close(): Promise<void>
}

export const DecisionBody = z.strictObject({
  link: z.string().regex(/^[0-9a-f]{12}$/, 'must be an evidence link: 12 hexadecimal digits'),
  decision: z.enum(['approved', 'rejected'], { error: 'must be "approved" or "rejected"' }),
  note: z.string().max(2000, 'must be at most 2000 characters').optional(),
})

export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const cache = new CorpusCache(options.sources, options.cwd)
  let port = options.port
  const server = createServer((request, response) => {
    handle(request, response, cache, port).catch((cause: unknown) => {
      const status = cause instanceof HttpError ? cause.status : 500
      if (status === 500) options.log?.(`review server: ${(cause as Error)?.stack ?? String(cause)}`)
      if (!response.headersSent) sendError(response, status, cause instanceof HttpError ? cause.message : `internal error: ${(cause as Error)?.message ?? cause}`)
      else response.destroy()
    })
  })
  await listen(server, options.port)
  port = (server.address() as AddressInfo).port
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

const EVENT_ROUTE = /^\/api\/events\/([^/]+)(\/decisions)?$/

async function handle(request: IncomingMessage, response: ServerResponse, cache: CorpusCache, port: number) {
  checkHost(request, port)
  const { pathname } = new URL(request.url ?? '/', `http://${HOST}`)
  const method = request.method ?? 'GET'
  if (pathname === '/api/events') {
    allow(method, 'GET')
    return sendJson(response, 200, await listEvents(cache))
  }
  const match = EVENT_ROUTE.exec(pathname)
  if (match) {
    const event = await findEvent(cache, match[1]!)
    if (match[2]) {
      allow(method, 'POST')
      checkOrigin(request, port)
      return sendJson(response, 200, await decide(cache, event, await readJson(request)))
    }
    allow(method, 'GET')
    return sendJson(response, 200, await eventView(event, await align(cache, event)))
  }
  if (pathname.startsWith('/api/')) throw new HttpError(404, `no API route ${pathname}`)
  allow(method, 'GET')
  const asset = await staticAsset(pathname)
  if (!asset) throw new HttpError(404, `not found: ${pathname}`)
  send(response, 200, asset.type, asset.body)
}

function allow(method: string, expected: 'GET' | 'POST') {
  if (method !== expected) throw new HttpError(405, `use ${expected} here, not ${method}`)
}

async function findEvent(cache: CorpusCache, id: string): Promise<LoadedEvent> {
  const event = Id.safeParse(id).success ? await cache.event(id) : undefined
  if (!event) throw new HttpError(404, `no event \`${id}\` in the sources (or its record has errors: run \`passerelle check\`)`)
  return event
}

/** Aligned with the decisions as they are on disk now. */
async function align(cache: CorpusCache, event: LoadedEvent, state?: ReviewState) {
  const { glossary } = await cache.get()
  try {
    return alignEvent(event, glossary, { state: state ?? (await readReviewState(event.dir)), report: false })
  } catch (cause) {
    // One unreadable review file blocks its own event, not the whole UI; the message names the file, not its absolute path.
    if (cause instanceof ReviewStateError) throw new HttpError(409, `event \`${event.record.id}\`: ${cause.message}`)
    throw cause
  }
}

async function listEvents(cache: CorpusCache) {
  const corpus = await cache.get()
  return Promise.all(
    corpus.events.map(async (event) => {
      try {
        return eventSummary(event, await align(cache, event))
      } catch (cause) {
        if (!(cause instanceof HttpError)) throw cause
        return { ...eventSummary(event, await align(cache, event, emptyState())), error: cause.message }
      }
    }),
  )
}

/**
 * Links and field values do not depend on decisions, so the evidence a POST
 * refers to is looked up in an alignment made once per loaded event (without
 * decisions): a burst of decisions costs file writes, not re-alignments.
 */
const linkIndexes = new WeakMap<LoadedEvent, Promise<Map<string, { field: FieldAlignment; evidence: Evidence }>>>()

function linkIndex(cache: CorpusCache, event: LoadedEvent) {
  let index = linkIndexes.get(event)
  if (!index) {
    index = align(cache, event, emptyState()).then((alignment) => new Map(alignment.fields.flatMap((field) => field.evidence.map((evidence) => [evidence.link, { field, evidence }] as const))))
    linkIndexes.set(event, index)
  }
  return index
}

async function decide(cache: CorpusCache, event: LoadedEvent, body: unknown) {
  const parsed = DecisionBody.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'the body'
    const message = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((key) => `\`${key}\``).join(', ')}` : `${where} ${issue.message}`
    throw new HttpError(400, `invalid decision: ${message}; send {"link": "<evidence id>", "decision": "approved" | "rejected", "note"?: "..."}`)
  }
  const { link, decision, note } = parsed.data
  const found = (await linkIndex(cache, event)).get(link)
  if (!found) throw new HttpError(404, `event \`${event.record.id}\` has no evidence link \`${link}\` (the sources may have changed: reload the page)`)
  const state = await recordDecision(event.dir, link, { decision, ...(note === undefined ? {} : { note }) }, decisionContext(found.field, found.evidence))
  const { decision: stored, note: storedNote, field } = state.decisions[link]!
  return { event: event.record.id, link, field, decision: stored, ...(storedNote ? { note: storedNote } : {}) }
}
