import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, formatVnDateTime, vnDateKey } from '../../domain';
import { ApiError } from '../../sync';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useQrSvg } from '../../app/qr';
import { adminApi, type Commune, type CommuneFigures, type DeviceRow } from './adminApi';
import { BarChart } from './BarChart';

const TOKEN_KEY = 'friendly-desk.admin-token';
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** The central dashboard: enroll and revoke tablets, see a commune's figures. Online only. */
export default function AdminApp() {
  const { t } = useTranslation();
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [communes, setCommunes] = useState<Commune[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (candidate: string) => {
      setError(null);
      try {
        setCommunes(await adminApi(candidate).communes());
        sessionStorage.setItem(TOKEN_KEY, candidate);
      } catch (err) {
        setCommunes(null);
        setError(err instanceof ApiError && err.status === 401 ? t('admin.badToken') : t('admin.unreachable'));
      }
    },
    [t],
  );
  useEffect(() => {
    if (token) void load(token);
    // Only on first render: a remembered token signs in by itself.
  }, []);

  if (!communes) {
    const submit = (e: FormEvent) => {
      e.preventDefault();
      void load(token.trim());
    };
    return (
      <main className="page admin" aria-labelledby="admin-title">
        <LanguageSwitch />
        <h1 id="admin-title">{t('admin.title')}</h1>
        <form onSubmit={submit} className="admin-login">
          <label className="field">
            <span>{t('admin.token')}</span>
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary big">
            {t('admin.signIn')}
          </button>
        </form>
        <p>
          <a href="#/">{t('admin.back')}</a>
        </p>
      </main>
    );
  }
  return <Dashboard token={token} communes={communes} onSignOut={() => { sessionStorage.removeItem(TOKEN_KEY); setCommunes(null); setToken(''); }} />;
}

