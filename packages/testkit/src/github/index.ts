/**
 * The GitHub API double for tests: a stateful local api.github.com / GHES stand-in whose every REST
 * request and response is validated against GitHub's OpenAPI description and every GraphQL query
 * against GitHub's GraphQL schema. See `server.ts` for the API and README-style usage.
 */
export * from './server.js';
export * from './state.js';
export * from './teardown.js';
export * as factories from './factories.js';
export type { Urls } from './factories.js';
export { ApiError, ROUTES, type RestRequest, type RestResponse, type RateLimitInfo } from './handlers.js';
export {
  openApiDocument,
  openApiLoadMs,
  matchRoute,
  operationById,
  checkParameters,
  checkRequestBody,
  checkResponse,
  type OpenApiOperation,
  type RouteMatch,
  type SchemaCheck,
} from './openapi.js';
export { githubGraphqlSchema, graphqlSchemaMs, graphqlRoot, runGraphql, type GraphqlOutcome } from './graphql.js';
