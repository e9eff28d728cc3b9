/** "Conversations by country": the world map beside its table, from the country breakdown of the scope. */
import type { AnalyticsRange, Breakdown } from '@/lib/analytics/types';
import { toMapData } from '@/lib/analytics/world-map';
import { formatNumber, formatPercent } from '@/lib/format';
import { CountryTable } from './country-table';
import type { DashboardFilters } from './filters';
import { transcriptsHref } from './transcripts-link';
import { EmptyWidget, WidgetCard } from './widget-card';
import { MapLegend, WorldMap } from './world-map';

export function WorldMapCard({ country, filters, range }: { country: Breakdown; filters: DashboardFilters; range: AnalyticsRange }) {
  const data = toMapData(country);
  const hrefOf = (code: string) => transcriptsHref(filters, range, { country: code });
  const unknown = data.unknown ? `${formatNumber(data.unknown.conversations)} without a country (${formatPercent(data.unknown.share)})` : null;
  return (
    <WidgetCard
      title="Conversations by country"
      description={[data.countries.length ? 'From the customer IP address; click a country to read its transcripts' : 'From the customer IP address', unknown].filter(Boolean).join(' · ')}
    >
      {data.countries.length === 0 ? (
        <EmptyWidget className="h-64">
          No conversation in this range carries a country. Countries come from the customer&apos;s IP address: send <code className="font-mono text-xs">customerIpAddress</code> when
          you create a conversation.
        </EmptyWidget>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <WorldMap data={data} hrefOf={hrefOf} />
            <MapLegend data={data} />
          </div>
          <CountryTable data={data} hrefOf={hrefOf} />
        </div>
      )}
    </WidgetCard>
  );
}
