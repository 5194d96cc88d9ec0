import { Descriptions, Divider, Drawer, Spin, Steps, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { WorkflowItem } from '../../../shared/api/contract';
import type { Step } from '../../../shared/workflow/steps';
import { STEPS, isApproved, stepIndex } from '../../../shared/workflow/steps';
import { useMutation, useQuery } from '../../api/hooks';
import { useT, type UiKey } from '../../i18n/strings';
import { StepForm, type StepField, type StepValues } from './StepForm';

type Props = { item: WorkflowItem | null; onClose(): void };

/** One person's appraisal of the quarter: its steps, who took them and when, and the next one. */
export function WorkflowDrawer({ item, onClose }: Props) {
  const t = useT();
  const sheets = useQuery('targets.list', item ? { quarter: item.quarter } : null);
  const calls = {
    targets: useMutation('workflow.confirmTargets'),
    self: useMutation('workflow.selfAssess'),
    review: useMutation('workflow.review'),
    interview: useMutation('workflow.interview'),
    reopen: useMutation('workflow.reopen'),
    override: useMutation('workflow.override'),
  };
  if (!item) return null;
  const who = { salesperson: item.salesperson, quarter: item.quarter };
  const manual = (sheets.data?.find((s) => s.salesperson === item.salesperson)?.indicators ?? [])
    .filter((i) => i.kpi === 'peer_review' || i.kpi === 'custom')
    .map((i) => ({
      key: i.kpi === 'custom' ? `custom:${i.name ?? ''}` : i.kpi,
      label: i.name ?? t('kpi.peer_review'),
      // The 民主评议 score typed with the targets is where 自评 starts: never replaced unseen.
      planned: i.kpi === 'peer_review' && i.score !== undefined && i.score !== null ? Number(i.score) : undefined,
    }));
  const scoreFields: StepField[] = manual.map((m) => ({ name: `score:${m.key}`, label: t('wf.score', { item: m.label }), kind: 'score' }));
  const scoresOf = (v: StepValues) =>
    Object.fromEntries(
      manual.flatMap((m) => (v[`score:${m.key}`] === undefined || v[`score:${m.key}`] === null ? [] : [[m.key, String(v[`score:${m.key}`])]])),
    );
  const by: StepField = { name: 'by', label: t('wf.by'), kind: 'text' };
  const steps = item.record.steps;
  // Each person, quarter and step its own form and draft: nothing typed at one step shows at the next.
  const keyOf = (step: string) => `${item.quarter}/${item.salesperson}/${step}`;
  const plannedScores = Object.fromEntries(manual.flatMap((m) => (m.planned === undefined ? [] : [[`score:${m.key}`, m.planned]])));
  const forms: Partial<Record<Step, ReactNode>> = {
    targets: (
      <StepForm
        key={keyOf('targets')}
        draftKey={keyOf('targets')}
        fields={[by]}
        initial={{}}
        submitLabel={t('wf.do.targets')}
        onSubmit={(v) => calls.targets({ ...who, by: String(v.by ?? '') })}
      />
    ),
    self: (
      <StepForm
        key={keyOf('self')}
        draftKey={keyOf('self')}
        fields={[by, { name: 'text', label: t('wf.selfText'), kind: 'long' }, ...scoreFields]}
        initial={{
          by: steps.self?.by ?? item.name,
          text: steps.self?.text ?? '',
          ...plannedScores,
          ...Object.fromEntries(Object.entries(steps.self?.scores ?? {}).map(([k, v]) => [`score:${k}`, Number(v)])),
        }}
        submitLabel={t('wf.do.self')}
        onSubmit={(v) => calls.self({ ...who, by: String(v.by ?? ''), text: String(v.text ?? ''), scores: scoresOf(v) })}
      />
    ),
    review: (
      <StepForm
        key={keyOf('review')}
        draftKey={keyOf('review')}
        fields={[by, ...scoreFields]}
        // The reviewer starts from the self scores and may correct them (SPEC §8); the signer is
        // the reviewer, never the one who signed the self-assessment.
        initial={{
          ...(steps.review?.by ? { by: steps.review.by } : {}),
          ...Object.fromEntries(Object.entries(steps.review?.scores ?? steps.self?.scores ?? {}).map(([k, v]) => [`score:${k}`, Number(v)])),
        }}
        submitLabel={t('wf.do.review')}
        onSubmit={(v) => calls.review({ ...who, by: String(v.by ?? ''), scores: scoresOf(v) })}
      />
    ),
    interview: (
      <StepForm
        key={keyOf('interview')}
        draftKey={keyOf('interview')}
        fields={[
          by,
          { name: 'date', label: t('wf.date'), kind: 'date' },
          { name: 'place', label: t('wf.place'), kind: 'text' },
          { name: 'minutes', label: t('wf.duration'), kind: 'minutes' },
          { name: 'comment', label: t('wf.comment'), kind: 'long' },
          { name: 'nextTargetsAgreed', label: t('wf.agreed'), kind: 'check' },
          { name: 'signedOn', label: t('wf.signedOn'), kind: 'date' },
        ]}
        initial={{ minutes: 30 }}
        submitLabel={t('wf.do.interview')}
        onSubmit={(v) =>
          calls.interview({
            ...who,
            by: String(v.by ?? ''),
            date: String(v.date ?? ''),
            place: String(v.place ?? ''),
            minutes: Number(v.minutes ?? 0),
            comment: String(v.comment ?? ''),
            nextTargetsAgreed: v.nextTargetsAgreed === true,
            signedOn: String(v.signedOn ?? ''),
          } as never)
        }
      />
    ),
  };
  const next = item.next;
  const approved = isApproved(item.stage);
  return (
    <Drawer open title={`${item.name}（${item.salesperson}）${item.quarter}`} width={620} onClose={onClose} data-testid="workflow-drawer">
      <Steps
        size="small"
        direction="vertical"
        current={stepIndex(item.stage) + 1}
        items={STEPS.map((s) => {
          const done = steps[s];
          return {
            title: t(`wf.step.${s}` as UiKey),
            description: done
              ? t('wf.doneBy', { by: done.by, at: done.at.slice(0, 16).replace('T', ' ') })
              : s === next && item.due
                ? t('wf.dueOn', { due: item.due })
                : undefined,
          };
        })}
      />
      <Divider />
      <StepRecordsShown item={item} labels={Object.fromEntries(manual.map((m) => [m.key, m.label]))} />
      {/* The forms wait for the targets: their manual items and planned scores are read when a form is drawn. */}
      {next && forms[next] && sheets.data && (
        <>
          <Typography.Title level={5}>{t(`wf.step.${next}` as UiKey)}</Typography.Title>
          {forms[next]}
        </>
      )}
      {next === 'approved' && <Typography.Paragraph type="secondary">{t('wf.approveHint')}</Typography.Paragraph>}
      {!sheets.data && <Spin data-testid="workflow-loading" />}
      {!approved && sheets.data && (
        <>
          <Divider />
          <Typography.Title level={5}>{t('wf.override')}</Typography.Title>
          {item.record.overrideTotal && (
            <Descriptions
              size="small"
              column={1}
              items={[{ label: t('ap.total'), children: `${item.record.overrideTotal}（${item.record.overrideReason ?? ''}）` }]}
            />
          )}
          <StepForm
            key={keyOf('override')}
            draftKey={keyOf('override')}
            fields={[by, { name: 'total', label: t('wf.newTotal'), kind: 'score' }, { name: 'reason', label: t('wf.reason'), kind: 'text' }]}
            initial={{}}
            submitLabel={t('wf.do.override')}
            onSubmit={(v) => calls.override({ ...who, by: String(v.by ?? ''), total: String(v.total ?? ''), reason: String(v.reason ?? '') })}
          />
        </>
      )}
      {approved && sheets.data && (
        <>
          <Typography.Title level={5}>{t('wf.reopen')}</Typography.Title>
          <StepForm
            key={keyOf('reopen')}
            draftKey={keyOf('reopen')}
            fields={[by, { name: 'reason', label: t('wf.reason'), kind: 'text' }]}
            initial={{}}
            submitLabel={t('wf.do.reopen')}
            onSubmit={(v) => calls.reopen({ ...who, by: String(v.by ?? ''), reason: String(v.reason ?? '') })}
          />
        </>
      )}
    </Drawer>
  );
}

/**
 * What the earlier steps recorded, for the one taking the next: the self-evaluation and self
 * scores (typed or imported from the form) at 复评, the reviewer's comment at 审定.
 */
function StepRecordsShown({ item, labels }: { item: WorkflowItem; labels: Record<string, string> }) {
  const t = useT();
  const { self, review, interview } = item.record.steps;
  const scoreText = (scores: Record<string, string>) =>
    Object.entries(scores)
      .map(([k, v]) => `${labels[k] ?? k.replace(/^custom:/, '')} ${v}`)
      .join('；');
  const shown: DescriptionsProps['items'] = [
    ...(self
      ? [
          {
            key: 'self',
            label: t('wf.selfShown', { by: self.by }),
            children: (
              <span data-testid="shown-self-text" style={{ whiteSpace: 'pre-wrap' }}>
                {self.text}
              </span>
            ),
          },
        ]
      : []),
    ...(self && Object.keys(self.scores).length > 0
      ? [{ key: 'selfScores', label: t('wf.selfScores'), children: <span data-testid="shown-self-scores">{scoreText(self.scores)}</span> }]
      : []),
    ...(review && Object.keys(review.scores).length > 0 ? [{ key: 'reviewScores', label: t('wf.reviewScores'), children: scoreText(review.scores) }] : []),
    ...(interview
      ? [
          {
            key: 'comment',
            label: t('wf.reviewerComment', { by: interview.by }),
            children: (
              <span data-testid="shown-reviewer-comment" style={{ whiteSpace: 'pre-wrap' }}>
                {interview.comment}
              </span>
            ),
          },
        ]
      : []),
  ];
  if (shown.length === 0) return null;
  return <Descriptions size="small" column={1} bordered items={shown} style={{ marginBottom: 16 }} data-testid="step-records" />;
}
