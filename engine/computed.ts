// Outputs a provider computes on create that no input carries, fabricated for an update-mode synth so a
// program that reads them (a database's managed secret handed to a service) sees a value of the real shape.
import { FAKE_GCP_PROJECT, FAKE_GCP_PROJECT_NUMBER } from "./invoke-context";

/** Extra state for a new resource of `type`, from its id and the state fabricated so far. */
export function providerComputed(
  type: string,
  id: string,
  state: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  // RDS keeps the master password it manages in a secret of its own, `rds!db-<id>`, in the same region and
  // account, encrypted with the key named for it.
  if (type === "aws:rds/instance:Instance" && state.manageMasterUserPassword === true) {
    if (state.masterUserSecrets !== undefined) return {};
    const [partition, , region, account] = String(state.arn).split(":").slice(1, 5);
    const secretArn = `arn:${partition}:secretsmanager:${region}:${account}:secret:rds!db-${id}`;
    // A key is named only when the program gave one (else RDS uses the AWS managed key); an undefined
    // field would not survive the gRPC Struct encoding.
    const kmsKeyId = state.masterUserSecretKmsKeyId;
    const secret = { secretArn, secretStatus: "active", ...(kmsKeyId === undefined ? {} : { kmsKeyId }) };
    return { masterUserSecrets: [secret] };
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
