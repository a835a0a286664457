/** The letters a desk issues (DESIGN.md › Letters; 1.1 adds longevity, for home clients' birthdays). */
export const LETTER_KINDS = ['apology', 'thanks', 'congratulation', 'condolence', 'longevity'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
/** The kinds a procedure's result may come with (birth, marriage → congratulation; death → condolence). */
export const PROCEDURE_LETTER_KINDS = ['congratulation', 'condolence'] as const satisfies readonly LetterKind[];
/** How a letter reached its recipient (letter.delivered, 1.1). */
export const DELIVERY_METHODS = ['in-person', 'at-home', 'post', 'other'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
