// Offline answers to Google Cloud invokes: the project, region and zone in effect from the config, project
// numbers and the service agents named after them, zones per region, GKE versions. Rendered into
// docs/offline-answers.md.
import {
  FAKE_GCP_PROJECT,
  FAKE_GCP_PROJECT_NUMBER,
  InvokeContext,
  argString,
  secret,
  setting,
  stableHex,
} from "./invoke-context";
import type { OfflineAnswer } from "./invokes";

const project = (ctx: InvokeContext): string =>
  argString(ctx, "project") ??
  argString(ctx, "projectId") ??
  setting(ctx, "project", "gcp:project", FAKE_GCP_PROJECT);
const region = (ctx: InvokeContext): string =>
  argString(ctx, "region") ?? setting(ctx, "region", "gcp:region", "europe-west1");

/**
 * The zone letters of Google Cloud regions, from https://cloud.google.com/compute/docs/regions-zones (the
 * regions most programs use); any other region gets a, b and c, the letters most regions have.
 */
export const GCP_ZONE_LETTERS: Readonly<Record<string, string>> = {
  "us-central1": "abcf",
  "us-east1": "bcd",
  "us-east4": "abc",
  "us-west1": "abc",
  "us-west2": "abc",
  "europe-west1": "bcd",
  "europe-west2": "abc",
  "europe-west3": "abc",
  "europe-west4": "abc",
  "europe-north1": "abc",
  "asia-east1": "abc",
  "asia-northeast1": "abc",
  "asia-southeast1": "abc",
  "australia-southeast1": "abc",
};

export const gcpZones = (r: string): string[] => [...(GCP_ZONE_LETTERS[r] ?? "abc")].map((l) => `${r}-${l}`);

/**
 * GKE versions as the `getEngineVersions` data source lists them: a snapshot, not live (GKE changes its
 * offered versions weekly); the newest first, as the API orders them.
 */
export const GKE_VERSIONS = [
  "1.33.5-gke.1201000",
  "1.33.4-gke.1350000",
  "1.32.9-gke.1108000",
  "1.31.13-gke.1023000",
  "1.30.14-gke.1209000",
];
const GKE_CHANNELS = {
  RAPID: "1.33.5-gke.1201000",
  REGULAR: "1.33.4-gke.1350000",
  STABLE: "1.32.9-gke.1108000",
  EXTENDED: "1.31.13-gke.1023000",
};

function engineVersions(ctx: InvokeContext): Record<string, unknown> {
  const prefix = argString(ctx, "versionPrefix") ?? "";
  const valid = GKE_VERSIONS.filter((v) => v.startsWith(prefix));
  const location = argString(ctx, "location") ?? region(ctx);
  return {
    ...ctx.args,
    id: location,
    project: project(ctx),
    location,
    defaultClusterVersion: GKE_CHANNELS.REGULAR,
    latestMasterVersion: valid[0] ?? "",
    latestNodeVersion: valid[0] ?? "",
    validMasterVersions: valid,
    validNodeVersions: valid,
    releaseChannelDefaultVersion: GKE_CHANNELS,
    releaseChannelLatestVersion: GKE_CHANNELS,
    releaseChannelUpgradeTargetVersion: GKE_CHANNELS,
  };
}

