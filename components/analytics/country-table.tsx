/** The map's data as a table (for keyboard and screen-reader users): country, conversations, share. */
import Link from 'next/link';
import type { MapData } from '@/lib/analytics/world-map';
import { formatNumber, formatPercent } from '@/lib/format';
import { flagEmoji } from './share-list';

export function CountryTable({ data, hrefOf }: { data: MapData; hrefOf: (code: string) => string }) {
  return (
    <div className="max-h-96 min-w-0 overflow-auto" tabIndex={0} aria-label="Conversations by country, as a table">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Conversations by country</caption>
        <thead className="sticky top-0 bg-white text-left text-xs font-medium text-gray-500">
          <tr>
            <th scope="col" className="pb-2 pr-3 font-medium">Country</th>
            <th scope="col" className="pb-2 pr-3 text-right font-medium">Conversations</th>
            <th scope="col" className="pb-2 text-right font-medium">Share</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {data.countries.map((c) => (
            <tr key={c.code}>
              <th scope="row" className="max-w-[14rem] truncate py-1.5 pr-3 text-left font-medium">
                <span aria-hidden="true" className="mr-1.5">{flagEmoji(c.code)}</span>
                <Link href={hrefOf(c.code)} className="text-indigo-700 hover:underline">{c.label}</Link>
                {!c.shape && !c.marker ? <span className="ml-1 text-xs font-normal text-gray-400">(not on the map)</span> : null}
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums text-gray-900">{formatNumber(c.conversations)}</td>
              <td className="py-1.5 text-right tabular-nums text-gray-500">{formatPercent(c.share)}</td>
            </tr>
          ))}
          {data.unknown ? (
            <tr>
              <th scope="row" className="py-1.5 pr-3 text-left font-medium text-gray-500">
                <span aria-hidden="true" className="mr-1.5">🌐</span>Unknown
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums text-gray-500">{formatNumber(data.unknown.conversations)}</td>
              <td className="py-1.5 text-right tabular-nums text-gray-400">{formatPercent(data.unknown.share)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
