/**
 * The world map's data, from the country breakdown alone (no query of its own): per country its count,
 * share, colour class and how it is drawn (the atlas shape, a circle marker, or only in the table).
 */
import { UNKNOWN } from './breakdowns';
import { ATLAS_CODES, MARKER_COORDINATES } from './country-codes';
import type { Breakdown } from './types';

export const COLOR_CLASSES = 5;

export type MapCountry = {
  code: string;
  label: string;
  conversations: number;
  share: number;
  /** 0 (fewest) … COLOR_CLASSES − 1 (most) */
  colorClass: number;
  shape: boolean;
  /** [longitude, latitude] of its marker, when it gets one. */
  marker: readonly [number, number] | null;
};

export type MapData = {
  countries: MapCountry[];
  /** Conversations without a country (no IP, or one not found); null when there are none. */
  unknown: { conversations: number; share: number } | null;
  /** Conversations with a country. */
  located: number;
  /** The legend: the counts each colour class holds, fewest first (classes no count can fall in are left out). */
  legend: { colorClass: number; min: number; max: number }[];
};

/** The colour class of `count` on a linear scale from 1 to `max`, in COLOR_CLASSES equal steps. */
export function colorClassOf(count: number, max: number): number {
  if (max <= 1) return COLOR_CLASSES - 1;
  return Math.min(COLOR_CLASSES - 1, Math.floor(((count - 1) * COLOR_CLASSES) / (max - 1)));
}

/** The counts of each class: the inverse of colorClassOf. */
function legendOf(max: number): MapData['legend'] {
  if (max <= 0) return [];
  if (max === 1) return [{ colorClass: COLOR_CLASSES - 1, min: 1, max: 1 }];
  const upper = (k: number) => (k === COLOR_CLASSES - 1 ? max : Math.ceil(((k + 1) * (max - 1)) / COLOR_CLASSES));
  return Array.from({ length: COLOR_CLASSES }, (_, k) => ({ colorClass: k, min: Math.ceil((k * (max - 1)) / COLOR_CLASSES) + 1, max: upper(k) })).filter(
    (band) => band.min <= band.max,
  );
}

export function toMapData(breakdown: Breakdown): MapData {
  const known = breakdown.data.filter((d) => d.value !== UNKNOWN && d.conversations > 0);
  const unknown = breakdown.data.find((d) => d.value === UNKNOWN && d.conversations > 0);
  const max = Math.max(0, ...known.map((d) => d.conversations));
  const countries = known.map((d) => {
    const code = d.value.toUpperCase();
    return {
      code,
      label: d.label,
      conversations: d.conversations,
      share: d.share,
      colorClass: colorClassOf(d.conversations, max),
      shape: ATLAS_CODES.has(code),
      marker: MARKER_COORDINATES[code] ?? null,
    };
  });
  return {
    countries,
    unknown: unknown ? { conversations: unknown.conversations, share: unknown.share } : null,
    located: countries.reduce((sum, c) => sum + c.conversations, 0),
    legend: legendOf(max),
  };
}
