// Kubernetes components. (filled by the Kubernetes issue)
export {};
