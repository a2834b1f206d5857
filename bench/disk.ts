/**
 * Flushes what earlier steps left for the kernel to write (the generated
 * corpus: some 90,000 files at 10,000 events; the other tool's output), so
 * that a timed build pays for its own writes only. On this machine's disk,
 * writeback and discards queued by an earlier step slowed the next build's
 * file creation several times over (one run: 13 s of system time, the same
 * build right after a large deletion: 55 s).
 */
import { spawnSync } from 'node:child_process'

export function settleDisk(): void {
  // `sync` is POSIX; where it is missing the figures are just noisier.
  spawnSync('sync', { stdio: 'ignore' })
}
