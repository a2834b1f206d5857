/**
 * User-facing words come from `locales/<lang>/publish.json` through i18next.
 * A key that does not resolve is never shown raw: it is recorded, and the
 * build fails naming the language, namespace and key.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join, relative } from 'node:path'
import i18next, { type TOptions } from 'i18next'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import { languages, type Language } from '../record/schema.ts'
import { error } from '../diagnostics/index.ts'

export const NAMESPACE = 'publish'
export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url))

export interface Translator {
  lang: Language
  /** The translated text; a missing key is recorded and yields ''. */
  t(key: string, options?: TOptions): string
  /** True when the key resolves (with its plural or context) in this language. */
  has(key: string, options?: TOptions): boolean
}

export interface Locales {
  translators: Record<Language, Translator>
  /** One file per language: missing keys become errors on it. */
  files: Record<Language, VFile>
}

type Resources = Record<string, unknown>

/**
 * Where the words come from: the project's own `locales/` when the working
 * folder has one (an editor fixes a wording without touching the install),
 * else the bundled locales.
 */
export function localesDir(cwd: string): string {
  const own = join(cwd, 'locales')
  return existsSync(join(own, languages[0], `${NAMESPACE}.json`)) ? own : LOCALES_DIR
}

export async function loadLocales(cwd = process.cwd(), dir = localesDir(cwd)): Promise<Locales> {
  const files = {} as Record<Language, VFile>
  const resources = {} as Record<Language, Resources>
  for (const lang of languages) {
    const path = join(dir, lang, `${NAMESPACE}.json`)
    const value = await readFile(path, 'utf8')
    files[lang] = new VFile({ path: relative(cwd, path) || path, value })
    resources[lang] = parseJson(files[lang], value)
  }
  // A file that did not parse would make every key of the other "missing": report the syntax error alone.
  if (!Object.values(files).some((file) => file.messages.length > 0)) checkSameKeys(files, resources)
  const translators = {} as Record<Language, Translator>
  for (const lang of languages) translators[lang] = createTranslator(lang, resources[lang], files[lang])
  return { translators, files }
}

function parseJson(file: VFile, value: string): Resources {
  // Editors on Windows save JSON with a byte order mark; JSON.parse refuses it, the file is fine.
  const text = value.charCodeAt(0) === 0xfeff ? value.slice(1) : value
  try {
    const data: unknown = JSON.parse(text)
    if (data && typeof data === 'object' && !Array.isArray(data)) return data as Resources
    error(file, 'Locale file must hold one JSON object of keys', { ruleId: 'locale-invalid', hint: 'wrap the keys in { }' })
  } catch (cause) {
    const message = (cause as Error).message
    // V8 says where it stopped ("… at position 123"): point there rather than at 1:1.
    const at = /position (\d+)/.exec(message)
    const place = at ? location(file).toPoint(Number(at[1]) + (text === value ? 0 : 1)) : undefined
    error(file, `Locale file is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, {
      place,
      ruleId: 'locale-invalid',
      hint: 'fix the JSON syntax',
    })
  }
  return {}
}

export function createTranslator(lang: Language, resources: Resources, file: VFile): Translator {
  const instance = i18next.createInstance()
  void instance.init({
    lng: lang,
    fallbackLng: false,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources: { [lang]: { [NAMESPACE]: resources } },
    initAsync: false,
    returnEmptyString: true,
    // Values become hast text nodes, which hast-util-to-html escapes itself.
    interpolation: { escapeValue: false },
  })
  const reported = new Set<string>()
  // A page asks for the same few hundred strings again and again, and each
  // i18next lookup resolves plurals, contexts and nesting anew: remember them,
  // whether the key resolves and its text in one entry (one key built, one map lookup per call).
  const resolve = memoize((key: string, options?: TOptions): string | undefined => (instance.exists(key, options) ? (instance.t(key, options) as string) : undefined))
  return {
    lang,
    has: (key, options) => resolve(key, options) !== undefined,
    t(key, options) {
      const text = resolve(key, options)
      if (text !== undefined) return text
      const name = `${key}${options?.context ? `_${String(options.context)}` : ''}`
      if (!reported.has(name)) {
        reported.add(name)
        error(file, `Missing translation \`${name}\` (namespace \`${NAMESPACE}\`, language \`${lang}\`)`, {
          ruleId: 'locale-missing-key',
          hint: `add it to ${file.path}; a page never shows a raw key`,
        })
      }
      return ''
    },
  }
}

/** Most distinct lookups remembered per language: interpolated values (numbers, names) make the set open-ended. */
const MEMO_LIMIT = 50_000

/**
 * A lookup remembered by key and options when every option is a string,
 * number or boolean (what templates pass); anything else is looked up each
 * time. The resources never change after loading, so a remembered answer
 * is the answer.
 */
function memoize<T>(lookup: (key: string, options?: TOptions) => T): (key: string, options?: TOptions) => T {
  const kept = new Map<string, T>()
  return (key, options) => {
    const id = memoKey(key, options)
    if (id === undefined) return lookup(key, options)
    let value = kept.get(id)
    if (value === undefined && !kept.has(id)) {
      value = lookup(key, options)
      if (kept.size >= MEMO_LIMIT) kept.clear()
      kept.set(id, value)
    }
    return value as T
  }
}

function memoKey(key: string, options: TOptions | undefined): string | undefined {
  if (!options) return key
  // Built by hand, not with JSON.stringify (a third of the lookup's cost): each value tagged with its type,
  // so the count 1 and the string '1' differ; options in another order only miss the memo.
  let id = key
  for (const name in options) {
    const value = options[name]
    if (value === undefined) id += `\u0000${name}\u0001u`
    else if (typeof value === 'string') {
      // A value holding the separator could pass for two options: look it up unremembered.
      if (value.includes('\u0000')) return undefined
      id += `\u0000${name}\u0001s${value}`
    }
    else if (typeof value === 'number') id += `\u0000${name}\u0001n${value}`
    else if (typeof value === 'boolean') id += `\u0000${name}\u0001b${value}`
    else return undefined
  }
  return id
}

/** Base keys: plural (`_one`, `_other`...) and context (`_f`) suffixes removed. */
export function baseKeys(resources: Resources, prefix = ''): Set<string> {
  const keys = new Set<string>()
  for (const [name, value] of Object.entries(resources)) {
    const key = `${prefix}${name.split('_')[0]}`
    if (value && typeof value === 'object') for (const inner of baseKeys(value as Resources, `${key}.`)) keys.add(inner)
    else keys.add(key)
  }
  return keys
}

/** Grammar tables one language needs and another has no use for (French title nouns' gender). */
export const LANGUAGE_SPECIFIC = ['titleNoun.']

/** Every key of one language must exist in the other, so no page falls back to a raw key. */
function checkSameKeys(files: Record<Language, VFile>, resources: Record<Language, Resources>) {
  const keys = Object.fromEntries(languages.map((lang) => [lang, baseKeys(resources[lang])])) as Record<Language, Set<string>>
  for (const lang of languages) {
    for (const other of languages) {
      if (other === lang) continue
      for (const key of [...keys[other]].sort()) {
        if (keys[lang].has(key) || LANGUAGE_SPECIFIC.some((prefix) => key.startsWith(prefix))) continue
        error(files[lang], `Missing translation \`${key}\` (namespace \`${NAMESPACE}\`, language \`${lang}\`): ${files[other].path} has it`, {
          ruleId: 'locale-missing-key',
          hint: `add \`${key}\` to ${files[lang].path}`,
        })
      }
    }
  }
}
