/** The world map's outline sprite (components/analytics/world-geometry.ts): public, and cached for good, since its URL carries its version. */
import { worldGeometry } from '@/components/analytics/world-geometry';

export function GET() {
  return new Response(worldGeometry().sprite, {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' },
  });
}
