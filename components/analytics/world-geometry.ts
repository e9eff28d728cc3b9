/**
 * The world map's outlines: world-atlas's countries-110m TopoJSON (bundled from the package, never fetched)
 * projected once per server process into SVG path data keyed by ISO 3166-1 alpha-2. The outlines reach
 * the browser once, as a cached sprite (/world-shapes.svg, versioned by its content), that each page's
 * map references with `<use>`: inlined, they were a third of the Overview's HTML and RSC payload.
 */
import { createHash } from 'node:crypto';
import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { NUMERIC_TO_ALPHA2, UNDRAWN_IDS, UNNUMBERED_TO_ALPHA2 } from '@/lib/analytics/country-codes';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export type CountryShape = { key: string; code: string | null; name: string; d: string; href: string };
export type WorldGeometry = {
  shapes: CountryShape[];
  project: (lonLat: readonly [number, number]) => [number, number] | null;
  /** The sprite of every outline, each a `<path id>` without paint (the map's `<use>` sets fill and stroke). */
  sprite: string;
};

export const SPRITE_PATH = '/world-shapes.svg';

let cached: WorldGeometry | undefined;

function build(): WorldGeometry {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const drawn: Feature<Geometry, { name: string }>[] = all.features.filter((f) => !UNDRAWN_IDS.has(String(f.id)));
  const projection: GeoProjection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'FeatureCollection', features: drawn },
  );
  const path = geoPath(projection).digits(1);
  const outlines = drawn
    .map((f, i) => {
      const name = f.properties.name;
      const code = f.id === undefined ? (UNNUMBERED_TO_ALPHA2[name] ?? null) : (NUMERIC_TO_ALPHA2[String(f.id)] ?? null);
      return { key: `${f.id ?? name}-${i}`, id: `s${i}`, code, name, d: path(f) ?? '' };
    })
    .filter((s) => s.d);
  const sprite = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}">${outlines.map((s) => `<path id="${s.id}" d="${s.d}"/>`).join('')}</svg>`;
  const version = createHash('sha256').update(sprite).digest('base64url').slice(0, 12);
  const shapes = outlines.map(({ id, ...s }) => ({ ...s, href: `${SPRITE_PATH}?v=${version}#${id}` }));
  return { shapes, sprite, project: (lonLat) => projection([lonLat[0], lonLat[1]]) };
}

export function worldGeometry(): WorldGeometry {
  cached ??= build();
  return cached;
}
