import { useTranslation } from 'react-i18next';

/**
 * For staff only, so out of the citizen's way: a quiet lock in the corner of the screen, not a
 * word beside the language buttons. Still a full 72 px target with its name for screen readers.
 */
export function StaffButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="kiosk-staff" aria-label={t('kiosk.staffButton')} title={t('kiosk.staffButton')} onClick={onClick}>
      <svg viewBox="0 0 24 24" aria-hidden="true" width="28" height="28">
        <path d="M7 10V7a5 5 0 0 1 10 0v3h1.5A1.5 1.5 0 0 1 20 11.5v9a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 20.5v-9A1.5 1.5 0 0 1 5.5 10zm2 0h6V7a3 3 0 0 0-6 0z" fill="currentColor" />
      </svg>
    </button>
  );
}
