import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import type { Signature } from '../../domain/signature';
import { strokesToSvg } from './signatureSvg';
import { CheckRow } from '../../app/CheckRow';

type Props = {
  signerName: string;
  /** Called with the signature as it stands: drawn, a fingerprint on paper, or none yet. */
  onChange: (signature: Signature | undefined) => void;
  label?: string;
  now?: () => Date;
};

/**
 * The person signs on the screen with a finger (signature_pad draws smooth strokes), or the officer
 * notes that they fingerprinted the paper, which people who cannot sign do (Decree 23/2015).
 */
export function SignatureField({ signerName, onChange, label, now = () => new Date() }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [state, setState] = useState<'empty' | 'signed' | 'fingerprint'>('empty');
  const report = useRef(onChange);
  report.current = onChange;

  useEffect(() => {
    const el = canvas.current!;
    // signature_pad draws in canvas pixels: size the canvas to its box on screen (sharp on dense screens).
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const [w, h] = [el.offsetWidth || el.width, el.offsetHeight || el.height];
    if (el.offsetWidth) {
      el.width = w * ratio;
      el.height = h * ratio;
      el.getContext('2d')?.scale(ratio, ratio);
    }
    const p = new SignaturePad(el, { minWidth: 1, maxWidth: 3, penColor: '#000' });
    pad.current = p;
    const done = () => {
      if (p.isEmpty()) return;
      const svg = strokesToSvg(p.toData(), w, h);
      setState('signed');
      report.current({ kind: 'signature', svg, signedAt: now().toISOString(), signerName });
    };
    p.addEventListener('endStroke', done);
    return () => {
      p.removeEventListener('endStroke', done);
      p.off();
    };
    // The pad lives as long as the field; the name is read when a stroke ends.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signerName]);

  const clear = () => {
    pad.current?.clear();
    setState('empty');
    report.current(undefined);
  };
  const fingerprint = (on: boolean) => {
    pad.current?.clear();
    setState(on ? 'fingerprint' : 'empty');
    report.current(on ? { kind: 'fingerprint', signedAt: now().toISOString(), signerName } : undefined);
  };

  return (
    <fieldset className="signature-field">
      <legend>{label ?? t('signature.label')}</legend>
      <canvas
        ref={canvas}
        width={600}
        height={200}
        className="signature-canvas"
        role="img"
        aria-label={t('signature.canvas', { name: signerName })}
        hidden={state === 'fingerprint'}
      />
      <p role="status" className="hint">
        {t(`signature.state.${state}`)}
      </p>
      <div className="choices-row">
        <button type="button" onClick={clear} disabled={state !== 'signed'}>
          {t('signature.clear')}
        </button>
        <CheckRow checked={state === 'fingerprint'} onChange={fingerprint}>
          {t('signature.fingerprint')}
        </CheckRow>
      </div>
    </fieldset>
  );
}
