import { Button, Empty } from 'antd';
import type { ApiError } from '../../shared/api/errors';
import { errorText } from '../api/errorText';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { PageCard } from './common';

/**
 * Why a quarter cannot be shown: nobody has targets yet (with where to set them), or the
 * API's own reason, such as a missing FX rate naming its month and currency — with a link to
 * the 汇率表 that has that month and currency filled in.
 */
export function QuarterProblem({ error }: { error: ApiError }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const openSettings = useAppStore((s) => s.openSettings);
  const text = error.code === 'appraise.noOne' ? t('ap.noTargets') : errorText(error, lang);
  const month = error.params?.month;
  const currency = error.params?.currency;
  return (
    <PageCard>
      <Empty description={<span data-testid="quarter-problem">{text}</span>}>
        {error.code === 'appraise.missingRate' && month !== undefined && currency !== undefined && (
          <Button type="primary" onClick={() => openSettings('fx', { month: String(month), currency: String(currency) })} data-testid="fill-missing-rate">
            {t('fx.goFill', { month, currency })}
          </Button>
        )}
      </Empty>
    </PageCard>
  );
}
