import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { createApi, createServices } from '../../electron/services';
import { tempDir } from '../helpers';

/** A Word-like zip cut in half: its central directory (at the end) is gone, as in a broken download. */
async function cutZip(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('word');
  for (let i = 0; i < 500; i++) sheet.addRow([`段落 ${i}`, i]);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return bytes.subarray(0, Math.floor(bytes.length / 2)).toString('base64');
}

/** The message has no word of a library's English in it: only the file name may be Latin. */
function englishWords(message: string, file: string): string[] {
  return message.replace(file, '').match(/[A-Za-z]{3,}/g) ?? [];
}

describe('a damaged .docx or .xlsx is refused in Chinese, naming the file', () => {
  it('at the bank statement import', async () => {
    const api = createApi(createServices(openDatabase(path.join(tempDir(), 'damaged.db'), { create: true })));
    const result = await api['bankImport.preview']({ fileName: '合同.docx', content: await cutZip(), decisions: {} });
    if (result.ok) throw new Error('a cut zip was read as a statement');
    expect(result.error.message).toMatch(/^合同\.docx 无法读取：文件不完整或已损坏/);
    expect(englishWords(result.error.message, '合同.docx')).toEqual([]);
  });

  it('at the import of a filled-in appraisal form', async () => {
    const api = createApi(createServices(openDatabase(path.join(tempDir(), 'damaged.db'), { create: true })));
    const result = await api['forms.importSelfReview']({ fileName: '自评.docx', content: await cutZip() });
    if (result.ok) throw new Error('a cut zip was read as a form');
    expect(result.error.code).toBe('form.damaged');
    expect(result.error.message).toBe('自评.docx 已损坏或不完整，无法打开；请重新保存或重新下载该文件后再导入');
  });
});
