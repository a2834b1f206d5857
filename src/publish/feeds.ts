/**
 * Machine-readable outputs: the sitemap with hreflang alternates and one
 * Atom feed per language.
 *
 * Written as strings rather than through xastscript + xast-util-to-xml:
 * these files list every event (two feeds and a sitemap of 10,000 entries
 * each for a large corpus) and are written again whenever any event
 * changes, where the tree and its serializer cost about a second. The
 * elements are fixed; only text and attribute values vary, and they are
 * escaped exactly as xast-util-to-xml escapes them (`escapeText`,
 * `escapeAttribute`), which tests/publish/feeds.test.ts checks against the
 * library on real and generated entries.
 */

export interface SitemapEntry {
  loc: string
  lastmod?: string
  alternates: Array<{ hreflang: string; href: string }>
}

export function sitemap(entries: readonly SitemapEntry[]): string {
  let urls = ''
  for (const entry of entries) {
    urls += `<url>${element('loc', entry.loc)}${entry.lastmod ? element('lastmod', entry.lastmod) : ''}`
    for (const alternate of entry.alternates) urls += `<xhtml:link rel="alternate" hreflang="${escapeAttribute(alternate.hreflang)}" href="${escapeAttribute(alternate.href)}"></xhtml:link>`
    urls += '</url>'
  }
  return document(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls}</urlset>`)
}

export interface FeedEntry {
  title: string
  url: string
  updated: string
  summary: string
}

export interface Feed {
  lang: string
  title: string
  selfUrl: string
  siteUrl: string
  author: string
  entries: FeedEntry[]
}

/** Atom 1.0. `updated` comes from the records (never the clock), so the feed is reproducible. */
export function atom(feed: Feed): string {
  const updated = feed.entries.map((entry) => entry.updated).sort().at(-1) ?? '1970-01-01'
  const lang = escapeAttribute(feed.lang)
  let entries = ''
  for (const entry of feed.entries) {
    entries +=
      `<entry>${element('id', entry.url)}${element('title', entry.title)}` +
      `<link rel="alternate" type="text/html" hreflang="${lang}" href="${escapeAttribute(entry.url)}"></link>` +
      `${element('updated', timestamp(entry.updated))}<summary type="text">${escapeText(entry.summary)}</summary></entry>`
  }
  return document(
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">${element('id', feed.selfUrl)}${element('title', feed.title)}${element('updated', timestamp(updated))}` +
      `<link rel="self" type="application/atom+xml" href="${escapeAttribute(feed.selfUrl)}"></link>` +
      `<link rel="alternate" type="text/html" hreflang="${lang}" href="${escapeAttribute(feed.siteUrl)}"></link>` +
      `<author>${element('name', feed.author)}</author>${entries}</feed>`,
  )
}

/** A calendar date as an RFC 3339 instant at midnight UTC. */
function timestamp(date: string): string {
  return `${date}T00:00:00Z`
}

function document(root: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>${root}\n`
}

function element(name: string, text: string): string {
  return `<${name}>${escapeText(text)}</${name}>`
}

/** Control characters XML 1.0 cannot hold: xast-util-to-xml drops them. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g

/** Text content: `&` and `<` as hexadecimal references, as xast-util-to-xml writes them. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<]/g, reference)
}

/** A double-quoted attribute value: `&`, `<` and `"` as references. */
export function escapeAttribute(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<"]/g, reference)
}

function reference(character: string): string {
  return `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`
}
