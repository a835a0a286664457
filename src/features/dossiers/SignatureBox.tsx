import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

// signature_pad loads when a signature is asked for, not with the counter's first screen.
const SignatureField = lazy(async () => ({ default: (await import('./SignatureField')).SignatureField }));

/** The signature field, its code loaded on first use (precached by the service worker, so offline too). */
export function SignatureBox(props: ComponentProps<typeof SignatureField>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <SignatureField {...props} />
    </Suspense>
  );
}
