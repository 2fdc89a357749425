/** What the firm calls a matter (the `matterTerm` setting): every word about matters in the staff UI follows it. */
import { createContext, useContext } from 'react';
import type { SettingsView } from './types.tsx';

export type MatterTerm = SettingsView['matterTerm'];

export const MatterTermContext = createContext<MatterTerm>('matter');

/** The i18next context a matter word takes: `t('matters.newMatter', useMatterWords())` says "New order" in a firm of orders. */
export const useMatterWords = () => ({ context: useContext(MatterTermContext) });
