import { z } from 'zod';
import { ROLE_WORDS, type Role } from './headerWords';

/**
 * A column mapping given by the user (SPEC §10): the header row of the first sheet and the
 * column of each role, all 0-based. Remembered per header (its normalised cells), so the next
 * file with the same header reads the same way without asking.
 */
export type ColumnMapping = { headerRow: number; columns: Partial<Record<Role, number>> };

/** Every role, in the order the mapping picker offers them. */
export const ROLES = Object.keys(ROLE_WORDS) as Role[];

const columnIndex = z.number().int().min(0).max(999);

export const columnMappingSchema = z.object({
  headerRow: z.number().int().min(0).max(999),
  columns: z.partialRecord(z.enum(ROLES as [Role, ...Role[]]), columnIndex),
});

/** What the preview shows of the first sheet, and how its columns were read. */
export type SheetView = {
  /** The first 20 rows as display text. */
  rows: string[][];
  headerRow: number | null;
  columns: Partial<Record<Role, number[]>>;
  headerKey: string | null;
  source: 'words' | 'remembered' | 'user' | null;
};

/** A remembered mapping as the settings list shows it. */
export type StoredColumnMapping = { headerKey: string; columns: Partial<Record<Role, number>>; createdAt: string };
