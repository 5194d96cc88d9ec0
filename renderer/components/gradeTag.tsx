const GRADE_COLORS: Record<string, [string, string]> = {
  S: ['#722ed1', '#f9f0ff'],
  A: ['#1f5fa8', '#e6f0fa'],
  B: ['#237a4f', '#e9f7ef'],
  C: ['#ad7a00', '#fff8e1'],
  D: ['#c8463d', '#fdecea'],
};
/** A grade as a small coloured badge; a plain span, since a table shows three per row. */
export function gradeTag(grade: string) {
  const [color, background] = GRADE_COLORS[grade] ?? ['#333', '#eee'];
  return (
    <span
      style={{
        color,
        background,
        border: `1px solid ${color}33`,
        borderRadius: 4,
        padding: '0 7px',
        fontSize: 12,
        lineHeight: '20px',
        display: 'inline-block',
      }}
    >
      {grade}
    </span>
  );
}
