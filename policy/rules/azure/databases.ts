// Azure database rules for PostgreSQL flexible servers and Azure SQL servers: no public access, no
// firewall rule open to the internet, TLS 1.2 or later, Entra ID authentication, resilience in prod.
// The SDK fills in `authConfig.passwordAuth: "Enabled"`, `backup.geoRedundantBackup: "Disabled"` and HA
// mode "Disabled" on the client; those objects are wholly unknown in preview when any part is.
import type { ConfigurationArgs, FirewallRuleArgs, ServerArgs } from "@pulumi/azure-native/dbforpostgresql";
import type { ServerArgs as SqlServerArgs } from "@pulumi/azure-native/sql";
import type { FirewallRuleArgs as RedisFirewallRuleArgs } from "@pulumi/azure-native/redis";
import { ResourceRule } from "../../runtime";
import { inputsOf, onInputs, record } from "../../runtime/props";
import { isSet } from "../../runtime/unknowns";
import { publicNetworkDisabled } from "./storage";
import { T } from "./resource-types";
import { CMK_KNOB_HINT, CUSTOMER_MANAGED_KEY_KNOBS, asksForKey } from "../keys";

/** An IPv4 address as a number, or undefined when it is not one. */
function ipv4(value: unknown): number | undefined {
  const parts = String(value ?? "").split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** PostgreSQL settings that turn transport security down, with the values that do. */
const WEAK_POSTGRES_SETTINGS: Record<string, readonly string[]> = {
  require_secure_transport: ["off", "0", "false"],
  ssl_min_protocol_version: ["tlsv1", "tlsv1.1"],
};

export const databaseRules: ResourceRule[] = [
  {
    name: "azure-postgres-no-public-access",
    area: "azure",
    severity: "high",
    description:
      "PostgreSQL flexible servers are reached privately: a delegated subnet (or private endpoint) and public " +
      "network access disabled. Without a delegated subnet a server is public by default.",
    remediationSteps:
      'Set `network: { delegatedSubnetResourceId, privateDnsZoneArmResourceId, publicNetworkAccess: "Disabled" }`.',
    references: ["CIS Azure 4.3", "Groundwork BASELINE Azure PostgreSQL"],
    validateResource: onInputs<ServerArgs>(T.postgresServer, (server, report) => {
      const network = record(server.network);
      if (network.publicNetworkAccess === undefined && !isSet(network, "delegatedSubnetResourceId"))
        report("no delegated subnet and publicNetworkAccess unset (public by default)");
      else if (String(network.publicNetworkAccess ?? "").toLowerCase() === "enabled")
        report('network.publicNetworkAccess is "Enabled"');
    }),
  },
  {
    name: "azure-postgres-secure-transport",
    area: "azure",
    severity: "high",
    description:
      "PostgreSQL flexible servers keep `require_secure_transport` on and `ssl_min_protocol_version` at TLS 1.2 " +
      "or later (both are the service defaults; a Configuration resource can turn them down).",
    remediationSteps:
      'Remove the Configuration, or set `require_secure_transport` to "on" and `ssl_min_protocol_version` to ' +
      '"TLSv1.2" or "TLSv1.3".',
    references: ["CIS Azure 4.3.1", "Groundwork BASELINE Azure PostgreSQL"],
    validateResource: onInputs<ConfigurationArgs>(T.postgresConfiguration, (setting, report) => {
      const name = String(setting.configurationName ?? "").toLowerCase();
      const weak = WEAK_POSTGRES_SETTINGS[name];
      if (weak?.includes(String(setting.value ?? "").toLowerCase()))
        report(`${name} is ${JSON.stringify(setting.value)}`);
    }),
  },
  {
    name: "azure-postgres-entra-auth",
    area: "azure",
    severity: "medium",
    description:
      "PostgreSQL flexible servers authenticate with Entra ID, password authentication off (the SDK fills in " +
      '`passwordAuth: "Enabled"` when the program sets nothing).',
    remediationSteps:
      'Set `authConfig: { activeDirectoryAuth: "Enabled", passwordAuth: "Disabled", tenantId }` and add an ' +
      "AdministratorsMicrosoftEntra resource.",
    references: ["Groundwork BASELINE Azure PostgreSQL"],
    validateResource: onInputs<ServerArgs>(T.postgresServer, (server, report) => {
      const auth = record(server.authConfig);
      if (auth.activeDirectoryAuth !== "Enabled") report("authConfig.activeDirectoryAuth is not Enabled");
      if (auth.passwordAuth !== "Disabled")
        report(`authConfig.passwordAuth is ${JSON.stringify(auth.passwordAuth ?? "Enabled")}`);
    }),
  },
  {
    name: "azure-postgres-prod-resilience",
    area: "azure",
    severity: "medium",
    description:
      "Production PostgreSQL flexible servers (tag environment=prod) have geo-redundant backups and zone-redundant HA.",
    remediationSteps:
      'Set `backup.geoRedundantBackup: "Enabled"` and `highAvailability.mode: "ZoneRedundant"`.',
    references: ["Groundwork BASELINE Azure PostgreSQL"],
    validateResource: onInputs<ServerArgs>(T.postgresServer, (server, report) => {
      if (record(server.tags)["environment"] !== "prod") return;
      const geo = record(server.backup).geoRedundantBackup ?? "Disabled";
      if (geo !== "Enabled") report(`backup.geoRedundantBackup is ${JSON.stringify(geo)} in prod`);
      const mode = record(server.highAvailability).mode ?? "Disabled";
      if (mode !== "ZoneRedundant") report(`highAvailability.mode is ${JSON.stringify(mode)} in prod`);
    }),
  },
  {
    name: "azure-sql-no-public-access",
    area: "azure",
    severity: "high",
    description: "Azure SQL servers disable public network access and are reached through private endpoints.",
    remediationSteps: 'Set `publicNetworkAccess: "Disabled"` and add a private endpoint.',
    references: ["CKV_AZURE_113"],
    validateResource: onInputs<SqlServerArgs>(T.sqlServer, (server, report) => {
      if (!publicNetworkDisabled(server.publicNetworkAccess))
        report(`publicNetworkAccess is ${JSON.stringify(server.publicNetworkAccess ?? "unset (Enabled)")}`);
    }),
  },
  {
    name: "azure-sql-tls12",
    area: "azure",
    severity: "high",
    description: "Azure SQL servers refuse TLS below 1.2.",
    remediationSteps: 'Set `minimalTlsVersion: "1.2"`.',
    references: ["CKV_AZURE_52"],
    validateResource: onInputs<SqlServerArgs>(T.sqlServer, (server, report) => {
      const tls = server.minimalTlsVersion;
      if (tls !== "1.2" && tls !== "1.3")
        report(`minimalTlsVersion is ${JSON.stringify(tls ?? "unset")} (1.2 or later)`);
    }),
  },
  {
    name: "azure-database-firewall-not-open",
    area: "azure",
    severity: "critical",
    description:
      "Firewall rules of PostgreSQL, MySQL, MariaDB, SQL, Synapse and Azure Cache for Redis do not open the service " +
      "to the internet (0.0.0.0–255.255.255.255 or any range wider than the configured size), nor to every Azure " +
      "tenant (0.0.0.0–0.0.0.0).",
    remediationSteps:
      "Remove the rule and use private access, or narrow it to the addresses of the clients that need it.",
    references: [
      "CIS Azure 4.1.2",
      "CIS Azure 4.3.7",
      "CKV_AZURE_11",
      "CKV2_AZURE_19",
      "CKV2_AZURE_26",
      "CKV2_AZURE_34",
    ],
    configSchema: {
      properties: {
        maxAddresses: {
          type: "integer",
          minimum: 1,
          default: 65536,
          description: "Widest range (number of addresses) one firewall rule may open.",
        },
      },
    },
    types: [...T.databaseFirewallRule, ...T.redisFirewallRule],
    validateResource(args, report) {
      const max = args.getConfig<{ maxAddresses?: number }>().maxAddresses ?? 65536;
      const redis = inputsOf<RedisFirewallRuleArgs>(args, T.redisFirewallRule);
      const rule = inputsOf<FirewallRuleArgs>(args, T.databaseFirewallRule);
      const [from, to] = redis ? [redis.startIP, redis.endIP] : [rule?.startIpAddress, rule?.endIpAddress];
      const start = ipv4(from);
      const end = ipv4(to);
      if (start === undefined || end === undefined) return;
      if (start === 0 && end === 0) report("0.0.0.0–0.0.0.0 allows every Azure service, in any tenant");
      else if (end - start + 1 > max)
        report(`${from}–${to} opens ${end - start + 1} addresses (at most ${max})`);
    },
  },
  {
    name: "azure-postgres-customer-managed-key",
    area: "azure",
    severity: "high",
    description:
      "PostgreSQL flexible servers encrypt data under a customer-managed Key Vault key (`dataEncryption.type: " +
      "AzureKeyVault`); Azure encrypts under a Microsoft-managed key otherwise, which `customerManagedKey: false` accepts.",
    remediationSteps:
      'Set `dataEncryption: { type: "AzureKeyVault", primaryKeyURI, primaryUserAssignedIdentityId }` with an identity ' +
      "that may use the key (set at creation only).",
    references: ["Groundwork BASELINE Azure PostgreSQL"],
    configSchema: { properties: CUSTOMER_MANAGED_KEY_KNOBS },
    validateResource: onInputs<ServerArgs>(T.postgresServer, (server, report, args) => {
      if (!asksForKey(args, record(server.tags).environment)) return;
      const encryption = record(server.dataEncryption);
      if (encryption.type !== "AzureKeyVault")
        report(
          `dataEncryption.type is ${JSON.stringify(encryption.type ?? "SystemManaged")}: data is encrypted under a ` +
            `Microsoft-managed key; ${CMK_KNOB_HINT}`,
        );
    }),
  },
];
