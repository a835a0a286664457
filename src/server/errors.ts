import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every failure the API reports: a status, a kebab-case code, a human sentence. Never a stack trace. */
export class HttpError extends Error {
  constructor(
    public readonly status: ContentfulStatusCode,
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function sendError(c: Context, err: HttpError) {
  return c.json(errorBody(err.code, err.message), err.status);
}
