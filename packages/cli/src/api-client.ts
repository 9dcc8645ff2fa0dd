import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CliError } from './io.js';

/** A response read whole. */
interface Reply {
  status: number;
  text: string;
}

/**
 * One HTTP exchange with node:http(s) rather than fetch: fetch loads its whole client library on first
 * use (≈ 0.25 s of CPU), longer than the rest of `vigie camera list` together.
 */
function exchange(url: URL, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Reply> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { method: init.method, headers: init.headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

interface ApiErrorBody {
  error?: { message?: string; hint?: string; details?: { path: string; reason: string }[] };
}

/** A minimal client of a running Vigie server's HTTP API. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  /** GETs a resource; undefined when the server answers 404 (other errors throw as in `request`). */
  async find<T>(path: string): Promise<T | undefined> {
    const response = await this.#send('GET', path);
    return response.status === 404 ? undefined : (this.#parse(response) as T);
  }

  /** Sends a request and returns the parsed JSON; turns API errors into readable CliErrors. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.#parse(await this.#send(method, path, body)) as T;
  }

  async #send(method: string, path: string, body?: unknown): Promise<Reply> {
    try {
      const headers: Record<string, string> = this.token === undefined ? {} : { authorization: `Bearer ${this.token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      return await exchange(new URL(path, this.baseUrl), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new CliError(
        `No Vigie server answers at ${this.baseUrl}. Start one with "vigie start" (or "npm start"), or point --server / VIGIE_URL at it.`,
      );
    }
  }

  #parse(response: Reply): unknown {
    if (response.status === 204) return undefined;
    const text = response.text;
    const parsed = (text === '' ? {} : JSON.parse(text)) as ApiErrorBody;
    if (response.status >= 400) {
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
