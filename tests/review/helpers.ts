/** Test helpers: a private copy of sources/, and a snapshot of a folder's bytes. */
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

/** A temporary folder holding a copy of the real sources/ (tests never write the real one). */
export async function copySources(): Promise<{ dir: string; sources: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-review-'))
  const sources = join(dir, 'sources')
  await cp(join(ROOT, 'sources'), sources, { recursive: true })
  return { dir, sources }
}

/** Every file below `dir` with its bytes, for byte-identical comparisons. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      files.set(path.slice(dir.length), await readFile(path))
    }
  }
  return files
}
