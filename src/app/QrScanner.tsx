import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createQrDetector } from './qr';

const SCAN_EVERY_MS = 250;

/** Live camera view that reports the first QR code it reads. Nothing is recorded or stored. */
export function QrScanner({ onCode, onCancel }: { onCode: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (!live || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = await createQrDetector();
        const scan = async () => {
          if (!live || !video.current) return;
          try {
            const [found] = await detector.detect(video.current);
            if (found?.rawValue) {
              live = false;
              onCode(found.rawValue);
              return;
            }
          } catch {
            /* a frame that could not be read: try the next */
          }
          timer = setTimeout(scan, SCAN_EVERY_MS);
        };
        void scan();
      } catch {
        setError(t('scanner.noCamera'));
      }
    })();
    return () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode, t]);

  return (
    <div className="qr-scanner" role="region" aria-label={t('scanner.label')}>
      {error ? <p role="alert">{error}</p> : <video ref={video} muted playsInline aria-label={t('scanner.video')} />}
      <button type="button" onClick={onCancel}>
        {t('scanner.cancel')}
      </button>
    </div>
  );
}
