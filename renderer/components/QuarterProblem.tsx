import { Empty } from 'antd';
import type { ApiError } from '../../shared/api/errors';
import { errorText } from '../api/errorText';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { PageCard } from './common';

/**
 * Why a quarter cannot be shown: nobody has targets yet (with where to set them), or the
 * API's own reason, such as a missing FX rate naming its month and currency.
 */
export function QuarterProblem({ error }: { error: ApiError }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const text = error.code === 'appraise.noOne' ? t('ap.noTargets') : errorText(error, lang);
  return (
    <PageCard>
      <Empty description={<span data-testid="quarter-problem">{text}</span>} />
    </PageCard>
  );
}
