/**
 * The one template module: every Confab e-mail is a heading, a few paragraphs, optional sections of figures
 * (the digest), an optional button and a footer, rendered once as HTML and once as plain text so both parts
 * always say the same thing.
 */
export type MailLink = { label: string; url: string };

/** One line of a section: a label, its value, and optionally a note (a change) and a link. */
export type MailRow = { label: string; value: string; note?: string; url?: string };
export type MailSection = { title: string; rows: MailRow[]; empty?: string };

export type MailContent = {
  subject: string;
  heading: string;
  paragraphs: string[];
  sections?: MailSection[];
  action?: MailLink;
  footer?: string;
  /** A link under the footer (e.g. unsubscribe). */
  footerLink?: MailLink;
};

export type RenderedMail = { subject: string; html: string; text: string };

const DEFAULT_FOOTER = 'You receive this because of your Confab workspace settings.';

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const cell = 'padding:6px 8px;border-top:1px solid #e5e7eb;font-size:14px';

function sectionHtml(section: MailSection): string {
  const title = `<h2 style="font-size:15px;margin:24px 0 8px">${escapeHtml(section.title)}</h2>`;
  if (section.rows.length === 0) return `${title}<p style="margin:0 0 16px;color:#6b7280;font-size:14px">${escapeHtml(section.empty ?? 'Nothing this week.')}</p>`;
  const rows = section.rows
    .map((r) => {
      const label = r.url ? `<a href="${escapeHtml(r.url)}" style="color:#4f46e5">${escapeHtml(r.label)}</a>` : escapeHtml(r.label);
      return `<tr><td style="${cell}">${label}</td><td style="${cell};text-align:right;font-weight:600;white-space:nowrap">${escapeHtml(r.value)}</td>` +
        `<td style="${cell};text-align:right;color:#6b7280;white-space:nowrap">${escapeHtml(r.note ?? '')}</td></tr>`;
    })
    .join('');
  return `${title}<table role="presentation" style="width:100%;border-collapse:collapse;background:#ffffff;margin:0 0 8px">${rows}</table>`;
}

function sectionText(section: MailSection): string[] {
  const lines = section.rows.length === 0
    ? [section.empty ?? 'Nothing this week.']
    : section.rows.map((r) => `- ${r.label}: ${r.value}${r.note ? ` (${r.note})` : ''}${r.url ? ` ${r.url}` : ''}`);
  return [section.title, ...lines, ''];
}

export function renderMail(content: MailContent): RenderedMail {
  const footer = content.footer ?? DEFAULT_FOOTER;
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`).join('');
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#4f46e5;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:12px;color:#6b7280">Or open this link: ${escapeHtml(content.action.url)}</p>`
    : '';
  const sections = (content.sections ?? []).map(sectionHtml).join('');
  const footerLink = content.footerLink
    ? ` <a href="${escapeHtml(content.footerLink.url)}" style="color:#6b7280">${escapeHtml(content.footerLink.label)}</a>`
    : '';
  const html =
    `<!doctype html><html><body style="margin:0;background:#f9fafb;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827">` +
    `<div style="max-width:560px;margin:0 auto;padding:32px 24px"><p style="font-weight:700;color:#4f46e5;margin:0 0 24px">Confab</p>` +
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>${paragraphs}${sections}${button}` +
    `<p style="margin:32px 0 0;font-size:12px;color:#6b7280">${escapeHtml(footer)}${footerLink}</p></div></body></html>`;
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.sections ?? []).flatMap(sectionText),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '--',
    footer,
    ...(content.footerLink ? [`${content.footerLink.label}: ${content.footerLink.url}`] : []),
    '',
  ].join('\n');
  return { subject: content.subject, html, text };
}
