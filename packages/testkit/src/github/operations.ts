/**
 * The handlers' typed view of a request, derived from GitHub's published description of each operation
 * (`@octokit/openapi-types`, generated from the `@octokit/openapi` description the server validates against)
 * instead of field lists written by hand.
 *
 * Types only: the server (`server.ts`) has already checked the path, query and JSON body against the
 * operation's schema when a handler runs, which is what makes these types true of the values at runtime.
 */
import type { operations } from '@octokit/openapi-types';

/** An operation of GitHub's REST description, as the handler table keys it: `repos/create-release`. */
export type OperationId = keyof operations & string;

type Operation<K extends OperationId> = operations[K];

type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;

/**
 * The parsed JSON request body of operation K as the server passes it: undefined when the operation takes no
 * JSON body, or when its body is optional and was not sent.
 */
export type RequestBody<K extends OperationId> =
  Operation<K> extends { requestBody: infer R }
    ? JsonContent<R>
    : Operation<K> extends { requestBody?: infer R }
      ? JsonContent<NonNullable<R>> | undefined
      : undefined;

/** The names of the path parameters of operation K (its path template's). */
export type PathParamName<K extends OperationId> =
  Operation<K> extends { parameters: { path: infer P } } ? keyof P & string : never;

/** The path parameters of operation K; values as they come in the URL. */
export type PathParams<K extends OperationId> = { readonly [N in PathParamName<K>]: string };

/** The names of the query parameters operation K documents. */
export type QueryName<K extends OperationId> =
  Operation<K> extends { parameters: { query?: infer Q } } ? keyof NonNullable<Q> & string : never;
