import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  checklistLanguages,
  ComplianceChecklistSchema,
  RecordOfProcessingSchema,
  RetentionComplianceReportSchema,
} from '@vigie/core';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { recordOfProcessingHtml, retentionReportHtml } from '../reports/compliance.html.js';
import type { ComplianceService } from '../services/compliance.service.js';
import { requires } from './route-config.js';

/** The OpenAPI description of a printable page. */
export const HtmlResponse = {
  200: { description: 'A printable page.', content: { 'text/html': { schema: Type.String() } } },
};

/** Sends a generated page that can run nothing and load nothing. */
export function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(html);
}

/** Compliance exports (registry:read): record of processing and retention compliance, as JSON and printable HTML. */
export function complianceRoutes(compliance: ComplianceService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/compliance/checklist',
      {
        config: requires('registry:read'),
        schema: {
          tags: ['compliance'],
          summary: 'Each requirement of the active legal profile: pass, fail (with what to do) or manual',
          querystring: Type.Object(
            {
              lang: Type.Optional(
                Type.Enum([...checklistLanguages], {
                  description: 'Language of titles, findings and actions: French (default) or English.',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: ComplianceChecklistSchema },
        },
      },
      (request) => compliance.checklist(request.query.lang),
    );

    app.get(
      '/compliance/record-of-processing',
      {
        config: requires('registry:read'),
        schema: {
          tags: ['compliance'],
          summary: 'Record of processing activities (GDPR art. 30(1)), generated from the configuration',
          response: { 200: RecordOfProcessingSchema },
        },
      },
      () => compliance.recordOfProcessing(),
    );

    app.get(
      '/compliance/record-of-processing.html',
      {
        config: requires('registry:read'),
        schema: { tags: ['compliance'], summary: 'Record of processing, printable (French)', response: HtmlResponse },
      },
      async (_request, reply) => sendHtml(reply, recordOfProcessingHtml(await compliance.recordOfProcessing())),
    );

    app.get(
      '/compliance/retention',
      {
        config: requires('registry:read'),
        schema: {
          tags: ['compliance'],
          summary: 'Per camera: retention against the legal maximum, authorisation state, signage; issues found',
          response: { 200: RetentionComplianceReportSchema },
        },
      },
      () => compliance.retentionReport(),
    );

    app.get(
      '/compliance/retention.html',
      {
        config: requires('registry:read'),
        schema: { tags: ['compliance'], summary: 'Retention compliance, printable (French)', response: HtmlResponse },
      },
      async (_request, reply) => sendHtml(reply, retentionReportHtml(await compliance.retentionReport())),
    );
  };
}
