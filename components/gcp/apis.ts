// The Google Cloud APIs (services) each component's resources call, so a project can have them enabled
// before the first `pulumi up`. The lists follow the `apis` facts of every resource type a component
// creates (facts/gcp/resources.json, each with its source); tests/gcp/apis.spec.ts holds them equal.
//
// Components do not enable APIs themselves (docs/adr/0009-gcp-apis-are-enabled-by-the-stack.md): enabling
// is a project-wide act that two components in one project would both claim, and many teams' deployers may
// not do it at all. The stack (or whoever owns the project) enables them, with `ProjectApis`, and hands the
// result to each component as `dependsOn`, which the components pass on to every child.

/** APIs every Google Cloud deployment calls before anything else, so they must be on already. */
export const GCP_PREREQUISITE_APIS: readonly string[] = [
  // Enables the others (gcp:projects/service:Service) and makes service identities.
  "serviceusage.googleapis.com",
  // Reads the project (its number, for service agents) and sets project IAM (Cloud SQL grants).
  "cloudresourcemanager.googleapis.com",
];

/**
 * The APIs each component's resources need besides the prerequisites. Some only with an option:
 * servicenetworking for `Network` with `privateServices`, secretmanager for `ContainerService` with
 * `secrets`. A key's service-agent grants also need the API of each agent's service, which the component
 * that uses the key needs anyway.
 */
export const GCP_APIS = {
  EncryptionKey: ["cloudkms.googleapis.com"],
  Bucket: ["cloudkms.googleapis.com", "storage.googleapis.com"],
  Network: ["compute.googleapis.com", "servicenetworking.googleapis.com"],
  PostgresDatabase: [
    "cloudkms.googleapis.com",
    "compute.googleapis.com",
    "servicenetworking.googleapis.com",
    "sqladmin.googleapis.com",
  ],
  ContainerService: [
    "binaryauthorization.googleapis.com",
    "cloudkms.googleapis.com",
    "iam.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
  ],
  KubernetesCluster: [
    "binaryauthorization.googleapis.com",
    "cloudkms.googleapis.com",
    "compute.googleapis.com",
    "container.googleapis.com",
    "iam.googleapis.com",
  ],
} as const satisfies { readonly [component: string]: readonly string[] };
