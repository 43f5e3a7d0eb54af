// Replaced by the test bed start-up (registries + Sigstore stack) once it exists.
export default async function globalSetup(): Promise<void> {}
