// Secret-looking names: one rule for every component that takes plain environment variables (ECS task
// definitions, Kubernetes pods, Cloud Run, Container Apps), so a name refused on one platform is refused
// on all of them. Plain env values are stored in clear text in the platform's API objects.

/** Names that announce a secret: passwords, tokens, API and access keys, private keys, credentials. */
const SECRET_LIKE_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;

/** True when an environment variable name looks like it carries a secret (`DB_PASSWORD`, `AWS_ACCESS_KEY_ID`). */
export function looksLikeSecretName(name: string): boolean {
  return SECRET_LIKE_NAME.test(name);
}
