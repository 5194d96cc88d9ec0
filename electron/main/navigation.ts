/*
 * Which addresses the window may show: only the app's own page. Pure (no electron import), so
 * it is unit-tested. Addresses are compared parsed, never as string prefixes:
 * "http://127.0.0.1:5173.evil.example/" or "http://127.0.0.1:51730/" start with the text of
 * "http://127.0.0.1:5173" but are other origins, and "file:///…/index.html.evil/x" starts with
 * the text of the page's file address.
 */

/** Whether `target` is the app's page `page` (an http(s) origin, or the one packaged file). */
export function isAppUrl(target: string, page: string): boolean {
  let to: URL;
  let home: URL;
  try {
    to = new URL(target);
    home = new URL(page);
  } catch {
    return false;
  }
  if (home.protocol === 'file:') return to.protocol === 'file:' && to.host === home.host && to.pathname === home.pathname;
  if (home.protocol !== 'http:' && home.protocol !== 'https:') return false;
  return to.origin === home.origin && to.username === '' && to.password === '';
}
