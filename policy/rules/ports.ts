// The ports no firewall or security group may open to the internet (SSH, RDP, databases), shared by the
// AWS and Google Cloud network rules so both clouds guard the same list.
/** Administrative and database ports, by number. */
const ADMIN_PORTS: Record<number, string> = {
  22: "SSH",
  3389: "RDP",
  5432: "PostgreSQL",
  3306: "MySQL",
  1433: "SQL Server",
  1521: "Oracle",
  6379: "Redis",
  27017: "MongoDB",
  9200: "Elasticsearch",
};
/** The source ranges that mean "anyone on the internet". */
export const OPEN = ["0.0.0.0/0", "::/0"];

/**
 * The administrative and database ports a rule opens, as "22 (SSH)": `protocol` in AWS or Google Cloud
 * spelling (`tcp`, `6`, `all`, `-1`), the range from `from` to `to` (both ends included).
 */
export function exposedAdminPorts(protocol: unknown, from: unknown, to: unknown): string[] {
  const proto = String(protocol ?? "tcp").toLowerCase();
  if (!["tcp", "6", "-1", "all"].includes(proto)) return [];
  const lo = proto === "-1" || proto === "all" ? 0 : Number(from ?? 0);
  const hi = proto === "-1" || proto === "all" ? 65535 : Number(to ?? from ?? 65535);
  return Object.entries(ADMIN_PORTS)
    .filter(([p]) => Number(p) >= lo && Number(p) <= hi)
    .map(([p, what]) => `${p} (${what})`);
}
