import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Camera, ModelRegistration, ModelRegistrationInput, RegistryEntry, RegistryEntryInput } from '@vigie/core';
import { definedOnly } from '@vigie/core/defined-only';
import { Command, InvalidArgumentError } from 'commander';
import type { ApiClient } from '../api-client.js';
import { CliError, type CliIo } from '../io.js';
import { client, serverOption } from './server-client.js';

interface AuthoriseOptions {
  order: string;
  issued: string;
  expires: string;
  signage?: RegistryEntryInput['signage']['status'];
  signageNotes?: string;
  facing?: RegistryEntryInput['facing'];
}

function isoDate(name: string): (value: string) => string {
  return (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
      throw new InvalidArgumentError(`${name} must be a date written YYYY-MM-DD.`);
    return value;
  };
}

/** Finds a camera by id, else by its exact name (what `vigie camera add` and `camera list` show). */
async function cameraNamed(api: ApiClient, idOrName: string): Promise<Camera> {
  const looksLikeId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const byId = looksLikeId ? await api.find<Camera>(`/api/cameras/${idOrName}`) : undefined;
  if (byId !== undefined) return byId;
  const byName = (await api.request<Camera[]>('GET', '/api/cameras')).filter((c) => c.name === idOrName);
  if (byName[0] !== undefined) return byName[0];
  throw new CliError(`No camera has the id or name "${idOrName}". See "vigie camera list".`);
}

/** The entry to send: the new authorisation, with the signage and facing given, else those already recorded. */
async function entryToRecord(
  options: AuthoriseOptions,
  existing: RegistryEntry | undefined,
): Promise<RegistryEntryInput> {
  const signage = options.signage ?? existing?.signage.status;
  const facing = options.facing ?? existing?.facing;
  if (signage === undefined || facing === undefined) {
    // Loaded here only: the command tree stays free of the domain's schemas so that the CLI starts fast.
    const { facings, signageStatuses } = await import('@vigie/core');
    throw new CliError(
      'This camera has no registry entry yet: say also how its sign stands and what it faces, ' +
        `e.g. --signage installed --facing public (signage: ${signageStatuses.join('|')}; facing: ${facings.join('|')}).`,
    );
  }
  const notes = options.signageNotes ?? (options.signage === undefined ? existing?.signage.notes : undefined);
  return {
    authorisation: { reference: options.order, issuedOn: options.issued, expiresOn: options.expires },
    signage: { status: signage, ...definedOnly({ notes }) },
    facing,
    ...definedOnly({ dpia: existing?.dpia }),
  };
}

/**
 * `vigie registry authorise`: records a camera's prefectoral authorisation in the legal registry
 * through the server's API (DPO token), validated and audited exactly like the console's registry edit.
 */
export function registryCommand(io: CliIo): Command {
  const registry = new Command('registry')
    .description('the legal registry of a running server (DPO: API token in VIGIE_TOKEN)')
    .addOption(serverOption());
  registry
    .command('authorise')
    .alias('authorize')
    .description('record the prefectoral order authorising a camera (keeps its sign, facing and DPIA)')
    .argument('<camera>', 'camera id or name (see "vigie camera list")')
    .requiredOption('--order <reference>', 'reference of the prefectoral order, e.g. "2025-VP-0142"')
    .requiredOption('--issued <YYYY-MM-DD>', 'date the order was signed', isoDate('--issued'))
    .requiredOption('--expires <YYYY-MM-DD>', 'last day it covers (at most five years later)', isoDate('--expires'))
    .option('--signage <status>', 'the sign informing the public: installed, planned or missing')
    .option('--signage-notes <text>', 'where the sign stands, what it says')
    .option('--facing <what>', 'public (public space only) or private (overlooks private space in part)')
    .action(async (camera: string, options: AuthoriseOptions, command: Command) => {
      const api = client(command, io);
      const target = await cameraNamed(api, camera);
      const path = `/api/cameras/${encodeURIComponent(target.id)}/registry`;
      const existing = await api.find<RegistryEntry>(path);
      const recorded = await api.request<RegistryEntry>('PUT', path, await entryToRecord(options, existing));
      io.out(
        `Camera "${target.name}" authorised by order ${recorded.authorisation.reference} until ` +
          `${recorded.authorisation.expiresOn} (state: ${recorded.authorisation.state}).`,
      );
    });
  registry
    .command('model')
    .description('register a detection model file in the model registry (only registered files run)')
    .argument('<file>', 'the model file (e.g. yolox_nano.onnx); its SHA-256 is computed here')
    .requiredOption('--name <name>', 'model name, e.g. yolox-nano')
    .requiredOption('--model-version <version>', 'its version, e.g. 0.1.1')
    .requiredOption('--purpose <text>', 'what it is used for')
    .requiredOption('--provenance <text>', 'who trained it, on what data, where it was fetched')
    .requiredOption('--licence <licence>', 'its licence, e.g. Apache-2.0')
    .requiredOption('--capability <class...>', 'the classes it outputs, e.g. person backpack')
    .requiredOption(
      '--evaluation <file.json>',
      'its accuracy: {dataset, command, measuredOn, events: {type: {precision, recall}}}',
    )
    .option('--attestation <reference>', 'reference of its attestation of conformity (required in France)')
    .action(async (file: string, options: ModelOptions, command: Command) => {
      const api = client(command, io);
      const registered = await api.request<ModelRegistration>(
        'POST',
        '/api/models',
        await modelToRegister(file, options),
      );
      io.out(`Model ${registered.name} ${registered.version} registered (SHA-256 ${registered.sha256}).`);
    });
  registry
    .command('models')
    .description('list the registered detection models')
    .action(async (_options: unknown, command: Command) => {
      const models = await client(command, io).request<ModelRegistration[]>('GET', '/api/models');
      for (const m of models) io.out(`${m.name} ${m.version}  ${m.fileName}  ${m.sha256}  ${m.licence}`);
      if (models.length === 0) io.out('No model is registered: analytics run on moving blobs only, or not at all.');
    });
  return registry;
}

interface ModelOptions {
  name: string;
  modelVersion: string;
  purpose: string;
  provenance: string;
  licence: string;
  capability: string[];
  evaluation: string;
  attestation?: string;
}

/** The registration to send: the file's name and SHA-256, the options, the evaluation read from its file. */
async function modelToRegister(file: string, options: ModelOptions): Promise<ModelRegistrationInput> {
  const read = async (path: string) => {
    try {
      return await readFile(path);
    } catch (error) {
      throw new CliError(`${path} cannot be read: ${(error as Error).message}`);
    }
  };
  const bytes = await read(file);
  let evaluation: unknown;
  try {
    evaluation = JSON.parse((await read(options.evaluation)).toString('utf8'));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${options.evaluation} is not JSON: ${(error as Error).message}`);
  }
  return {
    name: options.name,
    version: options.modelVersion,
    fileName: basename(file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    purpose: options.purpose,
    provenance: options.provenance,
    licence: options.licence,
    capabilities: options.capability,
    // Checked by the server against its schema: the error names each wrong field.
    evaluation: evaluation as ModelRegistrationInput['evaluation'],
    ...definedOnly({ attestation: options.attestation }),
  };
}
