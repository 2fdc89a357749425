import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { recordsTable, type TableAccess } from './data.ts';
import type { PorticoFunction } from './portico-function.ts';

/**
 * The records of matters (F20–F22): one table for the capability, keyed so that every read is a
 * GetItem or a Query of one partition, with no index (lists are rows of the table itself, written
 * in each change's transaction, so a list read right after a change shows it). The access patterns
 * are in lib/data.ts's comment, with the other tables'; the layout is the adapter's
 * (shared/adapters/matter-store.ts).
 */
export class MatterRecords extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = recordsTable(this, 'Table', 'pk', 'sk');
  }

  /** Grants a function the table and sets MATTERS_TABLE, which its adapter reads: the two always come together. */
  grant(fn: PorticoFunction, access: TableAccess): void {
    if (access === 'read') this.table.grantReadData(fn);
    else this.table.grantReadWriteData(fn);
    fn.bindEnv('MATTERS_TABLE', this.table.tableName);
  }
}
