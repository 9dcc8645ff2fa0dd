import { useCallback, useEffect, useState } from 'react';
import { api, rememberCsrfToken, type Me } from './client';

/** The logged-in user (undefined while loading, null when logged out) and the actions on the session. */
export interface SessionState {
  me: Me | null | undefined;
  login: (form: { username: string; password: string; totp: string }) => Promise<string | undefined>;
  logout: () => Promise<void>;
}

/** Follows the session: asks who is logged in, logs in and out. */
export function useSession(): SessionState {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    void api.GET('/api/auth/me').then(({ data }) => setMe(data ?? null));
  }, []);

  const login = useCallback(async (form: { username: string; password: string; totp: string }) => {
    const { data, error } = await api.POST('/api/auth/login', {
      body: { username: form.username, password: form.password, ...(form.totp === '' ? {} : { totp: form.totp }) },
    });
    if (error !== undefined) return error.error.message;
    rememberCsrfToken(data.csrfToken);
    setMe(data.user);
    return undefined;
  }, []);

  const logout = useCallback(async () => {
    await api.POST('/api/auth/logout');
    rememberCsrfToken(undefined);
    setMe(null);
  }, []);

  return { me, login, logout };
}
