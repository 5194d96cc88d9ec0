import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { go, hasChromium, openSession, type Session } from './browser';

// Issue 12 item 7: a long list whose page cannot be fetched says so above the rows, never silently.
describe.skipIf(!hasChromium)('a list whose page fails', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => session?.close());

  it('shows the error above the deals list, with no raw placeholder', async () => {
    const { page } = session;
    await page.route('**/api/deals.list', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
    await go(page, 'deals');
    const alert = page.getByTestId('deals-table-error');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text, 'the alert names the HTTP failure').toContain('HTTP 500');
    expect(text, 'no {placeholder} reaches the screen').not.toMatch(/\{\w+\}/);

    await page.unroute('**/api/deals.list');
    await go(page, 'home');
    await go(page, 'deals');
    await page.getByTestId('deals-table-count').waitFor();
    expect(await page.getByTestId('deals-table-error').count(), 'the alert goes once the list loads').toBe(0);
  });
});
