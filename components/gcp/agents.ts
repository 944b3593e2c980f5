// Google service agents: the Google-managed identities that use a customer-managed key on a service's
// behalf (GCS, Cloud SQL, Cloud Run). Each needs `cryptoKeyEncrypterDecrypter` on the key before the
// resource that uses the key is created, or creation fails.
import * as pulumi from "@pulumi/pulumi";
import { getProjectOutput } from "@pulumi/gcp/organizations/getProject";
import { ServiceIdentity } from "@pulumi/gcp/projects/serviceIdentity";
import { childName } from "../core";
import { GcpGrantee } from "./grants";

/** The services whose agents a component grants on its key. */
export const SERVICE_AGENTS = ["storage", "sql", "run"] as const;

/** One service whose agent uses a key: `storage` (GCS), `sql` (Cloud SQL), `run` (Cloud Run). */
export type ServiceAgent = (typeof SERVICE_AGENTS)[number];

/** The agents' email domains, after `service-<project number>@`. */
const AGENT_DOMAINS: { readonly [A in ServiceAgent]: string } = {
  storage: "gs-project-accounts.iam.gserviceaccount.com",
  sql: "gcp-sa-cloud-sql.iam.gserviceaccount.com",
  run: "serverless-robot-prod.iam.gserviceaccount.com",
};

/**
 * The agent of `service` as a grantee named `<service>-agent`, named from the project number (asked
 * through `scope`, so an explicit provider's project answers). Cloud SQL's agent exists only once the
 * API has made it, so a `ServiceIdentity` child named `<prefix>-sql-identity` makes it first.
 */
export function serviceAgentGrantee(
  scope: pulumi.Resource,
  prefix: string,
  service: ServiceAgent,
): GcpGrantee {
  const number = getProjectOutput({}, { parent: scope }).number;
  // The identity's own `member` is only known once the API answers; the agent's name is fixed by the
  // project number, so the member is built from it, after the identity exists.
  const after =
    service === "sql"
      ? new ServiceIdentity(
          childName(prefix, "sql-identity"),
          { service: "sqladmin.googleapis.com" },
          { parent: scope },
        ).id
      : pulumi.output("");
  return {
    granteeName: `${service}-agent`,
    grantPrincipal: {
      member: pulumi
        .all([number, after])
        .apply(([n]) => `serviceAccount:service-${n}@${AGENT_DOMAINS[service]}`),
    },
  };
}
