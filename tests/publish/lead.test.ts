/** Leads and infobox values that readers found wrong: date spans, articles, several opponents, plural titles. */
import { describe, expect, it } from 'vitest'
import { toHtml } from 'hast-util-to-html'
import { dateRange } from '../../src/publish/format.ts'
import { plain } from '../../src/publish/template.ts'
import { takesArticle } from '../../src/publish/grammar.ts'
import type { Entity } from '../../src/record/schema.ts'
import { bundled, infoboxHtml, infoboxText, leadText } from './render.ts'

describe('date spans', () => {
  const span = async (lang: 'en' | 'fr', start: string, end: string) => {
    const { locales } = await bundled()
    return dateRange(locales.translators[lang], start, end)
  }
  it.each([
    ['fr', '2017-10-23', '2017-10-24', 'du 23 au 24 octobre 2017'],
    ['fr', '2019-09-30', '2019-10-01', 'du 30 septembre au 1er octobre 2019'],
    ['fr', '2017-12-30', '2018-01-01', 'du 30 décembre 2017 au 1er janvier 2018'],
    ['fr', '2018-03-01', '2018-03-03', 'du 1er au 3 mars 2018'],
    ['en', '2017-10-23', '2017-10-24', 'October 23–24, 2017'],
    ['en', '2019-09-30', '2019-10-01', 'September 30 – October 1, 2019'],
    ['en', '2017-12-30', '2018-01-02', 'December 30, 2017 – January 2, 2018'],
  ] as const)('%s %s…%s reads %j', async (lang, start, end, expected) => {
    expect(plain(await span(lang, start, end))).toBe(expected)
  })
  it.each([
    ['en', '2017-10-23', '2017-10-24', 'on October 23–24, 2017'],
    ['en', '2019-09-30', '2019-10-01', 'from September 30 to October 1, 2019'],
    ['en', '2017-12-30', '2018-01-02', 'from December 30, 2017 to January 2, 2018'],
    ['fr', '2019-09-30', '2019-10-01', 'du 30 septembre au 1er octobre 2019'],
  ] as const)('%s %s…%s in running text reads %j', async (lang, start, end, expected) => {
    const { locales } = await bundled()
    expect(plain(dateRange(locales.translators[lang], start, end, 'prose'))).toBe(expected)
  })
  it('keeps both dates machine-readable for parity', async () => {
    expect(toHtml(await span('fr', '2019-09-30', '2019-10-01'))).toBe('du <time datetime="2019-09-30">30 septembre</time> au <time datetime="2019-10-01">1er octobre 2019</time>')
  })
  it('is used by the lead and the infobox', async () => {
    expect(await leadText('tin-biden-raid-2017', 'fr')).toContain('a eu lieu du 23 au 24 octobre 2017 à Tin Biden')
    expect(await leadText('boulikessi-battle-2019', 'fr')).toContain('a eu lieu du 30 septembre au 1er octobre 2019 à Boulikessi')
    expect(await leadText('tin-biden-raid-2017', 'en')).toContain('took place on October 23–24, 2017, in Tin Biden')
    expect(await leadText('boulikessi-battle-2019', 'en')).toContain('took place from September 30 to October 1, 2019, in Boulikessi')
    expect(await infoboxText('boulikessi-battle-2019', 'en')).toContain('DateSeptember 30 – October 1, 2019')
    expect(await infoboxText('boulikessi-battle-2019', 'fr')).toContain('DateDu 30 septembre au 1er octobre 2019')
    expect(await infoboxText('tin-biden-raid-2017', 'en')).toContain('DateOctober 23–24, 2017')
  })
})

