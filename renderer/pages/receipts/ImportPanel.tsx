import { CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import type { ColumnMapping, StatementSheet as SheetView } from '../../../shared/bank/statementLayout';
import type { ImportSummary, StatementPlan } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { duplicateKey, type Fate, type RowPlan } from '../../../shared/bank/classify';
import { message as apiMessage } from '../../../shared/i18n/messages';
import { fenToText } from '../../../shared/money';
import { fileToBase64 } from '../../api/files';
import { useAction, useMutation } from '../../api/hooks';
import { useAppStore } from '../../state/appStore';
import { money, plainDecimal } from '../../format';
import { useT } from '../../i18n/strings';
import { ColumnMapper, initialMapping, mappingComplete } from './ColumnMapper';
import { ImportReport } from './ImportReport';
import { RefundClaims, refundsOf } from './RefundClaims';

type Staged = {
  name: string;
  content: string;
  plan: StatementPlan | null;
  error: ApiError | null;
  decisions: Record<string, 1 | 100>;
  /** The file's first rows as last previewed: kept while a mapping is being fixed. */
  sheet: SheetView | null;
  /** The user's column mapping, when they gave one (null: the reader decides). */
  mapping: ColumnMapping | null;
  remember: boolean;
  /** How the first preview read the file, before any mapping by the user. */
  detected: SheetView['source'];
};

const REPREVIEW_MS = 350;

const FATE_COLORS: Record<Fate, string> = { new: 'green', duplicate: 'default', skipped: 'default', rejected: 'red', flagged: 'orange' };

/**
 * Drop or pick statements → a preview of every row's fate, with a choice for rates that could
 * not be decided → import with a progress bar → the report.
 */
export function ImportPanel() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const preview = useAction('bankImport.preview');
  const commit = useMutation('bankImport.commit');
  const [staged, setStaged] = useState<Staged[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [reports, setReports] = useState<(ImportSummary | { file: string; error: ApiError })[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const requests = useRef(new Map<string, number>());

  // The staged files as last set, for previews that must know the files before them (read in callbacks).
  const current = useRef<Staged[]>([]);
  // Every change goes through here, so the ref is current at once (not at the next render).
  const setList = (change: (list: Staged[]) => Staged[]) => {
    current.current = change(current.current);
    setStaged(current.current);
  };
  const update = (name: string, change: (s: Staged) => Staged) => setList((list) => list.map((s) => (s.name === name ? change(s) : s)));
  // Files dropped together are previewed one after another, each knowing the ones before it.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const stage = (file: File) => {
    queue.current = queue.current.then(() => stageNow(file)).catch(() => undefined);
  };

  const stageNow = async (file: File) => {
    const content = await fileToBase64(file);
    const result = await preview({ fileName: file.name, content, pending: pendingBefore(current.current, file.name) });
    const plan = result.ok ? result.value : null;
    // No header recognised: the mapper opens at once, starting from the first filled row.
    const mapping = plan && plan.sheet.source === null ? initialMapping(plan.sheet) : null;
    const entry: Staged = {
      name: file.name,
      content,
      plan,
      error: result.ok ? null : result.error,
      decisions: {},
      sheet: plan?.sheet ?? null,
      mapping,
      remember: true,
      detected: plan?.sheet.source ?? null,
    };
    setList((list) => [...list.filter((s) => s.name !== file.name), entry]);
    setReports([]);
  };

  /** Previews again with the mapping being edited, a moment after the last change; a late answer never overwrites a newer one. */
  const remap = (s: Staged, mapping: ColumnMapping | null) => {
    clearTimeout(timers.current.get(s.name));
    // Until a date and an amount are chosen there is nothing to preview (and nothing to complain about).
    if (mapping && !mappingComplete(mapping)) {
      requests.current.set(s.name, (requests.current.get(s.name) ?? 0) + 1);
      update(s.name, (x) => ({ ...x, mapping, plan: null, error: null }));
      return;
    }
    update(s.name, (x) => ({ ...x, mapping }));
    timers.current.set(
      s.name,
      setTimeout(() => {
        const request = (requests.current.get(s.name) ?? 0) + 1;
        requests.current.set(s.name, request);
        void preview({
          fileName: s.name,
          content: s.content,
          decisions: s.decisions,
          pending: pendingBefore(current.current, s.name),
          ...(mapping ? { mapping } : {}),
        }).then((result) => {
          if (requests.current.get(s.name) !== request) return;
          update(s.name, (x) => ({
            ...x,
            plan: result.ok ? result.value : null,
            error: result.ok ? null : result.error,
            sheet: result.ok ? result.value.sheet : x.sheet,
          }));
        });
      }, REPREVIEW_MS),
    );
  };

  const readable = (s: Staged) => s.plan !== null && s.plan.sheet.source !== null;

  /** Takes a file off the list (a wrong file, or one not to import now); a preview still on its way is ignored. */
  const unstage = (name: string) => {
    clearTimeout(timers.current.get(name));
    requests.current.set(name, (requests.current.get(name) ?? 0) + 1);
    setList((list) => list.filter((s) => s.name !== name));
  };

  const decide = (name: string, row: number, per: 1 | 100) =>
    setList((list) => list.map((s) => (s.name === name ? { ...s, decisions: { ...s.decisions, [String(row)]: per } } : s)));

  const importAll = async () => {
    const ready = staged.filter(readable);
    const done: typeof reports = [];
    for (let i = 0; i < ready.length; i++) {
      const s = ready[i]!;
      setProgress(Math.round((i / ready.length) * 100));
      const result = await commit({
        fileName: s.name,
        content: s.content,
        decisions: s.decisions,
        remember: s.remember,
        ...(s.mapping ? { mapping: s.mapping } : {}),
      });
      done.push(result.ok ? result.value : { file: s.name, error: result.error });
    }
    setProgress(100);
    setReports(done);
    setList(() => []);
    setTimeout(() => setProgress(null), 800);
  };

  const columns = (s: Staged) => [
    { title: t('imp.row'), dataIndex: 'row', width: 60 },
    {
      title: t('imp.fate'),
      dataIndex: 'fate',
      width: 100,
      render: (fate: Fate, r: RowPlan) => <Tag color={FATE_COLORS[fate]}>{r.refund && fate === 'new' ? t('imp.refund') : t(`fate.${fate}`)}</Tag>,
    },
    { title: t('rc.valueDate'), dataIndex: 'valueDate', width: 105 },
    { title: t('rc.remitter'), dataIndex: 'counterparty', width: 240, ellipsis: true },
    { title: t('rc.currency'), dataIndex: 'currency', width: 60 },
    {
      title: t('rc.amount'),
      dataIndex: 'amountFen',
      width: 120,
      align: 'right' as const,
      render: (fen: number | null) => (fen === null ? '' : money(fenToText(fen))),
    },
    {
      title: t('imp.rate'),
      width: 190,
      render: (_: unknown, r: RowPlan) =>
        r.fate === 'flagged' ? (
          <Select
            size="small"
            placeholder={t('imp.decide', { rate: r.rateWritten ?? '' })}
            value={s.decisions[String(r.row)]}
            onChange={(per: 1 | 100) => decide(s.name, r.row, per)}
            style={{ width: 180 }}
            options={[
              { value: 1, label: t('imp.perUnit', { rate: r.rateWritten ?? '' }) },
              { value: 100, label: t('imp.per100', { rate: r.rateWritten ?? '' }) },
            ]}
          />
        ) : r.receipt?.rate ? (
          // As the bank wrote it: "902.62 / 100 = 9.0262".
          r.quotedPer === 100 && r.rateWritten ? (
            `${plainDecimal(r.rateWritten)} / 100 = ${plainDecimal(r.receipt.rate)}`
          ) : (
            plainDecimal(r.receipt.rate)
          )
        ) : (
          '—'
        ),
    },
    {
      title: t('rc.customer'),
      width: 180,
      ellipsis: true,
      render: (_: unknown, r: RowPlan) => {
        if (r.fate !== 'new') return '';
        const id = r.receipt?.customer;
        return id ? (s.plan?.customerNames[id] ?? id) : <Tag color="volcano">{t('rc.unmatched')}</Tag>;
      },
    },
    { title: t('imp.why'), render: (_: unknown, r: RowPlan) => (r.reason ? apiMessage(r.reason, r.params, lang) : '') },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Upload.Dragger multiple accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={(file) => (stage(file), false)} data-testid="statement-drop">
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imp.drop')}</p>
        <p className="ant-upload-hint">{t('imp.hint')}</p>
      </Upload.Dragger>
      {staged.map((s) => (
        <div key={s.name} data-testid={`preview-${s.name}`}>
          {/* A line of its own: how the columns were read comes below it. */}
          <Space align="baseline" style={{ display: 'flex' }}>
            <Typography.Title level={5}>{s.name}</Typography.Title>
            <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => unstage(s.name)} data-testid={`unstage-${s.name}`}>
              {t('imp.remove')}
            </Button>
          </Space>
          {s.sheet && <MappingBar staged={s} onRemap={(mapping) => remap(s, mapping)} onRemember={(remember) => update(s.name, (x) => ({ ...x, remember }))} />}
          {s.sheet && s.mapping && <ColumnMapper sheet={s.sheet} mapping={s.mapping} onChange={(mapping) => remap(s, mapping)} />}
          {s.error && <Alert type="error" showIcon style={{ margin: '8px 0' }} message={apiMessage(s.error.code, s.error.params ?? {}, lang)} />}
          {s.plan && readable(s) && (
            <>
              <ImportReport summary={s.plan.summary} preview />
              <Table<RowPlan> virtual size="small" rowKey="row" pagination={false} dataSource={s.plan.rows} columns={columns(s)} scroll={{ x: 1320, y: 360 }} />
            </>
          )}
        </div>
      ))}
      {staged.some(readable) && (
        <Button type="primary" onClick={() => void importAll()} disabled={progress !== null} data-testid="import-statements">
          {t('imp.import', { n: staged.filter(readable).length })}
        </Button>
      )}
      {progress !== null && <Progress percent={progress} status={progress < 100 ? 'active' : 'success'} />}
      {reports.map((r) =>
        'error' in r ? (
          <Alert key={r.file} type="error" showIcon message={`${r.file}：${apiMessage(r.error.code, r.error.params ?? {}, lang)}`} />
        ) : (
          <ImportReport key={r.file} summary={r} />
        ),
      )}
      <RefundClaims refunds={refundsOf(reports.filter((r): r is ImportSummary => !('error' in r)))} />
    </Space>
  );
}

