// Values of the provider's shape for outputs, from the shape tables (engine/shapes, scripts/output-shapes.ts):
// strings named for what they are (an ARN, an endpoint, an address, a certificate, a key), numbers, booleans,
// arrays of one and nested objects to a bounded depth. engine/outputs.ts decides which outputs get one.
import { createHash } from "crypto";
import { SECRET_SIG, SECRET_SIG_KEY, UNKNOWN } from "./graph";
import { FAKE_AZURE_SUBSCRIPTION } from "./invoke-context";

export interface ResourceShape {
  readonly o: Record<string, string>;
  readonly m?: Record<string, string>;
  readonly s?: string[];
  readonly n?: string;
  readonly id?: string;
  readonly idFrom?: string;
  readonly r?: 1;
}

export interface ShapeTable {
  readonly package: string;
  readonly version: string;
  readonly types: Record<string, Record<string, string>>;
  readonly resources: Record<string, ResourceShape>;
}

/** Everything a value needs to be named for its resource. */
export interface OutputContext {
  readonly type: string;
  /** The logical name in the program. */
  readonly name: string;
  readonly urn: string;
  readonly inputs: Record<string, unknown>;
  readonly preview: boolean;
  /** Stack config merged with the explicit provider's inputs (`aws:region` …, or `region` …). */
  readonly config: Record<string, unknown>;
  readonly providerInputs?: Record<string, unknown>;
}

export const hex = (n: number, ...parts: string[]): string =>
  createHash("sha256").update(parts.join("|")).digest("hex").slice(0, n);

export const secret = (value: unknown): Record<string, unknown> => ({ [SECRET_SIG_KEY]: SECRET_SIG, value });
export const isSecret = (v: unknown): boolean =>
  typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG;

export function setting(ctx: OutputContext, key: string, configKey: string, fallback: string): string {
  const own = ctx.inputs[key];
  if (typeof own === "string" && own && own !== UNKNOWN) return own;
  const p = ctx.providerInputs?.[key];
  if (typeof p === "string" && p) return p;
  const c = ctx.config[configKey];
  return typeof c === "string" && c ? c : fallback;
}

export const packageOf = (type: string): string => type.split(":")[0];

/** The region, project, location and account a resource lives in. */
export interface Place {
  readonly region: string;
  readonly partition: string;
  readonly account: string;
  readonly project: string;
  readonly location: string;
  readonly resourceGroup: string;
}

/** Azure resource providers' namespaces, for ARM ids (a module not listed is capitalized: a guess). */
const AZURE_NAMESPACES: Readonly<Record<string, string>> = {
  storage: "Microsoft.Storage",
  network: "Microsoft.Network",
  compute: "Microsoft.Compute",
  web: "Microsoft.Web",
  keyvault: "Microsoft.KeyVault",
  containerservice: "Microsoft.ContainerService",
  containerregistry: "Microsoft.ContainerRegistry",
  containerinstance: "Microsoft.ContainerInstance",
  app: "Microsoft.App",
  dbforpostgresql: "Microsoft.DBforPostgreSQL",
  dbformysql: "Microsoft.DBforMySQL",
  sql: "Microsoft.Sql",
  cosmosdb: "Microsoft.DocumentDB",
  operationalinsights: "Microsoft.OperationalInsights",
  insights: "Microsoft.Insights",
  applicationinsights: "Microsoft.Insights",
  managedidentity: "Microsoft.ManagedIdentity",
  authorization: "Microsoft.Authorization",
  resources: "Microsoft.Resources",
  privatedns: "Microsoft.Network",
  dns: "Microsoft.Network",
  servicebus: "Microsoft.ServiceBus",
  eventhub: "Microsoft.EventHub",
  redis: "Microsoft.Cache",
  cache: "Microsoft.Cache",
  logic: "Microsoft.Logic",
  signalrservice: "Microsoft.SignalRService",
  appconfiguration: "Microsoft.AppConfiguration",
  cdn: "Microsoft.Cdn",
  apimanagement: "Microsoft.ApiManagement",
  synapse: "Microsoft.Synapse",
  search: "Microsoft.Search",
  cognitiveservices: "Microsoft.CognitiveServices",
};
export const azureNamespace = (mod: string): string =>
  AZURE_NAMESPACES[mod] ?? `Microsoft.${mod[0].toUpperCase()}${mod.slice(1)}`;

/** What a value is named for: its resource, and where it sits. */
export interface ValueContext {
  readonly ctx: OutputContext;
  readonly pkg: string;
  readonly name: string;
  readonly id: string;
  readonly arn?: string;
  readonly place: Place;
  readonly table: ShapeTable;
}

const IP = (seed: string, publicAddress: boolean): string => {
  const n = Number.parseInt(hex(6, seed), 16);
  // Public: 203.0.113.0/24 (TEST-NET-3, documentation only); private: 10.0.0.0/8.
  return publicAddress
    ? `203.0.113.${(n % 250) + 2}`
    : `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n % 250) + 2}`;
};

export const SECRET_NAME =
  /(password|secret|privateKey|accessKey|primaryKey|secondaryKey|clientKey|sasToken|connectionString)$/i;

