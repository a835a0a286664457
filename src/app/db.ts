import { FriendlyDeskDB } from '../db';

/** The app's one database connection. */
export const db = new FriendlyDeskDB();
