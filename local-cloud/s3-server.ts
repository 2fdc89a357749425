/** Runs s3rver for the local cloud and forwards its S3 event records to the parent over IPC. */
import S3rver from 's3rver';

const buckets: { name: string; corsXml?: string }[] = JSON.parse(process.env.S3_BUCKETS ?? '[]');
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(process.env.S3_PORT),
  directory: process.env.S3_DIR,
  silent: true,
  configureBuckets: buckets.map((b) => ({ name: b.name, configs: b.corsXml ? [b.corsXml] : [] })),
});
server.on('event', (event: unknown) => process.send?.({ type: 's3-event', event }));
await server.run();
process.on('disconnect', () => process.exit(0));
