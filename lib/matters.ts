import { NestedStack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { recordsTable, type TableAccess } from './data.ts';
import type { PorticoFunction } from './portico-function.ts';

/**
 * Matters (F20–F22) as a capability of their own, in a nested stack: its table, and the functions
 * and routes the portal stack makes in `stack`. Each route costs seven resources (function, role,
 * policy, log group, permission, integration, route) and CloudFormation allows 500 per stack, so
 * a capability's routes live in its own stack; the local cloud reads nested stacks as part of
 * the template (local-cloud/template.ts).
 *
 * One table for the capability, keyed so that every read is a GetItem or a Query of one
 * partition, with no index: lists are rows of the table itself, written in each change's
 * transaction, so a list read right after a change shows it. The access patterns are in
 * lib/data.ts's comment with the other tables'; the layout is the adapter's
 * (shared/adapters/matter-store.ts).
 */
export class MatterRecords extends Construct {
  readonly stack: NestedStack;
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.stack = new NestedStack(this, 'Stack', { description: 'Portico matters' });
    this.table = recordsTable(this.stack, 'Table', 'pk', 'sk');
  }

  /** Grants a function the table and sets MATTERS_TABLE, which its adapter reads: the two always come together. */
  grant(fn: PorticoFunction, access: TableAccess): void {
    if (access === 'read') this.table.grantReadData(fn);
    else this.table.grantReadWriteData(fn);
    fn.bindEnv('MATTERS_TABLE', this.table.tableName);
  }
}
