import { useI18n } from '../../common/i18n.ts';
import { formatDate } from '../../common/format.ts';
import type { components } from '../../common/api-types.ts';

type Mark = components['schemas']['Contact']['undeliverable'];

/**
 * An address that bounced or complained (the SES events mark it): a badge beside it in lists,
 * and, where the address can be corrected, a notice saying what happened and what to do.
 */
export function UndeliverableBadge({ mark }: { mark: Mark }) {
  const { t, locale } = useI18n();
  if (!mark) return null;
  return (
    <span className="badge undeliverable" title={t(`undeliverable.${mark.reason}`, { date: formatDate(mark.since, locale) })}>
      {t('undeliverable.badge')}
    </span>
  );
}

export function UndeliverableNotice({ mark }: { mark: Mark }) {
  const { t, locale } = useI18n();
  if (!mark) return null;
  return (
    <p className="notice" role="note">
      <UndeliverableBadge mark={mark} /> {t(`undeliverable.${mark.reason}`, { date: formatDate(mark.since, locale) })} {t('undeliverable.fix')}
    </p>
  );
}
