/**
 * An error a person can act on: a stable code for programs, an HTTP status and a plain message;
 * `extra` adds fields to the answer's `error` object where the page showing it needs them.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string) => new AppError(400, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const notFound = (what = 'item') =>
  // One message for "absent" and "not yours", so an answer never reveals that something exists.
  new AppError(404, 'not_found', `No such ${what}, or it is not shared with you.`);
