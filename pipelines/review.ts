/** `passerelle review [--port 4321]`: the translator review UI on 127.0.0.1 until interrupted. */
import { stat } from 'node:fs/promises'
import { startReviewServer } from '../src/review/server.ts'
import { UsageError, type Io } from './cli.ts'
import { parseOptions, sourcesDir } from './options.ts'

export const DEFAULT_PORT = 4321

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOptions(argv, { port: { type: 'string' } })
  const port = parsePort(values.port)
  const sources = sourcesDir(io, values.sources)
  if (!(await isDirectory(sources))) throw new UsageError(`no sources folder at ${sources}; run from the repository root or pass --sources DIR`)
  let server
  try {
    server = await startReviewServer({ sources, cwd: io.cwd, port, log: (message) => io.stderr.write(message + '\n') })
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${port} is already in use; choose another with --port (0 picks a free one)`)
    throw cause
  }
  io.stdout.write(`Review UI: ${server.url}  (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await server.close()
  return 0
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not \`${value}\``)
  return port
}
