/** A matter's trail, newest first, a page at a time: who changed, approved, typed or commented what. */
import { useI18n } from '../../common/i18n.ts';
import { AuditList } from './AuditList.tsx';
import type { Matter } from './types.tsx';

export function MatterActivity({ matter }: { matter: Matter }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="matter-activity">
      <h2 id="matter-activity">{t('matter.activity.heading')}</h2>
      {/* Read again after each change of the matter, so a save shows in its trail at once. */}
      <AuditList path={`/matters/${matter.matterId}/activity`} version={Date.parse(matter.updatedAt)} />
    </section>
  );
}
