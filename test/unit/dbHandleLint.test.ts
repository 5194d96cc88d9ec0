import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Issue 12.1: the branded handles (electron/db/handles.ts) hold only if nobody outside electron/db/
// re-brands a handle or compiles SQL on the connection; these cases show the lint rules refusing it.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('database handle lint rules', () => {
  it('only electron/db/ may turn a connection into a handle', async () => {
    const code = "import { asWriteDb, connectionOf } from '../db/handles';\nexport const c = [asWriteDb, connectionOf];\n";
    for (const file of ['electron/services/probe.ts', 'electron/forms/probe.ts', 'electron/host/probe.ts']) {
      expect(await problems(file, code), file).toEqual([
        expect.stringMatching(/no-restricted-imports: 'asWriteDb'.*Only electron\/db\//),
        expect.stringMatching(/no-restricted-imports: 'connectionOf'.*Only electron\/db\//),
      ]);
    }
    expect(await problems('electron/db/probe.ts', "import { asWriteDb } from './handles';\nexport const c = asWriteDb;\n"), 'electron/db').toEqual([]);
  });

  it('outside electron/db/ no code prepares, executes or opens a transaction on the connection itself', async () => {
    const code =
      "import type { WriteDb } from '../db/handles';\nexport function probe(db: WriteDb): void {\n  db.prepare('DELETE FROM deals').run();\n  db.exec('DROP TABLE deals');\n}\n";
    expect(await problems('electron/forms/probe.ts', code)).toEqual([
      expect.stringMatching(/no-restricted-syntax: SQL lives in electron\/db\//),
      expect.stringMatching(/no-restricted-syntax: SQL lives in electron\/db\//),
    ]);
    // A regular expression's exec is not SQL.
    expect(await problems('electron/forms/probe.ts', "export const m = /a/.exec('a');\n")).toEqual([]);
  });
});
