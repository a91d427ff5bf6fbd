/** Load from concurrent clients through the cluster's proxy, for the tests of several instances. */

export interface Reply {
  status: number | 'network';
  codes: string[];
  data?: Record<string, unknown> | null;
  upstream: string | null;
}

export async function send(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Reply> {
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const upstream = response.headers.get('x-upstream');
    try {
      const json = JSON.parse(text) as {
        data?: Record<string, unknown> | null;
        errors?: { extensions?: { code?: string } }[];
      };
      const codes = (json.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
      return { status: response.status, codes, data: json.data, upstream };
    } catch {
      return { status: response.status, codes: ['NOT_JSON'], upstream };
    }
  } catch (error) {
    return { status: 'network', codes: [(error as Error).name], upstream: null };
  }
}

/** Runs `clients` loops until `durationMs` has passed; each iteration sends what `next` builds. */
export async function runLoad(
  clients: number,
  durationMs: number,
  next: (client: number, iteration: number) => Promise<void>,
): Promise<void> {
  const endMs = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let iteration = 0; performance.now() < endMs; iteration += 1) await next(client, iteration);
    }),
  );
}

/** The value of a counter on an instance's `/metrics`, summed over the series matching `labels`. */
export async function counterValue(instanceUrl: string, name: string, labels: Record<string, string> = {}) {
  const text = await (await fetch(`${instanceUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      total += Number(line.split(' ').at(-1));
  }
  return total;
}
