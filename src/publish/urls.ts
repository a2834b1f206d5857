/** Where pages live: `<lang>/<slug>/index.html`, linked relatively inside the site and absolutely from feeds and sitemaps. */
import { posix } from 'node:path'
import type { EventRecord, Language } from '../record/schema.ts'

export const DEFAULT_BASE_URL = 'https://passerelle.example.org/'

/** A site folder path such as `en/soumpi-attack/` (`''` is the site root). */
export function articlePath(record: EventRecord, lang: Language): string {
  return `${lang}/${record.slug[lang]}/`
}

export function indexPath(lang: Language): string {
  return `${lang}/`
}

export function feedPath(lang: Language): string {
  return `${lang}/feed.xml`
}

/** The base URL with exactly one trailing slash; throws on anything but http(s). */
export function normalizeBaseUrl(value: string): string {
  const url = new URL(value)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`the base URL must be http(s), not ${url.protocol}`)
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

export function absolute(baseUrl: string, path: string): string {
  return new URL(path, baseUrl).href
}

/** A link from one site folder to another path, relative so the site also works from disk. */
export function relativeHref(fromFolder: string, to: string): string {
  const target = posix.relative(`/${fromFolder}`, `/${to}`)
  if (!target) return './'
  return to.endsWith('/') && !target.endsWith('/') ? `${target}/` : target
}
