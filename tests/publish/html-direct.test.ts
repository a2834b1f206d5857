/**
 * The page fast paths (clean-body check instead of hast-util-sanitize,
 * direct writer instead of hast-util-to-html) must give the very bytes of
 * the library path (sanitize, then toHtml): on every page of the bundled
 * sources, on a synthetic corpus, and on generated trees full of what
 * sanitize exists for (scripts, `javascript:` links, event handlers, odd
 * characters, unknown elements).
 */
import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { h } from 'hastscript'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { find, html } from 'property-information'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ElementContent, Root, RootContent } from 'hast'
import { documentTree, libraryDocument, toDocument, type DocumentOptions } from '../../src/publish/page.ts'
import { ATTRIBUTES, directHtml, refusal } from '../../src/publish/html-direct.ts'
import { cleanCopy, schema } from '../../src/publish/sanitize.ts'
import { publishSite } from '../../src/publish/site.ts'
import { loadCorpus } from '../../src/ingest/corpus.ts'
import { loadLocales } from '../../src/publish/i18n.ts'
import { generateCorpus } from '../../bench/synthetic.ts'
import { bundled } from './render.ts'

/** Documents the site asks for while `recording`, on their way to the real `toDocument`. */
const documents = vi.hoisted(() => ({ recording: false, recorded: [] as DocumentOptions[] }))
vi.mock('../../src/publish/page.ts', async (importOriginal) => {
  const page = await importOriginal<typeof import('../../src/publish/page.ts')>()
  return {
    ...page,
    toDocument: (options: DocumentOptions) => {
      if (documents.recording) documents.recorded.push(options)
      return page.toDocument(options)
    },
  }
})

/** The site's documents and what the build wrote for each. */
function siteDocuments(build: () => { outputs: Map<string, string> }): Array<{ options: DocumentOptions; written: string }> {
  documents.recorded = []
  documents.recording = true
  let outputs: Map<string, string>
  try {
    outputs = build().outputs
  } finally {
    documents.recording = false
  }
  const written = [...outputs].filter(([path]) => path.endsWith('.html')).map(([, content]) => content)
  expect(written).toHaveLength(documents.recorded.length)
  return documents.recorded.map((options, index) => ({ options, written: written[index]! }))
}

/**
 * Each document: the fast paths are taken, and what the build wrote is what
 * the library path gives (computed after the build, so the fast path also
 * left the body it was given as it was).
 */
function expectFastAndIdentical(pages: Array<{ options: DocumentOptions; written: string }>) {
  for (const { options, written } of pages) {
    const where = `${options.lang} ${options.canonical}`
    expect(cleanCopy(options.body), `${where}: body not seen as clean`).toBeDefined()
    expect(directHtml(documentTree(options)), `${where} refused: ${refusal}`).toBeDefined()
    expect(written, where).toBe(libraryDocument(options))
  }
}

/** Sanitize's output as data: what the clean copy must equal. */
function sanitized(children: ElementContent[]): ElementContent[] {
  return (sanitize({ type: 'root', children } as Root, schema) as Root).children as ElementContent[]
}

describe('page fast paths on real pages', () => {
  it('take the fast paths on every bundled page (both languages, indexes, root) and match the libraries', async () => {
    const { corpus, locales } = await bundled()
    const pages = siteDocuments(() => publishSite(corpus, locales, { baseUrl: 'https://passerelle.example.org/' }))
    expect(pages.length).toBe(corpus.events.length * 2 + 3)
    expectFastAndIdentical(pages)
  })

  it('take the fast paths on a synthetic corpus and match the libraries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passerelle-html-direct-'))
    try {
      const events = Number(process.env.SYNTHETIC_EVENTS ?? 1000)
      await generateCorpus(join(dir, 'sources'), { events })
      const corpus = await loadCorpus(join(dir, 'sources'), dir)
      expect(corpus.events).toHaveLength(events)
      const locales = await loadLocales()
      const pages = siteDocuments(() => publishSite(corpus, locales, { baseUrl: 'https://example.org/' }))
      expect(pages.length).toBe(events * 2 + 3)
      expectFastAndIdentical(pages)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 300_000)
})

