import { useStore } from 'zustand';
import { syncStatus, type SyncStatus } from '../sync';

export function useSyncStatus(): SyncStatus {
  return useStore(syncStatus);
}
