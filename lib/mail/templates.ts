/**
 * The one template module: every Confab e-mail is a heading, a few paragraphs, an optional button and a
 * footer, rendered once as HTML and once as plain text so both parts always say the same thing.
 */
export type MailContent = {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
};

export type RenderedMail = { subject: string; html: string; text: string };

const DEFAULT_FOOTER = 'You receive this because of your Confab workspace settings.';

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderMail(content: MailContent): RenderedMail {
  const footer = content.footer ?? DEFAULT_FOOTER;
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`).join('');
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#4f46e5;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:12px;color:#6b7280">Or open this link: ${escapeHtml(content.action.url)}</p>`
    : '';
  const html =
    `<!doctype html><html><body style="margin:0;background:#f9fafb;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827">` +
    `<div style="max-width:560px;margin:0 auto;padding:32px 24px"><p style="font-weight:700;color:#4f46e5;margin:0 0 24px">Confab</p>` +
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>${paragraphs}${button}` +
    `<p style="margin:32px 0 0;font-size:12px;color:#6b7280">${escapeHtml(footer)}</p></div></body></html>`;
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '--',
    footer,
    '',
  ].join('\n');
  return { subject: content.subject, html, text };
}
