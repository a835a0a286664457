import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPart, type ConfigPart } from '../../../domain/config-parts';
import { ApiError } from '../../../sync';
import { adminApi, type EditableConfig } from '../adminApi';
import { describeIssue } from './issues';
import { PART_EDITORS } from './parts';
import type { PartEditorProps, PartValue } from './types';

const PARTS = Object.keys(PART_EDITORS) as ConfigPart[];

/**
 * One commune's configuration, part by part. Each save is checked with the server's schema
 * first (src/domain/config-parts.ts), then PUT; the server bumps the config version, so every
 * tablet refreshes it (ETag) the next time it is online.
 */
export function ConfigEditor({ token, communeId, onSaved, onError }: { token: string; communeId: string; onSaved?: () => void; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [config, setConfig] = useState<EditableConfig | null>(null);
  const [part, setPart] = useState<ConfigPart>('staff');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  // Saves per part: a saved part's editor starts again from what was stored; the others keep their drafts.
  const [saves, setSaves] = useState<Partial<Record<ConfigPart, number>>>({});

  // A commune chosen while another one's config was on its way: the late answer is dropped.
  const current = useRef(communeId);
  current.current = communeId;
  const load = useCallback(
    () => adminApi(token).config(communeId).then((c) => current.current === communeId && setConfig(c), onError),
    [token, communeId],
  );
  useEffect(() => {
    setConfig(null);
    void load();
  }, [load]);

  const save = async (next: unknown) => {
    setProblem(null);
    setSaved(null);
    const checked = checkPart(part, next);
    if (!checked.ok) {
      setProblem(describeIssue(t, part, checked));
      return false;
    }
    try {
      const { version } = await adminApi(token).saveConfigPart(communeId, part, next);
      setSaved(version);
      onSaved?.();
      await load();
      // Only once the stored config is here: the part's editor starts again from it.
      setSaves((n) => ({ ...n, [part]: (n[part] ?? 0) + 1 }));
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setProblem(`${t('admin.config.serverRefused')} ${err.message}`);
      else onError(err);
      return false;
    }
  };

  // The kiosk code is never read back: its editor starts empty.
  const valueOf = (p: ConfigPart) => (p === 'kioskCode' ? { code: '' } : config?.[p]) as PartValue<ConfigPart>;
  return (
    <section aria-labelledby="config-title" className="config-editor">
      <h2 id="config-title">{t('admin.config.title')}</h2>
      <div className="action-buttons" role="group" aria-label={t('admin.config.parts')}>
        {PARTS.map((p) => (
          <button key={p} type="button" aria-pressed={p === part} onClick={() => { setPart(p); setProblem(null); setSaved(null); }}>
            {t(`admin.configParts.${p}`)}
          </button>
        ))}
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {saved !== null && <p role="status">{t('admin.config.saved', { part: t(`admin.configParts.${part}`), version: saved })}</p>}
      {config ? (
        // Every editor stays mounted, only the chosen one shown, so moving between parts keeps drafts.
        PARTS.map((p) => {
          const Editor = PART_EDITORS[p] as ComponentType<PartEditorProps<ConfigPart>>;
          return (
            <div key={`${communeId}-${p}-${saves[p] ?? 0}`} hidden={p !== part}>
              <Editor value={valueOf(p)} config={config} save={save} />
            </div>
          );
        })
      ) : (
        <p>{t('admin.config.loading')}</p>
      )}
    </section>
  );
}
