// The server parameters a PostgreSQL flexible server gets, and the rule that its children run one at a
// time. Every value here comes from the benchmark or Azure page cited beside it. Pure data and one helper.

/**
 * The server parameters set on every server, in the order they are applied. Each is dynamic on flexible
 * server (no restart): https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-server-parameters
 * lists them with their allowed values.
 * - `require_secure_transport` on, `log_checkpoints`, `log_connections`, `log_disconnections` on,
 *   `connection_throttle.enable` on and `logfiles.retention_days` above 3: the PostgreSQL section of the CIS
 *   Microsoft Azure Foundations Benchmark (v2 and v3; flexible server names the throttle
 *   `connection_throttle.enable`, Single Server called it `connection_throttling`). 7 is the most flexible
 *   server keeps server log files (1 to 7 days; concepts-logging, "Server logs").
 * - `log_min_messages` warning, `log_min_error_statement` error, `log_min_duration_statement` -1 (off: a
 *   statement logged for its duration carries its literal parameters) and `log_statement` ddl: the logging
 *   section (3.1, "What to log") of the CIS PostgreSQL Benchmark. Section numbers are not cited: they move
 *   between editions.
 * pgaudit (CIS PostgreSQL 3.2) is not turned on: it needs `shared_preload_libraries` (a restart) and a
 * `CREATE EXTENSION` inside the database, which ARM cannot do; the CIS Azure benchmark does not ask for it.
 * README says how to add it.
 */
export const SERVER_PARAMETERS: readonly {
  readonly child: string;
  readonly name: string;
  readonly value: string;
}[] = [
  { child: "secure-transport", name: "require_secure_transport", value: "on" },
  { child: "log-checkpoints", name: "log_checkpoints", value: "on" },
  { child: "log-connections", name: "log_connections", value: "on" },
  { child: "log-disconnections", name: "log_disconnections", value: "on" },
  { child: "connection-throttle", name: "connection_throttle.enable", value: "on" },
  { child: "log-retention", name: "logfiles.retention_days", value: "7" },
  { child: "log-min-messages", name: "log_min_messages", value: "warning" },
  { child: "log-min-error-statement", name: "log_min_error_statement", value: "error" },
  { child: "log-min-duration-statement", name: "log_min_duration_statement", value: "-1" },
  { child: "log-statement", name: "log_statement", value: "ddl" },
];

/**
 * The storage sizes (GiB) a flexible server takes on Premium SSD, the default storage type: P4 (32 GiB)
 * to P80 (32 TiB), https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-storage
 * ("Premium SSD": 32, 64, 128, 256, 512 GiB, 1, 2, 4, 8, 16, 32 TiB). Other values are refused by ARM.
 */
export const POSTGRES_STORAGE_SIZES_GIB: readonly number[] = [
  32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768,
];
