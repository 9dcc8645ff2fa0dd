/** The Vigie version this server runs, stated in every evidence manifest and the OpenAPI document. */
export const vigieVersion = '0.1.0';
