/**
 * The digest's unsubscribe link, signed out (proxy.ts lets it through). GET asks to confirm, so a link
 * scanner or prefetch never unsubscribes anyone; POST unsubscribes: the confirm button, and mail clients'
 * one-click unsubscribe (RFC 8058, `List-Unsubscribe-Post`).
 */
import { unsubscribeFromDigest, unsubscribeTarget } from '@/lib/digest/unsubscribe';
import { unsubscribePage } from '@/lib/digest/unsubscribe-page';

type Context = { params: Promise<{ token: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  return unsubscribePage(await unsubscribeTarget(token), 'confirm');
}

export async function POST(_request: Request, { params }: Context) {
  const { token } = await params;
  return unsubscribePage(await unsubscribeFromDigest(token), 'done');
}
