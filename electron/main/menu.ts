import { Menu } from 'electron';
import { menuTemplate, type MenuActions } from './menuTemplate';

export type { MenuActions };

/** The application menu, in Chinese; 开发者工具 only in development, never in the packaged app. */
export function buildMenu(actions: MenuActions, options: { devTools: boolean }): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions, options));
}
