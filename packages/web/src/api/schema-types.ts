import type { paths } from './schema';

// The one way the console names the API's types: taken from the types generated from its OpenAPI
// document (schema.d.ts, `npm run gen:api`), so that a change on the server breaks the console's build.

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body a route answers with a status. */
export type Reply<
  Path extends keyof paths,
  Method extends keyof paths[Path],
  Status extends number,
> = paths[Path][Method] extends {
  responses: infer Responses;
}
  ? Status extends keyof Responses
    ? Json<Responses[Status]>
    : never
  : never;

/** The JSON body a route takes. */
export type Body<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  requestBody?: infer Request;
}
  ? Json<NonNullable<Request>>
  : never;

/** The query parameters a route takes. */
export type Query<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  parameters: { query?: infer Parameters };
}
  ? NonNullable<Parameters>
  : never;
