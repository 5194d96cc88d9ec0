import type { Migration } from '../migrate';
import { initialSchema } from './001_initial';

/** Append-only: a released migration is never edited, a change is a new numbered one. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
