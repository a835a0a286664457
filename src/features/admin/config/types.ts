import type { ConfigPart } from '../../../domain/config-parts';
import type { EditableConfig } from '../adminApi';

/** What the editor of one part edits: that part of the config as read back. */
export type PartValue<P extends ConfigPart> = P extends 'kioskCode' ? { code: string } : P extends keyof EditableConfig ? NonNullable<EditableConfig[P]> : never;

/**
 * Every part's editor gets the part as saved, the whole config (for previews and links to other
 * parts) and `save`, which checks the part with the server's own schema, says what is wrong or
 * sends it, and resolves true once saved.
 */
export interface PartEditorProps<P extends ConfigPart> {
  value: PartValue<P>;
  config: EditableConfig;
  save: (next: PartValue<P>) => Promise<boolean>;
}
