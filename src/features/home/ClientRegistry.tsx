import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { searchHomeClients } from '../../db';
import { db } from '../../app/db';

/** The people the commune serves at home; search folds Vietnamese ("nguyen thi hoa" finds "Nguyễn Thị Hòa"). */
export function ClientRegistry() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const clients = useLiveQuery(() => searchHomeClients(db, search), [search]);
  return (
    <section aria-labelledby="registry-title">
      <h1 id="registry-title">{t('home.registry.title')}</h1>
      <div className="field">
        <label htmlFor="registry-search">{t('home.registry.search')}</label>
        <input id="registry-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
      </div>
      <p>
        <a className="button primary big" href="#/home/clients/new">
          {t('home.registry.add')}
        </a>
      </p>
      {clients && (
        <ul className="visit-list" aria-label={t('home.registry.list')}>
          {clients.map((c) => (
            <li key={c.id} className="visit-item">
              <a className="visit-link" href={`#/home/clients/${c.id}`}>
                <strong>{c.name}</strong>
                <span>{[c.village, c.address].filter(Boolean).join(' · ')}</span>
                <span>{t(`home.reason.${c.reason}`)}</span>
              </a>
            </li>
          ))}
          {clients.length === 0 && <li>{t('home.registry.none')}</li>}
        </ul>
      )}
    </section>
  );
}
