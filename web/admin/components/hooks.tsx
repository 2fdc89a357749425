import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../common/i18n.ts';
import { useTabTitle } from '../../common/ui.tsx';

export { usePaged } from '../../common/paging.ts';

/** Runs one request at a time for a button or form: `busy` disables it, `error` is shown next to it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clearError: () => setError(undefined) };
}

/** `value`, once it has stopped changing for `ms`: a search waits for the typing to pause. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Names the tab "<firm> — staff", so a staff member with several tabs open sees which firm's portal this is. */
export function useStaffTabTitle(firmName: string | undefined): void {
  const { t } = useI18n();
  useTabTitle(firmName, t('tabTitle'));
}
