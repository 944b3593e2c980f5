// The pack's entry point: the Pulumi CLI and `groundwork check --policy-pack ./policy` start it as an
// analyzer. The rules live in rules.ts so the repository's tests can run them in-process too.
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, policies } from "./rules";

new PolicyPack(PACK_NAME, { policies });