/** Per cloud: a string for `f`, or undefined to fall through to the names every cloud shares. */
type CloudStrings = (f: string, at: string, v: ValueContext, seed: string) => string | undefined;

const EC2_PREFIXES: Readonly<Record<string, string>> = {
  securitygroup: "sg",
  routetable: "rtb",
  networkacl: "acl",
  acl: "acl",
  subnet: "subnet",
  vpc: "vpc",
  networkinterface: "eni",
  internetgateway: "igw",
  dhcpoptions: "dopt",
};

const awsStrings: CloudStrings = (f, _at, v, seed) => {
  const { name, place: p } = v;
  const service = v.ctx.type.split(/[:/]/)[1];
  if (/Arn$/.test(f))
    return `arn:${p.partition}:${service}:${p.region}:${p.account}:${f.replace(/Arn$/, "")}/${name}`;
  if (f === "ownerId" || f === "accountId") return p.account;
  if (f === "hostedZoneId") return `Z${hex(13, seed).toUpperCase()}`;
  const ec2 =
    /^(?:.*?)(SecurityGroup|RouteTable|NetworkAcl|Acl|Subnet|Vpc|NetworkInterface|InternetGateway|DhcpOptions)Id$/i.exec(
      f,
    );
  if (ec2) return `${EC2_PREFIXES[ec2[1].toLowerCase()]}-${hex(17, seed)}`;
  if (f === "url")
    return v.id.startsWith("https://") ? v.id : `https://${name}.${service}.${p.region}.amazonaws.com`;
  if (/^(endpoint|address)$/.test(f) && service === "eks")
    return `https://${hex(32, seed).toUpperCase()}.gr7.${p.region}.eks.amazonaws.com`;
  if (/(Endpoint|endpoint|address|Address|DomainName|dnsName|Dns|Domain)$/.test(f) && !/Ip/.test(f)) {
    const host = `${name.toLowerCase()}.${hex(12, v.ctx.urn)}.${p.region}.${service}.amazonaws.com`;
    return f === "endpoint" && service === "rds" ? `${host}:${String(v.ctx.inputs.port ?? 5432)}` : host;
  }
  return undefined;
};

const gcpStrings: CloudStrings = (f, _at, v, seed) => {
  const { name, place: p } = v;
  if (f === "selfLink") return `https://www.googleapis.com/${v.ctx.type.split(/[:/]/)[1]}/v1/${v.id}`;
  if (f === "email" || /Email$/.test(f)) return `${name}@${p.project}.iam.gserviceaccount.com`;
  if (f === "uri" || f === "url")
    return v.ctx.type.startsWith("gcp:storage/")
      ? `gs://${name}`
      : `https://${name}-${hex(10, seed)}-ew.a.run.app`;
  if (f === "connectionName") return `${p.project}:${p.region}:${name}`;
  if (f === "endpoint" || /IpAddress$|Ip$/.test(f)) return IP(seed, /public/i.test(f) || f === "endpoint");
  return undefined;
};

const azureStrings: CloudStrings = (f, at, v, seed) => {
  const { name, place: p } = v;
  const namespace = azureNamespace(v.ctx.type.split(":")[1]);
  if (f === "id" && at !== "id")
    // A nested reference: an ARM id in the collection the field names.
    return `/subscriptions/${FAKE_AZURE_SUBSCRIPTION}/resourceGroups/${p.resourceGroup}/providers/${namespace}/${at.split(/[.[]/)[0]}/${name}-${hex(6, seed)}`;
  if (f === "provisioningState") return "Succeeded";
  if (f === "location") return p.location;
  if (f === "type") return `${namespace}/${v.id.split("/").slice(-2)[0]}`;
  if (f === "etag") return `W/"${hex(16, seed)}"`;
  if (/^(principalId|tenantId|clientId|objectId)$/.test(f)) {
    const h = hex(32, seed);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
  }
  if (/^(blob|dfs|file|queue|table|web)$/.test(f))
    return `https://${name}.${f === "web" ? "z6.web" : f}.core.windows.net/`;
  if (f === "loginServer") return `${name.toLowerCase()}.azurecr.io`;
  if (f === "defaultHostName") return `${name}.azurewebsites.net`;
  if (/[Ff]qdn$/.test(f)) return `${name}.${hex(8, v.ctx.urn)}.${p.location}.azurecontainerapps.io`;
  if (f === "vaultUri") return `https://${name}.vault.azure.net/`;
  if (/ipAddress(es)?$|privateIPAddress|IPAddress$/i.test(f)) return IP(seed, /public/i.test(at));
  return undefined;
};

const kubernetesStrings: CloudStrings = (f, _at, v, seed) => {
  if (f === "ip") return IP(seed, true);
  if (f === "hostname") return `${v.name}-${hex(8, seed)}.elb.example.com`;
  if (f === "uid")
    return `${hex(8, seed)}-${hex(4, seed, "a")}-4${hex(3, seed, "b")}-8${hex(3, seed, "c")}-${hex(12, seed, "d")}`;
  return undefined;
};

