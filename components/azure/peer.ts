// Loaded first by the Azure entry point: a missing @pulumi/azure-native is named, with the install command.
import { requirePeerSdk } from "../core/peer";

requirePeerSdk("@groundwork/infra/azure", "@pulumi/azure-native");