/** The built-in Google Cloud rows. */
export const GCP_ANSWERS: readonly OfflineAnswer[] = [
  {
    token: "gcp:organizations/getProject:getProject",
    fidelity: "config",
    answer: `the asked project, else the provider's or \`gcp:project\`'s, else ${FAKE_GCP_PROJECT}; project number 123456789012`,
    handler: (ctx) => {
      const p = project(ctx);
      return {
        ...ctx.args,
        id: `projects/${p}`,
        projectId: p,
        number: FAKE_GCP_PROJECT_NUMBER,
        name: p,
        labels: {},
        autoCreateNetwork: true,
      };
    },
  },
  {
    token: "gcp:projects/getProject:getProject",
    fidelity: "config",
    answer: "the project in effect, as the one project the filter finds, with its number",
    handler: (ctx) => {
      const p = project(ctx);
      const one = {
        projectId: p,
        number: FAKE_GCP_PROJECT_NUMBER,
        name: p,
        lifecycleState: "ACTIVE",
        labels: {},
        parent: {},
        createTime: "2024-01-01T00:00:00Z",
      };
      return { ...ctx.args, id: String(ctx.args.filter ?? "projects"), projects: [one] };
    },
  },
  {
    token: "gcp:organizations/getClientConfig:getClientConfig",
    fidelity: "config",
    answer:
      "the project, region (else europe-west1) and zone (else europe-west1-b) in effect; the access token a **secret**",
    handler: (ctx) => ({
      id: "offline",
      project: setting(ctx, "project", "gcp:project", FAKE_GCP_PROJECT),
      region: setting(ctx, "region", "gcp:region", "europe-west1"),
      zone: setting(ctx, "zone", "gcp:zone", "europe-west1-b"),
      accessToken: secret("offline-token"),
    }),
  },
  {
    token: "gcp:compute/getZones:getZones",
    fidelity: "public data",
    answer:
      "the zones of the asked (or configured) region, from Google's region table (us-central1 a, b, c, f; us-east1 and europe-west1 b, c, d; others a, b, c)",
    handler: (ctx) => {
      const r = region(ctx);
      return {
        ...ctx.args,
        id: `projects/${project(ctx)}/regions/${r}`,
        region: r,
        project: project(ctx),
        names: gcpZones(r),
      };
    },
  },
  {
    token: "gcp:compute/getRegions:getRegions",
    fidelity: "public data",
    answer: "the regions of the zone table",
    handler: (ctx) => ({
      ...ctx.args,
      id: `projects/${project(ctx)}`,
      project: project(ctx),
      names: Object.keys(GCP_ZONE_LETTERS),
    }),
  },
  {
    token: "gcp:container/getEngineVersions:getEngineVersions",
    fidelity: "shaped",
    answer: `a snapshot of GKE's versions (${GKE_VERSIONS[0]} newest; release channels RAPID/REGULAR/STABLE/EXTENDED), filtered by \`versionPrefix\``,
    handler: engineVersions,
  },
  {
    token: "gcp:compute/getDefaultServiceAccount:getDefaultServiceAccount",
    fidelity: "computed",
    answer:
      "the Compute Engine default service account, `<project number>-compute@developer.gserviceaccount.com`",
    handler: (ctx) => {
      const p = project(ctx);
      const email = `${FAKE_GCP_PROJECT_NUMBER}-compute@developer.gserviceaccount.com`;
      return {
        ...ctx.args,
        id: `projects/${p}/serviceAccounts/${email}`,
        email,
        member: `serviceAccount:${email}`,
        project: p,
        name: `projects/${p}/serviceAccounts/${email}`,
        displayName: "Compute Engine default service account",
        uniqueId: `1${FAKE_GCP_PROJECT_NUMBER}00000000`,
      };
    },
  },
  {
    token: "gcp:storage/getProjectServiceAccount:getProjectServiceAccount",
    fidelity: "computed",
    answer:
      "the Cloud Storage service agent, `service-<project number>@gs-project-accounts.iam.gserviceaccount.com`",
    handler: (ctx) => {
      const p = project(ctx);
      const email = `service-${FAKE_GCP_PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`;
      return { ...ctx.args, id: email, emailAddress: email, member: `serviceAccount:${email}`, project: p };
    },
  },
  {
    token: "gcp:compute/getImage:getImage",
    fidelity: "shaped",
    answer: "an image of the asked family (or name) and project, with its self link",
    handler: (ctx) => {
      const imageProject = argString(ctx, "project") ?? "debian-cloud";
      const name = argString(ctx, "name") ?? `${argString(ctx, "family") ?? "image"}-v20250101`;
      const selfLink = `https://www.googleapis.com/compute/v1/projects/${imageProject}/global/images/${name}`;
      return {
        ...ctx.args,
        id: `projects/${imageProject}/global/images/${name}`,
        name,
        selfLink,
        project: imageProject,
        family: argString(ctx, "family") ?? "",
        status: "READY",
      };
    },
  },
  {
    token: "gcp:compute/getNetwork:getNetwork",
    fidelity: "shaped",
    answer: "the asked network's id and self link in the project",
    handler: (ctx) => {
      const p = project(ctx);
      const name = argString(ctx, "name") ?? "default";
      const id = `projects/${p}/global/networks/${name}`;
      return {
        ...ctx.args,
        id,
        name,
        project: p,
        selfLink: `https://www.googleapis.com/compute/v1/${id}`,
        subnetworksSelfLinks: [],
      };
    },
  },
  {
    token: "gcp:compute/getSubnetwork:getSubnetwork",
    fidelity: "shaped",
    answer: "the asked subnetwork's id and self link, range 10.128.0.0/20",
    handler: (ctx) => {
      const p = project(ctx);
      const r = region(ctx);
      const name = argString(ctx, "name") ?? "default";
      const id = `projects/${p}/regions/${r}/subnetworks/${name}`;
      return {
        ...ctx.args,
        id,
        name,
        project: p,
        region: r,
        ipCidrRange: "10.128.0.0/20",
        selfLink: `https://www.googleapis.com/compute/v1/${id}`,
        network: `https://www.googleapis.com/compute/v1/projects/${p}/global/networks/default`,
        privateIpGoogleAccess: false,
      };
    },
  },
  {
    token: "gcp:secretmanager/getSecretVersion:getSecretVersion",
    fidelity: "shaped",
    answer: "the secret's data as a **secret** (a stable placeholder)",
    handler: (ctx) => {
      const p = project(ctx);
      const s = argString(ctx, "secret") ?? "secret";
      const name = `projects/${FAKE_GCP_PROJECT_NUMBER}/secrets/${s.split("/").pop()}/versions/1`;
      return {
        ...ctx.args,
        id: name,
        name,
        project: p,
        version: "1",
        secretData: secret(`offline-${stableHex(16, name)}`),
        enabled: true,
      };
    },
  },
];
