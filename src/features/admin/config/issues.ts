import type { TFunction } from 'i18next';
import type { ConfigPart, PartIssue } from '../../../domain/config-parts';

/**
 * A schema problem in the reader's language: where ("Cán bộ 2 › Mã PIN") and what (from zod's
 * issue code and limit). The schema's own English message is kept for the rules that only it
 * can state (a custom check).
 */
export function describeIssue(t: TFunction, part: ConfigPart, issue: PartIssue): string {
  const where = [t(`admin.configParts.${part}`), ...issue.path.map((p) => (typeof p === 'number' ? `#${p + 1}` : t(`admin.config.fields.${p}`, { defaultValue: p })))].join(' › ');
  const what =
    issue.code === 'too_small' && issue.limit === 1
      ? t('admin.config.issues.required')
      : issue.code === 'too_small' || issue.code === 'too_big'
        ? t(`admin.config.issues.${issue.code}`, { limit: issue.limit })
        : issue.code === 'invalid_format' || issue.code === 'invalid_type' || issue.code === 'invalid_value'
          ? t(`admin.config.issues.${issue.code}`)
          : `${t('admin.config.issues.other')} (${issue.message})`;
  return `${where}: ${what}`;
}
