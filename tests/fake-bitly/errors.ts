/**
 * Bitly's error bodies (ENDPOINTS.md §4): schema `Error` ({message, description, resource,
 * errors[]}) for 4xx/5xx, `SimplifiedError` (no errors[]) for 429. Handlers throw `ApiError`.
 */

export interface FieldError {
  field: string;
  error_code: string;
  message: string;
}

export interface ErrorBody {
  message: string;
  description: string;
  resource: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.message}`);
  }
}

/** The `resource` Bitly names in errors for a /v4 path. */
export function resourceFor(pathname: string): string {
  const first = pathname.replace(/^\/v4\/?/, '').split('/')[0] ?? '';
  if (first === 'expand' || first === 'shorten') return 'bitlinks';
  return first;
}

const body = (message: string, resource: string, description: string, errors?: FieldError[]): ErrorBody =>
  errors ? { message, resource, description, errors } : { message, resource, description };

/** The 429 message this stand-in uses (the spec's description for 429). */
export const RATE_LIMIT_429_MESSAGE = 'MONTHLY_LIMIT_EXCEEDED';

export const RATE_LIMIT_REASON = 'You have exceeded the hourly rate limit for this endpoint.';

export const apiErrors = {
  badRequest: (resource: string, message: string, field: string, errorCode = 'invalid', detail = '') =>
    new ApiError(400, body(message, resource, 'The value provided is invalid.', [{ field, error_code: errorCode, message: detail }])),

  invalidArg: (resource: string, field: string, errorCode = 'invalid', detail = '') =>
    apiErrors.badRequest(resource, `INVALID_ARG_${field.toUpperCase()}`, field, errorCode, detail),

  alreadyABitlyLink: (resource: string) =>
    apiErrors.badRequest(resource, 'ALREADY_A_BITLY_LINK', 'long_url', 'invalid', 'The long URL is already a Bitly link.'),

  upgradeRequired: (resource: string) =>
    new ApiError(402, body('UPGRADE_REQUIRED', resource, 'You must upgrade your account to access this resource.')),

  forbidden: (resource: string) =>
    new ApiError(403, body('FORBIDDEN', resource, 'You are currently forbidden to access this resource.')),

  rateLimited403: (resource: string) =>
    new ApiError(403, body('RATE_LIMIT_EXCEEDED', resource, 'You have exceeded your rate limit.'), {
      'X-Ratelimit-Reason': RATE_LIMIT_REASON,
    }),

  notFound: (resource: string) => new ApiError(404, body('NOT_FOUND', resource, 'What you are looking for cannot be found.')),

  pageNotFound: (resource: string) => new ApiError(404, body('NOT_FOUND', resource, 'page not found')),

  gone: (resource: string) => new ApiError(410, body('GONE', resource, 'The Bitlink you requested has been deleted.')),

  unprocessable: (resource: string, detail: string) =>
    new ApiError(422, body('UNPROCESSABLE_ENTITY', resource, 'The JSON value provided is invalid.', [{ field: 'body', error_code: 'invalid', message: detail }])),

  monthlyLimit429: (resource: string) =>
    new ApiError(429, body(RATE_LIMIT_429_MESSAGE, resource, 'You have exceeded your monthly API request limit.')),

  internal: (resource: string) => new ApiError(500, body('INTERNAL_ERROR', resource, 'Something went wrong on our side. Please try again.')),

  badGateway: (resource: string) => new ApiError(502, body('BAD_GATEWAY', resource, 'The upstream server returned an invalid response.')),

  unavailable: (resource: string) =>
    new ApiError(503, body('TEMPORARILY_UNAVAILABLE', resource, 'The service is temporarily unavailable. Please try again later.')),
};
