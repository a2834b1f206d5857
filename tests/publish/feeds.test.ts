/**
 * The sitemap and the Atom feeds are written as strings (src/publish/feeds.ts):
 * they must be the very bytes xastscript + xast-util-to-xml give for the
 * same tree, which this file keeps as the reference, on hostile and on
 * generated entries.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { x } from 'xastscript'
import { toXml } from 'xast-util-to-xml'
import type { Element as XmlElement } from 'xast'
import { atom, sitemap, type Feed, type SitemapEntry } from '../../src/publish/feeds.ts'

function xml(root: XmlElement): string {
  return toXml({ type: 'root', children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, root] }) + '\n'
}

function referenceSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) =>
    x('url', [
      x('loc', entry.loc),
      ...(entry.lastmod ? [x('lastmod', entry.lastmod)] : []),
      ...entry.alternates.map((alternate) => x('xhtml:link', { rel: 'alternate', hreflang: alternate.hreflang, href: alternate.href })),
    ]),
  )
  return xml(x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' }, urls))
}

function referenceAtom(feed: Feed): string {
  const stamp = (date: string) => `${date}T00:00:00Z`
  const updated = feed.entries.map((entry) => entry.updated).sort().at(-1) ?? '1970-01-01'
  return xml(
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.lang }, [
      x('id', feed.selfUrl),
      x('title', feed.title),
      x('updated', stamp(updated)),
      x('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
      x('link', { rel: 'alternate', type: 'text/html', hreflang: feed.lang, href: feed.siteUrl }),
      x('author', [x('name', feed.author)]),
      ...feed.entries.map((entry) =>
        x('entry', [
          x('id', entry.url),
          x('title', entry.title),
          x('link', { rel: 'alternate', type: 'text/html', hreflang: feed.lang, href: entry.url }),
          x('updated', stamp(entry.updated)),
          x('summary', { type: 'text' }, entry.summary),
        ]),
      ),
    ]),
  )
}

const HOSTILE = 'Attaque « à Soumpi » : 17 & 18 <b>blessés</b> "quoted" \'single\' > \u0001\u0008\u000B\u001F\t\n\r \u00A0\u202F 😀 \uD800 ]]> ?> -->'
const text = fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 })
const date = fc.constantFrom('2018-01-27', '2019-10-01', '1970-01-01', '2021-11-28')
const feed = fc.record({
  lang: fc.constantFrom('en', 'fr', HOSTILE),
  title: text,
  selfUrl: text,
  siteUrl: text,
  author: text,
  entries: fc.array(fc.record({ title: text, url: text, updated: date, summary: text }), { maxLength: 6 }),
})
const entries = fc.array(
  fc.record({ loc: text, lastmod: fc.option(date, { nil: undefined }), alternates: fc.array(fc.record({ hreflang: text, href: text }), { maxLength: 3 }) }),
  { maxLength: 6 },
)

describe('feeds and sitemap written directly', () => {
  it('give the bytes of xast-util-to-xml on hostile text', () => {
    const hostile: Feed = { lang: 'fr', title: HOSTILE, selfUrl: `https://x.org/?a=1&b="2"<`, siteUrl: HOSTILE, author: HOSTILE, entries: [{ title: HOSTILE, url: HOSTILE, updated: '2018-01-27', summary: HOSTILE }] }
    expect(atom(hostile)).toBe(referenceAtom(hostile))
    expect(atom(hostile)).toContain('17 &#x26; 18 &#x3C;b>')
    const urls: SitemapEntry[] = [{ loc: HOSTILE, lastmod: '2018-01-27', alternates: [{ hreflang: 'fr', href: HOSTILE }] }, { loc: '', alternates: [] }]
    expect(sitemap(urls)).toBe(referenceSitemap(urls))
    expect(atom({ ...hostile, entries: [] })).toBe(referenceAtom({ ...hostile, entries: [] }))
  })

  it('give the bytes of xast-util-to-xml on generated feeds and sitemaps', () => {
    fc.assert(fc.property(feed, (generated) => atom(generated) === referenceAtom(generated)), { numRuns: 2000 })
    fc.assert(fc.property(entries, (generated) => sitemap(generated) === referenceSitemap(generated)), { numRuns: 2000 })
  })
})
