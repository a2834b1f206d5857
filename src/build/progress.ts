/**
 * A one-line progress bar for long builds, drawn on stderr in a terminal
 * only: silent when not a TTY, in CI (`CI` set) or with `--quiet`, so logs
 * and pipes never fill with carriage returns.
 */
import type { Writable } from 'node:stream'

export interface Progress {
  start(label: string, total: number): void
  tick(count?: number): void
  stop(): void
}

export const silent: Progress = { start() {}, tick() {}, stop() {} }

const WIDTH = 30
/** Redraw at most this often: drawing every event would cost more than the event. */
const INTERVAL_MS = 100

export function shouldShowProgress(stream: Writable, quiet: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !quiet && Boolean((stream as Writable & { isTTY?: boolean }).isTTY) && !env.CI
}

export function progressBar(stream: Writable, now: () => number = () => performance.now()): Progress {
  let label = ''
  let total = 0
  let done = 0
  let drawn = -Infinity
  const draw = () => {
    const filled = total > 0 ? Math.round((done / total) * WIDTH) : WIDTH
    stream.write(`\r${label.padEnd(10)} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total}\x1b[K`)
    drawn = now()
  }
  return {
    start(nextLabel, nextTotal) {
      label = nextLabel
      total = nextTotal
      done = 0
      draw()
    },
    tick(count = 1) {
      done += count
      if (done >= total || now() - drawn >= INTERVAL_MS) draw()
    },
    stop() {
      if (drawn !== -Infinity) stream.write('\r\x1b[K')
      drawn = -Infinity
    },
  }
}
