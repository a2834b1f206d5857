/**
 * HTTP plumbing of the review server, on Node's own `http` module: the API is
 * a handful of routes, so a framework would add dependencies and hide the
 * security checks this file makes explicit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Decisions are a few hundred bytes; anything much larger is a mistake or an attack. */
export const MAX_BODY_BYTES = 16 * 1024

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
}

export function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) })
  response.end(body)
}

export function sendJson(response: ServerResponse, status: number, value: unknown) {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value) + '\n')
}

export function sendError(response: ServerResponse, status: number, message: string) {
  sendJson(response, status, { error: message })
}

/** The origins this server answers as: its own address, by IP or by `localhost`. */
export function ownOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
}

/**
 * A Host header naming another site means DNS rebinding: a page on that site
 * resolved its name to 127.0.0.1 to read this server. Refuse it.
 */
export function checkHost(request: IncomingMessage, port: number) {
  const host = request.headers.host ?? ''
  if (!ownOrigins(port).has(`http://${host}`)) throw new HttpError(421, `this server answers only to 127.0.0.1:${port} and localhost:${port}`)
}

/** Writes must come from this server's own page: a cross-site form or script is refused. */
export function checkOrigin(request: IncomingMessage, port: number) {
  const origin = request.headers.origin
  if (!origin || !ownOrigins(port).has(origin)) {
    throw new HttpError(403, `refused: the request's Origin (${origin ?? 'none'}) is not this server's own`)
  }
}

/** The JSON body of a request, refused when too large, not JSON, or of another type. */
export async function readJson(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers['content-type'] ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'send the body as application/json')
  const declared = Number(request.headers['content-length'])
  if (declared > limit) throw new HttpError(413, `the body is larger than ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, `the body is larger than ${limit} bytes`)
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'the body is not valid JSON')
  }
}
