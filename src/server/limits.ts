import type { Server } from 'node:http';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * Node's defaults let a request take 300 s and connections pile up without bound: one slow or
 * greedy client could hold the server. Both are capped (configurable).
 */
export interface ServerLimits {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  maxConnections: number;
}

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerLimits {
  const n = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`${name}: a whole number ≥ 1 is required, not "${v}"`);
    return Number(v);
  };
  const requestTimeoutMs = n('REQUEST_TIMEOUT_MS', 30_000);
  return {
    requestTimeoutMs,
    headersTimeoutMs: Math.min(n('HEADERS_TIMEOUT_MS', 20_000), requestTimeoutMs),
    maxConnections: n('MAX_CONNECTIONS', 1000),
  };
}

/** node:http options for serve({serverOptions}): timeouts are checked every second (Node's default, 30 s, would let them run long). */
export function httpServerOptions(limits: ServerLimits) {
  return {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  };
}

/** Past the cap, Node closes new connections at once (clients retry with backoff). */
export function capConnections(server: Server, limits: ServerLimits): void {
  server.maxConnections = limits.maxConnections;
}

/**
 * Who is asking, for per-client limits (wrong enrollment codes). Behind a reverse proxy every
 * request comes from the proxy's address: with TRUST_PROXY (proxy-addr's syntax: `loopback`,
 * addresses, CIDR ranges, comma-separated) the client is read from X-Forwarded-For, only through
 * proxies on that list. An IPv6 client owns a whole /64 (it can pick any address in it), so it
 * counts as its /64.
 */
export function clientKeyReader(trustProxy = process.env.TRUST_PROXY ?? '') {
  const trust = proxyaddr.compile(trustProxy ? trustProxy.split(',').map((s) => s.trim()).filter(Boolean) : []);
  return (c: Context): string => {
    const remote = getConnInfo(c).remote.address ?? '';
    const address = trustProxy && remote ? proxyaddr({ socket: { remoteAddress: remote }, headers: { 'x-forwarded-for': c.req.header('x-forwarded-for') } } as never, trust) : remote;
    return clientKey(address);
  };
}

export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return 'unknown';
  const ip = ipaddr.process(address); // ::ffff:192.0.2.1 is the IPv4 client 192.0.2.1
  if (ip.kind() === 'ipv4') return ip.toString();
  return `${(ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':')}::/64`;
}
