import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Issue 12 item 7 (and item 5's one error constructor): the funnels are lint rules; these cases
// show each rule refusing what it is for and letting the one allowed place through.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('renderer lint funnels', () => {
  it('a page or component may not import the raw API client; renderer/api may', async () => {
    const code = "import { call } from '../api/client';\nexport const c = call;\n";
    expect(await problems('renderer/components/Probe.tsx', code)).toEqual([expect.stringMatching(/no-restricted-imports: .*useMutation/)]);
    expect(await problems('renderer/pages/ProbePage.tsx', code)).toEqual([expect.stringMatching(/no-restricted-imports: .*useMutation/)]);
    expect(await problems('renderer/api/probe.ts', "import { call } from './client';\nexport const c = call;\n")).toEqual([]);
  });

  it('a page may not import another page', async () => {
    expect(await problems('renderer/pages/ProbePage.tsx', "import { PayPage } from './PayPage';\nexport const p = PayPage;\n")).toEqual([
      expect.stringMatching(/A page never imports another page/),
    ]);
    expect(await problems('renderer/pages/pay/Probe.tsx', "import { PayPage } from '../PayPage';\nexport const p = PayPage;\n")).toEqual([
      expect.stringMatching(/A page never imports another page/),
    ]);
    expect(await problems('renderer/pages/ProbePage.tsx', "import { gradeTag } from '../components/gradeTag';\nexport const g = gradeTag;\n")).toEqual([]);
  });

  it('the store is read through a selector, never whole', async () => {
    const header = "import { useAppStore } from '../state/appStore';\n";
    expect(
      await problems('renderer/components/Probe.tsx', `${header}export function useProbe() {\n  const { lang } = useAppStore();\n  return lang;\n}\n`),
    ).toEqual([expect.stringMatching(/no-restricted-syntax: Read the store through a selector/)]);
    expect(await problems('renderer/components/Probe.tsx', `${header}export function useProbe() {\n  return useAppStore((s) => s.lang);\n}\n`)).toEqual([]);
  });

  it('an error value is built by apiError, on either side', async () => {
    const code = "export const r = { ok: false, error: { code: 'internal', message: 'x' } };\n";
    expect(await problems('electron/services/probe.ts', code)).toEqual([expect.stringMatching(/apiError/)]);
    expect(await problems('renderer/api/probe.ts', code)).toEqual([expect.stringMatching(/apiError/)]);
  });
});
