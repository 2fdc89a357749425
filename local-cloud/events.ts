/** The template's event sources other than HTTP: S3 bucket notifications and EventBridge schedules. */
import { randomUUID } from 'node:crypto';
import type { AsyncInvoker } from './async-invoke.ts';
import type { FunctionHost } from './functions.ts';
import { localBucketName, LOCAL_ACCOUNT, LOCAL_REGION } from './provision.ts';
import type { CloudModel } from './template.ts';

/** Hands an S3 event record to every function the bucket's notification configuration names for it, asynchronously as S3 does. */
export function s3EventRouter(model: CloudModel, asyncInvoker: AsyncInvoker): (record: any) => void {
  const bucketIds = new Map(model.buckets.map((b) => [localBucketName(b.logicalId), b.logicalId]));
  return (record) => {
    const bucketId = bucketIds.get(record?.s3?.bucket?.name);
    const key = decodeURIComponent(String(record?.s3?.object?.key ?? '').replace(/\+/g, ' '));
    for (const n of model.notifications) {
      if (n.bucketLogicalId !== bucketId) continue;
      const eventMatches = n.events.some((e) => {
        const wanted = e.replace(/^s3:/, '');
        return wanted.endsWith('*') ? String(record.eventName).startsWith(wanted.slice(0, -1)) : record.eventName === wanted;
      });
      if (!eventMatches || (n.prefix && !key.startsWith(n.prefix)) || (n.suffix && !key.endsWith(n.suffix))) continue;
      asyncInvoker.invoke(n.functionLogicalId, { Records: [record] });
    }
  };
}

/** Runs every scheduled rule's targets with a Scheduled Event, its clock at `time` if given; returns each target's answer. */
export function scheduleRunner(model: CloudModel, functions: FunctionHost): (time?: string) => Promise<Record<string, unknown>> {
  return async (time) => {
    const results: Record<string, unknown> = {};
    for (const rule of model.schedules) {
      for (const target of rule.functionLogicalIds) {
        const event = { version: '0', id: randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.events', account: LOCAL_ACCOUNT, time: time ?? new Date().toISOString(), region: LOCAL_REGION, resources: [rule.logicalId], detail: {} };
        results[target] = await functions.invoke(target, event).catch((e: Error) => ({ error: e.message }));
      }
    }
    return results;
  };
}

/** Timers that run the schedules at their rate while the cloud runs (they never keep the process alive). */
export function scheduleTimers(model: CloudModel, run: () => Promise<unknown>): NodeJS.Timeout[] {
  const timers: NodeJS.Timeout[] = [];
  for (const rule of model.schedules) {
    const m = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(rule.expression);
    if (!m) continue;
    const unitMs = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[m[2] as 'minute' | 'hour' | 'day'];
    timers.push(setInterval(() => void run(), Number(m[1]) * unitMs).unref());
  }
  return timers;
}