function Dashboard({ token, communes, onSignOut }: { token: string; communes: Commune[]; onSignOut: () => void }) {
  const { t } = useTranslation();
  const api = adminApi(token);
  const [communeId, setCommuneId] = useState(communes[0]?.id ?? '');
  const [devices, setDevices] = useState<DeviceRow[]>([]);
  const [figures, setFigures] = useState<CommuneFigures | null>(null);
  const [issued, setIssued] = useState<{ kind: string; code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = vnDateKey(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);

  const refresh = useCallback(async () => {
    if (!communeId) return;
    setError(null);
    try {
      const [d, f] = await Promise.all([api.devices(communeId), api.reports(communeId, from, to)]);
      setDevices(d);
      setFigures(f);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [communeId, from, to, token]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function enroll(kind: DeviceRow['kind']) {
    try {
      const { code, expiresAt } = await api.enroll(communeId, kind);
      setIssued({ kind, code, expiresAt });
    } catch (err) {
      setError((err as Error).message);
    }
  }
  async function revoke(device: DeviceRow) {
    if (!window.confirm(t('admin.confirmRevoke', { no: device.deviceNo }))) return;
    await api.revoke(device.id);
    await refresh();
  }

  return (
    <main className="page admin" aria-labelledby="admin-title">
      <div className="admin-top">
        <h1 id="admin-title">{t('admin.title')}</h1>
        <LanguageSwitch />
        <button type="button" onClick={onSignOut}>
          {t('admin.signOut')}
        </button>
      </div>
      <label className="field inline">
        <span>{t('admin.commune')}</span>
        <select value={communeId} onChange={(e) => setCommuneId(e.target.value)}>
          {communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} — {c.province}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t('admin.figures')}</h2>
        <div className="choices-row">
          <label className="field inline">
            <span>{t('admin.from')}</span>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="field inline">
            <span>{t('admin.to')}</span>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
        {figures && (
          <div className="figures">
            <dl className="facts">
              <dt>{t('admin.received')}</dt>
              <dd>{figures.received}</dd>
              <dt>{t('admin.onTimeRate')}</dt>
              <dd>{percent(figures.onTimeRate)}</dd>
              <dt>{t('admin.satisfiedRate')}</dt>
              <dd>
                {percent(figures.satisfaction.satisfiedRate)} ({t('admin.responses', { count: figures.satisfaction.responses })})
              </dd>
              <dt>{t('admin.atHome')}</dt>
              <dd>{figures.atHome}</dd>
              <dt>{t('admin.overdueOpen')}</dt>
              <dd>{figures.overdueOpen}</dd>
            </dl>
            <BarChart
              title={t('admin.timelinessChart')}
              bars={[
                { label: t('admin.early'), value: figures.early, color: '#1b5e20' },
                { label: t('admin.onTime'), value: figures.onTime, color: '#43a047' },
                { label: t('admin.late'), value: figures.late, color: '#b3261e' },
                { label: t('admin.open'), value: figures.open, color: '#8a4b00' },
              ]}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="devices-title">
        <h2 id="devices-title">{t('admin.devices')}</h2>
        <div className="action-buttons">
          {DEVICE_KINDS.map((kind) => (
            <button key={kind} type="button" onClick={() => void enroll(kind)}>
              {t('admin.newCode', { kind: t(`kinds.${kind}`) })}
            </button>
          ))}
        </div>
        {issued && <IssuedCode {...issued} />}
        <table className="dossier-table labelled">
          <thead>
            <tr>
              <th scope="col">{t('admin.deviceNo')}</th>
              <th scope="col">{t('admin.kind')}</th>
              <th scope="col">{t('admin.lastSync')}</th>
              <th scope="col">{t('admin.ops')}</th>
              <th scope="col">{t('admin.gaps')}</th>
              <th scope="col">{t('admin.unsentCol')}</th>
              <th scope="col">
                <span className="sr-only">{t('admin.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id} className={d.silent ? 'device-silent' : undefined}>
                <td data-label={t('admin.deviceNo')}>{d.deviceNo}</td>
                <td data-label={t('admin.kind')}>{t(`kinds.${d.kind}`)}</td>
                <td data-label={t('admin.lastSync')}>
                  {d.lastSyncAt ? formatVnDateTime(d.lastSyncAt) : t('admin.never')}
                  {d.silent && <strong className="late-label"> · {t('admin.silent')}</strong>}
                </td>
                <td data-label={t('admin.ops')}>{d.opCount}</td>
                <td data-label={t('admin.gaps')} className={d.seqGaps.length ? 'late-label' : undefined}>
                  {d.seqGaps.length ? d.seqGaps.map((g) => (g.from === g.to ? g.from : `${g.from}–${g.to}`)).join(', ') : t('admin.noGaps')}
                </td>
                <td data-label={t('admin.unsentCol')} className={d.unsent ? 'late-label' : undefined}>{d.unsent ? t('admin.unsent', { count: d.unsent }) : t('admin.allSent')}</td>
                <td>
                  {d.revoked ? (
                    t('admin.revoked')
                  ) : (
                    <button type="button" onClick={() => void revoke(d)} aria-label={t('admin.revokeDevice', { no: d.deviceNo })}>
                      {t('admin.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

/** A new enrollment code, as text to type and as a QR for a tablet's camera ("Quét mã QR" on its first screen). */
function IssuedCode({ kind, code, expiresAt }: { kind: string; code: string; expiresAt: string }) {
  const { t } = useTranslation();
  const qr = useQrSvg(code);
  return (
    <div role="status" className="issued-code">
      <p>
        {t('admin.codeIssued', { kind: t(`kinds.${kind}`), expires: formatVnDateTime(expiresAt) })} <strong className="code">{code}</strong>
      </p>
      {qr && <img className="enroll-qr" alt={t('admin.codeQr', { code })} src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`} />}
      <p className="hint">{t('admin.codeQrHint')}</p>
    </div>
  );
}
