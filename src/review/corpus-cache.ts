/**
 * The server reads sources/ on every request that needs it, but loading the
 * corpus takes hundreds of milliseconds. This cache reloads only
 * when a source file changed: its signature is the size and mtime of every
 * glossary, record and excerpt file (review-state files are not part of it,
 * so recording a decision does not force a reload).
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EXCERPTS_DIR, GLOSSARY_FILE, RECORD_FILE, loadCorpus, type Corpus, type LoadedEvent } from '../ingest/corpus.ts'

export class CorpusCache {
  private signature = ''
  private corpus: Promise<Corpus> | undefined
  private check: Promise<Corpus> | undefined

  constructor(
    readonly root: string,
    readonly cwd: string,
  ) {}

  /**
   * Requests that arrive while a check is running share it (under a burst of
   * decisions, one check serves them all instead of one stat per file each);
   * a check starts at most a few milliseconds before any request it serves.
   */
  get(): Promise<Corpus> {
    this.check ??= this.refresh().finally(() => {
      this.check = undefined
    })
    return this.check
  }

  private async refresh(): Promise<Corpus> {
    const signature = await sourcesSignature(this.root)
    if (!this.corpus || signature !== this.signature) {
      this.signature = signature
      this.corpus = loadCorpus(this.root, this.cwd)
    }
    return this.corpus
  }

  async event(id: string): Promise<LoadedEvent | undefined> {
    return (await this.get()).events.find((event) => event.record.id === id)
  }
}

async function sourcesSignature(root: string): Promise<string> {
  const parts: string[] = [await fileSignature(join(root, GLOSSARY_FILE))]
  const folders = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  for (const folder of folders) {
    parts.push(folder, await fileSignature(join(root, folder, RECORD_FILE)))
    const excerpts = await readdir(join(root, folder, EXCERPTS_DIR)).catch(() => [] as string[])
    for (const name of excerpts.sort()) parts.push(name, await fileSignature(join(root, folder, EXCERPTS_DIR, name)))
  }
  return parts.join('|')
}

async function fileSignature(path: string): Promise<string> {
  try {
    const info = await stat(path)
    return `${info.size}:${info.mtimeMs}`
  } catch {
    return 'absent'
  }
}
