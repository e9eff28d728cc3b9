import type { Metadata } from 'next';
import { AnalyticsPage } from '@/components/analytics/analytics-page';
import type { SearchParams } from '@/components/analytics/filters';
import { SentimentDashboard } from '@/components/analytics/sentiment-dashboard';

export const metadata: Metadata = { title: 'Sentiment' };

export default function SentimentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <AnalyticsPage
      path="/sentiment"
      title="Sentiment"
      description={() => 'How users feel about your avatars, over time (VADER scores of user messages).'}
      searchParams={searchParams}
      dashboard={(scope, avatars) => <SentimentDashboard scope={scope} avatars={avatars} />}
    />
  );
}
