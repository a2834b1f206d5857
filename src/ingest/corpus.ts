/**
 * Loads `sources/`: the shared glossary, then one folder per event holding
 * `record.yaml` and `excerpts/*.md`. Never throws on bad content: every
 * problem is a message on the file it concerns, and `files` lists them all.
 */
import { readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { VFile } from 'vfile'
import { EventRecord, Glossary } from '../record/schema.ts'
import { error } from '../diagnostics/index.ts'
import { readVFile as readSourceFile } from './read.ts'
import { parseYaml, validate, type YamlSource } from './yaml.ts'
import { parseExcerpt, type Excerpt } from './excerpt.ts'
import { crossCheck } from './cross-check.ts'

export interface LoadedEvent {
  record: EventRecord
  /** The record's YAML, for positioning messages about any field. */
  source: YamlSource
  dir: string
  /** Name of the event's folder (must equal the record id). */
  folder: string
  excerpts: Excerpt[]
}

export interface Corpus {
  root: string
  glossary: Glossary
  glossarySource: YamlSource | undefined
  events: LoadedEvent[]
  /** Every file read, each carrying its messages. */
  files: VFile[]
}

export const GLOSSARY_FILE = 'glossary.yaml'
export const RECORD_FILE = 'record.yaml'
export const EXCERPTS_DIR = 'excerpts'

/**
 * @param root the sources folder
 * @param cwd file paths in messages are shown relative to this folder
 */
export async function loadCorpus(root: string, cwd = process.cwd()): Promise<Corpus> {
  const files: VFile[] = []
  const readVFile = (path: string) => readNamed(path, cwd)
  const glossaryFile = await readIfExists(join(root, GLOSSARY_FILE), cwd)
  let glossary: Glossary = { entities: [] }
  let glossarySource: YamlSource | undefined
  if (glossaryFile) {
    files.push(glossaryFile)
    glossarySource = parseYaml(glossaryFile, String(glossaryFile.value))
    glossary = validate(glossarySource, Glossary, 'the glossary') ?? glossary
  }

  const events: LoadedEvent[] = []
  for (const folder of await eventFolders(root)) {
    const dir = join(root, folder)
    const recordFile = await readVFile(join(dir, RECORD_FILE))
    files.push(recordFile)
    const source = parseYaml(recordFile, String(recordFile.value))
    const record = validate(source, EventRecord, 'the event record')
    const excerpts: Excerpt[] = []
    for (const name of await markdownFiles(join(dir, EXCERPTS_DIR))) {
      const file = await readVFile(join(dir, EXCERPTS_DIR, name))
      files.push(file)
      const excerpt = parseExcerpt(file)
      if (excerpt) excerpts.push(excerpt)
    }
    if (record) events.push({ record, source, dir, folder, excerpts })
  }

  const corpus: Corpus = { root, glossary, glossarySource, events, files }
  if (!glossaryFile) {
    const placeholder = missingFile(relative(cwd, join(root, GLOSSARY_FILE)))
    files.unshift(placeholder)
    error(placeholder, 'The shared glossary is missing', {
      ruleId: 'glossary-missing',
      hint: `create ${GLOSSARY_FILE} in ${root} with the entities the records name`,
    })
  } else {
    crossCheck(corpus)
  }
  return corpus
}

async function readNamed(path: string, cwd: string): Promise<VFile> {
  return readSourceFile(path, relative(cwd, path) || path)
}

async function readIfExists(path: string, cwd: string): Promise<VFile | undefined> {
  try {
    return await readNamed(path, cwd)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw cause
  }
}

function missingFile(path: string): VFile {
  return new VFile({ path, value: '' })
}

/** Sorted, so that every output is deterministic whatever the file system's order. */
async function eventFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true })
  const folders: string[] = []
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue
    if (await exists(join(root, entry.name, RECORD_FILE))) folders.push(entry.name)
  }
  return folders.sort()
}

async function markdownFiles(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return []
  const entries = await readdir(dir, { withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort()
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
