/**
 * Loaded into the service under soak with `--import`: reports the process's own memory to the
 * soak driver over the IPC channel once a second (the launcher's and the service's when the
 * launcher runs the service as its child). It changes nothing else and never keeps the process
 * alive.
 */
if (process.send !== undefined) {
  const report = () => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ soakMemory: { pid: process.pid, rss, heapUsed, heapTotal, external, arrayBuffers } });
  };
  setInterval(report, 1000).unref();
  process.channel?.unref();
}
