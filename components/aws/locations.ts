// The places, limits and engine support windows AWS holds a deployment to, from facts/aws/locations.json,
// limits.json and lifecycle.json (each entry with its source): the regions the provider knows, their
// zones, the quotas a component can count before anything registers, and when RDS stops supporting a
// PostgreSQL major. Pure data: no provider SDK loads here.
import awsLifecycle from "../../facts/aws/lifecycle.json";
import awsLimits from "../../facts/aws/limits.json";
import awsLocations from "../../facts/aws/locations.json";
import { EngineMajorFact, LifecycleFile, LimitFact, LimitsFile } from "../../facts/limits";
import { LocationsFile, PlaceList } from "../../facts/locations";

const LOCATIONS = awsLocations as unknown as LocationsFile;
const LIMITS = awsLimits as unknown as LimitsFile;
const LIFECYCLE = awsLifecycle as unknown as LifecycleFile;

/** Every region the AWS provider knows (the SDK's Region enum), for `Validator.place`. */
export const AWS_REGIONS: PlaceList = LOCATIONS.regions;

/** Every availability zone of every region, with its zone id. */
export const AWS_ZONES: PlaceList = LOCATIONS.availabilityZones;

/** One AWS limit by its key in facts/aws/limits.json (`ec2.elasticIpsPerRegion`). */
export function awsLimit(key: string): LimitFact {
  const limit = LIMITS[key];
  if (limit === undefined) throw new Error(`facts/aws/limits.json has no limit ${key}`);
  return limit;
}

/** The support window of an RDS for PostgreSQL major version, or undefined when the facts do not list it. */
export function rdsPostgresMajor(major: string): EngineMajorFact | undefined {
  return LIFECYCLE["rds-postgres"].majors[major];
}

/** Where the RDS for PostgreSQL support windows come from. */
export const RDS_POSTGRES_LIFECYCLE_SOURCE: string = LIFECYCLE["rds-postgres"].source;
