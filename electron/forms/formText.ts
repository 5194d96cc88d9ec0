import type { Settings, TargetIndicator } from '../../shared/domain';
import { indicatorLine } from '../../shared/engine/indicators';
import { kpiName } from '../../shared/i18n/names';
import { Dec } from '../../shared/money';
import { parseQuarter } from '../../shared/quarter';

export function quarterTitle(quarter: string): string {
  const q = parseQuarter(quarter);
  const names = ['', '一', '二', '三', '四'];
  return q ? `${q.year} 年第${names[q.q]}季度（${quarter}）` : quarter;
}

function money(text: string): string {
  const [whole = '', fraction] = new Dec(text).toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** The target as the form prints it: money with separators, a count, a baseline in percent. */
export function targetText(indicator: TargetIndicator): string {
  switch (indicator.kpi) {
    case 'deal_volume':
    case 'settled':
      return indicator.target ? money(indicator.target) : '';
    case 'new_customers':
      return indicator.target ? `${indicator.target} 个` : '';
    case 'error_rate':
    case 'collection_rate':
    case 'overdue_rate':
      return indicator.target ? `${new Dec(indicator.target).times(100).toString()}%` : '';
    case 'peer_review':
      return '—';
    case 'custom':
      return indicator.target ?? '';
  }
}

/** How the indicator is scored, in one short line: the engine's own scoring line for it. */
export function ruleText(indicator: TargetIndicator, settings: Settings): string {
  const scoring = indicatorLine(indicator, settings.anchors);
  if (!scoring) return `${kpiName('peer_review')}直接评分`;
  const base = scoring.direction === 'lower' ? '基准' : '目标';
  return scoring.line.map((a) => `${a.ratio === '1' ? base : a.ratio === '0' ? '0' : `${a.ratio}倍`}→${a.score}分`).join('，') + '，线性';
}

/** A bracket bound as people say it: 300000 → 30万. */
export function boundText(text: string): string {
  const value = new Dec(text);
  return value.mod(10000).isZero() ? `${value.div(10000).toString()}万` : money(text);
}
