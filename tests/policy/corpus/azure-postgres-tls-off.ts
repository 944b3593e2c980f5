// Corpus: azure postgres tls off.
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import { CorpusEntry } from "../kit";
import { RG, postgresServer } from "../azure-kit";

// A server parameter that lets clients connect without TLS.
export const entry: CorpusEntry = {
  description: "PostgreSQL flexible server with require_secure_transport off",
  expect: ["azure-postgres-secure-transport"],
  program: () => {
    const server = postgresServer("orders");
    new dbforpostgresql.Configuration("orders-tls", {
      resourceGroupName: RG,
      serverName: server.name,
      configurationName: "require_secure_transport",
      value: "off",
      source: "user-override",
    });
  },
};
