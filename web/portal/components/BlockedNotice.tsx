/** The full-page answer to a closed portal or a closed access: the API's own message, and no documents, in the firm's branding. */
import type { ApiError } from '../../common/api.ts';
import { signOut } from '../../common/auth.ts';
import { useI18n } from '../../common/i18n.ts';
import { ErrorMessage } from '../../common/ui.tsx';
import { Branded, brandingOf, type FirmBranding } from './Branding.tsx';

/** `knownFirm`: the branding already on screen, for a refusal that does not carry its own. */
export function BlockedNotice({ error, knownFirm }: { error: ApiError; knownFirm?: FirmBranding }) {
  const { t } = useI18n();
  const portalClosed = error.code === 'portal_closed';
  return (
    // No language switch here: the notice is a few words, already in the language the portal was in.
    <Branded firm={brandingOf(error) ?? knownFirm}>
      <main className="centered blocked">
        <h1>{portalClosed ? t('blocked.portalClosed') : t('blocked.accessClosed')}</h1>
        <ErrorMessage error={error} />
        <div className="row">
          {portalClosed && (
            <button type="button" onClick={() => window.location.reload()}>
              {t('common.tryAgain')}
            </button>
          )}
          <button type="button" className={portalClosed ? 'secondary' : undefined} onClick={() => void signOut()}>
            {t('common.signOut')}
          </button>
        </div>
      </main>
    </Branded>
  );
}
