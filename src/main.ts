import { createServer } from 'node:http';
import { createApp } from './app.ts';
import { ConfigError, parseConfig } from './config.ts';
import { chooseLogFormat } from './observability/log-format.ts';
import { instanceName } from './observability/instance.ts';
import { createLogger } from './observability/logger.ts';
import { createServices } from './services.ts';

const SHUTDOWN_GRACE_MS = 10_000;

function loadConfig() {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const config = loadConfig();
// Every line says which instance wrote it.
const logger = createLogger(
  config.logLevel,
  undefined,
  chooseLogFormat(config.logFormat, process.stdout.isTTY),
).child({ instance: instanceName(config.instanceId) });
const services = createServices(config, logger);
const app = createApp({ services });
const server = createServer(app);
server.keepAliveTimeout = 5000;

server.listen(config.server.port, config.server.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.server.port;
  logger.info({ url: `http://${config.server.host}:${port}/graphql` }, 'listening');
  services.startBackground();
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  force.unref();
  // Stop accepting; idle keep-alive sockets close now, busy ones as soon as their response is out.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  await closed;
  clearInterval(sweep);
  clearTimeout(force);
  await services.dispose();
  logger.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection');
});
