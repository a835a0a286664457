import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

function voiceFor(lang: string): SpeechSynthesisVoice | undefined {
  return window.speechSynthesis?.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
}

/** Reads the screen's question aloud with the device's own voice; hidden where it has none for the language. */
export function ReadAloud({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.slice(0, 2);
  const [voice, setVoice] = useState(() => voiceFor(lang));
  useEffect(() => {
    const synth = window.speechSynthesis;
    if (!synth) return;
    const update = () => setVoice(voiceFor(lang));
    update();
    synth.addEventListener?.('voiceschanged', update);
    return () => synth.removeEventListener?.('voiceschanged', update);
  }, [lang]);
  if (!voice) return null;
  return (
    <button
      type="button"
      className="read-aloud"
      onClick={() => {
        window.speechSynthesis.cancel();
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = 0.9;
        window.speechSynthesis.speak(utterance);
      }}
    >
      {t('kiosk.readAloud')}
    </button>
  );
}
