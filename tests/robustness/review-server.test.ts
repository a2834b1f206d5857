/**
 * The review server under hostile requests, on top of tests/review: the
 * command binds loopback only, cross-origin writes of every shape are
 * refused, a streamed body over the limit is cut off, and no encoding of
 * `..` reaches a file. Each refusal also leaves the review file unwritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startReviewServer, type ReviewServer } from '../../src/review/server.ts'
import { FIXTURES } from '../ingest/broken-fixtures.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const EVENT = 'raid-test'
let dir: string
let server: ReviewServer
let origin: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passerelle-review-robust-'))
  await cp(join(FIXTURES, '_base'), join(dir, 'sources'), { recursive: true })
  server = await startReviewServer({ sources: join(dir, 'sources'), cwd: dir, port: 0 })
  origin = `http://127.0.0.1:${server.port}`
})

afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

const reviewFile = () => join(dir, 'sources', EVENT, 'review-state.json')

/** A raw request: any path, headers and body chunks, as a hostile client would send them. */
function raw(options: { method?: string; path: string; headers?: Record<string, string>; chunks?: string[] }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (response) => {
      const parts: Buffer[] = []
      response.on('data', (chunk: Buffer) => parts.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }))
    })
    // The server may answer and close before the whole body is sent.
    outgoing.on('error', (cause: NodeJS.ErrnoException) => (cause.code === 'EPIPE' || cause.code === 'ECONNRESET' ? resolve({ status: 0, body: cause.code }) : reject(cause)))
    for (const chunk of options.chunks ?? []) outgoing.write(chunk)
    outgoing.end()
  })
}

async function evidenceLink(): Promise<string> {
  const view = (await (await fetch(`${origin}/api/events/${EVENT}`)).json()) as { fields: Array<{ evidence: Array<{ link: string }> }> }
  const link = view.fields.flatMap((field) => field.evidence)[0]?.link
  expect(link).toMatch(/^[0-9a-f]{12}$/)
  return link!
}

describe('`passerelle review` binds the loopback interface only', () => {
  it('prints a 127.0.0.1 URL and refuses connections on the machine’s other addresses', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'passerelle.js'), 'review', '--sources', join(dir, 'sources'), '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const match = /http:\/\/[^\s]+/.exec(out)
          if (match) resolve(match[0])
        })
        child.once('exit', (code) => reject(new Error(`review exited with ${code}`)))
      })
      const { hostname, port } = new URL(url)
      expect(hostname).toBe('127.0.0.1')
      expect((await fetch(`${url}api/events`)).status).toBe(200)
      const external = Object.values(networkInterfaces()).flat().filter((address) => address && !address.internal).map((address) => address!.address)
      for (const address of external) expect(await connects(address, Number(port)), address).toBe(false)
    } finally {
      child.kill('SIGTERM')
    }
  })
})

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

describe('cross-origin writes are refused and write nothing', () => {
  it.each([
    ['a sandboxed frame (Origin: null)', 'null'],
    ['the same host on another port', 'http://127.0.0.1:1'],
    ['https on the same host and port', () => `https://127.0.0.1:${server.port}`],
    ['a look-alike host', () => `http://127.0.0.1.evil.example:${server.port}`],
  ])('refuses %s', async (_name, value) => {
    const body = JSON.stringify({ link: await evidenceLink(), decision: 'approved' })
    const response = await raw({ method: 'POST', path: `/api/events/${EVENT}/decisions`, headers: { host: `127.0.0.1:${server.port}`, origin: typeof value === 'function' ? value() : value, 'content-type': 'application/json' }, chunks: [body] })
    expect(response.status).toBe(403)
    expect(existsSync(reviewFile())).toBe(false)
  })

  it('refuses a cross-site HTML form post (text/plain, no preflight)', async () => {
    const response = await raw({ method: 'POST', path: `/api/events/${EVENT}/decisions`, headers: { host: `127.0.0.1:${server.port}`, origin: 'http://evil.example', 'content-type': 'text/plain' }, chunks: ['{"link":"abcdefabcdef","decision":"approved"}'] })
    expect([403, 415]).toContain(response.status)
    expect(existsSync(reviewFile())).toBe(false)
  })

  it('accepts the same decision from its own origin (so the refusals above are about the origin)', async () => {
    const body = JSON.stringify({ link: await evidenceLink(), decision: 'approved' })
    const response = await raw({ method: 'POST', path: `/api/events/${EVENT}/decisions`, headers: { host: `127.0.0.1:${server.port}`, origin, 'content-type': 'application/json' }, chunks: [body] })
    expect(response.status).toBe(200)
    expect(existsSync(reviewFile())).toBe(true)
    await rm(reviewFile())
  })
})

describe('request bodies are size-limited', () => {
  it('cuts off a streamed (chunked) body over 16 KiB that declares no length', async () => {
    const chunks = ['{"link":"abcdefabcdef","decision":"approved","note":"', ...Array.from({ length: 40 }, () => 'x'.repeat(1024)), '"}']
    const response = await raw({ method: 'POST', path: `/api/events/${EVENT}/decisions`, headers: { host: `127.0.0.1:${server.port}`, origin, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks })
    // 413, or the connection closed on the client while it was still sending.
    expect([413, 0]).toContain(response.status)
    if (response.status === 413) expect(response.body).toMatch(/larger than 16384 bytes/)
    expect(existsSync(reviewFile())).toBe(false)
    // The server still answers afterwards.
    expect((await fetch(`${origin}/api/events`)).status).toBe(200)
  })
})

describe('no directory traversal', () => {
  it.each([
    '/..%5cpackage.json',
    '/%252e%252e/package.json',
    '/locales/..%2f..%2fpackage.json',
    '/locales/en/..%2f..%2f..%2fpackage.json',
    '/events/..%2F..%2Fpackage.json',
    '/app.js%00.html',
    '//etc/passwd',
    '/api/events/..%2F..%2Fpackage.json',
    '/api/events/%2e%2e',
  ])('GET %s reads no file outside the app', async (path) => {
    const response = await raw({ path, headers: { host: `127.0.0.1:${server.port}` } })
    expect(response.status).toBe(404)
    expect(response.body).not.toMatch(/"name": "passerelle"|root:x:0/)
  })

  it('POST to a traversing event id writes nothing anywhere', async () => {
    const response = await raw({ method: 'POST', path: '/api/events/..%2F..%2Ftmp/decisions', headers: { host: `127.0.0.1:${server.port}`, origin, 'content-type': 'application/json' }, chunks: ['{"link":"abcdefabcdef","decision":"approved"}'] })
    expect(response.status).toBe(404)
    expect(existsSync(join(dir, 'review-state.json'))).toBe(false)
    expect(existsSync(join(dir, 'tmp', 'review-state.json'))).toBe(false)
  })
})
