/**
 * Whole-file replacement that a crash cannot leave half-written: the new
 * bytes go to a temporary file beside the target, are flushed to disk, and
 * the temporary file is renamed over the target (atomic on POSIX).
 */
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * The one atomic write of the review side: review-state.json (src/review/state.ts),
 * XLIFF exports and imports (pipelines/xliff.ts).
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(temporary, 'wx')
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temporary, path)
  } catch (cause) {
    await unlink(temporary).catch(() => {})
    throw cause
  }
}
