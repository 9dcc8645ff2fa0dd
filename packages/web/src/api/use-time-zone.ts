import { useEffect, useState } from 'react';
import { api } from './client';

/** The city's time zone until the server says otherwise (the French profile's). */
export const defaultTimeZone = 'Europe/Paris';

let known = defaultTimeZone;
let asked: Promise<string> | undefined;

/**
 * The one time zone of the installation (its legal profile's, Europe/Paris by default) in which every
 * date of the console is shown and typed, whatever the workstation's own clock setting. Asked once.
 */
export function useTimeZone(): string {
  const [zone, setZone] = useState(known);
  useEffect(() => {
    asked ??= api
      .GET('/api/console/settings')
      .then(({ data }) => (known = data?.legalProfile.timeZone ?? known))
      .catch(() => known);
    void asked.then(setZone);
  }, []);
  return zone;
}
