// Google service agents: the Google-managed identities that use a customer-managed key on a service's
// behalf (GCS, Cloud SQL, Cloud Run, GKE, Compute Engine). Each needs `cryptoKeyEncrypterDecrypter` on the key before the
// resource that uses the key is created, or creation fails; and each must exist before it can be granted
// anything, which is not the case in a fresh project until something makes it.
import * as pulumi from "@pulumi/pulumi";
import { getProjectOutput } from "@pulumi/gcp/organizations/getProject";
import { ServiceIdentity } from "@pulumi/gcp/projects/serviceIdentity";
import { getProjectServiceAccountOutput } from "@pulumi/gcp/storage/getProjectServiceAccount";
import { childName } from "../core";
import { childOptions } from "./common";
import { GcpGrantee } from "./grants";

/** The services whose agents a component grants on its key. */
export const SERVICE_AGENTS = ["storage", "sql", "run", "container", "compute"] as const;

/**
 * One service whose agent uses a key: `storage` (GCS), `sql` (Cloud SQL), `run` (Cloud Run), `container`
 * (GKE: a cluster's Secrets), `compute` (Compute Engine: disks, a GKE node's boot disk).
 */
export type ServiceAgent = (typeof SERVICE_AGENTS)[number];

/** The domain of each agent Google makes when the service's API is enabled (no API makes it on demand). */
const AGENT_DOMAINS = {
  run: "serverless-robot-prod.iam.gserviceaccount.com",
  container: "container-engine-robot.iam.gserviceaccount.com",
  compute: "compute-system.iam.gserviceaccount.com",
} as const;

/**
 * The agent of `service` as a grantee named `<service>-agent`, each from what makes it exist:
 * - Cloud Storage: the `storage.getProjectServiceAccount` data source, whose API call creates the agent on
 *   first use (the SDK's own doc: "Always prefer to use this data source over interpolating the project ID
 *   into the well-known format for this service account, as the latter approach may cause Pulumi update
 *   errors in cases where the service account does not yet exist"); its `member` is granted.
 * - Cloud SQL: a `ServiceIdentity` child named `<prefix>-sql-identity` (services.generateServiceIdentity for
 *   sqladmin.googleapis.com, https://cloud.google.com/sql/docs/postgres/configure-cmek#create-service-account);
 *   its `member`, so the grant waits for it.
 * - Cloud Run: `service-<project number>@serverless-robot-prod.iam.gserviceaccount.com`, which Google
 *   creates when run.googleapis.com is enabled (https://cloud.google.com/run/docs/securing/using-cmek);
 *   nothing in the API makes it on demand, so the grant waits for the API instead, through `after`.
 * - GKE: `service-<project number>@container-engine-robot.iam.gserviceaccount.com`, made when
 *   container.googleapis.com is enabled; it encrypts a cluster's Secrets
 *   (https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets#grant_permission_to_use_the_key).
 * - Compute Engine: `service-<project number>@compute-system.iam.gserviceaccount.com`, made when
 *   compute.googleapis.com is enabled; it encrypts disks, a GKE node's boot disk among them
 *   (https://cloud.google.com/kubernetes-engine/docs/how-to/using-cmek#grant_permission).
 *
 * `after` (the owning component's `dependsOn`: the project's APIs) holds the identity, both lookups and so
 * the grant until the APIs are on. Lookups go through `scope`, so an explicit provider's project answers.
 */
export function serviceAgentGrantee(
  scope: pulumi.Resource,
  prefix: string,
  service: ServiceAgent,
  after: readonly pulumi.Input<pulumi.Resource>[] = [],
): GcpGrantee {
  const lookup = { parent: scope, dependsOn: [...after] };
  let member: pulumi.Output<string>;
  if (service === "storage") {
    member = getProjectServiceAccountOutput({}, lookup).member;
  } else if (service === "sql") {
    member = new ServiceIdentity(
      childName(prefix, "sql-identity"),
      { service: "sqladmin.googleapis.com" },
      childOptions(scope, after),
    ).member;
  } else {
    member = pulumi.interpolate`serviceAccount:service-${getProjectOutput({}, lookup).number}@${AGENT_DOMAINS[service]}`;
  }
  return { granteeName: `${service}-agent`, grantPrincipal: { member } };
}