describe('articles before names', () => {
  it('follows the glossary flag', async () => {
    expect(await leadText('boulikessi-battle-2019', 'fr')).toContain('au Groupe de soutien à l\'islam et aux musulmans (GSIM) et à Ansarul Islam.')
    expect(await leadText('boulikessi-battle-2019', 'en')).toContain('against Jama\'at Nasr al-Islam wal Muslimin (JNIM) and Ansarul Islam.')
  })
  it('gives descriptive names their article in English, whatever their shape', async () => {
    expect(await leadText('timbuktu-attack-2017', 'en')).toContain('It pitted the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA) against')
    expect(await leadText('menaka-offensive', 'en')).toContain('the Imghad Tuareg Self-Defense Group and Allies (GATIA)')
  })
  it('infers from the type when the flag is absent, and the flag wins', () => {
    const entity = (type: Entity['type'], article?: boolean): Entity => ({
      id: 'x',
      type,
      en: { name: 'Name', aliases: [], ...(article === undefined ? {} : { article }) },
      fr: { name: 'Nom', aliases: [], ...(article === undefined ? {} : { article }) },
    })
    expect(takesArticle('en', entity('group'))).toBe(true)
    expect(takesArticle('en', entity('group', false))).toBe(false)
    expect(takesArticle('en', entity('operation'))).toBe(false)
    expect(takesArticle('fr', entity('person'))).toBe(false)
    expect(takesArticle('fr', entity('state'))).toBe(true)
    expect(takesArticle('fr', { ...entity('place'), fr: { name: 'région de Kidal', aliases: [] } })).toBe(true)
  })
})

describe('sides', () => {
  it('lists every opponent of the first side in one list', async () => {
    const fr = await leadText('menaka-offensive', 'fr')
    expect(fr).toContain("Elle a opposé l'État islamique dans le Grand Sahara (EIGS) au Mali, au Mouvement pour le salut de l'Azawad (MSA), au Groupe d'autodéfense touareg Imghad et alliés (GATIA) et au Groupe de soutien à l'islam et aux musulmans (GSIM).")
    expect(fr.match(/ et au /g)).toHaveLength(1)
    expect(await leadText('menaka-offensive', 'en')).toContain(
      "It pitted the Islamic State in the Greater Sahara (ISGS) against Mali, the Movement for the Salvation of Azawad (MSA), the Imghad Tuareg Self-Defense Group and Allies (GATIA), and Jama'at Nasr al-Islam wal Muslimin (JNIM).",
    )
  })
  it('agrees with a plural title in both languages', async () => {
    const en = await leadText('boulikessi-mondoro-attacks-2021', 'en')
    expect(en).toContain('The Boulikessi and Mondoro attacks took place')
    expect(en).toContain('They pitted Mali and Operation Barkhane against')
    expect(en).toContain('They were repelled by Mali and Operation Barkhane.')
    const fr = await leadText('boulikessi-mondoro-attacks-2021', 'fr')
    expect(fr).toContain('Les attaques de Boulikessi et de Mondoro ont eu lieu')
    expect(fr).toContain("Elles ont opposé le Mali et l'opération Barkhane au")
    expect(fr).toContain("Elles ont été repoussées par le Mali et l'opération Barkhane.")
  })
  it('lists the defenders who repelled an attack, not a compound modifier', async () => {
    expect(await leadText('boni-attack-2021', 'en')).toContain('The attack was repelled by Mali, France, and Operation Barkhane.')
    expect(await infoboxHtml('soumpi-attack', 'en')).toContain('JNIM</span>–<span data-entity="cpa">CPA</span> victory')
  })
  it('leaves the disambiguating year out of the running title', async () => {
    expect(await leadText('aguelhok-attack-2019', 'fr')).toMatch(/^L'attaque d'Aguelhok a eu lieu le 20 janvier 2019/)
    expect(await leadText('aguelhok-attack-2019', 'en')).toMatch(/^The Aguelhok attack took place on January 20, 2019/)
  })
})

describe('infobox result', () => {
  it('agrees with a plural title', async () => {
    expect(await infoboxText('boulikessi-mondoro-attacks-2021', 'fr')).toContain("IssueAttaques repoussées par le Mali et l'opération Barkhane")
    expect(await infoboxText('boni-attack-2021', 'fr')).toContain("IssueAttaque repoussée par le Mali, la France et l'opération Barkhane")
    expect(await infoboxText('boulikessi-mondoro-attacks-2021', 'en')).toContain('ResultRepelled by Mali and Operation Barkhane')
  })
})
