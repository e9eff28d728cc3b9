/** Which way mail leaves: SMTP when SMTP_URL is set, else the development outbox (dev_mail, shown at /dev/mail). */
import nodemailer, { type Transporter } from 'nodemailer';

export type MailTransportKind = 'smtp' | 'dev-outbox';

const holder = globalThis as unknown as { __confabSmtp?: { url: string; transporter: Transporter } };

export function mailTransportKind(): MailTransportKind {
  return process.env.SMTP_URL ? 'smtp' : 'dev-outbox';
}

export function mailFrom(): string {
  return process.env.MAIL_FROM || 'Confab <no-reply@confab.local>';
}

/** One pooled SMTP transporter per SMTP_URL. */
export function smtpTransporter(url: string): Transporter {
  if (holder.__confabSmtp?.url === url) return holder.__confabSmtp.transporter;
  const transporter = nodemailer.createTransport(url);
  holder.__confabSmtp = { url, transporter };
  return transporter;
}

/** The line `npm start` prints about mail. */
export function describeMailTransport(): string {
  if (mailTransportKind() === 'dev-outbox') return 'Mail: SMTP_URL is unset, so e-mail is kept in the development outbox at /dev/mail (not delivered)';
  const url = new URL(process.env.SMTP_URL as string);
  return `Mail: SMTP via ${url.hostname}${url.port ? `:${url.port}` : ''}, from ${mailFrom()}`;
}
