import path from 'node:path';
import { createApi } from '../electron/services';
import { GOLDEN, ROOT, readJson } from '../test/helpers';
import { go, openSession } from '../test/e2e/browser';

/**
 * `npm run screenshots`: every page with the golden bundle loaded, as PNGs in
 * docs/screenshots/ (the README shows 考核 and 首页).
 */
const PAGES = ['home', 'salespeople', 'customers', 'deals', 'receipts', 'errors', 'targets', 'appraisal', 'pay', 'settings'];

const session = await openSession({ viewport: { width: 1440, height: 900 } });
const loaded = await createApi(session.data.services)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) });
if (!loaded.ok) throw new Error(loaded.error.message);
await session.page.reload();
for (const page of PAGES) {
  await go(session.page, page);
  await session.page.waitForLoadState('networkidle');
  await session.page.waitForTimeout(600);
  const file = path.join(ROOT, 'docs/screenshots', `${page}.png`);
  await session.page.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)}`);
}
await session.close();
