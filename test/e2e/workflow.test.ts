import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services';
import { GOLDEN, readJson } from '../helpers';
import { go, hasChromium, openSession, type Session } from './browser';

describe.skipIf(!hasChromium)('the appraisal workflow on 考核', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    expect((await createApi(session.data.services)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) })).ok).toBe(true);
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('confirms targets, then checks the self-evaluation as it is typed', async () => {
    const { page } = session;
    await go(page, 'appraisal');
    await page.getByTestId('flow-S01').getByRole('button').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('step-by').first().fill('王经理');
    await drawer.getByTestId('step-submit').first().click();
    await drawer.getByText('王经理 ·').waitFor();
    await drawer.getByTestId('step-text').fill('本季度回款情况良好。');
    await drawer.getByText('已写 10 / 100 字').waitFor();
    await drawer.getByTestId('step-submit').first().click();
    await drawer.getByText('至少要写 100 个字（汉字算 1 个字）').first().waitFor();
    const record = await session.data.services['workflow.list']({ quarter: '2026Q3' });
    expect(record.find((r) => r.salesperson === 'S01')).toMatchObject({ stage: 'targets', next: 'self' });
  });
});
