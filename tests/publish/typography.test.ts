import { describe, expect, it } from 'vitest'
import { h } from 'hastscript'
import type { Element } from 'hast'
import { toHtml } from 'hast-util-to-html'
import rehypeFrenchTypography, { frenchText } from '../../src/publish/typography.ts'

const N = '\u202F' // narrow no-break space
const S = '\u00A0' // no-break space

// [input, expected]: the rules of issue 5, one behaviour a row.
const cases: Array<[string, string]> = [
  ['Mali : attaque', `Mali${S}: attaque`],
  ['Mali: attaque', `Mali${S}: attaque`],
  [`Mali${N}: attaque`, `Mali${S}: attaque`],
  ['bilan :', `bilan${S}:`],
  ['Pourquoi ?', `Pourquoi${N}?`],
  ['Pourquoi?', `Pourquoi${N}?`],
  [`Pourquoi${S}?`, `Pourquoi${N}?`],
  ['Attention !', `Attention${N}!`],
  ['Attention!', `Attention${N}!`],
  ['Vraiment ?!', `Vraiment${N}?!`],
  ['Oui ; non', `Oui${N}; non`],
  ['Oui; non', `Oui${N}; non`],
  ['« Bonjour »', `«${N}Bonjour${N}»`],
  ['«Bonjour»', `«${N}Bonjour${N}»`],
  [`«${S}Bonjour${S}»`, `«${N}Bonjour${N}»`],
  ['Il a dit "bonjour" hier', `Il a dit «${N}bonjour${N}» hier`],
  ['Il a dit “bonjour” hier', `Il a dit «${N}bonjour${N}» hier`],
  ['"JNIM"', `«${N}JNIM${N}»`],
  ['("JNIM")', `(«${N}JNIM${N}»)`],
  ['le 1 janvier 2018', 'le 1er janvier 2018'],
  ['le 1 août', 'le 1er août'],
  [`le 1${S}décembre`, `le 1er${S}décembre`],
  ['le 1er janvier', 'le 1er janvier'],
  ['le 11 janvier', 'le 11 janvier'],
  ['le 21 mars', 'le 21 mars'],
  ['1 soldat', '1 soldat'],
  ['12345 soldats', `12${N}345 soldats`],
  ['1234567', `1${N}234${N}567`],
  ['100000', `100${N}000`],
  ['12 345 soldats', `12${N}345 soldats`],
  [`12${S}345`, `12${N}345`],
  ['en 2018', 'en 2018'],
  ['de 2012 à 2018', 'de 2012 à 2018'],
  ['1234 hommes', '1234 hommes'],
  ['10000,5 km', `10${N}000,5 km`],
  ['réf. A12345', 'réf. A12345'],
  ['à 4:00', 'à 4:00'],
  ['https://www.rfi.fr/fr/afrique?id=12345', 'https://www.rfi.fr/fr/afrique?id=12345'],
  ['voir https://rfi.fr : ici', `voir https://rfi.fr${S}: ici`],
  ['Mali', 'Mali'],
  ['', ''],
  ['deux Arabes, un Peul et un Touareg', 'deux Arabes, un Peul et un Touareg'],
  ['« Le groupe « JNIM » publie »', `«${N}Le groupe “JNIM” publie${N}»`],
  ['« Il a dit "non" hier »', `«${N}Il a dit “non” hier${N}»`],
  ['« a » et « b »', `«${N}a${N}» et «${N}b${N}»`],
]

describe('French typography rules', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    expect(frenchText(input)).toBe(expected)
  })

  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40))

  // Pages apply the rules to the article, then again to the whole body: a second pass must change nothing.
  it.each(cases)('is idempotent on %j', (input) => {
    expect(frenchText(frenchText(input))).toBe(frenchText(input))
  })
})

describe('rehypeFrenchTypography on the tree', () => {
  const run = (tree: Element, lang = 'fr') => {
    rehypeFrenchTypography({ lang })(tree)
    return toHtml(tree)
  }

  it('moves a space out of the previous text node across inline markup', () => {
    expect(run(h('p', ['bilan ', h('em', ': 14 morts')]))).toBe(`<p>bilan<em>${S}: 14 morts</em></p>`)
  })

  it('adds a space before a mark that starts a new node', () => {
    expect(run(h('p', [h('a', { href: '#x' }, 'Soumpi'), '?']))).toBe(`<p><a href="#x">Soumpi</a>${N}?</p>`)
  })

  it('leaves English spans, code and attributes alone', () => {
    const html = run(h('p', { title: 'a: b' }, [h('span', { lang: 'en' }, 'Mali: attack?'), ' ', h('code', 'a:b ?')]))
    expect(html).toBe('<p title="a: b"><span lang="en">Mali: attack?</span> <code>a:b ?</code></p>')
  })

  it('does nothing on an English page', () => {
    expect(run(h('p', 'Mali : attaque'), 'en')).toBe('<p>Mali : attaque</p>')
  })

  it('nests a quotation inside a quoted French title with English quotes', () => {
    expect(run(h('li', ['« ', h('cite', { lang: 'fr' }, 'Le groupe lié à Al-Qaïda « JNIM » publie'), ' ».']))).toBe(`<li>«${N}<cite lang="fr">Le groupe lié à Al-Qaïda “JNIM” publie</cite>${N}».</li>`)
  })

  it('starts every block with no quotation open', () => {
    expect(run(h('div', [h('p', '« ouvert'), h('p', '« neuf »')]))).toBe(`<div><p>«${N}ouvert</p><p>«${N}neuf${N}»</p></div>`)
  })

  it('keeps the space after « when the quoted title is in another language', () => {
    expect(run(h('li', ['« ', h('cite', { lang: 'en' }, 'Examining Extremism'), ' ».']))).toBe(`<li>«${N}<cite lang="en">Examining Extremism</cite>${N}».</li>`)
  })
})
