/**
 * Loaded into the service under soak with `--import`: reports the process's own memory to the
 * soak driver over the IPC channel once a second. It changes nothing else and never keeps the
 * process alive.
 */
if (process.send !== undefined) {
  const report = () => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ soakMemory: { rss, heapUsed, heapTotal, external, arrayBuffers } });
  };
  setInterval(report, 1000).unref();
  process.channel?.unref();
}
