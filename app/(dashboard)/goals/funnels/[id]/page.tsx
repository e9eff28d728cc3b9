import type { Metadata } from 'next';
import type { SearchParams } from '@/components/analytics/filters';
import { FunnelsScreen } from '@/components/funnels/funnels-screen';

export const metadata: Metadata = { title: 'Funnels' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** One funnel's chart; 404 for an id this workspace does not have (another workspace's included). */
export default async function FunnelPage({ params, searchParams }: Props) {
  const { id } = await params;
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // A malformed escape is simply not a funnel id.
  }
  return <FunnelsScreen searchParams={await searchParams} selectedId={decoded} />;
}
