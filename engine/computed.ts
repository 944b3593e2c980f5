// Outputs a provider computes on create that no input carries, fabricated for an update-mode synth so a
// program that reads them (a database's managed secret handed to a service) sees a value of the real shape.
import { FAKE_GCP_PROJECT, FAKE_GCP_PROJECT_NUMBER } from "./invoke-context";
import { hex } from "./output-values";

/**
 * An RDS instance's resource id and managed master secret. The resource id (DbiResourceId) is `db-` and
 * upper-case letters and digits, which IAM database authentication policies name (`rds-db:connect` on
 * `…:dbuser:db-ABCDEFGHIJKL01234/db_user`, the example of
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.IAMPolicy.html); the
 * length here (26) is a guess from ids seen in consoles, not from a documented rule.
 */
function rdsInstanceComputed(id: string, state: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const computed: Record<string, unknown> = {};
  if (state.resourceId === undefined) computed.resourceId = `db-${hex(26, "rds", id).toUpperCase()}`;
  // RDS keeps the master password it manages in a secret of its own, `rds!db-<id>`, in the same region and
  // account, encrypted with the key named for it.
  if (state.manageMasterUserPassword !== true || state.masterUserSecrets !== undefined) return computed;
  const [partition, , region, account] = String(state.arn).split(":").slice(1, 5);
  const secretArn = `arn:${partition}:secretsmanager:${region}:${account}:secret:rds!db-${id}`;
  // A key is named only when the program gave one (else RDS uses the AWS managed key); an undefined
  // field would not survive the gRPC Struct encoding.
  const kmsKeyId = state.masterUserSecretKmsKeyId;
  const secret = { secretArn, secretStatus: "active", ...(kmsKeyId === undefined ? {} : { kmsKeyId }) };
  return { ...computed, masterUserSecrets: [secret] };
}

/** Extra state for a new resource of `type`, from its id and the state fabricated so far. */
export function providerComputed(
  type: string,
  id: string,
  state: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (type === "aws:rds/instance:Instance") return rdsInstanceComputed(id, state);
  // A KMS key's ARN names the key by its id, `…:key/<key id>`, never by a name (a key has none; aliases are
  // separate resources): https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-ARN
  if (type === "aws:kms/key:Key" && typeof state.arn === "string") {
    const arn = state.arn.replace(/:key\/[^:]*$/, `:key/${id}`);
    return { arn, ...(state.keyId === undefined ? { keyId: id } : {}) };
  }
  // A Google service account's email (and IAM member) derive from its account id and project; grants and
  // workloads name the account by them.
  if (type === "gcp:serviceaccount/account:Account" && state.email === undefined) {
    const project = typeof state.project === "string" ? state.project : FAKE_GCP_PROJECT;
    const email = `${String(state.accountId)}@${project}.iam.gserviceaccount.com`;
    return { email, member: `serviceAccount:${email}` };
  }
  // A Google service agent's identity (gcp:projects/serviceIdentity) is named from the project number and
  // the service: Cloud SQL's is `service-<number>@gcp-sa-cloud-sql.iam.gserviceaccount.com`
  // (https://cloud.google.com/sql/docs/postgres/configure-cmek#create-service-account), most others
  // `service-<number>@gcp-sa-<service>.iam.gserviceaccount.com`.
  if (type === "gcp:projects/serviceIdentity:ServiceIdentity" && state.email === undefined) {
    const service = String(state.service).split(".")[0];
    const domain = service === "sqladmin" ? "gcp-sa-cloud-sql" : `gcp-sa-${service}`;
    const email = `service-${FAKE_GCP_PROJECT_NUMBER}@${domain}.iam.gserviceaccount.com`;
    return { email, member: `serviceAccount:${email}` };
  }
  return {};
}
