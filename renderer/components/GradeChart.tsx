import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { GradeCounts } from '../../shared/engine/grades';

const COLORS: Record<string, string> = { S: '#7b3fc1', A: '#1f5fa8', B: '#2f9e6e', C: '#d9a21b', D: '#c8463d' };

/** Number of people per grade. */
export function GradeChart({ counts, label }: { counts: GradeCounts; label: string }) {
  const data = (['S', 'A', 'B', 'C', 'D'] as const).map((grade) => ({ grade, count: counts[grade], fill: COLORS[grade] }));
  return (
    <ResponsiveContainer width="100%" height={180}>
      <BarChart data={data} margin={{ top: 16, right: 8, bottom: 0, left: -24 }}>
        <CartesianGrid vertical={false} stroke="#eee" />
        <XAxis dataKey="grade" />
        <YAxis allowDecimals={false} />
        <Tooltip formatter={(value) => [value, label]} />
        <Bar dataKey="count" isAnimationActive={false}>
          <LabelList dataKey="count" position="top" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
