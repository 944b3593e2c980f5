// Corpus: aws ecs autoscaling inverted.
import { CorpusEntry } from "../kit";
import { scaledService } from "../aws-kit";

// A scaling target that lets the service go to zero tasks, with its bounds the wrong way round.
export const entry: CorpusEntry = {
  description: "ECS service scaled between minCapacity 0 and a maxCapacity below it",
  expect: ["aws-ecs-autoscaling-bounds"],
  program: () => void scaledService("api", { min: 0, max: -1 }),
};
