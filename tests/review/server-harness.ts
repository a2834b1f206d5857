/** Starts the review server on a copy of sources/, on a free loopback port. */
import { request } from 'node:http'
import { startReviewServer, type ReviewServer } from '../../src/review/server.ts'
import { copySources } from './helpers.ts'

export interface Harness {
  dir: string
  sources: string
  server: ReviewServer
  origin: string
}

export async function startHarness(): Promise<Harness> {
  const { dir, sources } = await copySources()
  const server = await startReviewServer({ sources, cwd: dir, port: 0 })
  return { dir, sources, server, origin: server.url.replace(/\/$/, '') }
}

export async function getJson(harness: Harness, path: string) {
  const response = await fetch(harness.origin + path)
  return { status: response.status, body: (await response.json()) as any }
}

export async function postDecision(harness: Harness, event: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${harness.origin}/api/events/${event}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: harness.origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as any }
}

/** A raw request, for paths and headers that fetch would normalize or refuse to send. */
export function rawRequest(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}
