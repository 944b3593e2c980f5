// Loaded first by the AWS entry point: a missing @pulumi/aws is named, with the install command.
import { requirePeerSdk } from "../core/peer";

requirePeerSdk("@groundwork/infra/aws", "@pulumi/aws");
