import { Link } from 'react-router';
import { useI18n } from '../../common/i18n.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('notFound.heading')}</h1>
      <p>
        <Link to="/">{t('items.backToShared')}</Link>
      </p>
    </>
  );
}
