import { describe, expect, it } from 'vitest'
import type { Entity } from '../../src/record/schema.ts'
import { lookup } from '../../src/publish/grammar.ts'
import { placeHierarchy } from '../../src/publish/places.ts'
import { leadText, infoboxText } from './render.ts'

const place = (id: string, partOf?: string): Entity => ({
  id,
  type: id === 'mali' ? 'state' : 'place',
  en: { name: id, aliases: [] },
  fr: { name: id, aliases: [] },
  ...(partOf ? { partOf } : {}),
})
const glossary = [place('mali'), place('kidal-region', 'mali'), place('tin-biden', 'kidal-region'), place('boulikessi', 'mali'), place('mondoro', 'mali'), place('loop-a', 'loop-b'), place('loop-b', 'loop-a')]
const byId = lookup(glossary)
const ids = (list: Entity[]) => list.map((entity) => entity.id)
const hierarchy = (...names: string[]) => {
  const { sites, areas } = placeHierarchy(names.map((name) => byId(name)!), byId)
  return { sites: ids(sites), areas: ids(areas) }
}

describe('placeHierarchy', () => {
  it('tells sibling sites from the area that contains them', () => {
    expect(hierarchy('boulikessi', 'mondoro', 'mali')).toEqual({ sites: ['boulikessi', 'mondoro'], areas: ['mali'] })
  })
  it('orders a chain of areas nearest first, whatever the record order', () => {
    expect(hierarchy('tin-biden', 'mali', 'kidal-region')).toEqual({ sites: ['tin-biden'], areas: ['kidal-region', 'mali'] })
  })
  it('keeps unrelated places as sites', () => {
    expect(hierarchy('boulikessi', 'mondoro')).toEqual({ sites: ['boulikessi', 'mondoro'], areas: [] })
  })
  it('survives a cycle in the glossary', () => {
    expect(hierarchy('loop-a')).toEqual({ sites: ['loop-a'], areas: [] })
  })
})

describe('places in the lead and the infobox', () => {
  it('joins sibling sites, each with its preposition in French', async () => {
    expect(await leadText('boulikessi-battle-2019', 'fr')).toContain('à Boulikessi et à Mondoro (Mali), pendant')
    expect(await leadText('sokoura-attack-2020', 'fr')).toContain('à Sokoura et à Parou (Mali), pendant')
    expect(await leadText('boulikessi-battle-2019', 'en')).toContain('in Boulikessi and Mondoro, Mali, during')
    expect(await leadText('sokoura-attack-2020', 'en')).toContain('in Sokoura and Parou, Mali, during')
  })
  it('keeps a real hierarchy nested', async () => {
    expect(await leadText('tin-biden-raid-2017', 'fr')).toContain('à Tin Biden (région de Kidal, Mali), pendant')
    expect(await leadText('tin-biden-raid-2017', 'en')).toContain('in Tin Biden, Kidal Region, Mali, during')
    expect(await leadText('menaka-offensive', 'fr')).toContain('dans le cercle de Ménaka (Mali)')
  })
  it('writes the infobox location the same way', async () => {
    expect(await infoboxText('boulikessi-battle-2019', 'fr')).toContain('LieuBoulikessi et Mondoro (Mali)')
    expect(await infoboxText('boulikessi-battle-2019', 'en')).toContain('LocationBoulikessi and Mondoro, Mali')
    expect(await infoboxText('tin-biden-raid-2017', 'fr')).toContain('LieuTin Biden (région de Kidal, Mali)')
  })
})
