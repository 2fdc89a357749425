import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage, Loading, useAsync } from '../../common/ui.tsx';
import { MatterActivity } from '../components/MatterActivity.tsx';
import { MatterApproval } from '../components/MatterApproval.tsx';
import { MatterArchive } from '../components/MatterArchive.tsx';
import { MatterComments } from '../components/MatterComments.tsx';
import { MatterDeadlines } from '../components/MatterDeadlines.tsx';
import { MatterDetails } from '../components/MatterDetails.tsx';
import { MatterDocuments } from '../components/MatterDocuments.tsx';
import { MatterParties } from '../components/MatterParties.tsx';
import { MatterStaff } from '../components/MatterStaff.tsx';
import { MatterTasks } from '../components/MatterTasks.tsx';
import { useMatterWords } from '../components/matterTerm.tsx';
import type { Matter, MatterLists } from '../components/types.tsx';

/**
 * A matter's page: everything it has, each part saved on its own (details, client and parties,
 * deadlines, responsible staff, tasks, approval, archiving), its documents with their types, its
 * comments, its activity, and a way to its folder in the drive. A save shows the matter the API
 * answered everywhere on the page.
 */
export function MatterPage() {
  const { t } = useI18n();
  const words = useMatterWords();
  const { matterId } = useParams();
  const loaded = useAsync(() => Promise.all([get<Matter>(`/matters/${matterId}`), get<MatterLists>('/matter-lists')]), [matterId]);
  const [changed, setChanged] = useState<Matter>();
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorMessage error={loaded.error} />;
  const [first, lists] = loaded.data;
  const matter = changed?.matterId === first.matterId ? changed : first;
  return (
    <>
      <p>
        <Link to="/matters">{t('matter.back', words)}</Link>
      </p>
      <h1>{t('matter.heading', { reference: matter.reference, title: matter.title })}</h1>
      <p>
        <Link to={`/drive/${matter.folderId}`}>{t('matter.folder')}</Link>
      </p>
      {matter.archived && <p className="notice">{t('matter.archive.isArchived', words)}</p>}
      <MatterDetails key={`details-${matter.matterId}`} matter={matter} lists={lists} onSaved={setChanged} />
      <MatterParties key={`parties-${matter.matterId}`} matter={matter} lists={lists} onSaved={setChanged} />
      <MatterDeadlines key={`deadlines-${matter.matterId}`} matter={matter} onSaved={setChanged} />
      <MatterStaff key={`staff-${matter.matterId}`} matter={matter} onSaved={setChanged} />
      <MatterTasks key={`tasks-${matter.matterId}`} matter={matter} onSaved={setChanged} />
      <MatterApproval matter={matter} onChanged={setChanged} />
      <MatterDocuments matterId={matter.matterId} lists={lists} />
      <MatterComments matterId={matter.matterId} />
      <MatterArchive matter={matter} onSaved={setChanged} />
      <MatterActivity matter={matter} />
    </>
  );
}
