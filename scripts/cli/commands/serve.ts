import { defineCommand } from '../command.ts';
import { UsageError } from '../usageError.ts';
import { BUILD_HELP, BUILD_OPTIONS, buildOptions, runBuild } from './build.ts';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'build the site, then serve it on http://localhost:8080',
  usage: 'kitemark serve [--port N] [--host H] [--no-build] [build options]',
  help: `Builds the site as \`kitemark build\` does (unless --no-build), then serves the built folder
as a static host would, until stopped with Ctrl+C.

Options:
  --port N            the port (default: PORT or 8080)
  --host H            the address to listen on (default: localhost)
  --no-build          serve the folder as it is
${BUILD_HELP}`,
  options: {
    ...BUILD_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
    'no-build': { type: 'boolean' },
  },
  async run(values) {
    const port = Number(values['port'] ?? process.env['PORT'] ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError('--port must be a whole number from 0 to 65535');
    }
    const host = typeof values['host'] === 'string' ? values['host'] : 'localhost';
    const options = buildOptions(values);
    const { createStaticServer } = await import('../staticServer.ts');
    const { normaliseBasePath } = await import('../../publish/kit/siteInfo.ts');
    if (!values['no-build']) {
      const status = await runBuild(values);
      if (status !== 0) return status;
    }
    const basePath = normaliseBasePath(options.basePath);
    const server = createStaticServer({ root: options.outDir, basePath });
    await new Promise<void>((done, fail) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        fail(
          e.code === 'EADDRINUSE'
            ? new UsageError(`port ${port} is in use; choose another with --port`)
            : e,
        ),
      );
      server.listen(port, host, done);
    });
    const address = server.address();
    const shown = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(
      `Serving the site on http://${host}:${shown}${basePath} (Ctrl+C stops).\n`,
    );
    await new Promise<void>((done) => {
      const stop = () => server.close(() => done());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
});
