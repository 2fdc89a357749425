import { Duration, NestedStack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { PortalApi } from './api.ts';
import { acknowledge } from './nag.ts';
import type { PorticoFunction } from './portico-function.ts';
import { COUNTS, METRICS_NAMESPACE, METRICS_SERVICE } from '../shared/metrics.ts';

export interface MonitoringProps {
  /** Every function of the portal. */
  readonly functions: PorticoFunction[];
  /** The HTTP APIs, by the name the alarms and the dashboard show. */
  readonly apis: Record<string, PortalApi>;
  /** Failure (dead-letter) queues, by name: any message in one is something that failed every retry. */
  readonly failureQueues: Record<string, sqs.IQueue>;
  /** How long the email just taken from the outbox's stream had waited (EmailDelivery.delay). */
  readonly emailDelay: cloudwatch.IMetric;
  /** Who is told of alarms (portico:alarmEmail); without it, subscribe to the topic yourself. */
  readonly alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);
/** AWS puts an SES account under review at a 5 % bounce or a 0.1 % complaint rate: hear of it first. */
export const SES_BOUNCE_RATE_ALARM = 0.04;
export const SES_COMPLAINT_RATE_ALARM = 0.0008;
/** A share of requests answered 5xx, in percent, over five minutes. */
export const API_5XX_PERCENT_ALARM = 5;
/** The email taken from the outbox had waited this long: the stream is stuck or SES refuses. */
export const EMAIL_DELAY_ALARM = Duration.minutes(10);

/**
 * What ops are told and shown: an SNS topic every alarm (and its recovery) goes to, the alarms on
 * what should never happen (function errors and throttles, API 5xx, anything in a failure queue,
 * SES reputation, emails waiting), and one dashboard of the portal.
 *
 * They live in a nested stack: one alarm per function would otherwise bring the portal's stack
 * close to CloudFormation's 500 resources per stack, and every new route adds one.
 */
export class Monitoring extends Construct {
  /** The nested stack that holds the topic, the alarms and the dashboard. */
  readonly stack: NestedStack;
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.stack = new NestedStack(this, 'Stack', { description: 'Portico alarms and dashboard' });
    const key = new kms.Key(this.stack, 'TopicKey', { description: 'Encrypts the Portico alarm topic', enableKeyRotation: true });
    // CloudWatch publishes the alarms; it must be able to use the topic's key.
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new sns.Topic(this.stack, 'Alarms', { displayName: 'Portico alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
      acknowledge(this.topic, ['Serverless-SNSRedrivePolicy'], 'An alarm email SNS cannot deliver has nowhere better to go; the alarm\'s state and history stay in CloudWatch and on the dashboard.');
    }

    for (const fn of props.functions) {
      this.alarm(`${fn.node.id}Errors`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), 1, `${fn.node.id} failed at least once in five minutes (its log group has the error)`);
    }
    // An alarm's metric math takes at most 10 metrics, so throttles are watched in groups of ten functions.
    for (let i = 0; i < props.functions.length; i += 10) {
      const group = props.functions.slice(i, i + 10);
      const throttles = new cloudwatch.MathExpression({
        expression: `SUM([${group.map((_, j) => `t${j}`).join(',')}])`,
        usingMetrics: Object.fromEntries(group.map((fn, j) => [`t${j}`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })])),
        period: FIVE_MINUTES,
        label: 'Throttles',
      });
      this.alarm(`Throttles${i / 10 + 1}`, throttles, 1, `Lambda throttled one of: ${group.map((fn) => fn.node.id).join(', ')} (reserved concurrency or the account's limit)`);
    }
    for (const [name, api] of Object.entries(props.apis)) {
      const rate = new cloudwatch.MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: {
          requests: api.httpApi.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
          errors: api.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
        },
        period: FIVE_MINUTES,
        label: `${name} 5xx %`,
      });
      this.alarm(`${name}5xxRate`, rate, API_5XX_PERCENT_ALARM, `${name} answered at least ${API_5XX_PERCENT_ALARM} % of its requests with a 5xx in five minutes`);
    }
    for (const [name, queue] of Object.entries(props.failureQueues)) {
      this.alarm(`${name}NotEmpty`, queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }), 1, `Something failed every retry and is kept in the ${name} queue`);
    }
    const ses = (metricName: string, statistic = 'Sum') => new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, period: FIVE_MINUTES, statistic });
    // SES's reputation metrics are the account's, over its recent sending (all configuration sets).
    const bounceRate = ses('Reputation.BounceRate', 'Maximum').with({ period: Duration.minutes(15) });
    const complaintRate = ses('Reputation.ComplaintRate', 'Maximum').with({ period: Duration.minutes(15) });
    this.alarm('SesBounceRate', bounceRate, SES_BOUNCE_RATE_ALARM, `SES bounce rate reached ${SES_BOUNCE_RATE_ALARM * 100} % (AWS reviews the account at 5 %): stop sending to bounced addresses`);
    this.alarm('SesComplaintRate', complaintRate, SES_COMPLAINT_RATE_ALARM, `SES complaint rate reached ${SES_COMPLAINT_RATE_ALARM * 100} % (AWS reviews the account at 0.1 %)`);
    this.alarm('EmailDelay', props.emailDelay, EMAIL_DELAY_ALARM.toMilliseconds(), `An email waited ${EMAIL_DELAY_ALARM.toMinutes()} minutes or more in the outbox before the deliverer took it`);

    this.dashboard = new cloudwatch.Dashboard(this.stack, 'Dashboard', { defaultInterval: Duration.hours(24) });
    const apis = Object.entries(props.apis);
    const perApi = (label: string, metric: (api: PortalApi) => cloudwatch.IMetric[]) =>
      new cloudwatch.GraphWidget({ title: label, width: 6, left: apis.flatMap(([, api]) => metric(api)) });
    const labelled = (m: cloudwatch.Metric, label: string) => m.with({ label });
    this.dashboard.addWidgets(
      perApi('API requests', (api) => [labelled(api.httpApi.metricCount({ period: FIVE_MINUTES }), nameOf(props.apis, api))]),
      perApi('API 4xx', (api) => [labelled(api.httpApi.metricClientError({ period: FIVE_MINUTES }), nameOf(props.apis, api))]),
      perApi('API 5xx', (api) => [labelled(api.httpApi.metricServerError({ period: FIVE_MINUTES }), nameOf(props.apis, api))]),
      perApi('API latency (p50, p99)', (api) => [
        labelled(api.httpApi.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }), `${nameOf(props.apis, api)} p50`),
        labelled(api.httpApi.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }), `${nameOf(props.apis, api)} p99`),
      ]),
    );
    const perFunction = (title: string, metric: (fn: PorticoFunction) => cloudwatch.Metric) =>
      new cloudwatch.GraphWidget({ title, width: 8, height: 8, left: props.functions.map((fn) => metric(fn).with({ label: fn.node.id })), legendPosition: cloudwatch.LegendPosition.HIDDEN });
    this.dashboard.addWidgets(
      perFunction('Function errors', (fn) => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })),
      perFunction('Function duration (p99)', (fn) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' })),
      perFunction('Function throttles', (fn) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Emails sent', width: 6, left: [ses('Send'), ses('Delivery')] }),
      new cloudwatch.GraphWidget({ title: 'Emails failed', width: 6, left: [ses('Bounce'), ses('Complaint'), ses('Reject'), ses('RenderingFailure')] }),
      new cloudwatch.GraphWidget({ title: 'Email delay (outbox stream, ms)', width: 6, left: [props.emailDelay], right: [bounceRate, complaintRate] }),
      new cloudwatch.GraphWidget({
        title: 'Failure queues (messages)',
        width: 6,
        left: Object.entries(props.failureQueues).map(([name, q]) => q.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: name })),
      }),
    );
    // Portico's own counts (EMF lines in the functions' logs, shared/metrics.ts).
    const counted = (names: readonly string[]) =>
      names.map((metricName) => new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: METRICS_SERVICE }, period: FIVE_MINUTES, statistic: 'Sum' }));
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Uploads and downloads', width: 8, left: counted(COUNTS.activity) }),
      new cloudwatch.GraphWidget({ title: 'Portal emails sent and failed (attempts)', width: 8, left: counted(COUNTS.emails) }),
      new cloudwatch.GraphWidget({ title: 'Refused sign-ins, sign-ups and requests; undeliverable addresses', width: 8, left: counted(COUNTS.refusals) }),
    );
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width: 24, alarms: this.alarms }));
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this.stack, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing ran or nothing failed.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}

function nameOf(apis: Record<string, PortalApi>, api: PortalApi): string {
  return Object.entries(apis).find(([, a]) => a === api)![0];
}
