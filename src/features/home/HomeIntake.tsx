import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { homeAddress, type CommuneConfig } from '../../domain';
import { updateVisitSession } from '../../db';
import { db } from '../../app/db';
import { navigate } from '../../app/router';
import { IntakeForm } from '../dossiers';

/** Intake at the person's home: channel "home", their name and address from the registry, a signature on the screen. */
export function HomeIntake({ visitId, config }: { visitId: string; config: CommuneConfig }) {
  const { t } = useTranslation();
  const found = useLiveQuery(async () => {
    const visit = await db.homeVisits.get(visitId);
    return { visit, client: visit ? await db.homeClients.get(visit.clientId) : undefined };
  }, [visitId]);
  if (!found) return <p role="status">{t('app.loading')}</p>;
  const { visit, client } = found;
  if (!visit) return <p role="alert">{t('home.visit.notFound')}</p>;
  const address = client ? homeAddress(client) : '';
  return (
    <IntakeForm
      config={config}
      form={`intake-visit-${visitId}`}
      askSignature
      defaults={{
        channel: 'home',
        name: client?.name ?? '',
        address,
        phone: client?.phone ?? '',
        idNumber: client?.idNumber ?? '',
        procedureId: visit.procedureId ?? '',
      }}
      onReceived={(row) => {
        void updateVisitSession(db, visitId, (s) => ({ ...s, dossierIds: [...s.dossierIds, row.id] })).then(() => navigate(`/home/v/${visitId}`));
      }}
    />
  );
}
