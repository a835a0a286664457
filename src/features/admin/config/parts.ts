import type { ComponentType } from 'react';
import type { ConfigPart } from '../../../domain/config-parts';
import type { PartEditorProps } from './types';
import { ProceduresEditor } from './ProceduresEditor';
import { CalendarEditor } from './CalendarEditor';
import { StaffEditor } from './StaffEditor';
import { ChecklistTemplatesEditor } from './ChecklistTemplatesEditor';
import { LetterTemplatesEditor } from './LetterTemplatesEditor';
import { SurveyEditor } from './SurveyEditor';
import { SettingsEditor } from './SettingsEditor';
import { KioskCodeEditor } from './KioskCodeEditor';

/** The config editor's parts, in the order the dashboard shows them: one line per part. */
export const PART_EDITORS: { [P in ConfigPart]: ComponentType<PartEditorProps<P>> } = {
  staff: StaffEditor,
  calendar: CalendarEditor,
  procedures: ProceduresEditor,
  checklistTemplates: ChecklistTemplatesEditor,
  letterTemplates: LetterTemplatesEditor,
  survey: SurveyEditor,
  settings: SettingsEditor,
  kioskCode: KioskCodeEditor,
};
