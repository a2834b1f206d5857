/**
 * Words of the align stage (problem reasons, report labels), from
 * `locales/<lang>/align.json` through i18next. Loaded synchronously once:
 * `extractClaims` is synchronous and called per excerpt.
 */
import { readFileSync } from 'node:fs'
import i18next, { type TOptions } from 'i18next'
import { languages, type Language } from '../record/schema.ts'

export const NAMESPACE = 'align'
const LOCALES_DIR = new URL('../../locales/', import.meta.url)

const instance = i18next.createInstance()
void instance.init({
  fallbackLng: 'en',
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  resources: Object.fromEntries(
    languages.map((lang) => [lang, { [NAMESPACE]: JSON.parse(readFileSync(new URL(`${lang}/${NAMESPACE}.json`, LOCALES_DIR), 'utf8')) }]),
  ),
  initAsync: false,
  // Reports are plain text, not HTML.
  interpolation: { escapeValue: false },
})

export type Translate = (key: string, options?: TOptions) => string

export function translator(lang: Language = 'en'): Translate {
  const t = instance.getFixedT(lang, NAMESPACE)
  return (key, options) => t(key, options) as string
}
