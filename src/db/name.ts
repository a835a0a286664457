/** The tablet's IndexedDB database; its own module so the boot reader can name it without Dexie. */
export const DB_NAME = 'friendly-desk';
