import { create } from 'zustand';

export interface StaffSession {
  id: string;
  name: string;
  title?: string;
}

interface SessionStore {
  staff: StaffSession | null;
  signIn: (staff: StaffSession) => void;
  signOut: () => void;
}

/** The signed-in officer lives in memory only: a reload or a lost tablet asks for the PIN again. */
export const useSession = create<SessionStore>((set) => ({
  staff: null,
  signIn: (staff) => set({ staff }),
  signOut: () => set({ staff: null }),
}));

interface UnsavedStore {
  /** Forms with input not yet saved, by a name each form picks. */
  dirty: Record<string, true>;
  setDirty: (form: string, isDirty: boolean) => void;
}

export const useUnsaved = create<UnsavedStore>((set) => ({
  dirty: {},
  setDirty: (form, isDirty) =>
    set((s) => {
      if (isDirty === Boolean(s.dirty[form])) return s;
      const dirty = { ...s.dirty };
      if (isDirty) dirty[form] = true;
      else delete dirty[form];
      return { dirty };
    }),
}));

export const hasUnsavedInput = () => Object.keys(useUnsaved.getState().dirty).length > 0;
