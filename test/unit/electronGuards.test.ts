import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from '../../electron/main/menuTemplate';
import { isAppUrl } from '../../electron/main/navigation';

describe('the window navigation guard compares origins, not prefixes', () => {
  const dev = 'http://127.0.0.1:5173/?token=abc';
  const packaged = 'file:///opt/TradeKPI/resources/app/dist/renderer/index.html';

  it('allows the app page itself', () => {
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173/#/settings', dev)).toBe(true);
    expect(isAppUrl('file:///opt/TradeKPI/resources/app/dist/renderer/index.html#x', packaged)).toBe(true);
  });

  it('refuses addresses that merely start with the page address', () => {
    expect(isAppUrl('http://127.0.0.1:51730/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173.evil.example/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173@evil.example/', dev)).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('file:///opt/TradeKPI/resources/app/dist/renderer/index.html.evil/x', packaged)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', packaged)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
  });
});

describe('the application menu', () => {
  const noop = () => undefined;
  const actions: MenuActions = { importBundle: noop, exportBundle: noop, backupNow: noop, openDataFolder: noop, about: noop };
  const labels = (devTools: boolean) => JSON.stringify(menuTemplate(actions, { devTools }));

  it('has no 开发者工具 in the packaged app, only in development', () => {
    expect(labels(false)).not.toContain('开发者工具');
    expect(labels(false)).not.toContain('toggleDevTools');
    expect(labels(true)).toContain('开发者工具');
  });
});
