import { describe, expect, it } from 'vitest';
import { STEPS, isApproved, nextStep, type Stage } from '../../shared/workflow/steps';

/* SPEC §8: the steps in order; from 审定 on, what was approved is frozen until a reopen. */
describe('workflow steps', () => {
  it('counts a person as approved from 审定 on, archived included, and not before', () => {
    const stages: Stage[] = ['none', ...STEPS];
    expect(stages.map((stage) => [stage, isApproved(stage)])).toEqual([
      ['none', false],
      ['targets', false],
      ['self', false],
      ['review', false],
      ['interview', false],
      ['approved', true],
      ['archived', true],
    ]);
  });

  it('names the next step, and none after 归档', () => {
    expect(nextStep('none')).toBe('targets');
    expect(nextStep('interview')).toBe('approved');
    expect(nextStep('archived')).toBeNull();
  });
});
