/** Only same-site paths are followed after sign-in, so a crafted link cannot bounce users elsewhere. */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = '/overview'): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return fallback;
  if (url.startsWith('/sign-in') || url.startsWith('/sign-up')) return fallback;
  return url;
}
