import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, formatVnDateTime } from '../../domain';
import { ApiError } from '../../sync';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useQrSvg } from '../../app/qr';
import { adminApi, login, type AuditFilter, type AuditRow, type Commune, type DeviceRow, type Me, type NewUser } from './adminApi';
import { FiguresPanel } from './figures/FiguresPanel';
import { ConfigEditor } from './config/ConfigEditor';

const TOKEN_KEY = 'friendly-desk.admin-token';

interface Session {
  token: string;
  me: Me;
  communes: Commune[];
}

/**
 * The central dashboard: sign in (a central user's username and password, or the root
 * ADMIN_TOKEN), enroll and revoke tablets, see figures and the audit log within one's scope.
 * Online only; the token lives in sessionStorage, so closing the tab forgets it.
 */
export default function AdminApp() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(async (token: string, badCredentials = 'admin.badToken') => {
    setError(null);
    try {
      const api = adminApi(token);
      const [me, communes] = await Promise.all([api.me(), api.communes()]);
      sessionStorage.setItem(TOKEN_KEY, token);
      setSession({ token, me, communes });
    } catch (err) {
      sessionStorage.removeItem(TOKEN_KEY);
      setSession(null);
      setError(err instanceof ApiError && err.status === 401 ? t(badCredentials) : t('admin.unreachable'));
    }
  }, [t]);
  useEffect(() => {
    // Only on first render: a remembered token signs in by itself (an expired one asks again).
    const remembered = sessionStorage.getItem(TOKEN_KEY);
    if (remembered) void open(remembered, 'admin.sessionEnded');
  }, []);

  if (!session) return <SignIn error={error} setError={setError} open={open} />;
  const signOut = async () => {
    // A session ends on the server too; the ADMIN_TOKEN is only forgotten here.
    if (session.me.username !== 'admin-token') await adminApi(session.token).logout().catch(() => undefined);
    sessionStorage.removeItem(TOKEN_KEY);
    setSession(null);
  };
  return <Dashboard session={session} onSignOut={() => void signOut()} onExpired={() => { sessionStorage.removeItem(TOKEN_KEY); setSession(null); setError(t('admin.sessionEnded')); }} />;
}

function SignIn({ error, setError, open }: { error: string | null; setError: (e: string | null) => void; open: (token: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const signInWithPassword = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const session = await login(username.trim(), password);
      setPassword('');
      await open(session.token);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      setError(code === 'too-many-attempts' ? t('admin.tooManyAttempts') : code === 'bad-credentials' || code === 'invalid-body' ? t('admin.badCredentials') : t('admin.unreachable'));
    }
  };
  const signInWithToken = (e: FormEvent) => {
    e.preventDefault();
    void open(token.trim());
  };
  return (
    <main className="page admin" aria-labelledby="admin-title">
      <LanguageSwitch />
      <h1 id="admin-title">{t('admin.title')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void signInWithPassword(e)} className="admin-login" aria-labelledby="account-title">
        <h2 id="account-title">{t('admin.accountSignIn')}</h2>
        <label className="field">
          <span>{t('admin.username')}</span>
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" required />
        </label>
        <label className="field">
          <span>{t('admin.password')}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        <button type="submit" className="primary big">
          {t('admin.login')}
        </button>
      </form>
      <form onSubmit={signInWithToken} className="admin-login" aria-labelledby="token-title">
        <h2 id="token-title">{t('admin.tokenSignIn')}</h2>
        <label className="field">
          <span>{t('admin.token')}</span>
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="big">
          {t('admin.signIn')}
        </button>
      </form>
      <p>
        <a href="#/">{t('admin.back')}</a>
      </p>
    </main>
  );
}

/** A choice among the communes in scope; `all`: the label of an extra "every commune" choice (value ''). */
function CommuneSelect({ label, communes, value, onChange, all }: { label: string; communes: Commune[]; value: string; onChange: (id: string) => void; all?: string }) {
  // Only the communes in the caller's scope come from the server; an admin's are grouped by province.
  const provinces = [...new Set(communes.map((c) => c.province))].sort((a, b) => a.localeCompare(b, 'vi'));
  const option = (c: Commune) => (
    <option key={c.id} value={c.id}>
      {c.name} — {c.province}
    </option>
  );
  return (
    <label className="field inline">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {all && <option value="">{all}</option>}
        {provinces.length > 1
          ? provinces.map((province) => (
              <optgroup key={province} label={province || '—'}>
                {communes.filter((c) => c.province === province).map(option)}
              </optgroup>
            ))
          : communes.map(option)}
      </select>
    </label>
  );
}

