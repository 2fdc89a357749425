import type { TestProject } from 'vitest/node';
import { startLocalCloud, type LocalCloud } from '../../local-cloud/cloud.ts';

export interface CloudInfo {
  staffApiUrl: string;
  customerApiUrl: string;
  staffPool: { userPoolId: string; clientId: string };
  customerPool: { userPoolId: string; clientId: string };
  bucketName: string;
  endpoints: LocalCloud['endpoints'];
  web: LocalCloud['web'];
  sdkEnv: Record<string, string>;
  outputs: Record<string, string>;
  /** Local table names by their construct id, e.g. portalConfig → DataPortalConfig…. */
  tables: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cloud: CloudInfo;
  }
}

export default async function setup(project: TestProject) {
  // Logs of every emulator and function stay in test-results/ for whoever reads a failure.
  const cloud = await startLocalCloud({ log: (line) => console.log(`[local cloud] ${line}`), logDir: 'test-results/local-cloud-logs', checkResponses: true });
  project.provide('cloud', {
    staffApiUrl: cloud.staffApiUrl,
    customerApiUrl: cloud.customerApiUrl,
    staffPool: cloud.staffPool,
    customerPool: cloud.customerPool,
    bucketName: cloud.bucketName,
    endpoints: cloud.endpoints,
    web: cloud.web,
    sdkEnv: cloud.sdkEnv,
    outputs: cloud.outputs,
    tables: Object.fromEntries(
      cloud.model.tables.map((t) => [t.logicalId.replace(/^Data/, '').replace(/[0-9A-F]{8}$/, '').replace(/^./, (c) => c.toLowerCase()), t.logicalId]),
    ),
  });
  return () => cloud.stop();
}
