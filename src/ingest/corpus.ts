/**
 * Loads `sources/`: the shared glossary, then one folder per event holding
 * `record.yaml` and `excerpts/*.md`. Never throws on bad content: every
 * problem is a message on the file it concerns, and `files` lists them all.
 */
import { readdir, stat } from 'node:fs/promises'
import { readdirSync, type Dirent } from 'node:fs'
import { join, relative } from 'node:path'
import { VFile } from 'vfile'
import { EventRecord, Glossary } from '../record/schema.ts'
import { error } from '../diagnostics/index.ts'
import { readVFile as readSourceFile, readVFileSync } from './read.ts'
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
  const { file: glossaryFile, glossary, source: glossarySource } = await loadGlossary(root, cwd)
  const files: VFile[] = glossaryFile ? [glossaryFile] : []
  const events: LoadedEvent[] = []
  for (const folder of await eventFolders(root)) {
    const dir = join(root, folder)
    const eventFiles = await readEventFiles(dir, cwd)
    files.push(eventFiles.record, ...eventFiles.excerpts)
    const event = ingestEvent(dir, folder, eventFiles)
    if (event) events.push(event)
  }
  return finishCorpus({ root, glossary, glossarySource, events, files }, cwd)
}

/** The shared glossary, parsed and validated (the empty glossary when missing or invalid). */
export async function loadGlossary(root: string, cwd = process.cwd()): Promise<{ file: VFile | undefined; glossary: Glossary; source: YamlSource | undefined }> {
  const file = await readIfExists(join(root, GLOSSARY_FILE), cwd)
  if (!file) return { file, glossary: { entities: [] }, source: undefined }
  const source = parseYaml(file, String(file.value))
  return { file, glossary: validate(source, Glossary, 'the glossary') ?? { entities: [] }, source }
}

/** An event folder's files, read but not parsed: the record, then the excerpts sorted by name. */
export interface EventFiles {
  record: VFile
  excerpts: VFile[]
}

export async function readEventFiles(dir: string, cwd = process.cwd()): Promise<EventFiles> {
  const names = await markdownFiles(join(dir, EXCERPTS_DIR))
  const [record, ...excerpts] = await Promise.all([join(dir, RECORD_FILE), ...names.map((name) => join(dir, EXCERPTS_DIR, name))].map((path) => readNamed(path, cwd)))
  return { record: record!, excerpts }
}

/**
 * The same files read synchronously: a build reads tens of thousands of small
 * files, and a blocking read is several times faster than a thread-pool round
 * trip per file.
 */
export function readEventFilesSync(dir: string, cwd = process.cwd()): EventFiles {
  let entries: Dirent[] = []
  try {
    entries = readdirSync(join(dir, EXCERPTS_DIR), { withFileTypes: true })
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause
  }
  // relative() resolves both paths on every call: once for the folder, then joined, gives the same names.
  const shown = relative(cwd, dir)
  const read = (name: string) => readVFileSync(join(dir, name), join(shown, name))
  return { record: read(RECORD_FILE), excerpts: markdownNames(entries).map((name) => read(join(EXCERPTS_DIR, name))) }
}

/** Parses and validates one event's files; problems become messages on them, and undefined is returned for an invalid record. */
export function ingestEvent(dir: string, folder: string, files: EventFiles): LoadedEvent | undefined {
  const source = parseYaml(files.record, String(files.record.value))
  const record = validate(source, EventRecord, 'the event record')
  const excerpts = files.excerpts.map((file) => parseExcerpt(file)).filter((excerpt) => excerpt !== undefined)
  return record ? { record, source, dir, folder, excerpts } : undefined
}

/** The rules that span files, run once every event is loaded (or a placeholder error when the glossary is missing). */
export function finishCorpus(corpus: Corpus, cwd = process.cwd()): Corpus {
  if (!corpus.glossarySource) {
    const placeholder = missingFile(relative(cwd, join(corpus.root, GLOSSARY_FILE)))
    corpus.files.unshift(placeholder)
    error(placeholder, 'The shared glossary is missing', {
      ruleId: 'glossary-missing',
      hint: `create ${GLOSSARY_FILE} in ${corpus.root} with the entities the records name`,
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
export async function eventFolders(root: string): Promise<string[]> {
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
  return markdownNames(await readdir(dir, { withFileTypes: true }))
}

function markdownNames(entries: Dirent[]): string[] {
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
