/**
 * Secrets Manager, locally: the secrets the template declares, each with a value generated on first
 * start (and kept in the state folder, as the deployed secret keeps its value), answered to
 * `GetSecretValue` by ARN or name as the SDK asks for it. Nothing else of the service is emulated.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SecretSpec } from './template.ts';

export class LocalSecrets {
  private readonly values: Record<string, string>;

  constructor(
    private readonly specs: SecretSpec[],
    private readonly arnOf: (logicalId: string) => string,
    stateFile: string,
  ) {
    this.values = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : {};
    for (const spec of specs) this.values[spec.logicalId] ??= randomBytes(spec.passwordLength).toString('base64url').slice(0, spec.passwordLength);
    writeFileSync(stateFile, JSON.stringify(this.values), { mode: 0o600 });
  }

  /** Answers one call of the Secrets Manager JSON protocol (`X-Amz-Target: secretsmanager.<Action>`). */
  handle(target: string, body: string): { status: number; value: unknown } {
    if (target !== 'secretsmanager.GetSecretValue') return { status: 400, value: { __type: 'InvalidRequestException', message: `${target} is not emulated locally` } };
    const { SecretId } = JSON.parse(body || '{}') as { SecretId?: string };
    const spec = this.specs.find((s) => SecretId === this.arnOf(s.logicalId) || SecretId === s.logicalId);
    if (!spec) return { status: 400, value: { __type: 'ResourceNotFoundException', message: 'Secrets Manager can\'t find the specified secret.' } };
    return { status: 200, value: { ARN: this.arnOf(spec.logicalId), Name: spec.logicalId, SecretString: this.values[spec.logicalId], VersionId: 'local' } };
  }
}
