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
// An empty database opens on the first-run checklist.
await session.page.getByTestId('setup-guide').waitFor();
await session.page.screenshot({ path: path.join(ROOT, 'docs/screenshots', 'home-first-run.png') });
console.log('wrote docs/screenshots/home-first-run.png');
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
// A 1366×768 laptop: the 考核 table first, its key columns in view.
await session.page.setViewportSize({ width: 1366, height: 768 });
await go(session.page, 'appraisal');
await session.page.waitForLoadState('networkidle');
await session.page.waitForTimeout(600);
await session.page.screenshot({ path: path.join(ROOT, 'docs/screenshots', 'appraisal-1366x768.png') });
console.log('wrote docs/screenshots/appraisal-1366x768.png');
await session.close();
