import { Button, Col, Input, Row, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain';
import { useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT } from '../../i18n/strings';

type Draft = Pick<Settings, 'anchors' | 'gradeBands' | 'distribution'>;

/** Scoring anchors, grade bands with coefficients, and the distribution rule. */
export function ScoringTab() {
  const t = useT();
  const settings = useQuery('settings.get', {});
  const save = useMutation('settings.update');
  const report = useReport();
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (settings.data) setDraft({ anchors: settings.data.anchors, gradeBands: settings.data.gradeBands, distribution: settings.data.distribution });
  }, [settings.data]);
  if (!draft) return null;
  const line = (direction: 'higher' | 'lower', title: string) => (
    <Col xs={24} lg={12}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={draft.anchors[direction]}
        columns={(['ratio', 'score'] as const).map((part) => ({
          title: part === 'ratio' ? t('set.anchorRatio') : t('set.anchorScore'),
          render: (_: unknown, anchor: { ratio: string; score: string }, i: number) => (
            <Input
              size="small"
              value={anchor[part]}
              onChange={(e) => {
                const next = draft.anchors[direction].map((a, j) => (j === i ? { ...a, [part]: e.target.value } : a));
                setDraft({ ...draft, anchors: { ...draft.anchors, [direction]: next } });
              }}
            />
          ),
        }))}
      />
    </Col>
  );
  return (
    <>
      <Row gutter={24}>
        {line('higher', t('set.anchorsHigher'))}
        {line('lower', t('set.anchorsLower'))}
      </Row>
      <Row gutter={24} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('set.bands')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="grade"
            dataSource={draft.gradeBands}
            columns={[
              { title: t('ap.grade'), dataIndex: 'grade' },
              ...(['min', 'coefficient'] as const).map((part) => ({
                title: part === 'min' ? t('set.bandMin') : t('ap.coefficient'),
                render: (_: unknown, band: Settings['gradeBands'][number]) => (
                  <Input
                    size="small"
                    value={band[part]}
                    onChange={(e) =>
                      setDraft({ ...draft, gradeBands: draft.gradeBands.map((b) => (b.grade === band.grade ? { ...b, [part]: e.target.value } : b)) })
                    }
                  />
                ),
              })),
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('set.distribution')}</Typography.Title>
          {(['S', 'A', 'SA', 'CD'] as const).map((key) => (
            <Input
              key={key}
              addonBefore={t(`set.share${key}`)}
              value={draft.distribution[key]}
              onChange={(e) => setDraft({ ...draft, distribution: { ...draft.distribution, [key]: e.target.value } })}
              style={{ marginBottom: 8, maxWidth: 260, display: 'flex' }}
            />
          ))}
        </Col>
      </Row>
      <Button type="primary" style={{ marginTop: 16 }} onClick={async () => report(await save(draft), t('saved'))}>
        {t('save')}
      </Button>
    </>
  );
}
