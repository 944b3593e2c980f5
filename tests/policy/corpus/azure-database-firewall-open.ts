// Corpus: azure database firewall open.
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import { CorpusEntry } from "../kit";
import { RG, postgresServer } from "../azure-kit";

// The "allow everything" firewall rule tutorials paste in.
export const entry: CorpusEntry = {
  description: "PostgreSQL firewall rule 0.0.0.0–255.255.255.255",
  expect: ["azure-database-firewall-not-open"],
  program: () => {
    const server = postgresServer("orders");
    new dbforpostgresql.FirewallRule("orders-all", {
      resourceGroupName: RG,
      serverName: server.name,
      startIpAddress: "0.0.0.0",
      endIpAddress: "255.255.255.255",
    });
  },
};
