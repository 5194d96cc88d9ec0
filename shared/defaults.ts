import type { Settings } from './domain';

/**
 * The company rules SPEC §4–§5 describe; every one is a setting the owner may change, and the
 * golden cases use exactly these.
 */
export const DEFAULT_SETTINGS: Settings = {
  newCustomerRule: 'first_receipt',
  commissionBase: 'settled',
  forcedRanking: false,
  anchors: {
    // 达标75分: the target earns 75, 4/3 of it earns 100.
    higher: [
      { ratio: '0', score: '0' },
      { ratio: '1', score: '75' },
      { ratio: '4/3', score: '100' },
    ],
    // Cost-type baselines earn 80; twice the baseline earns nothing.
    lower: [
      { ratio: '0', score: '100' },
      { ratio: '1', score: '80' },
      { ratio: '2', score: '0' },
    ],
  },
  gradeBands: [
    { grade: 'S', min: '95', coefficient: '1.5' },
    { grade: 'A', min: '85', coefficient: '1.3' },
    { grade: 'B', min: '75', coefficient: '1.1' },
    { grade: 'C', min: '65', coefficient: '0.9' },
    { grade: 'D', min: '0', coefficient: '0.7' },
  ],
  distribution: { S: '0.05', A: '0.15', SA: '0.20', CD: '0.30' },
  paymentTerms: [],
  defaultTerms: null,
  receivablesFrom: null,
  smallBalance: '300.00',
};
