// AWS physical name rules: what S3 accepts as a bucket name. Pure data and checks, no provider SDK, so
// core's deprecated by-kind naming API can load it without loading AWS.
import { NameRule } from "../core/naming";

/** S3 bucket names (general purpose buckets), with the prefixes and suffixes S3 reserves. */
export const S3_BUCKET_NAME: NameRule = {
  id: "s3Bucket",
  minLength: 3,
  maxLength: 63,
  pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
  description:
    "3-63 characters of lowercase letters, digits, dots and hyphens, starting and ending with a letter or " +
    "digit, not shaped like an IP address, no '..', not starting with 'xn--' or 'sthree-', not ending in " +
    "'-s3alias' or '--ol-s3'",
  extra: (n) => {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(n)) return "is shaped like an IP address";
    if (n.includes("..")) return "contains '..'";
    if (/^(xn--|sthree-|amzn-s3-demo-)/.test(n)) return "starts with a reserved prefix";
    if (/(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(n)) return "ends with a reserved suffix";
    return undefined;
  },
  sanitize: (s) => s.replace(/[^a-z0-9.-]/g, "-").replace(/\.{2,}/g, "."),
  // The prefixes S3 reserves survive sanitising ('xn--' does not: hyphens are collapsed); move them off the front.
  fixStart: (s) => (/^(sthree-|amzn-s3-demo-)/.test(s) ? `b-${s}` : s),
};
