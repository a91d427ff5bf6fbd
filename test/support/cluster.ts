/**
 * Several real service processes (`node src/main.ts`) sharing one database and one Redis, behind
 * a round-robin proxy of their own: the deployment the README describes for several instances.
 */
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.ts';
import { type ServiceProcess, startService } from './service-process.ts';

export interface Cluster {
  instances: ServiceProcess[];
  proxy: RoundRobinProxy;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  count: number;
  /** Shared by every instance (DATABASE_URL, CACHE_URL, YAHOO_BASE_URL, …). */
  env: Record<string, string>;
  /** INSTANCE_ID of instance i is `${prefix}-${i + 1}`. */
  instancePrefix?: string;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const prefix = options.instancePrefix ?? 'instance';
  const started = await Promise.allSettled(
    Array.from({ length: options.count }, (_, i) =>
      startService({ TRUST_PROXY: 'true', ...options.env, INSTANCE_ID: `${prefix}-${i + 1}` }),
    ),
  );
  const instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all(instances.map((i) => i.stop('SIGKILL')));
    throw (failed as PromiseRejectedResult).reason;
  }
  await Promise.all(instances.map((i) => i.ready(60_000)));
  const proxy = await startRoundRobinProxy(instances.map((i) => i.url));
  return {
    instances,
    proxy,
    async stop() {
      await proxy.close();
      await Promise.all(instances.map((i) => i.stop('SIGTERM')));
    },
  };
}
