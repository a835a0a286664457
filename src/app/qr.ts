import { useEffect, useState } from 'react';

export interface QrDetector {
  detect(source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap): Promise<{ rawValue: string }[]>;
}

/**
 * The browser's own BarcodeDetector where it has one; elsewhere the ZXing WebAssembly ponyfill,
 * loaded only now, with its .wasm served (and precached) by us so scanning works offline.
 */
export async function createQrDetector(): Promise<QrDetector> {
  const Native = (globalThis as { BarcodeDetector?: { new (o: { formats: string[] }): QrDetector; getSupportedFormats?: () => Promise<string[]> } })
    .BarcodeDetector;
  if (Native && (await Native.getSupportedFormats?.())?.includes('qr_code')) return new Native({ formats: ['qr_code'] });
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
  });
  return new BarcodeDetector({ formats: ['qr_code'] });
}

/**
 * The QR code of `text` as SVG markup (null until drawn). The encoder loads only when a screen
 * draws one (a receipt slip, an enrollment code), never before the first screen.
 */
export function useQrSvg(text: string | undefined): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    setSvg(null);
    if (!text) return;
    let live = true;
    void import('qrcode').then((qr) =>
      qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((s) => live && setSvg(s)),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return svg;
}
