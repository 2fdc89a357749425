/** After an upload: reload now, and once more when the new files have had time to appear. */
import { useCallback, useEffect, useState } from 'react';

/** An upload is listed once the file store has told the drive it arrived, a moment after the last byte. */
const ARRIVAL_DELAY_MS = 3000;

export function useReloadAfterArrival(reload: () => void) {
  const [timer, setTimer] = useState<number>();
  useEffect(() => () => window.clearTimeout(timer), [timer]);
  return useCallback(() => {
    reload();
    setTimer(window.setTimeout(reload, ARRIVAL_DELAY_MS));
  }, [reload]);
}
