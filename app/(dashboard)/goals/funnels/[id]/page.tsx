import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { SearchParams } from '@/components/analytics/filters';
import { FunnelsScreen } from '@/components/funnels/funnels-screen';
import { routeIdOrNull } from '@/lib/http/route-id';

export const metadata: Metadata = { title: 'Funnels' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** One funnel's chart; 404 for an id this workspace does not have (another workspace's included). */
export default async function FunnelPage({ params, searchParams }: Props) {
  const id = routeIdOrNull((await params).id);
  if (id === null) notFound();
  return <FunnelsScreen searchParams={await searchParams} selectedId={id} />;
}
