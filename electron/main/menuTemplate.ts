import type { MenuItemConstructorOptions } from 'electron';

export type MenuActions = { importBundle(): void; exportBundle(): void; backupNow(): void; openDataFolder(): void; about(): void };

/** The application menu's items, in Chinese (no electron import, so it is unit-tested). */
export function menuTemplate(actions: MenuActions, options: { devTools: boolean }): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '导入数据包…', accelerator: 'CmdOrCtrl+O', click: actions.importBundle },
        { label: '导出数据包…', accelerator: 'CmdOrCtrl+S', click: actions.exportBundle },
        { type: 'separator' },
        { label: '立即备份', click: actions.backupNow },
        { label: '打开数据文件夹', click: actions.openDataFolder },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        ...(options.devTools ? [{ label: '开发者工具', role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于 TradeKPI', click: actions.about }] },
  ];
  return template;
}
