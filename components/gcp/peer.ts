// Loaded first by the Google Cloud entry point: a missing @pulumi/gcp is named, with the install command.
import { requirePeerSdk } from "../core/peer";

requirePeerSdk("@groundwork/infra/gcp", "@pulumi/gcp");
