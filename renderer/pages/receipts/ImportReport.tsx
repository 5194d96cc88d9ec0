import { Alert } from 'antd';
import type { ImportSummary } from '../../../shared/api/contract';
import { message as apiMessage, type MessageKey } from '../../../shared/i18n/messages';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

/** A statement's report: rows read, imported, duplicates, skipped with why, unmatched, rejected. */
export function ImportReport({ summary, preview = false }: { summary: ImportSummary; preview?: boolean }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const skipped = Object.entries(summary.skipped)
    // The approved-quarter reason is a sentence about one person and quarter, told on each row
    // below; counted here it takes a label of its own instead of that sentence with blanks.
    .map(([reason, n]) => `${reason === 'skip.approvedQuarter' ? t('imp.skipApprovedQuarter') : apiMessage(reason as MessageKey, {}, lang)} ${n}`)
    .join('、');
  const text = t(preview ? 'imp.previewSummary' : 'imp.summary', {
    file: summary.file,
    read: summary.read,
    imported: summary.imported,
    refunds: summary.refunds,
    unmatched: summary.unmatched,
    duplicates: summary.duplicates,
    skipped: skipped || '0',
    flagged: summary.flagged,
    rejected: summary.rejected.length,
  });
  // Reasons travel as codes with params and are rendered here, in the UI's language.
  const held = summary.held ?? [];
  const type = summary.rejected.length || summary.flagged ? 'warning' : preview ? 'info' : 'success';
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 8 }}
      data-testid={preview ? undefined : 'import-report'}
      message={text}
      description={
        summary.rejected.length || held.length
          ? [...held, ...summary.rejected].map((r) => <div key={r.row}>{t('imp.rejectedRow', { row: r.row, reason: apiMessage(r.code, r.params, lang) })}</div>)
          : undefined
      }
    />
  );
}
