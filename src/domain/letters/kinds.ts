/** The letters a desk issues (DESIGN.md › Letters). */
export const LETTER_KINDS = ['apology', 'thanks', 'congratulation', 'condolence'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
/** The kinds a procedure's result may come with (birth, marriage → congratulation; death → condolence). */
export const PROCEDURE_LETTER_KINDS = ['congratulation', 'condolence'] as const satisfies readonly LetterKind[];
