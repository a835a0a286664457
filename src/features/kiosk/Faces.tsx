import { useTranslation } from 'react-i18next';
import type { Rating } from '../../domain';

const LOOK: Record<Rating, { color: string; mouth: string }> = {
  'very-satisfied': { color: '#1b5e20', mouth: 'M30 62 Q50 84 70 62' },
  satisfied: { color: '#43a047', mouth: 'M32 64 Q50 76 68 64' },
  normal: { color: '#b26a00', mouth: 'M33 68 L67 68' },
  'not-satisfied': { color: '#b3261e', mouth: 'M32 74 Q50 58 68 74' },
};

/** A face drawn, not an emoji: it looks the same on every tablet. Its word sits under it. */
export function Face({ rating }: { rating: Rating }) {
  const { color, mouth } = LOOK[rating];
  return (
    <svg viewBox="0 0 100 100" aria-hidden="true" className="face">
      <circle cx="50" cy="50" r="46" fill={color} />
      <circle cx="35" cy="40" r="6" fill="#fff" />
      <circle cx="65" cy="40" r="6" fill="#fff" />
      <path d={mouth} stroke="#fff" strokeWidth="7" fill="none" strokeLinecap="round" />
    </svg>
  );
}

/** Big face buttons, best first; one tap answers. */
export function RatingChoices({ levels, value, onPick, label }: { levels: Rating[]; value?: Rating; onPick: (r: Rating) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={label} className="faces">
      {levels.map((level) => (
        <button key={level} type="button" className={`face-button rating-${level}`} aria-pressed={value === level} onClick={() => onPick(level)}>
          <Face rating={level} />
          <span>{t(`kiosk.rating.${level}`)}</span>
        </button>
      ))}
    </div>
  );
}
