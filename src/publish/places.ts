/**
 * A record's `place` list mixes the sites where the event happened
 * (Boulikessi, Mondoro) with the areas that contain them (Mali, the Kidal
 * region). The glossary's `partOf` chain tells them apart: a listed place
 * that contains another listed place is an area; every other one is a site.
 */
import type { Entity } from '../record/schema.ts'
import type { EntityLookup } from './grammar.ts'

export interface PlaceHierarchy {
  /** Where it happened, in record order: `Boulikessi`, `Mondoro`. */
  sites: Entity[]
  /** What contains the sites, nearest first: `Kidal Region`, `Mali`. */
  areas: Entity[]
}

/** Ids of the places containing `entity`, nearest first (cycles in the glossary stop the walk). */
export function containers(entity: Entity, lookup: EntityLookup): string[] {
  const chain: string[] = []
  for (let parent = entity.partOf; parent && !chain.includes(parent) && parent !== entity.id; parent = lookup(parent)?.partOf) {
    chain.push(parent)
  }
  return chain
}

export function placeHierarchy(places: readonly Entity[], lookup: EntityLookup): PlaceHierarchy {
  const chains = new Map(places.map((place) => [place.id, containers(place, lookup)]))
  const isArea = (place: Entity) => places.some((other) => other.id !== place.id && chains.get(other.id)!.includes(place.id))
  const sites = places.filter((place) => !isArea(place))
  const areas = places.filter(isArea)
  // Nearest first: an area that contains another listed area comes after it.
  const depth = (area: Entity) => areas.filter((other) => chains.get(other.id)!.includes(area.id)).length
  const ordered = areas.map((area, index) => ({ area, index, depth: depth(area) })).sort((a, b) => a.depth - b.depth || a.index - b.index)
  return { sites, areas: ordered.map(({ area }) => area) }
}
