/** Machine-readable outputs: the sitemap with hreflang alternates and one Atom feed per language. */
import { x } from 'xastscript'
import { toXml } from 'xast-util-to-xml'
import type { Element as XmlElement } from 'xast'

export interface SitemapEntry {
  loc: string
  lastmod?: string
  alternates: Array<{ hreflang: string; href: string }>
}

export function sitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) =>
    x('url', [
      x('loc', entry.loc),
      ...(entry.lastmod ? [x('lastmod', entry.lastmod)] : []),
      ...entry.alternates.map((alternate) => x('xhtml:link', { rel: 'alternate', hreflang: alternate.hreflang, href: alternate.href })),
    ]),
  )
  const root = x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' }, urls)
  return xml(root)
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
  const root = x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.lang }, [
    x('id', feed.selfUrl),
    x('title', feed.title),
    x('updated', timestamp(updated)),
    x('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
    x('link', { rel: 'alternate', type: 'text/html', hreflang: feed.lang, href: feed.siteUrl }),
    x('author', [x('name', feed.author)]),
    ...feed.entries.map((entry) =>
      x('entry', [
        x('id', entry.url),
        x('title', entry.title),
        x('link', { rel: 'alternate', type: 'text/html', hreflang: feed.lang, href: entry.url }),
        x('updated', timestamp(entry.updated)),
        x('summary', { type: 'text' }, entry.summary),
      ]),
    ),
  ])
  return xml(root)
}

/** A calendar date as an RFC 3339 instant at midnight UTC. */
function timestamp(date: string): string {
  return `${date}T00:00:00Z`
}

function xml(root: XmlElement): string {
  return toXml({ type: 'root', children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, root] }) + '\n'
}
