/** The error body every server failure carries (DESIGN.md): `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** No answer at all: the connection is down or the server unreachable. */
export class NetworkError extends Error {}

export interface ApiOptions {
  /** '' in the browser (same origin as the app); an absolute URL in Node tests. */
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/** One JSON call to the central server. `navigator.onLine` is only a hint: a failed request is the truth. */
export async function callApi<T>(
  opts: ApiOptions,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const doFetch = opts.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 30_000);
  let res: Response;
  try {
    res = await doFetch(`${opts.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch (err) {
    throw new NetworkError((err as Error).message || 'network error');
  } finally {
    clearTimeout(timer);
  }
  // No body to read: not modified (ETag), or no content (logout).
  if (res.status === 304 || res.status === 204) return { status: res.status, data: undefined as T, headers: res.headers };
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    // A captive portal or a proxy's HTML page: treat like no connection.
    throw new NetworkError(`unexpected response (${res.status})`);
  }
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string } })?.error;
    throw new ApiError(res.status, error?.code ?? `http-${res.status}`, error?.message ?? res.statusText);
  }
  return { status: res.status, data: data as T, headers: res.headers };
}
