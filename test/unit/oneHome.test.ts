import { describe, expect, it } from 'vitest';
import { apiError, DomainError } from '../../shared/api/errors';
import { DEFAULT_SETTINGS } from '../../shared/defaults';
import { KPI_KEYS, type Settings, type TargetIndicator } from '../../shared/domain';
import { indicatorLine } from '../../shared/engine/indicators';
import { interpolate, message, missingParams } from '../../shared/i18n/messages';
import { KPI_NAMES, STEP_NAMES, kpiName, stepName } from '../../shared/i18n/names';
import { STEPS } from '../../shared/workflow/steps';
import { ruleText } from '../../electron/forms/formText';
import { errorText } from '../../renderer/api/errorText';
import { en as uiEn } from '../../renderer/i18n/en';
import { zhCN as uiZh } from '../../renderer/i18n/zh-CN';

// Issue 12 item 5: one home for each name and rule, one interpolation, one error constructor.
describe('one interpolation, never a raw placeholder', () => {
  it('fills given parameters and leaves missing ones empty', () => {
    expect(interpolate('{a} 与 {b}', { a: 1 })).toBe('1 与 ');
    expect(interpolate('{n} 个', { n: 0 })).toBe('0 个');
  });

  it('message() renders a missing parameter as nothing, not as {detail}', () => {
    expect(message('internal')).toBe('程序内部错误：');
    expect(message('internal', {}, 'en')).not.toMatch(/\{\w+\}/);
    expect(missingParams('internal', {})).toEqual(['detail']);
    expect(missingParams('internal', { detail: 'x' })).toEqual([]);
  });

  it('the screens translate with the same interpolation', () => {
    // renderer/i18n/strings.ts translates with interpolate(); its store needs a window, so the catalogue is read here.
    expect(interpolate(uiZh['wf.next'], {})).toBe('下一步：');
    expect(interpolate(uiZh['wf.next'], { step: '自评' })).toBe('下一步：自评');
  });
});

describe('apiError is the one constructor of an error value', () => {
  it('renders the message from the code and carries the parameters and place', () => {
    expect(apiError('internal', { detail: 'x' }, { field: 'f', row: 3 })).toEqual({
      code: 'internal',
      message: '程序内部错误：x',
      params: { detail: 'x' },
      field: 'f',
      row: 3,
    });
    expect(apiError('input.required')).toEqual({ code: 'input.required', message: '缺少必填项', params: {} });
  });

  it('DomainError crosses the boundary through it', () => {
    expect(new DomainError('internal', { detail: 'y' }, { row: 2 }).toApiError()).toEqual(apiError('internal', { detail: 'y' }, { row: 2 }));
  });

  it('an error whose parameters did not travel shows its own message or a clean sentence', () => {
    expect(errorText({ code: 'internal', message: '服务器拒绝了请求' }, 'zh-CN')).toBe('服务器拒绝了请求');
    expect(errorText({ code: 'internal', message: '' }, 'zh-CN')).toBe('程序内部错误');
    expect(errorText(apiError('internal', { detail: 'z' }), 'en')).toBe(message('internal', { detail: 'z' }, 'en'));
  });
});

describe('names have one home', () => {
  it('every indicator and step has a name in each language', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(Object.keys(KPI_NAMES[lang]).sort(), lang).toEqual([...KPI_KEYS].sort());
      expect(Object.keys(STEP_NAMES[lang]), lang).toEqual([...STEPS]);
    }
    expect(kpiName('error_rate')).toBe('差错率');
    expect(kpiName('overdue_rate', 'en')).toBe('Overdue rate');
    expect(kpiName('unknown_kpi')).toBe('unknown_kpi');
    expect(stepName('review')).toBe('复评');
  });

  it('the screens show the same names', () => {
    expect(uiZh['kpi.settled']).toBe(KPI_NAMES['zh-CN'].settled);
    expect(uiZh['kpi.error_rate']).toBe('差错率');
    expect(uiEn['wf.step.approved']).toBe(STEP_NAMES.en.approved);
    expect(uiZh['wf.step.interview']).toBe('面谈');
  });
});

describe('ruleText prints the line the engine scores on', () => {
  const own: Settings = {
    ...DEFAULT_SETTINGS,
    anchors: {
      ...DEFAULT_SETTINGS.anchors,
      byKpi: {
        settled: [
          { ratio: '0', score: '0' },
          { ratio: '1', score: '60' },
          { ratio: '2', score: '100' },
        ],
      },
    },
  };
  const cases: [TargetIndicator, string][] = [
    [{ kpi: 'deal_volume', weight: '30', target: '100' }, '0→0分，目标→75分，4/3倍→100分，线性'],
    [{ kpi: 'settled', weight: '30', target: '100' }, '0→0分，目标→60分，2倍→100分，线性'],
    [{ kpi: 'overdue_rate', weight: '10', target: '0.1' }, '0→100分，基准→80分，2倍→0分，线性'],
    [{ kpi: 'collection_rate', weight: '10', target: '0.9' }, '0→0分，目标→75分，4/3倍→100分，线性'],
    [{ kpi: 'custom', name: '展会', weight: '10', target: '3', direction: 'lower' }, '0→100分，基准→80分，2倍→0分，线性'],
    [{ kpi: 'peer_review', weight: '10', score: '90' }, '民主评议直接评分'],
  ];
  it.each(cases)('%o → %s', (indicator, text) => {
    expect(ruleText(indicator, own)).toBe(text);
  });

  it('uses the engine line itself', () => {
    const indicator: TargetIndicator = { kpi: 'settled', weight: '30', target: '100' };
    expect(indicatorLine(indicator, own.anchors)).toEqual({ line: own.anchors.byKpi?.settled, direction: 'higher' });
    expect(indicatorLine({ kpi: 'peer_review', weight: '10', score: '90' }, own.anchors)).toBeNull();
  });
});
