import { Option, type Command } from 'commander';
import { ApiClient } from '../api-client.js';
import type { CliIo } from '../io.js';

/** The `--server <url>` option of the commands that go through a running server's API. */
export function serverOption(): Option {
  return new Option('--server <url>', 'Vigie server URL (default: $VIGIE_URL or http://localhost:8080)');
}

/** A client of the server the command names (`--server`, VIGIE_URL), with the API token in VIGIE_TOKEN. */
export function client(command: Command, io: CliIo): ApiClient {
  const { server } = command.optsWithGlobals<{ server?: string }>();
  return new ApiClient(server ?? io.env['VIGIE_URL'] ?? 'http://localhost:8080', io.env['VIGIE_TOKEN']);
}