/**
 * The rows the files staged before `name` will import, by duplicate key: the commit imports the
 * files in order, so a row already in an earlier file is a duplicate in this one's preview too.
 * (A file changed after a later one was previewed leaves that preview as it was; the import
 * report after the commit is always exact.)
 */
function pendingBefore(list: readonly Staged[], name: string): { file: string; keys: string[] }[] {
  const at = list.findIndex((s) => s.name === name);
  return (at < 0 ? list : list.slice(0, at)).flatMap((s) =>
    s.plan && s.plan.sheet.source !== null
      ? [{ file: s.name, keys: s.plan.rows.flatMap((r) => (r.fate === 'new' && r.receipt ? [duplicateKey(r.receipt.ref, r.receipt.fingerprint)] : [])) }]
      : [],
  );
}

/** How the file's columns were read, and the way to change it. */
function MappingBar({
  staged,
  onRemap,
  onRemember,
}: {
  staged: Staged;
  onRemap: (mapping: ColumnMapping | null) => void;
  onRemember: (remember: boolean) => void;
}) {
  const t = useT();
  const sheet = staged.sheet;
  if (!sheet) return null;
  if (staged.mapping) {
    const mapped = staged.plan?.sheet.source === 'user';
    return (
      <Space wrap style={{ marginBottom: 8 }} data-testid="mapping-bar">
        <Alert type={mapped ? 'info' : 'warning'} showIcon message={t(mapped || staged.detected !== null ? 'map.byUser' : 'map.noHeader')} />
        <Checkbox checked={staged.remember} onChange={(e) => onRemember(e.target.checked)} data-testid="remember-mapping">
          {t('map.remember')}
        </Checkbox>
        {staged.detected !== null && (
          <Button size="small" onClick={() => onRemap(null)}>
            {t('map.auto')}
          </Button>
        )}
      </Space>
    );
  }
  const said = sheet.source === 'remembered' ? t('map.remembered') : t('map.byWords');
  return (
    <Space style={{ marginBottom: 8 }} data-testid="mapping-bar">
      <Typography.Text type="secondary">{said}</Typography.Text>
      <Button size="small" onClick={() => onRemap(initialMapping(sheet))} data-testid="adjust-columns">
        {t('map.adjust')}
      </Button>
    </Space>
  );
}
