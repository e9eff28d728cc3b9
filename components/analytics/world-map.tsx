/**
 * The choropleth of conversations by country: atlas shapes filled by colour class, microstates as circle
 * markers, each country with conversations a link to its transcripts (named by its count and share, so
 * keyboard and screen-reader users can reach them; the grey rest carries no role). Drawn on the server
 * from the cached outline sprite (world-geometry.ts); only the tooltip runs on the client.
 */
import type { MapCountry, MapData } from '@/lib/analytics/world-map';
import { formatNumber, formatPercent } from '@/lib/format';
import { MapTooltip } from './map-tooltip';
import { MAP_HEIGHT, MAP_WIDTH, worldGeometry } from './world-geometry';

/** Light to dark indigo, one per colour class; countries without conversations are grey. */
export const CLASS_COLORS = ['#e0e7ff', '#a5b4fc', '#818cf8', '#6366f1', '#3730a3'];
const EMPTY_COLOR = '#f3f4f6';

/**
 * React's server renderer moves every element after the first ~3 KB of a payload row into a row of its own,
 * and the HTML renderer then streams each as a separate segment (a template, a script and a wrapper each):
 * 176 of them for the map. In groups that each stay under that size, the map is a dozen rows.
 */
const SHAPES_PER_GROUP = 16;

function groupsOf<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

const tipOf = (c: MapCountry) => `${c.label}: ${formatNumber(c.conversations)} conversation${c.conversations === 1 ? '' : 's'} (${formatPercent(c.share)})`;

export function WorldMap({ data, hrefOf }: { data: MapData; hrefOf: (code: string) => string }) {
  const { shapes, project } = worldGeometry();
  const byCode = new Map(data.countries.map((c) => [c.code, c]));
  const markers = data.countries.flatMap((c) => {
    const at = c.marker ? project(c.marker) : null;
    return at ? [{ country: c, x: at[0], y: at[1] }] : [];
  });
  return (
    <MapTooltip>
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="h-auto w-full" role="group" aria-label="World map of conversations by country" data-testid="world-map">
        <rect width={MAP_WIDTH} height={MAP_HEIGHT} fill="#f8fafc" rx="8" />
        {groupsOf(shapes, SHAPES_PER_GROUP).map((group) => (
          <g key={group[0].key}>
            {group.map((shape) => {
              const country = shape.code ? byCode.get(shape.code) : undefined;
              if (!country) {
                return <use key={shape.key} href={shape.href} fill={EMPTY_COLOR} stroke="#d1d5db" strokeWidth={0.5} data-tip={`${shape.name}: no conversations`} />;
              }
              return (
                <a key={shape.key} href={hrefOf(country.code)} aria-label={tipOf(country)} data-tip={tipOf(country)} data-country={country.code} className="group outline-none">
                  <use href={shape.href} fill={CLASS_COLORS[country.colorClass]} stroke="#ffffff" strokeWidth={0.6} className="cursor-pointer transition-opacity group-hover:opacity-80 group-focus-visible:stroke-amber-500 group-focus-visible:[stroke-width:2]" />
                </a>
              );
            })}
          </g>
        ))}
        {markers.map(({ country, x, y }) => (
          <a key={`marker-${country.code}`} href={hrefOf(country.code)} aria-label={tipOf(country)} data-tip={tipOf(country)} data-country={country.code} className="group outline-none">
            <circle cx={x} cy={y} r={5} fill={CLASS_COLORS[country.colorClass]} stroke="#312e81" strokeWidth={1.2} className="cursor-pointer group-hover:opacity-80 group-focus-visible:stroke-amber-500 group-focus-visible:[stroke-width:2.5]" />
          </a>
        ))}
      </svg>
    </MapTooltip>
  );
}

export function MapLegend({ data }: { data: MapData }) {
  if (data.legend.length === 0) return null;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-gray-600" aria-label="Map legend">
      <span className="font-medium text-gray-700">Conversations</span>
      <ul className="flex flex-wrap items-center gap-3">
        {data.legend.map((band) => (
          <li key={band.colorClass} className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-5 rounded-sm ring-1 ring-inset ring-black/5" style={{ background: CLASS_COLORS[band.colorClass] }} aria-hidden="true" />
            <span className="tabular-nums">{band.min === band.max ? formatNumber(band.min) : `${formatNumber(band.min)}–${formatNumber(band.max)}`}</span>
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-5 rounded-sm ring-1 ring-inset ring-black/5" style={{ background: EMPTY_COLOR }} aria-hidden="true" />
          <span>none</span>
        </li>
      </ul>
      <span className="flex items-center gap-1.5">
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4.5" fill={CLASS_COLORS[2]} stroke="#312e81" strokeWidth="1.2" />
        </svg>
        small countries
      </span>
    </div>
  );
}
