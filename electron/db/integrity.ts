import Database from 'better-sqlite3';

/** A database file that opens and passes SQLite's quick check; null when it does, else what is wrong. */
export function fileProblem(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    return result === 'ok' ? null : String(result);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}