describe('clean-body check', () => {
  const clean = (...children: ElementContent[]) => cleanCopy(children) !== undefined

  it('says clean only where sanitize would change nothing', () => {
    expect(clean(h('p', { className: ['lead', 2], id: 'x', lang: 'fr' }, ['a ', h('a', { href: '#ref-1' }, '[1]')]))).toBe(true)
    expect(clean(h('a', { href: '../attaque-de-soumpi/' }, 'x'), h('a', { href: 'https://www.rfi.fr/a:b' }, 'y'), h('a', { href: '/a:b' }, 'z'))).toBe(true)
    expect(clean(h('table', [h('tbody', [h('tr', [h('th', { scope: 'row', colSpan: 2 }, 'x')])])]))).toBe(true)
    const unclean: Array<[string, ElementContent]> = [
      ['script', h('script', 'alert(1)')],
      ['unknown element', h('marquee', 'x')],
      ['javascript: link', h('a', { href: 'javascript:alert(1)' }, 'x')],
      ['upper-case protocol', h('a', { href: 'JAVASCRIPT:alert(1)' }, 'x')],
      ['mailto (not in our protocols)', h('a', { href: 'mailto:a@b.c' }, 'x')],
      ['event handler', h('p', { onClick: 'alert(1)' }, 'x')],
      ['style attribute', h('p', { style: 'color: red' }, 'x')],
      ['attribute of another element', h('p', { href: '#x' }, 'x')],
      ['data attribute not listed', h('span', { dataFoo: 'x' }, 'x')],
      ['row outside a table', h('div', [h('tr', [h('td', 'x')])])],
      ['boolean in a list', { type: 'element', tagName: 'p', properties: { className: ['a', true as unknown as string] }, children: [] }],
      ['hole in a list', { type: 'element', tagName: 'p', properties: { className: ['a', , 'b'] as string[] }, children: [] }],
      ['object value', { type: 'element', tagName: 'p', properties: { id: {} as unknown as string }, children: [] }],
      ['null value (sanitize drops the key)', { type: 'element', tagName: 'p', properties: { id: null as unknown as string }, children: [] }],
      ['comment', { type: 'comment', value: 'x' } as unknown as ElementContent],
      ['raw HTML', { type: 'raw', value: '<b>' } as unknown as ElementContent],
      ['nested', h('div', [h('p', [h('em', [h('iframe')])])])],
    ]
    for (const [why, node] of unclean) expect(clean(h('div', [node])), why).toBe(false)
  })

  it('copies the tree: French typography on the page never edits the caller’s nodes, even one used twice', () => {
    const shared: ElementContent = { type: 'text', value: 'Mali : « attaque » de 12345 soldats ?' }
    const body = [h('main', [h('p', [shared]), h('p', [shared])])]
    const before = structuredClone(body)
    const options = page({ lang: 'fr', body })
    expect(toDocument(options)).toBe(libraryDocument(options))
    expect(body).toEqual(before)
  })
})

