/**
 * The survey's storage, loaded after the first screen is drawn: the citizen reads the question
 * while Dexie arrives, and it is there long before the first answer is saved.
 */
export async function surveyStore() {
  const [{ db }, store] = await Promise.all([import('../../app/db'), import('../../db')]);
  return { db, ...store };
}