const CLOUD_STRINGS: Readonly<Record<string, CloudStrings>> = {
  aws: awsStrings,
  gcp: gcpStrings,
  "azure-native": azureStrings,
  kubernetes: kubernetesStrings,
};

/** What every cloud names alike: certificates, times, addresses, hosts, URLs, versions, states, keys. */
function sharedString(f: string, v: ValueContext, seed: string): string {
  const name = v.name.toLowerCase();
  if (/[Cc]ertificate|[Cc]aCert|^data$/.test(f))
    return Buffer.from(
      `-----BEGIN CERTIFICATE-----\noffline ${v.name} ${f}\n-----END CERTIFICATE-----\n`,
    ).toString("base64");
  if (/(Time|Date|At|Timestamp|Created|Updated|^updated|^created)$/.test(f)) return "2025-01-01T00:00:00Z";
  if (/(IpAddress|Ip)$/.test(f) || f === "ipAddress") return IP(seed, /public/i.test(f));
  if (/(Endpoint|endpoint|Hostname|hostname|Fqdn|fqdn|Domain|domain)$/.test(f))
    return `${name}.${hex(8, v.ctx.urn)}.example.com`;
  if (/(Url|Uri)$/.test(f)) return `https://${name}.${hex(8, v.ctx.urn)}.example.com/`;
  if (/[Vv]ersion$/.test(f)) return "1";
  if (/(status|state|State|Status)$/.test(f)) return "available";
  if (SECRET_NAME.test(f)) return Buffer.from(hex(48, seed, "key"), "hex").toString("base64");
  return `${f}-${hex(8, seed)}`;
}

/** A string of the provider's shape for `field` (the property's or nested field's name), at path `at`. */
function stringFor(field: string, at: string, v: ValueContext): string {
  const seed = `${v.ctx.urn}|${at}`;
  if (field === "arn" && v.arn) return v.arn;
  const own = CLOUD_STRINGS[v.pkg]?.(field, at, v, seed);
  if (own !== undefined) return own;
  if (field === "id") return v.id;
  if (field === "name") return v.name;
  return sharedString(field, v, seed);
}

/** `ipAddresses` → `ipAddress`, `policies` → `policy`, `rules` → `rule`. */
const singular = (field: string): string =>
  field
    .replace(/(ss)es$/, "$1")
    .replace(/ies$/, "y")
    .replace(/([^s])s$/, "$1");

/** Nested objects deeper than this are left out: the provider's deepest read-only trees are never read whole. */
const MAX_DEPTH = 3;

/** A value of `shape` for `field`; undefined where the depth runs out. */
export function valueOf(shape: string, field: string, at: string, v: ValueContext, depth: number): unknown {
  const s = shape.replace(/^\?/, "");
  if (s.endsWith("[]")) {
    const item = valueOf(s.slice(0, -2), singular(field), `${at}[0]`, v, depth);
    return item === undefined ? [] : [item];
  }
  if (s.startsWith("{")) return {};
  if (s.startsWith("@")) {
    if (depth >= MAX_DEPTH) return undefined;
    const fields = v.table.types[s.slice(1)];
    if (!fields) return undefined;
    // Azure returns a nested resource as a reference: its id alone.
    if (v.pkg === "azure-native" && fields.id !== undefined) return { id: stringFor("id", `${at}.id`, v) };
    const out: Record<string, unknown> = {};
    for (const [k, inner] of Object.entries(fields)) {
      const value = valueOf(inner, k, `${at}.${k}`, v, depth + 1);
      if (value !== undefined) out[k] = SECRET_NAME.test(k) ? secret(value) : value;
    }
    return out;
  }
  if (s === "n")
    return /port$/i.test(field)
      ? 443
      : /[Nn]umber$/.test(field)
        ? Number(`1${hex(11, v.ctx.urn).replace(/\D/g, "7").slice(0, 11)}`)
        : 1;
  if (s === "b") return false;
  if (s === "a") return {};
  return stringFor(field, at, v);
}

/** Output-only fields laid into what the program passed, without touching what it passed. */
export function mergeInto(
  given: unknown,
  shape: string,
  field: string,
  at: string,
  v: ValueContext,
  depth: number,
): unknown {
  const s = shape.replace(/^\?/, "");
  if (given === UNKNOWN || given === null || given === undefined || isSecret(given)) return given;
  if (s.endsWith("[]"))
    return Array.isArray(given)
      ? given.map((g, i) => mergeInto(g, s.slice(0, -2), field, `${at}[${i}]`, v, depth))
      : given;
  if (!s.startsWith("@") || typeof given !== "object" || Array.isArray(given) || depth >= MAX_DEPTH)
    return given;
  const fields = v.table.types[s.slice(1)] ?? {};
  const out: Record<string, unknown> = { ...(given as Record<string, unknown>) };
  for (const [k, inner] of Object.entries(fields)) {
    if (out[k] === undefined) {
      const value = v.ctx.preview ? UNKNOWN : valueOf(inner, k, `${at}.${k}`, v, depth + 1);
      if (value !== undefined) out[k] = value;
    } else out[k] = mergeInto(out[k], inner, k, `${at}.${k}`, v, depth + 1);
  }
  return out;
}
