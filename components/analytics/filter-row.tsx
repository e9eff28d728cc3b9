/** The strip under a page header that holds the URL filters, plus a note when the URL asked for something unusable. */
import { Alert } from '@/components/ui/alert';
import type { AvatarSummary } from '@/db/queries/avatars';
import { FilterBar } from './filter-bar';
import type { DashboardFilters } from './filters';

type Props = { filters: DashboardFilters; avatars: AvatarSummary[]; avatarMode: 'query' | 'path' | 'none'; rangeLabel: string; notice?: string | null };

export function FilterRow({ filters, avatars, avatarMode, rangeLabel, notice }: Props) {
  return (
    <>
      <div className="border-b border-gray-200 bg-white px-8 py-3">
        <FilterBar filters={filters} avatars={avatars} avatarMode={avatarMode} rangeLabel={rangeLabel} />
      </div>
      {notice ? (
        <div className="px-8 pt-6">
          <Alert tone="info">{notice}</Alert>
        </div>
      ) : null}
    </>
  );
}