/** "Signed in as …": who, and what they may see. */
function WhoAmI({ me, communes }: { me: Me; communes: Commune[] }) {
  const { t } = useTranslation();
  const scope =
    me.username === 'admin-token'
      ? t('admin.scopeRoot')
      : me.role === 'admin'
        ? t('admin.scopeAdmin')
        : me.role === 'province'
          ? t('admin.scopeProvince', { province: me.province })
          : t('admin.scopeCommune', { commune: communes.find((c) => c.id === me.communeId)?.name ?? me.communeId });
  return (
    <p className="who" role="status" aria-label={t('admin.signedInAs')}>
      {me.username === 'admin-token' ? t('admin.rootToken') : t('admin.signedIn', { username: me.username })} · {scope}
      {me.expiresAt && <> · {t('admin.until', { time: formatVnDateTime(me.expiresAt) })}</>}
    </p>
  );
}

function Dashboard({ session, onSignOut, onExpired }: { session: Session; onSignOut: () => void; onExpired: () => void }) {
  const { t } = useTranslation();
  const { token, communes, me } = session;
  const api = adminApi(token);
  const fail = (err: unknown) => (err instanceof ApiError && err.status === 401 ? onExpired() : setError(err instanceof ApiError && err.status === 403 ? t('admin.forbidden') : (err as Error).message));
  const [communeId, setCommuneId] = useState(communes[0]?.id ?? '');
  const [devices, setDevices] = useState<DeviceRow[]>([]);
  const [issued, setIssued] = useState<{ kind: string; code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after each change made here, so the change log shows it.
  const [changes, setChanges] = useState(0);

  const refresh = useCallback(async () => {
    if (!communeId) return;
    setError(null);
    try {
      setDevices(await api.devices(communeId));
    } catch (err) {
      fail(err);
    }
  }, [communeId, token]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function enroll(kind: DeviceRow['kind']) {
    try {
      const { code, expiresAt } = await api.enroll(communeId, kind);
      setIssued({ kind, code, expiresAt });
      setChanges((n) => n + 1);
    } catch (err) {
      fail(err);
    }
  }
  async function revoke(device: DeviceRow) {
    if (!window.confirm(t('admin.confirmRevoke', { no: device.deviceNo }))) return;
    await api.revoke(device.id).then(refresh, fail);
    setChanges((n) => n + 1);
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
      <WhoAmI me={me} communes={communes} />
      <CommuneSelect label={t('admin.commune')} communes={communes} value={communeId} onChange={setCommuneId} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      {communeId && <FiguresPanel token={token} me={me} communes={communes} communeId={communeId} onError={fail} />}

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

      {communeId && <ConfigEditor token={token} communeId={communeId} onSaved={() => setChanges((n) => n + 1)} onError={fail} />}
      {me.role === 'admin' && <NewAccount token={token} communes={communes} onCreated={() => setChanges((n) => n + 1)} onError={fail} />}
      <AuditView token={token} communes={communes} changes={changes} onError={fail} />
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

/** Admins make the accounts of province and commune users (and other admins). */
function NewAccount({ token, communes, onCreated, onError }: { token: string; communes: Commune[]; onCreated: () => void; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const empty: NewUser = { username: '', password: '', role: 'commune', province: '', communeId: communes[0]?.id ?? '' };
  const [user, setUser] = useState<NewUser>(empty);
  const [made, setMade] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const provinces = [...new Set(communes.map((c) => c.province).filter(Boolean))];
  const set = (key: keyof NewUser) => (e: { target: { value: string } }) => setUser((u) => ({ ...u, [key]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMade(null);
    setProblem(null);
    const { province, communeId, ...rest } = user;
    try {
      const created = await adminApi(token).createUser({ ...rest, ...(user.role === 'province' ? { province } : user.role === 'commune' ? { communeId } : {}) });
      setMade(created.username);
      setUser(empty);
      onCreated();
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 403) return onError(err);
      setProblem(err.code === 'username-taken' ? t('admin.usernameTaken') : t('admin.accountInvalid'));
    }
  };
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('admin.newAccount')}</h2>
      <form onSubmit={(e) => void submit(e)} className="choices-row">
        <label className="field inline">
          <span>{t('admin.username')}</span>
          <input value={user.username} onChange={set('username')} autoComplete="off" autoCapitalize="none" required minLength={3} />
        </label>
        <label className="field inline">
          <span>{t('admin.newPassword')}</span>
          <input type="password" value={user.password} onChange={set('password')} autoComplete="new-password" required minLength={10} />
        </label>
        <label className="field inline">
          <span>{t('admin.role')}</span>
          <select value={user.role} onChange={set('role')}>
            {(['commune', 'province', 'admin'] as const).map((role) => (
              <option key={role} value={role}>
                {t(`admin.roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        {user.role === 'province' && (
          <label className="field inline">
            <span>{t('admin.province')}</span>
            <input value={user.province} onChange={set('province')} list="known-provinces" required />
            <datalist id="known-provinces">
              {provinces.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          </label>
        )}
        {user.role === 'commune' && (
          <CommuneSelect label={t('admin.accountCommune')} communes={communes} value={user.communeId ?? ''} onChange={(communeId) => setUser((u) => ({ ...u, communeId }))} />
        )}
        <button type="submit" className="primary">
          {t('admin.createAccount')}
        </button>
      </form>
      {made && <p role="status">{t('admin.accountCreated', { username: made })}</p>}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </section>
  );
}

// The audit log names the route of each change; the dashboard says it in words.
const AUDIT_ACTIONS: Record<string, string> = {
  'POST /api/v1/admin/communes': 'createCommune',
  'POST /api/v1/admin/users': 'createUser',
  'POST /api/v1/admin/enrollments': 'issueCode',
  'POST /api/v1/admin/devices/:id/revoke': 'revoke',
  'PUT /api/v1/admin/communes/:id/config/:part': 'saveConfig',
};

/** The audit log within the caller's scope, newest first, filtered by commune, dates and who. */
function AuditView({ token, communes, changes, onError }: { token: string; communes: Commune[]; changes: number; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  useEffect(() => {
    // Typing a name asks once the typing pauses, not per key.
    const timer = setTimeout(() => void adminApi(token).audit(filter).then(setRows, onError), filter.actor ? 400 : 0);
    return () => clearTimeout(timer);
  }, [token, filter, changes]);
  const set = (key: keyof AuditFilter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [key]: e.target.value }));
  const communeName = (id?: string) => (id ? (communes.find((c) => c.id === id)?.name ?? id) : '—');
  const action = (route: string) => (AUDIT_ACTIONS[route] ? t(`admin.auditActions.${AUDIT_ACTIONS[route]}`) : route);
  const details = ({ route, details: d, summary }: AuditRow) => {
    if (!AUDIT_ACTIONS[route] || !d) return summary;
    // Words that are themselves translated: a role, a tablet kind, a config part.
    const words = {
      ...d,
      ...(d.role ? { role: t(`admin.roles.${d.role}`) } : {}),
      ...(d.kind ? { kind: t(`kinds.${d.kind}`) } : {}),
      ...(d.part ? { part: t(`admin.configParts.${d.part}`, { defaultValue: String(d.part) }) } : {}),
    };
    return t(`admin.auditDetails.${AUDIT_ACTIONS[route]}`, words);
  };
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit')}</h2>
      <div className="choices-row">
        <CommuneSelect label={t('admin.auditCommune')} communes={communes} value={filter.communeId ?? ''} onChange={(communeId) => setFilter((f) => ({ ...f, communeId }))} all={t('admin.allCommunes')} />
        <label className="field inline">
          <span>{t('admin.from')}</span>
          <input type="date" value={filter.from ?? ''} onChange={set('from')} />
        </label>
        <label className="field inline">
          <span>{t('admin.to')}</span>
          <input type="date" value={filter.to ?? ''} onChange={set('to')} />
        </label>
        <label className="field inline">
          <span>{t('admin.actor')}</span>
          <input value={filter.actor ?? ''} onChange={set('actor')} autoCapitalize="none" />
        </label>
      </div>
      {rows && rows.length === 0 && <p>{t('admin.auditEmpty')}</p>}
      {rows && rows.length > 0 && (
        <table className="dossier-table" aria-labelledby="audit-title">
          <thead>
            <tr>
              <th scope="col">{t('admin.when')}</th>
              <th scope="col">{t('admin.actor')}</th>
              <th scope="col">{t('admin.action')}</th>
              <th scope="col">{t('admin.commune')}</th>
              <th scope="col">{t('admin.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatVnDateTime(r.at)}</td>
                <td>{r.actor === 'admin-token' ? t('admin.rootToken') : r.actor}</td>
                <td>{action(r.route)}</td>
                <td>{communeName(r.communeId)}</td>
                <td>{details(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
