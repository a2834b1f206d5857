/** Shared command-line parsing: node's parseArgs, with mistakes as UsageError. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { resolve } from 'node:path'
import { UsageError, type Io } from './cli.ts'

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { sources: { type: 'string' }, ...options }, allowPositionals, strict: true })
  } catch (cause) {
    throw new UsageError((cause as Error).message)
  }
}

/** The sources folder: --sources DIR, else ./sources. */
export function sourcesDir(io: Io, value: unknown): string {
  return resolve(io.cwd, typeof value === 'string' ? value : 'sources')
}
