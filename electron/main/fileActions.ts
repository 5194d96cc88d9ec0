import fs from 'node:fs';
import path from 'node:path';
import { dialog, type BrowserWindow, type Shell } from 'electron';
import type { LoadSummary } from '../../shared/api/contract';
import type { Backend } from './backend';
import type { MenuActions } from './menu';

/** The menu's file commands: native dialogs here, the work in the services. */
export function fileActions(win: BrowserWindow, backend: Backend, folder: string, shell: Shell): MenuActions {
  const refresh = () => win.webContents.send('tkpi:refresh');
  const fail = (message: string) => void dialog.showMessageBox(win, { type: 'error', title: 'TradeKPI', message });
  return {
    async importBundle() {
      const picked = await dialog.showOpenDialog(win, {
        title: '导入数据包',
        filters: [{ name: 'TradeKPI 数据包', extensions: ['json'] }],
        properties: ['openFile'],
      });
      const file = picked.filePaths[0];
      if (picked.canceled || !file) return;
      const confirm = await dialog.showMessageBox(win, {
        type: 'warning',
        buttons: ['导入并替换', '取消'],
        cancelId: 1,
        message: '导入会用数据包替换现有全部数据（导入前会自动备份）。继续吗？',
      });
      if (confirm.response !== 0) return;
      let bundle: unknown;
      try {
        bundle = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch (error) {
        return fail(`${path.basename(file)} 不是有效的 JSON：${(error as Error).message}`);
      }
      await backend.call('backups.create', {});
      const result = await backend.call('bundle.load', { bundle, source: path.basename(file) });
      if (!result.ok) return fail([result.error.field, result.error.message].filter(Boolean).join('：'));
      const s = result.value as LoadSummary;
      void dialog.showMessageBox(win, {
        type: 'info',
        message: `已导入：业务员 ${s.salespeople} 人，客户 ${s.customers} 家，成交 ${s.deals} 笔，收汇 ${s.receipts} 笔`,
      });
      refresh();
    },
    async exportBundle() {
      const picked = await dialog.showSaveDialog(win, {
        title: '导出数据包',
        defaultPath: 'tradekpi-bundle.json',
        filters: [{ name: 'TradeKPI 数据包', extensions: ['json'] }],
      });
      if (picked.canceled || !picked.filePath) return;
      const result = await backend.call('bundle.dump', {});
      if (!result.ok) return fail(result.error.message);
      fs.writeFileSync(picked.filePath, JSON.stringify(result.value, null, 2));
    },
    async backupNow() {
      const result = await backend.call('backups.create', {});
      if (!result.ok) return fail(result.error.message);
      void dialog.showMessageBox(win, { type: 'info', message: '已备份。在“设置 → 备份与恢复”中可以恢复。' });
      refresh();
    },
    openDataFolder() {
      void shell.openPath(folder);
    },
    about() {
      void dialog.showMessageBox(win, { type: 'info', title: '关于 TradeKPI', message: 'TradeKPI 外贸业务员绩效与提成', detail: `数据文件夹：${folder}` });
    },
  };
}
