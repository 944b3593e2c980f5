// Google Cloud physical name rules: the RFC 1035 shape most Google Cloud resource names follow.
import { NameRule } from "../core/naming";

/** Google Cloud resource names (RFC 1035): a letter first, no trailing hyphen. */
export const GCP_RESOURCE_NAME: NameRule = {
  id: "gcpResource",
  minLength: 1,
  maxLength: 63,
  pattern: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  description:
    "an RFC 1035 name: 1-63 characters, lowercase letters, digits and hyphens, starting with a letter and " +
    "not ending with a hyphen",
  fixStart: (s) => (/^[0-9]/.test(s) ? `g-${s}` : s),
};
