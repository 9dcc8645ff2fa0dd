import { useEffect, useState } from 'react';
import { api, type Transparency } from './client';

/** The public transparency data (no login), loaded once. */
export function useTransparency(): { data: Transparency | undefined; error: string | undefined } {
  const [state, setState] = useState<{ data: Transparency | undefined; error: string | undefined }>({
    data: undefined,
    error: undefined,
  });
  useEffect(() => {
    void api
      .GET('/api/transparency')
      .then(({ data, response }) =>
        setState(data ? { data, error: undefined } : { data: undefined, error: `HTTP ${response.status}` }),
      )
      .catch((e: unknown) => setState({ data: undefined, error: String(e) }));
  }, []);
  return state;
}
