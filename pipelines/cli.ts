/**
 * `passerelle <command>`: each command is a pipeline module in this folder
 * exporting `run(argv, io)`. Modules load lazily so that `detect` does not pay
 * for the publishing stack.
 */
import { Writable, Readable } from 'node:stream'

export interface Io {
  cwd: string
  stdin: Readable
  stdout: Writable
  stderr: Writable
}

export type Pipeline = (argv: string[], io: Io) => Promise<number>

const commands: Record<string, { load: () => Promise<{ run: Pipeline }>; summary: string }> = {
  check: { load: () => import('./check.ts'), summary: 'validate every record, excerpt and the glossary in sources/' },
  build: { load: () => import('./build.ts'), summary: 'publish the English and French pages into dist/ (--out DIR, --watch to rebuild on change)' },
  detect: { load: () => import('./detect.ts'), summary: 'detect languages (--json: JSON Lines on stdin)' },
  extract: { load: () => import('./extract.ts'), summary: 'extract claims from French text (--json: JSON Lines on stdin)' },
  align: { load: () => import('./align.ts'), summary: 'align French excerpts with the record fields [event-id] (--json)' },
  review: { load: () => import('./review.ts'), summary: 'serve the translator review UI on 127.0.0.1 (--port 4321)' },
  xliff: { load: () => import('./xliff.ts'), summary: 'export or import XLIFF 2.0 for CAT tools' },
  merge: { load: () => import('./merge.ts'), summary: 'join the outputs of build --shard i/n into one site (--out DIR)' },
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length))
  const lines = Object.entries(commands).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`)
  return `Usage: passerelle <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun from the repository root; sources are read from ./sources (--sources DIR).\n`
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage())
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    io.stderr.write(`passerelle: unknown command \`${name}\`\n\n${usage()}`)
    return 2
  }
  let module: { run: Pipeline }
  try {
    module = await command.load()
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(cause).includes(`pipelines/${name}.ts`)) {
      io.stderr.write(`passerelle: \`${name}\` is not available in this version yet\n`)
      return 2
    }
    throw cause
  }
  try {
    return await module.run(rest, io)
  } catch (cause) {
    // Content problems are reported as positioned messages by the stages; what
    // reaches here is a usage mistake or an environment failure (disk full...).
    io.stderr.write(`passerelle ${name}: ${describeFailure(cause)}\n`)
    return 1
  }
}

export class UsageError extends Error {}

function describeFailure(cause: unknown): string {
  if (cause instanceof UsageError) return `${cause.message}\n\n${usage()}`
  const error = cause as NodeJS.ErrnoException
  if (error?.code === 'ENOSPC') return `the disk is full while writing ${error.path ?? 'output'}; free some space and run again (nothing was published)`
  if (error?.code === 'EACCES' || error?.code === 'EPERM') return `permission denied on ${error.path ?? 'a file'}; check its permissions`
  if (error?.code === 'ENOENT') return `no such file or folder: ${error.path ?? ''}`
  return error?.message ?? String(cause)
}

function processIo(): Io {
  return { cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }
}
