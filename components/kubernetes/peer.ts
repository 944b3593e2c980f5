// Loaded first by the Kubernetes entry point: a missing @pulumi/kubernetes is named, with the install command.
import { requirePeerSdk } from "../core/peer";

requirePeerSdk("@groundwork/infra/kubernetes", "@pulumi/kubernetes");
