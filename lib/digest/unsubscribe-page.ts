/** The small signed-out pages of the unsubscribe link, as plain HTML (no session, no dashboard chrome). */
import type { UnsubscribeTarget } from './unsubscribe';

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string, status: number): Response {
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Confab</title></head>` +
    `<body style="margin:0;background:#f9fafb;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827">` +
    `<main style="max-width:420px;margin:64px auto;padding:32px;background:#fff;border-radius:12px;box-shadow:0 1px 2px rgba(0,0,0,.06);border:1px solid #e5e7eb">` +
    `<p style="font-weight:700;color:#4f46e5;margin:0 0 24px">Confab</p><h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
}

const paragraph = (text: string) => `<p style="margin:0 0 16px;line-height:1.5;font-size:14px">${text}</p>`;

export function unsubscribePage(target: UnsubscribeTarget | null, step: 'confirm' | 'done'): Response {
  if (!target) {
    return page('This unsubscribe link is not valid', paragraph('Check that you opened the whole link. Signed in, you can turn the weekly digest off in Settings › Notifications.'), 404);
  }
  const who = `<strong>${escapeHtml(target.email)}</strong>`;
  const workspace = `<strong>${escapeHtml(target.workspaceName)}</strong>`;
  if (step === 'done') {
    return page('You are unsubscribed', paragraph(`${who} no longer receives the weekly digest of ${workspace}.`) + paragraph('Changed your mind? Turn it back on in Settings › Notifications.'), 200);
  }
  // An empty action posts to this same URL; the body is the one a one-click client sends.
  const form =
    `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
    `<button type="submit" style="background:#4f46e5;color:#fff;border:0;padding:10px 18px;border-radius:6px;font-weight:600;font-size:14px;cursor:pointer">Unsubscribe</button></form>`;
  return page('Unsubscribe from the weekly digest?', paragraph(`${who} will no longer receive the weekly digest of ${workspace}.`) + form, 200);
}
