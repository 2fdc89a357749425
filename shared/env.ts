/** Reads a required environment variable; called at module scope so a missing binding fails at cold start. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set: the function's wiring is incomplete`);
  return value;
}
