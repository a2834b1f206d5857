/**
 * Atomic publishing: every file goes into a fresh sibling folder, which then
 * replaces the output folder with two renames. An interrupted build leaves
 * the previous output untouched (and at worst a stray `.tmp` folder).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'

export type Outputs = Map<string, string>

export async function writeAtomically(outDir: string, outputs: Outputs): Promise<void> {
  const target = resolve(outDir)
  const staging = `${target}.${process.pid}.tmp`
  const previous = `${target}.${process.pid}.old`
  await rm(staging, { recursive: true, force: true })
  try {
    for (const path of [...outputs.keys()].sort()) {
      const file = join(staging, path)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, outputs.get(path)!)
    }
    await mkdir(staging, { recursive: true })
    let hadPrevious = true
    try {
      await rename(target, previous)
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause
      hadPrevious = false
    }
    try {
      await rename(staging, target)
    } catch (cause) {
      if (hadPrevious) await rename(previous, target)
      throw cause
    }
    if (hadPrevious) await rm(previous, { recursive: true, force: true })
  } catch (cause) {
    await rm(staging, { recursive: true, force: true })
    throw cause
  }
}
