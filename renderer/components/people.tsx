import { Tag } from 'antd';
import type { Salesperson } from '../../shared/domain';
import { quarterRange } from '../../shared/quarter';
import { useQuery } from '../api/hooks';
import { useT } from '../i18n/strings';

/** True when the person left (离职) before `quarter` starts: no new targets for them. */
export function leftBeforeQuarter(person: Pick<Salesperson, 'leftOn'>, quarter: string): boolean {
  return !!person.leftOn && person.leftOn < quarterRange(quarter).from;
}

/** Salespeople by id, for lists that show names instead of ids. */
export function usePeopleById(): Map<string, Salesperson> {
  const people = useQuery('salespeople.list', {});
  return new Map((people.data ?? []).map((p) => [p.id, p]));
}

/** A salesperson's name, greyed with a 离职 tag once they have left; the id where unknown. */
export function PersonName({ id, people }: { id: string | null; people: Map<string, Salesperson> }) {
  const t = useT();
  if (id === null) return <>—</>;
  const person = people.get(id);
  if (!person) return <>{id}</>;
  return (
    <span title={id} style={person.leftOn ? { color: '#999' } : undefined}>
      {person.name}
      {person.leftOn && (
        <Tag style={{ marginLeft: 6 }} data-testid={`left-${id}`}>
          {t('sp.left')}
        </Tag>
      )}
    </span>
  );
}
