// Types of fast-noop.js (plain JavaScript so that bin/passerelle.js runs it before tsx).
import type { BigIntStats } from 'node:fs'
import type { WrittenStat } from '../publish/write.ts'

export const STAMP_FORMAT: number
export const CODE_ROOT: string
export const BUILD_OPTIONS: {
  sources: { type: 'string' }
  out: { type: 'string' }
  'base-url': { type: 'string' }
  shard: { type: 'string' }
  cache: { type: 'string' }
  'no-cache': { type: 'boolean' }
  workers: { type: 'string' }
  quiet: { type: 'boolean' }
  watch: { type: 'boolean' }
}
export function invocationKey(cwd: string, values: Record<string, unknown>): string
export function hashOf(...parts: readonly string[]): string
export function stampFile(cacheDir: string, outDir: string): string
export function statKey(stat: BigIntStats | undefined): string
export function statKeyOf(path: string): string
export function summaryLine(events: number, files: number, out: string, parsed: number, rendered: number): string
export function fastNoop(argv: string[], cwd: string): string | undefined
export function unchangedInputs(pairs: readonly string[] | undefined): boolean
export function unchangedOutput(path: string, written: WrittenStat): boolean
