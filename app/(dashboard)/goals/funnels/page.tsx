import type { Metadata } from 'next';
import type { SearchParams } from '@/components/analytics/filters';
import { FunnelsScreen } from '@/components/funnels/funnels-screen';

export const metadata: Metadata = { title: 'Funnels' };

/** The funnels, with the first one's chart (or the builder when there are none). */
export default async function FunnelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <FunnelsScreen searchParams={await searchParams} selectedId={null} />;
}
