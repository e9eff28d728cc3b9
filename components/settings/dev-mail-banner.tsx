/** Says plainly that the outbox is not delivery, or that SMTP is in use and the outbox stays empty. */
import { Alert } from '@/components/ui/alert';

export function DevMailBanner({ transport }: { transport: 'smtp' | 'dev-outbox' }) {
  if (transport === 'smtp') {
    return (
      <Alert tone="info">
        SMTP_URL is set, so mail goes out through SMTP and this development outbox is not used: only mail kept before SMTP was configured shows here.
      </Alert>
    );
  }
  return (
    <Alert tone="error">
      Not delivered. SMTP_URL is unset, so Confab keeps its e-mail here instead of sending it. Set SMTP_URL to deliver mail.
    </Alert>
  );
}
