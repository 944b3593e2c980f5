// Azure application platforms: App Service and Functions apps serve HTTPS only with TLS 1.2 or later;
// container registries have no shared admin account and no anonymous pulls; and no Container App, Container
// Instances group or App Service setting whose name announces a secret holds the value (../secrets.ts).
import type { RegistryArgs } from "@pulumi/azure-native/containerregistry";
import type { WebAppArgs } from "@pulumi/azure-native/web";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { ResourceRule } from "../../runtime";
import { Props, onInputs, record, recordAt, records } from "../../runtime/props";
import { isOfType } from "../../runtime/links";
import { peek } from "../../runtime/unknowns";
import { Setting, reportPlaintextSecrets } from "../secrets";
import { T } from "./resource-types";

/** TLS versions App Service accepts as a minimum, oldest first. */
const OLD_TLS = ["1.0", "1.1"];

/** `[{ name, value }]` entries as settings; a `secretRef` or `secureValue` entry carries no `value`. */
function listSettings(list: unknown, where: string): Setting[] {
  return records(list).map((e: Props) => ({ name: peek(e, "name"), value: peek(e, "value"), where }));
}

/** Every plain setting of a Container App, Container Instances group, App Service app or its settings resource. */
function plainSettings(args: ResourceValidationArgs): Setting[] {
  const props = record(args.props);
  if (isOfType(args, T.containerApp))
    return records(recordAt(props, ["template"]).containers).flatMap((c, i) =>
      listSettings(c.env, `template.containers[${i}]`),
    );
  if (isOfType(args, T.containerGroup))
    return records(props.containers).flatMap((c, i) =>
      listSettings(c.environmentVariables, `containers[${i}]`),
    );
  if (isOfType(args, T.webApp))
    return listSettings(record(props.siteConfig).appSettings, "siteConfig.appSettings");
  if (isOfType(args, T.webAppSettings)) {
    const map = record(props.properties);
    return Object.keys(map).map((name) => ({ name, value: peek(map, name), where: "properties" }));
  }
  return [];
}

export const appRules: ResourceRule[] = [
  {
    name: "azure-appservice-https-only",
    area: "azure",
    severity: "high",
    description:
      "App Service and Functions apps (and their slots) redirect HTTP to HTTPS: `httpsOnly` is off by default, " +
      "so an app left alone answers plain HTTP.",
    remediationSteps: "Set `httpsOnly: true`.",
    references: ["CIS Azure 9.2", "CKV_AZURE_14", "CKV_AZURE_70"],
    validateResource: onInputs<WebAppArgs>(T.webApp, (app, report) => {
      if (app.httpsOnly !== true)
        report(`httpsOnly is ${app.httpsOnly ?? "unset (false)"}: the app answers plain HTTP`);
    }),
  },
  {
    name: "azure-appservice-tls12",
    area: "azure",
    severity: "high",
    description:
      "App Service and Functions apps refuse TLS below 1.2 (`siteConfig.minTlsVersion`, 1.2 by default for new apps; " +
      "the SCM site's `scmMinTlsVersion` likewise).",
    remediationSteps:
      'Leave `siteConfig.minTlsVersion` unset or set it to "1.2" (or "1.3"); the same for `scmMinTlsVersion`.',
    references: [
      "CIS Azure 9.3",
      "CKV_AZURE_15",
      "CKV_AZURE_145",
      "https://learn.microsoft.com/azure/app-service/overview-tls",
    ],
    validateResource: onInputs<WebAppArgs>(T.webApp, (app, report) => {
      const site = record(app.siteConfig);
      for (const field of ["minTlsVersion", "scmMinTlsVersion"]) {
        const version = site[field];
        if (OLD_TLS.includes(String(version))) report(`siteConfig.${field} is ${JSON.stringify(version)}`);
      }
    }),
  },
  {
    name: "azure-acr-admin-user-disabled",
    area: "azure",
    severity: "high",
    description:
      "Container registries keep the admin user off: its username and password give push and pull to anyone who " +
      "has them, with no identity behind it.",
    remediationSteps:
      "Set `adminUserEnabled: false` (or leave it unset) and grant AcrPull/AcrPush to identities.",
    references: ["CKV_AZURE_137", "CIS AKS 5.1.2"],
    validateResource: onInputs<RegistryArgs>(T.registry, (registry, report) => {
      if (registry.adminUserEnabled === true)
        report("adminUserEnabled is true: a shared password can push and pull");
    }),
  },
  {
    name: "azure-acr-no-anonymous-pull",
    area: "azure",
    severity: "high",
    description: "Container registries do not let anonymous callers pull images.",
    remediationSteps: "Set `anonymousPullEnabled: false` (or leave it unset).",
    references: ["CKV_AZURE_138"],
    validateResource: onInputs<RegistryArgs>(T.registry, (registry, report) => {
      if (registry.anonymousPullEnabled === true)
        report("anonymousPullEnabled is true: anyone may pull the images");
    }),
  },
  {
    name: "azure-containers-no-plaintext-secrets",
    area: "azure",
    severity: "high",
    description:
      "Container Apps, Container Instances groups and App Service apps pass values whose names announce a secret " +
      "(PASSWORD, TOKEN, API_KEY …) as secret references — `secretRef`, `secureValue`, a Key Vault reference — not " +
      "as plain values, which anyone who may read the resource sees.",
    remediationSteps:
      "Container Apps: declare the value under `configuration.secrets` (ideally a Key Vault URL) and use `secretRef`; " +
      "Container Instances: `secureValue`; App Service: `@Microsoft.KeyVault(SecretUri=…)`.",
    references: ["CKV_AZURE_235", "CIS Azure 9.11"],
    types: [...T.containerApp, ...T.containerGroup, ...T.webApp, ...T.webAppSettings],
    validateResource(args, report) {
      reportPlaintextSecrets(
        plainSettings(args),
        report,
        "setting",
        "anyone who may read the resource's configuration",
      );
    },
  },
];
