import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * A secret's value, read once per execution environment and only when first needed (a route that
 * never pages never reads it).
 */
export function lazySecret(secretArn: string): () => Promise<string> {
  let value: Promise<string> | undefined;
  return () => {
    value ??= new SecretsManagerClient({})
      .send(new GetSecretValueCommand({ SecretId: secretArn }))
      .then((out) => {
        if (!out.SecretString) throw new Error('The page-cursor secret has no value');
        return out.SecretString;
      })
      .catch((error) => {
        value = undefined;
        throw error;
      });
    return value;
  };
}
