// AWS components. (filled by the AWS issue)
export {};
