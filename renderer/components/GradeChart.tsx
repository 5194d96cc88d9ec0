import type { GradeCounts } from '../../shared/engine/grades';

const COLORS: Record<string, string> = { S: '#7b3fc1', A: '#1f5fa8', B: '#2f9e6e', C: '#d9a21b', D: '#c8463d' };

/**
 * Number of people per grade as five bars. Drawn with plain boxes: the 考核 page opens often,
 * and a chart library costs it more time than five bars are worth.
 */
export function GradeChart({ counts, label }: { counts: GradeCounts; label: string }) {
  const grades = ['S', 'A', 'B', 'C', 'D'] as const;
  const top = Math.max(1, ...grades.map((g) => counts[g]));
  return (
    <div style={{ display: 'flex', alignItems: 'flex-end', gap: 16, height: 170, padding: '16px 8px 0', borderBottom: '1px solid #d9d9d9', margin: '12px 0' }}>
      {grades.map((grade) => (
        <div
          key={grade}
          style={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', height: '100%', justifyContent: 'flex-end' }}
          title={`${grade}: ${counts[grade]} ${label}`}
        >
          <span style={{ color: COLORS[grade], fontSize: 13, marginBottom: 4 }}>{counts[grade]}</span>
          <div
            style={{
              width: '70%',
              height: `${(counts[grade] / top) * 120}px`,
              minHeight: counts[grade] ? 4 : 0,
              background: COLORS[grade],
              borderRadius: '3px 3px 0 0',
            }}
          />
          <span style={{ position: 'relative', top: 22, fontWeight: 600 }}>{grade}</span>
        </div>
      ))}
    </div>
  );
}
