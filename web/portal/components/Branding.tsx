/** The firm's run-time branding around every page of the portal, the closed-portal and closed-access notices included. */
import type { CSSProperties, ReactNode } from 'react';
import type { ApiError } from '../../common/api.ts';
import { useI18n } from '../../common/i18n.ts';
import { useTabTitle } from '../../common/ui.tsx';
import type { Profile } from './PortalContext.tsx';

/** A refusal's branding may come without a colour; the portal's own colours apply then. */
export type FirmBranding = Pick<Profile['firm'], 'firmName' | 'logoUrl'> & { colour?: string };

/** The branding a refusal carries (the API adds it to "portal closed" and "access closed"), if any. */
export function brandingOf(error: ApiError): FirmBranding | undefined {
  const firm = error.details.firm as Partial<FirmBranding> | undefined;
  return typeof firm?.firmName === 'string' ? { firmName: firm.firmName, logoUrl: firm.logoUrl, colour: firm.colour } : undefined;
}

/** The firm's colour on everything inside, its logo and name at the top, and its name on the browser tab. */
export function Branded({ firm, nav, children }: { firm?: FirmBranding; nav?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  useTabTitle(firm?.firmName, t('tabTitle'));
  return (
    <div className="portal" style={firm?.colour ? ({ '--brand': firm.colour } as CSSProperties) : undefined}>
      {firm && (
        <header className="top">
          <span className="brand">
            {firm.logoUrl && <img src={firm.logoUrl} alt="" />}
            {firm.firmName}
          </span>
          {nav}
        </header>
      )}
      {children}
    </div>
  );
}
