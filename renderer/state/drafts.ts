import { create } from 'zustand';

/**
 * What the user typed into a workflow step's form and has not yet submitted successfully, per
 * person, quarter and step. It outlives the drawer (closing it after a refused submit keeps the
 * text) and lives for the session only: a successful submit or 清空 ends it.
 */
type Drafts = {
  drafts: Record<string, Record<string, unknown>>;
  setDraft(key: string, values: Record<string, unknown>): void;
  clearDraft(key: string): void;
};

export const useDrafts = create<Drafts>()((set) => ({
  drafts: {},
  setDraft: (key, values) => set((s) => ({ drafts: { ...s.drafts, [key]: values } })),
  clearDraft: (key) =>
    set((s) => {
      const { [key]: _gone, ...rest } = s.drafts;
      return { drafts: rest };
    }),
}));
