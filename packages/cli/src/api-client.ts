import { CliError } from './io.js';

interface ApiErrorBody {
  error?: { message?: string; hint?: string; details?: { path: string; reason: string }[] };
}

/** A minimal client of a running Vigie server's HTTP API. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  /** Sends a request and returns the parsed JSON; turns API errors into readable CliErrors. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      const headers: Record<string, string> = this.token === undefined ? {} : { authorization: `Bearer ${this.token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new CliError(
        `No Vigie server answers at ${this.baseUrl}. Start one with "vigie start" (or "npm start"), or point --server / VIGIE_URL at it.`,
      );
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const parsed = (text === '' ? {} : JSON.parse(text)) as T & ApiErrorBody;
    if (!response.ok) {
      const error = parsed.error;
      const details = (error?.details ?? []).map((d) => `  ${d.path}: ${d.reason}`).join('\n');
      throw new CliError(
        [error?.message ?? `HTTP ${response.status}`, details, error?.hint ? `→ ${error.hint}` : '']
          .filter((line) => line !== '')
          .join('\n'),
      );
    }
    return parsed;
  }
}