describe('direct HTML writer', () => {
  it('knows each attribute as property-information does: name, and neither boolean nor comma-separated', () => {
    for (const [property, attribute] of ATTRIBUTES) {
      const info = find(html, property)
      expect({ property, attribute: info.attribute, boolean: info.boolean || info.overloadedBoolean, commas: info.commaSeparated }).toEqual({ property, attribute, boolean: false, commas: false })
    }
  })

  it('refuses what it does not know rather than write it differently', () => {
    const cases: Array<[RootContent, string]> = [
      [h('svg', [h('circle')]), '<svg>'],
      [h('template', 'x'), '<template>'],
      [{ type: 'element', tagName: 'BR', properties: {}, children: [] }, '<BR>'],
      [h('p', { onClick: 'x' }), 'property onClick'],
      [h('p', { hidden: true }), 'property hidden'],
      [{ type: 'element', tagName: 'p', properties: { constructor: 'x' }, children: [] }, 'property constructor'],
      [{ type: 'element', tagName: 'p', properties: { id: {} as unknown as string }, children: [] }, 'property value'],
      [{ type: 'comment', value: 'x' }, 'comment'],
      [{ type: 'raw', value: '<b>' } as unknown as RootContent, 'raw'],
    ]
    for (const [node, why] of cases) {
      expect(directHtml({ type: 'root', children: [node] }), why).toBeUndefined()
      expect(refusal).toBe(why)
    }
  })

  // Text that trips every escaping rule, next to text that needs none.
  const risky = fc.constantFrom(
    '<script>alert(1)</script>', '</title><script>x</script>', '</style>', '&amp;', '&#x26;', 'a & b < c > d', '"quoted"', "l'armée", '`tick`', '\0',
    '\u2028\u2029', '\uD800', '😀', '\u00A0«\u202Fcamp\u202F»', '\t\n\r\f', ']]>', '<!--', '-->', 'Mali : attaque ?', '1 janvier 2018', '12345', '« citation »', '“quoted”',
  )
  const word = fc.constantFrom('Mali', 'attaque', 'Soumpi', '14', '2018', 'à', 'été', 'JNIM–CPA', '(GMT)', '50 %', ' ', '')
  const text = fc.oneof({ weight: 4, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: risky }), { maxLength: 5 }).map((parts) => parts.join(' ')) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) })
  const href = fc.constantFrom('#ref-rfi', '../attaque-de-soumpi/', 'https://www.rfi.fr/fr/?a=1&b="2"', 'http://x.org', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>', 'mailto:a@b.c', '/a:b', '?x:y', ' javascript:x', '')
  const value = fc.oneof(text, fc.integer({ min: -3, max: 20 }), fc.constantFrom(true, false, null, undefined, Number.NaN), fc.array(fc.oneof(text, fc.integer({ max: 9 })), { maxLength: 3 }))
  const property = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.constantFrom('className', 'id', 'lang', 'ariaLabel', 'ariaLabelledBy', 'role', 'dataEntity', 'dataStatus', 'dataQualifier', 'dataLabel', 'hrefLang'), fc.oneof(text, fc.array(text, { maxLength: 3 }))) },
    { weight: 3, arbitrary: fc.tuple(fc.constant('href'), href) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('colSpan', 'start', 'value', 'dateTime', 'scope', 'rel'), value) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('onClick', 'onError', 'style', 'src', 'dataFoo', 'hidden', 'title', 'type', 'content', 'download', 'constructor', '__proto__'), value) },
  )
  const properties = fc.array(property, { maxLength: 3 }).map((entries) => Object.fromEntries(entries))
  const allowed = fc.constantFrom(...(schema.tagNames ?? []))
  const hostile = fc.constantFrom('script', 'style', 'iframe', 'img', 'svg', 'template', 'marquee', 'meta', 'link', 'title', 'input', 'BR', 'constructor')
  const tree = fc.letrec<{ node: ElementContent; nodes: ElementContent[] }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: text.map((value): ElementContent => ({ type: 'text', value })) },
      { weight: 6, arbitrary: fc.tuple(allowed, properties, tie('nodes')).map(([tag, props, children]): ElementContent => ({ type: 'element', tagName: tag, properties: props, children })) },
      { weight: 1, arbitrary: fc.tuple(hostile, properties, tie('nodes')).map(([tag, props, children]): ElementContent => ({ type: 'element', tagName: tag, properties: props, children })) },
      { weight: 1, arbitrary: fc.constantFrom<ElementContent>({ type: 'comment', value: '--><script>x</script>' }, { type: 'raw', value: '<b onclick=x>' } as unknown as ElementContent) },
    ),
    nodes: fc.array(tie('node'), { maxLength: 4 }),
  }))

  it('gives sanitize + toHtml’s bytes on generated pages, hostile content included (or falls back)', () => {
    let clean = 0
    let direct = 0
    let runs = 0
    fc.assert(
      fc.property(tree.nodes, text, text, fc.constantFrom('en', 'fr'), (body, title, description, lang) => {
        runs++
        const options = page({ lang, title, description, body, jsonLd: { name: title, description } })
        const before = structuredClone(body)
        const copy = cleanCopy(body)
        if (copy) {
          clean++
          expect(copy).toEqual(sanitized(body))
        }
        if (directHtml(documentTree(options)) !== undefined) direct++
        expect(toDocument(options)).toBe(libraryDocument(options))
        expect(body).toEqual(before)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000), seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    )
    if (process.env.SHOW_ACCEPTED) console.log(`clean ${clean}, direct ${direct} of ${runs}`)
    // The property says nothing if the fast paths refuse everything.
    expect(clean / runs).toBeGreaterThan(0.1)
    expect(direct / runs).toBeGreaterThan(0.5)
  })

  it('gives toHtml’s bytes on any generated tree it accepts, unsanitized (raw text, voids with content, odd values)', () => {
    let accepted = 0
    let runs = 0
    fc.assert(
      fc.property(tree.nodes, (children) => {
        runs++
        const root: Root = { type: 'root', children: [{ type: 'doctype' }, h('html', [h('head', [h('meta', { charSet: 'utf-8' })]), h('body', children)])] }
        const direct = directHtml(root)
        if (direct === undefined) return
        accepted++
        expect(direct).toBe(toHtml(root, { upperDoctype: true }))
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000), seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    )
    if (process.env.SHOW_ACCEPTED) console.log(`accepted ${accepted} of ${runs}`)
    expect(accepted / runs).toBeGreaterThan(0.3)
  })
})

/** A document around `body`, with a head like the site's. */
function page(overrides: Partial<DocumentOptions> & Pick<DocumentOptions, 'lang' | 'body'>): DocumentOptions {
  return {
    title: 'Attaque de Soumpi – Passerelle',
    description: 'Le 27 janvier 2018 : attaque.',
    canonical: 'https://passerelle.example.org/fr/attaque-de-soumpi/',
    alternates: [{ hreflang: 'en', href: 'https://passerelle.example.org/en/soumpi-attack/' }, { hreflang: 'x-default', href: 'https://passerelle.example.org/' }],
    feed: { title: 'Événements', href: '../feed.xml' },
    ...overrides,
  }
}
