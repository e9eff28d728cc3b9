/**
 * Sends Confab's e-mail. Every message belongs to a workspace (its admins see it at /dev/mail when it was
 * not delivered). Webhooks, alerts, billing and digests send through `sendMail`.
 */
import { insertDevMail } from '@/db/queries/dev-mail';
import { renderMail, type MailContent } from './templates';
import { mailFrom, mailTransportKind, smtpTransporter } from './transport';

export { renderMail, type MailContent, type MailRow, type MailSection } from './templates';

export type MailResult = { delivered: boolean; transport: 'smtp' | 'dev-outbox'; id: string };

/** `headers`: extra message headers (List-Unsubscribe …), kept with the message in the dev outbox too. */
export async function sendMail(workspaceId: string, to: string | string[], content: MailContent, headers: Record<string, string> = {}): Promise<MailResult> {
  const recipients = (Array.isArray(to) ? to : [to]).join(', ');
  const rendered = renderMail(content);
  if (mailTransportKind() === 'dev-outbox') {
    const id = await insertDevMail(workspaceId, { to: recipients, ...rendered, headers });
    return { delivered: false, transport: 'dev-outbox', id };
  }
  const info = await smtpTransporter(process.env.SMTP_URL as string).sendMail({ from: mailFrom(), to: recipients, ...rendered, headers });
  return { delivered: true, transport: 'smtp', id: info.messageId };
}
